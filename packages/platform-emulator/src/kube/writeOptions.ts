/** Request bodies and query options of writes, checked as a real server checks them. */

import { parse as parseYaml } from 'yaml';
import { JsonObject, isJsonObject } from './json';
import {
  FieldError,
  badRequest,
  invalid,
  unsupportedMediaType,
} from './status';

export type FieldValidation = 'Ignore' | 'Warn' | 'Strict';

export const PATCH_MEDIA_TYPES = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
} as const;

/** What custom resources accept for PATCH (strategic merge is for built-in types only). */
export const CUSTOM_RESOURCE_PATCH_TYPES = [
  PATCH_MEDIA_TYPES.json,
  PATCH_MEDIA_TYPES.merge,
  PATCH_MEDIA_TYPES.apply,
];

const BODY_MEDIA_TYPES = ['application/json', 'application/yaml'];

/** The media type of a Content-Type header, without parameters, lower-case. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/** Parses a POST/PUT body (JSON or YAML); 415 for other media types, 400 when malformed. */
export function parseObjectBody(
  body: Buffer,
  mediaType: string,
  kind: string,
): JsonObject {
  if (mediaType !== '' && !BODY_MEDIA_TYPES.includes(mediaType)) {
    throw unsupportedMediaType(BODY_MEDIA_TYPES);
  }
  const text = body.toString('utf8');
  let value: unknown;
  try {
    value =
      mediaType === 'application/yaml' ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw badRequest(
      `the object provided is unrecognized (must be of type ${kind}): couldn't get version/kind; json parse error: ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
  }
  if (!isJsonObject(value)) {
    throw badRequest(
      `the object provided is unrecognized (must be of type ${kind}): couldn't get version/kind; json parse error: json: cannot unmarshal ${
        Array.isArray(value) ? 'array' : typeof value
      } into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`,
    );
  }
  return value;
}

/** Parses a JSON body of a PATCH (merge or JSON patch); 400 when malformed. */
export function parseJsonBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw badRequest(
      `error decoding patch: ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
  }
}

/** Parses an apply configuration (YAML, of which JSON is a subset). */
export function parseApplyBody(body: Buffer): JsonObject {
  let value: unknown;
  try {
    value = parseYaml(body.toString('utf8'));
  } catch (error) {
    throw badRequest(
      `error decoding YAML: ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
  }
  if (!isJsonObject(value)) {
    throw badRequest(
      'error decoding YAML: the apply configuration must be an object',
    );
  }
  return value;
}

/** 400 unless the body names the resource's apiVersion and kind. */
export function checkTypeMeta(
  object: JsonObject,
  apiVersion: string,
  kind: string,
) {
  if (!object.kind) {
    throw badRequest(`Object 'Kind' is missing in '${JSON.stringify(object)}'`);
  }
  if (object.apiVersion !== apiVersion) {
    throw badRequest(
      `the API version in the data (${String(
        object.apiVersion ?? '',
      )}) does not match the expected API version (${apiVersion})`,
    );
  }
  if (object.kind !== kind) {
    throw badRequest(
      `the kind in the data (${String(
        object.kind,
      )}) does not match the expected kind (${kind})`,
    );
  }
}

export function fieldValidationOf(query: URLSearchParams): FieldValidation {
  const value = query.get('fieldValidation');
  if (value === null || value === '') {
    // The server's default since Kubernetes 1.27.
    return 'Warn';
  }
  if (value !== 'Ignore' && value !== 'Warn' && value !== 'Strict') {
    throw badRequest(
      `fieldValidation must be one of "Ignore", "Warn", or "Strict", got ${JSON.stringify(
        value,
      )}`,
    );
  }
  return value;
}

export function isDryRun(query: URLSearchParams): boolean {
  const values = query.getAll('dryRun');
  for (const value of values) {
    if (value !== 'All') {
      throw invalid({ group: 'meta.k8s.io', kind: 'CreateOptions' }, '', [
        {
          reason: 'FieldValueNotSupported',
          field: 'dryRun',
          value: values,
          detail: 'supported values: "All"',
        },
      ]);
    }
  }
  return values.length > 0;
}

/**
 * The field manager of a write: the `fieldManager` parameter, or (except
 * for apply) the user agent's product name, as the real server derives it.
 */
export function fieldManagerOf(
  query: URLSearchParams,
  userAgent: string | undefined,
): string {
  const explicit = query.get('fieldManager');
  if (explicit) {
    return explicit;
  }
  const product = (userAgent ?? '').split('/')[0].trim();
  return product || 'unknown';
}

const PATCH_OPTIONS_KIND = { group: 'meta.k8s.io', kind: 'PatchOptions' };

/** PatchOptions rules: apply needs a fieldManager; only apply may force. */
export function checkPatchOptions(query: URLSearchParams, isApply: boolean) {
  const errors: FieldError[] = [];
  const force = query.get('force');
  if (isApply && !query.get('fieldManager')) {
    errors.push({
      reason: 'FieldValueRequired',
      field: 'fieldManager',
      detail: 'is required for apply patch',
    });
  }
  if (!isApply && force !== null) {
    errors.push({
      reason: 'FieldValueForbidden',
      field: 'force',
      detail: 'may not be specified for non-apply patch',
    });
  }
  const manager = query.get('fieldManager');
  if (manager && manager.length > 128) {
    errors.push({
      reason: 'FieldValueTooLong',
      field: 'fieldManager',
      detail: 'may not be more than 128 bytes',
    });
  }
  if (errors.length > 0) {
    throw invalid(PATCH_OPTIONS_KIND, '', errors);
  }
}

/** Warning header values, as `299 - "<text>"`. */
export function warningHeader(text: string): string {
  return `299 - ${JSON.stringify(text)}`;
}

export interface DeleteOptions {
  preconditions: { uid?: string; resourceVersion?: string };
}

/** DeleteOptions from the body and query; 422 for an unknown propagationPolicy. */
export function parseDeleteOptions(
  body: Buffer,
  query: URLSearchParams,
): DeleteOptions {
  const parsed = body.length > 0 ? parseJsonBody(body) : {};
  const options = isJsonObject(parsed) ? parsed : {};
  const policy = query.get('propagationPolicy') ?? options.propagationPolicy;
  if (
    policy !== undefined &&
    policy !== null &&
    !['Foreground', 'Background', 'Orphan'].includes(String(policy))
  ) {
    throw invalid({ group: 'meta.k8s.io', kind: 'DeleteOptions' }, '', [
      {
        reason: 'FieldValueNotSupported',
        field: 'propagationPolicy',
        value: String(policy),
        detail: 'supported values: "Foreground", "Background", "Orphan", "nil"',
      },
    ]);
  }
  const preconditions = isJsonObject(options.preconditions)
    ? options.preconditions
    : {};
  return {
    preconditions: {
      ...(typeof preconditions.uid === 'string'
        ? { uid: preconditions.uid }
        : {}),
      ...(typeof preconditions.resourceVersion === 'string'
        ? { resourceVersion: preconditions.resourceVersion }
        : {}),
    },
  };
}
