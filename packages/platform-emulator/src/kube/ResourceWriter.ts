import { randomUUID } from 'node:crypto';
import { Clock } from '../clock';
import {
  JsonObject,
  cloneJson,
  deepEqual,
  isJsonObject,
  rfc3339Seconds,
} from './json';
import { managedFieldsAfterUpdate, serverSideApply } from './managedFields';
import { ObjectStore } from './ObjectStore';
import {
  JsonPatchError,
  applyJsonPatch,
  applyMergePatch,
  parseJsonPatch,
} from './patch';
import {
  FieldError,
  KubeApiError,
  OBJECT_MODIFIED,
  QualifiedResource,
  alreadyExists,
  badRequest,
  conflict,
  forbidden,
  internalError,
  invalid,
  notFound,
  patchNotApplicable,
  unsupportedMediaType,
} from './status';
import { KubeObject, ResourceType, resourceKey } from './types';
import { WritableResource } from './writableResource';
import {
  SYSTEM_METADATA,
  asJson,
  generatedName,
  inServerOrder,
  metadataOf,
} from './objectMeta';
import {
  CUSTOM_RESOURCE_PATCH_TYPES,
  FieldValidation,
  PATCH_MEDIA_TYPES,
  checkPatchOptions,
  checkTypeMeta,
  fieldManagerOf,
  fieldValidationOf,
  isDryRun,
  parseApplyBody,
  parseJsonBody,
  parseDeleteOptions,
  parseObjectBody,
  warningHeader,
} from './writeOptions';

/** A write the API server accepted, for the simulation to act on. */
export interface ApiWrite {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  /** e.g. `flink.apache.org/v1beta1/flinkdeployments`, `v1/serviceaccounts` */
  resourceKey: string;
  object: KubeObject;
  previous?: KubeObject;
  /** The field manager that made the write. */
  fieldManager: string;
}

export interface WriteRequest {
  method: string;
  namespace?: string;
  name?: string;
  query: URLSearchParams;
  /** Media type of the body, lower-case, without parameters. */
  mediaType: string;
  body: Buffer;
  userAgent?: string;
}

export interface WriteResponse {
  code: number;
  body: KubeObject;
  /** Values for `Warning` headers. */
  warnings: string[];
}

/**
 * The write verbs of one namespaced resource (create, update, JSON / merge
 * patch, server-side apply, delete), with the checks, pruning, defaulting,
 * validation, status subresource semantics, field ownership and error
 * answers of kube-apiserver's generic registry: for a custom resource as
 * kube-apiextensions-apiserver serves it, for a built-in kind with the
 * rules its `WritableResource` brings (see `serviceAccounts.ts`).
 */
export class ResourceWriter {
  readonly #store: ObjectStore;
  readonly #clock: Clock;
  readonly #definition: WritableResource;
  readonly #type: ResourceType;
  readonly #onWrite?: (write: ApiWrite) => void;
  readonly #resourceKey: string;
  readonly #apiVersion: string;
  readonly #resource: QualifiedResource;

  constructor(options: {
    store: ObjectStore;
    clock: Clock;
    resource: WritableResource;
    onWrite?: (write: ApiWrite) => void;
  }) {
    this.#store = options.store;
    this.#clock = options.clock;
    this.#definition = options.resource;
    this.#type = options.resource.type;
    this.#onWrite = options.onWrite;
    this.#apiVersion = this.#type.group
      ? `${this.#type.group}/${this.#type.version}`
      : this.#type.version;
    this.#resourceKey = resourceKey(this.#type);
    this.#resource = {
      group: this.#type.group,
      resource: this.#type.resource,
    };
  }

  get resourceKey(): string {
    return this.#resourceKey;
  }

  handle(request: WriteRequest): WriteResponse {
    switch (request.method) {
      case 'POST':
        return this.#create(request);
      case 'PUT':
        return this.#update(request);
      case 'PATCH':
        return this.#patch(request);
      case 'DELETE':
        return this.#delete(request);
      default:
        throw new Error(`Unsupported write method ${request.method}`);
    }
  }

  #create(request: WriteRequest): WriteResponse {
    const dryRun = isDryRun(request.query);
    const body = parseObjectBody(
      request.body,
      request.mediaType,
      this.#type.kind,
    );
    checkTypeMeta(body, this.#apiVersion, this.#type.kind);
    const warnings: string[] = [];
    const object = this.#decode(
      body,
      fieldValidationOf(request.query),
      warnings,
    );
    const metadata = metadataOf(object);
    this.#checkNamespace(metadata, request.namespace);
    if (!metadata.name && typeof metadata.generateName === 'string') {
      const problem = this.#definition.nameProblem(
        metadata.generateName.replace(/-$/, 'a'),
      );
      if (problem) {
        throw this.#invalid('', [
          {
            reason: 'FieldValueInvalid',
            field: 'metadata.generateName',
            value: metadata.generateName,
            detail: problem,
          },
        ]);
      }
      metadata.name = generatedName(metadata.generateName);
    }
    if (metadata.resourceVersion) {
      throw internalError(
        'resourceVersion should not be set on objects to be created',
      );
    }
    this.#checkNamespaceAcceptsNewObjects(
      request.namespace,
      String(metadata.name ?? ''),
    );
    for (const field of SYSTEM_METADATA) {
      delete metadata[field];
    }
    if (this.#definition.hasStatusSubresource) {
      delete object.status;
    }
    this.#definition.prepareForCreate?.(object);
    this.#validate(object);
    const name = String(metadata.name);
    if (this.#store.get(this.#resourceKey, request.namespace, name)) {
      throw alreadyExists(this.#resource, name);
    }
    const manager = fieldManagerOf(request.query, request.userAgent);
    metadata.managedFields = managedFieldsAfterUpdate(
      undefined,
      object,
      this.#ownership(manager),
    );
    if (dryRun) {
      return {
        code: 201,
        body: this.#asIfCreated(object),
        warnings,
      };
    }
    const stored = this.#store.upsert(this.#resourceKey, inServerOrder(object));
    this.#onWrite?.({
      type: 'ADDED',
      resourceKey: this.#resourceKey,
      object: stored,
      fieldManager: manager,
    });
    return { code: 201, body: stored, warnings };
  }

  #update(request: WriteRequest): WriteResponse {
    const dryRun = isDryRun(request.query);
    const body = parseObjectBody(
      request.body,
      request.mediaType,
      this.#type.kind,
    );
    checkTypeMeta(body, this.#apiVersion, this.#type.kind);
    const warnings: string[] = [];
    const object = this.#decode(
      body,
      fieldValidationOf(request.query),
      warnings,
    );
    const metadata = metadataOf(object);
    this.#checkName(metadata, request.name!);
    this.#checkNamespace(metadata, request.namespace);
    const existing = this.#existing(request);
    if (
      !metadata.resourceVersion &&
      !this.#definition.allowUnconditionalUpdate
    ) {
      throw this.#invalid(request.name!, [
        {
          reason: 'FieldValueInvalid',
          field: 'metadata.resourceVersion',
          value: '0x0',
          detail: 'must be specified for an update',
        },
      ]);
    }
    this.#checkPreconditions(existing, metadata);
    const manager = fieldManagerOf(request.query, request.userAgent);
    return this.#writeUpdate(existing, object, { manager, dryRun, warnings });
  }

  #patch(request: WriteRequest): WriteResponse {
    const mediaType = request.mediaType;
    // Strategic merge patches are not implemented, so built-in kinds refuse
    // them too, where a real server would take them (see the README).
    if (!CUSTOM_RESOURCE_PATCH_TYPES.includes(mediaType as never)) {
      throw unsupportedMediaType(CUSTOM_RESOURCE_PATCH_TYPES);
    }
    const isApply = mediaType === PATCH_MEDIA_TYPES.apply;
    checkPatchOptions(request.query, isApply);
    const dryRun = isDryRun(request.query);
    if (isApply) {
      return this.#apply(request, dryRun);
    }
    const patchBody = parseJsonBody(request.body);
    let operations: ReturnType<typeof parseJsonPatch> | undefined;
    if (mediaType === PATCH_MEDIA_TYPES.json) {
      try {
        operations = parseJsonPatch(patchBody);
      } catch (error) {
        throw badRequest(
          error instanceof Error ? error.message : String(error),
        );
      }
    }
    const existing = this.#existing(request);
    let patched: unknown;
    try {
      patched = operations
        ? applyJsonPatch(existing, operations)
        : applyMergePatch(existing, patchBody);
    } catch (error) {
      if (error instanceof JsonPatchError) {
        throw patchNotApplicable(error.message);
      }
      throw error;
    }
    if (!isJsonObject(patched)) {
      throw badRequest('the patched object is not a JSON object');
    }
    checkTypeMeta(patched, this.#apiVersion, this.#type.kind);
    const warnings: string[] = [];
    const object = this.#decode(
      patched,
      fieldValidationOf(request.query),
      warnings,
    );
    const metadata = metadataOf(object);
    this.#checkName(metadata, request.name!);
    this.#checkNamespace(metadata, request.namespace);
    if (metadata.resourceVersion) {
      this.#checkPreconditions(existing, metadata);
    }
    const manager = fieldManagerOf(request.query, request.userAgent);
    return this.#writeUpdate(existing, object, { manager, dryRun, warnings });
  }

  #apply(request: WriteRequest, dryRun: boolean): WriteResponse {
    const manager = request.query.get('fieldManager')!;
    const force = request.query.get('force') === 'true';
    const body = parseApplyBody(request.body);
    checkTypeMeta(body, this.#apiVersion, this.#type.kind);
    const { pruned, unknownFields } = this.#definition.schema.prune(body);
    // Like structured-merge-diff's conversion of the patch to its typed form.
    const problems = [
      ...unknownFields.map(field => `.${field}: field not declared in schema`),
      ...this.#decodingErrors(pruned).map(error => String(error.detail)),
    ];
    if (problems.length > 0) {
      throw badRequest(
        `failed to create typed patch object (${this.#type.group}/${
          this.#type.version
        }, Kind=${this.#type.kind}): ${problems.join(', ')}`,
      );
    }
    const metadata = metadataOf(pruned);
    if (metadata.name === undefined) {
      metadata.name = request.name;
    }
    this.#checkName(metadata, request.name!);
    this.#checkNamespace(metadata, request.namespace);
    const live = this.#store.get(
      this.#resourceKey,
      request.namespace,
      request.name!,
    );
    if (live && metadata.resourceVersion) {
      this.#checkPreconditions(live, metadata);
    }
    if (!live) {
      this.#checkNamespaceAcceptsNewObjects(request.namespace, request.name!);
    }
    const applied: JsonObject = { ...pruned, metadata: { ...metadata } };
    const appliedMetadata = applied.metadata as JsonObject;
    for (const field of [
      ...SYSTEM_METADATA,
      'resourceVersion',
      'name',
      'namespace',
      'generateName',
    ]) {
      delete appliedMetadata[field];
    }
    const merged = serverSideApply({
      live: live ? asJson(live) : undefined,
      applied,
      manager,
      force,
      apiVersion: this.#apiVersion,
      time: rfc3339Seconds(this.#clock.now()),
      hasStatusSubresource: this.#definition.hasStatusSubresource,
    });
    const mergedMetadata = metadataOf(merged);
    mergedMetadata.name = request.name;
    mergedMetadata.namespace = request.namespace;
    if (this.#definition.hasStatusSubresource) {
      if (live?.status !== undefined) {
        merged.status = live.status;
      } else {
        delete merged.status;
      }
    }
    // Defaults are filled in after the merge, so the applier does not own them.
    const object = this.#definition.schema.withDefaults(merged);
    if (live) {
      return this.#writeUpdate(live, object, {
        manager,
        dryRun,
        warnings: [],
        ownershipRecorded: true,
      });
    }
    this.#definition.prepareForCreate?.(object);
    this.#validate(object);
    if (dryRun) {
      return { code: 201, body: this.#asIfCreated(object), warnings: [] };
    }
    const stored = this.#store.upsert(this.#resourceKey, inServerOrder(object));
    this.#onWrite?.({
      type: 'ADDED',
      resourceKey: this.#resourceKey,
      object: stored,
      fieldManager: manager,
    });
    return { code: 201, body: stored, warnings: [] };
  }

  #delete(request: WriteRequest): WriteResponse {
    const dryRun = isDryRun(request.query);
    const existing = this.#existing(request);
    const { preconditions } = parseDeleteOptions(request.body, request.query);
    if (
      typeof preconditions.uid === 'string' &&
      preconditions.uid !== existing.metadata.uid
    ) {
      throw conflict(
        this.#resource,
        existing.metadata.name,
        `Precondition failed: UID in precondition: ${preconditions.uid}, UID in object meta: ${existing.metadata.uid}`,
      );
    }
    if (
      typeof preconditions.resourceVersion === 'string' &&
      preconditions.resourceVersion !== existing.metadata.resourceVersion
    ) {
      throw conflict(
        this.#resource,
        existing.metadata.name,
        `Precondition failed: ResourceVersion in precondition: ${preconditions.resourceVersion}, ResourceVersion in object meta: ${existing.metadata.resourceVersion}`,
      );
    }
    const manager = fieldManagerOf(request.query, request.userAgent);
    if ((existing.metadata.finalizers ?? []).length > 0) {
      // Finalizers hold the object; it stays, terminating, until they are removed.
      if (existing.metadata.deletionTimestamp || dryRun) {
        return { code: 202, body: existing, warnings: [] };
      }
      const terminating: KubeObject = {
        ...existing,
        metadata: {
          ...existing.metadata,
          deletionTimestamp: rfc3339Seconds(this.#clock.now()),
          deletionGracePeriodSeconds: 0,
        } as KubeObject['metadata'],
      };
      const stored = this.#store.upsert(this.#resourceKey, terminating);
      this.#onWrite?.({
        type: 'MODIFIED',
        resourceKey: this.#resourceKey,
        object: stored,
        previous: existing,
        fieldManager: manager,
      });
      return { code: 202, body: stored, warnings: [] };
    }
    if (dryRun) {
      return { code: 200, body: existing, warnings: [] };
    }
    const removed = this.#store.remove(
      this.#resourceKey,
      request.namespace,
      existing.metadata.name,
    )!;
    this.#onWrite?.({
      type: 'DELETED',
      resourceKey: this.#resourceKey,
      object: removed,
      previous: existing,
      fieldManager: manager,
    });
    return { code: 200, body: removed, warnings: [] };
  }

  /**
   * The rest of an update (PUT, patch, apply to an existing object): keeps
   * the server's metadata and the status, validates, records ownership
   * (apply has already), and writes unless nothing changed.
   */
  #writeUpdate(
    existing: KubeObject,
    object: JsonObject,
    write: {
      manager: string;
      dryRun: boolean;
      warnings: string[];
      ownershipRecorded?: boolean;
    },
  ): WriteResponse {
    const { manager, dryRun, warnings } = write;
    const metadata = metadataOf(object);
    // The server's metadata stays the server's.
    const existingMetadata = metadataOf(asJson(existing));
    for (const field of SYSTEM_METADATA) {
      if (field === 'managedFields') continue;
      const value = existingMetadata[field];
      if (value === undefined) {
        delete metadata[field];
      } else {
        metadata[field] = value;
      }
    }
    metadata.resourceVersion = existing.metadata.resourceVersion;
    if (this.#definition.hasStatusSubresource) {
      // Status is written through the status subresource only.
      if (existing.status === undefined) {
        delete object.status;
      } else {
        object.status = existing.status;
      }
    }
    this.#definition.prepareForUpdate?.(object, asJson(existing));
    this.#validate(object);
    if (!write.ownershipRecorded) {
      metadata.managedFields = managedFieldsAfterUpdate(
        asJson(existing),
        object,
        this.#ownership(manager),
      );
    }
    if (deepEqual(existing, object)) {
      // A no-op write is not written, so resourceVersion does not move.
      return { code: 200, body: existing, warnings };
    }
    if (dryRun) {
      return { code: 200, body: inServerOrder(object), warnings };
    }
    if (
      metadata.deletionTimestamp &&
      (!Array.isArray(metadata.finalizers) || metadata.finalizers.length === 0)
    ) {
      // The last finalizer is gone: the terminating object goes.
      const removed = this.#store.remove(
        this.#resourceKey,
        existing.metadata.namespace,
        existing.metadata.name,
      )!;
      this.#onWrite?.({
        type: 'DELETED',
        resourceKey: this.#resourceKey,
        object: removed,
        previous: existing,
        fieldManager: manager,
      });
      return { code: 200, body: removed, warnings };
    }
    const stored = this.#store.upsert(this.#resourceKey, inServerOrder(object));
    this.#onWrite?.({
      type: 'MODIFIED',
      resourceKey: this.#resourceKey,
      object: stored,
      previous: existing,
      fieldManager: manager,
    });
    return { code: 200, body: stored, warnings };
  }

  /**
   * A request's object as the server decodes it: unknown fields pruned (or
   * rejected), a built-in kind's field types checked, defaults filled in.
   */
  #decode(
    object: JsonObject,
    fieldValidation: FieldValidation,
    warnings: string[],
  ): JsonObject {
    const { pruned, unknownFields } = this.#definition.schema.prune(object);
    if (unknownFields.length > 0) {
      if (fieldValidation === 'Strict') {
        throw badRequest(
          `${this.#type.kind} in version "${
            this.#type.version
          }" cannot be handled as a ${
            this.#type.kind
          }: strict decoding error: ${unknownFields
            .map(field => `unknown field "${field}"`)
            .join(', ')}`,
        );
      }
      if (fieldValidation === 'Warn') {
        warnings.push(
          ...unknownFields.map(field =>
            warningHeader(`unknown field "${field}"`),
          ),
        );
      }
    }
    const typeErrors = this.#decodingErrors(pruned);
    if (typeErrors.length > 0) {
      throw badRequest(
        `${this.#type.kind} in version "${
          this.#type.version
        }" cannot be handled as a ${this.#type.kind}: ${typeErrors
          .map(error => error.detail)
          .join(', ')}`,
      );
    }
    return this.#definition.schema.withDefaults(pruned);
  }

  /**
   * The values of the wrong JSON type in a built-in kind, which fail
   * decoding into its Go struct before validation; none for a custom
   * resource, whose schema validation reports them (422).
   */
  #decodingErrors(object: JsonObject): FieldError[] {
    if (!this.#definition.builtIn) {
      return [];
    }
    return this.#definition.schema
      .validate(object)
      .filter(error => error.reason === 'FieldValueTypeInvalid');
  }

  #validate(object: JsonObject) {
    const errors = this.#definition.validate(object);
    if (errors.length > 0) {
      throw this.#invalid(String(metadataOf(object).name ?? ''), errors);
    }
  }

  #invalid(name: string, errors: FieldError[]): KubeApiError {
    return invalid(
      { group: this.#type.group, kind: this.#type.kind },
      name,
      errors,
    );
  }

  #existing(request: WriteRequest): KubeObject {
    const existing = this.#store.get(
      this.#resourceKey,
      request.namespace,
      request.name!,
    );
    if (!existing) {
      throw notFound(this.#resource, request.name!);
    }
    return existing;
  }

  #checkName(metadata: JsonObject, name: string) {
    if (metadata.name !== name) {
      throw badRequest(
        `the name of the object (${String(
          metadata.name ?? '',
        )}) does not match the name on the URL (${name})`,
      );
    }
  }

  #checkNamespace(metadata: JsonObject, namespace: string | undefined) {
    if (metadata.namespace && metadata.namespace !== namespace) {
      throw badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    metadata.namespace = namespace;
  }

  #checkPreconditions(existing: KubeObject, metadata: JsonObject) {
    if (metadata.uid && metadata.uid !== existing.metadata.uid) {
      throw conflict(
        this.#resource,
        existing.metadata.name,
        `Precondition failed: UID in precondition: ${String(
          metadata.uid,
        )}, UID in object meta: ${existing.metadata.uid}`,
      );
    }
    if (
      metadata.resourceVersion &&
      metadata.resourceVersion !== existing.metadata.resourceVersion
    ) {
      throw conflict(this.#resource, existing.metadata.name, OBJECT_MODIFIED);
    }
  }

  /** The NamespaceLifecycle admission check for new objects. */
  #checkNamespaceAcceptsNewObjects(
    namespace: string | undefined,
    name: string,
  ) {
    if (!namespace) {
      return;
    }
    const found = this.#store.get('v1/namespaces', undefined, namespace);
    if (!found) {
      throw notFound({ group: '', resource: 'namespaces' }, namespace);
    }
    const phase = isJsonObject(found.status) ? found.status.phase : undefined;
    if (found.metadata.deletionTimestamp || phase === 'Terminating') {
      const resource = this.#type.group
        ? `${this.#type.resource}.${this.#type.group}`
        : this.#type.resource;
      throw forbidden(
        `${resource} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
      );
    }
  }

  #ownership(manager: string) {
    return {
      manager,
      apiVersion: this.#apiVersion,
      time: rfc3339Seconds(this.#clock.now()),
      hasStatusSubresource: this.#definition.hasStatusSubresource,
    };
  }

  /** What a dry-run create answers: the object as it would be stored. */
  #asIfCreated(object: JsonObject): KubeObject {
    const result = cloneJson(object);
    const metadata = metadataOf(result);
    metadata.uid = randomUUID();
    metadata.creationTimestamp = rfc3339Seconds(this.#clock.now());
    if (result.spec !== undefined) {
      // As the store: kinds without a spec (ServiceAccounts) have no generation.
      metadata.generation = 1;
    }
    return inServerOrder(result);
  }
}
