import { randomUUID } from 'node:crypto';
import { Clock } from '../clock';
import { CustomResourceDefinitionVersion } from './crds';
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
import { KubeObject, resourceKey } from './types';
import {
  CustomResourceSchema,
  dnsSubdomainProblem,
  validateObjectMeta,
} from './validation';
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
  /** e.g. `flink.apache.org/v1beta1/flinkdeployments` */
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
 * The write verbs of one custom resource (create, update, JSON / merge
 * patch, server-side apply, delete), with the checks, validation, status
 * subresource semantics, field ownership and error answers of
 * kube-apiextensions-apiserver.
 */
export class CustomResourceWriter {
  readonly #store: ObjectStore;
  readonly #clock: Clock;
  readonly #crd: CustomResourceDefinitionVersion;
  readonly #schema: CustomResourceSchema;
  readonly #onWrite?: (write: ApiWrite) => void;
  readonly #resourceKey: string;
  readonly #apiVersion: string;
  readonly #resource: QualifiedResource;

  constructor(options: {
    store: ObjectStore;
    clock: Clock;
    crd: CustomResourceDefinitionVersion;
    onWrite?: (write: ApiWrite) => void;
  }) {
    this.#store = options.store;
    this.#clock = options.clock;
    this.#crd = options.crd;
    this.#schema = CustomResourceSchema.of(options.crd.schema);
    this.#onWrite = options.onWrite;
    this.#apiVersion = `${options.crd.group}/${options.crd.version}`;
    this.#resourceKey = resourceKey({
      group: options.crd.group,
      version: options.crd.version,
      resource: options.crd.plural,
      kind: options.crd.kind,
      listKind: `${options.crd.kind}List`,
      singular: options.crd.kind.toLowerCase(),
      namespaced: true,
      verbs: [],
    });
    this.#resource = { group: options.crd.group, resource: options.crd.plural };
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
      this.#crd.kind,
    );
    checkTypeMeta(body, this.#apiVersion, this.#crd.kind);
    const warnings: string[] = [];
    const object = this.#prune(
      body,
      fieldValidationOf(request.query),
      warnings,
    );
    const metadata = metadataOf(object);
    this.#checkNamespace(metadata, request.namespace);
    if (!metadata.name && typeof metadata.generateName === 'string') {
      const problem = dnsSubdomainProblem(
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
    if (this.#crd.hasStatusSubresource) {
      delete object.status;
    }
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
      this.#crd.kind,
    );
    checkTypeMeta(body, this.#apiVersion, this.#crd.kind);
    const warnings: string[] = [];
    const object = this.#prune(
      body,
      fieldValidationOf(request.query),
      warnings,
    );
    const metadata = metadataOf(object);
    this.#checkName(metadata, request.name!);
    this.#checkNamespace(metadata, request.namespace);
    const existing = this.#existing(request);
    if (!metadata.resourceVersion) {
      // Custom resources do not allow unconditional updates.
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
    checkTypeMeta(patched, this.#apiVersion, this.#crd.kind);
    const warnings: string[] = [];
    const object = this.#prune(
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
    checkTypeMeta(body, this.#apiVersion, this.#crd.kind);
    const { pruned, unknownFields } = this.#schema.prune(body);
    if (unknownFields.length > 0) {
      throw badRequest(
        `failed to create typed patch object (${this.#apiVersion}, Kind=${
          this.#crd.kind
        }): ${unknownFields
          .map(field => `.${field}: field not declared in schema`)
          .join(', ')}`,
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
      hasStatusSubresource: this.#crd.hasStatusSubresource,
    });
    const mergedMetadata = metadataOf(merged);
    mergedMetadata.name = request.name;
    mergedMetadata.namespace = request.namespace;
    if (this.#crd.hasStatusSubresource) {
      if (live?.status !== undefined) {
        merged.status = live.status;
      } else {
        delete merged.status;
      }
    }
    if (live) {
      return this.#writeUpdate(live, merged, {
        manager,
        dryRun,
        warnings: [],
        ownershipRecorded: true,
      });
    }
    this.#validate(merged);
    if (dryRun) {
      return { code: 201, body: this.#asIfCreated(merged), warnings: [] };
    }
    const stored = this.#store.upsert(this.#resourceKey, inServerOrder(merged));
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
    if (this.#crd.hasStatusSubresource) {
      // Status is written through the status subresource only.
      if (existing.status === undefined) {
        delete object.status;
      } else {
        object.status = existing.status;
      }
    }
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

  #prune(
    object: JsonObject,
    fieldValidation: FieldValidation,
    warnings: string[],
  ): JsonObject {
    const { pruned, unknownFields } = this.#schema.prune(object);
    if (unknownFields.length > 0) {
      if (fieldValidation === 'Strict') {
        throw badRequest(
          `${this.#crd.kind} in version "${
            this.#crd.version
          }" cannot be handled as a ${
            this.#crd.kind
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
    return pruned;
  }

  #validate(object: JsonObject) {
    const metadata = metadataOf(object);
    const errors: FieldError[] = [
      ...validateObjectMeta(metadata),
      ...this.#schema.validate(object),
    ];
    if (errors.length > 0) {
      throw this.#invalid(String(metadata.name ?? ''), errors);
    }
  }

  #invalid(name: string, errors: FieldError[]): KubeApiError {
    return invalid(
      { group: this.#crd.group, kind: this.#crd.kind },
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
    if (metadata.resourceVersion !== existing.metadata.resourceVersion) {
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
      throw forbidden(
        `${this.#crd.plural}.${
          this.#crd.group
        } "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
      );
    }
  }

  #ownership(manager: string) {
    return {
      manager,
      apiVersion: this.#apiVersion,
      time: rfc3339Seconds(this.#clock.now()),
      hasStatusSubresource: this.#crd.hasStatusSubresource,
    };
  }

  /** What a dry-run create answers: the object as it would be stored. */
  #asIfCreated(object: JsonObject): KubeObject {
    const result = cloneJson(object);
    const metadata = metadataOf(result);
    metadata.uid = randomUUID();
    metadata.creationTimestamp = rfc3339Seconds(this.#clock.now());
    metadata.generation = 1;
    return inServerOrder(result);
  }
}
