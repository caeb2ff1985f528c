/**
 * Validation of custom resources as kube-apiextensions-apiserver does it:
 * unknown fields are pruned (or rejected, with fieldValidation=Strict),
 * null values of non-nullable fields are dropped, defaults are filled in,
 * then the object is checked against the CRD's structural schema; plus the
 * ObjectMeta rules every object is held to. Built-in kinds use the same
 * machinery with a schema of their Go types (see `serviceAccounts.ts`).
 */

import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { JsonObject, cloneJson, isJsonObject } from './json';
import { validateLabels } from './labelSelectorValidation';
import { labelKeyProblem } from './selectors';
import { FieldError } from './status';

type SchemaNode = JsonObject;

const PRESERVE = 'x-kubernetes-preserve-unknown-fields';
const INT_OR_STRING = 'x-kubernetes-int-or-string';

/** The ObjectMeta fields a server keeps; any other metadata field is unknown. */
const OBJECT_META_FIELDS = new Set([
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
]);

/** Turns a structural schema into a JSON Schema ajv compiles (int-or-string, no extensions). */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) {
    return node.map(toJsonSchema);
  }
  if (!isJsonObject(node)) {
    return node;
  }
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'description' || key.startsWith('x-kubernetes-')) {
      continue;
    }
    if (key === 'anyOf' && node[INT_OR_STRING]) {
      continue;
    }
    if (key === 'properties' && isJsonObject(value)) {
      result.properties = Object.fromEntries(
        Object.entries(value).map(([name, child]) => [
          name,
          toJsonSchema(child),
        ]),
      );
    } else if (key === 'enum' || key === 'required' || key === 'default') {
      result[key] = value;
    } else {
      result[key] = toJsonSchema(value);
    }
  }
  if (node[INT_OR_STRING]) {
    result.type = ['integer', 'string'];
  }
  return result;
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'integer' : 'number';
  }
  return typeof value;
}

function childSchema(
  schema: SchemaNode | undefined,
  key: string,
): { schema?: SchemaNode; segment: 'property' | 'mapKey' } {
  if (!schema) {
    return { segment: 'property' };
  }
  const properties = schema.properties;
  if (isJsonObject(properties) && isJsonObject(properties[key])) {
    return { schema: properties[key] as SchemaNode, segment: 'property' };
  }
  if (isJsonObject(schema.additionalProperties)) {
    return { schema: schema.additionalProperties, segment: 'mapKey' };
  }
  return { segment: 'property' };
}

function appendPath(
  path: string,
  key: string,
  segment: 'property' | 'mapKey' | 'index',
): string {
  if (segment === 'property') {
    return path ? `${path}.${key}` : key;
  }
  return `${path}[${key}]`;
}

/** Fills in defaults in place (apiextensions' structuraldefaulting.Default). */
function applyDefaults(value: unknown, schema: SchemaNode | undefined) {
  if (!schema) {
    return;
  }
  if (Array.isArray(value)) {
    const items = isJsonObject(schema.items) ? schema.items : undefined;
    for (const item of value) {
      applyDefaults(item, items);
    }
    return;
  }
  if (!isJsonObject(value)) {
    return;
  }
  const properties = isJsonObject(schema.properties)
    ? (schema.properties as Record<string, SchemaNode>)
    : {};
  for (const [key, property] of Object.entries(properties)) {
    if (
      property.default !== undefined &&
      (value[key] === undefined ||
        (value[key] === null && property.nullable !== true))
    ) {
      value[key] = cloneJson(property.default);
    }
  }
  for (const [key, child] of Object.entries(value)) {
    applyDefaults(child, childSchema(schema, key).schema);
  }
}

const compiled = new WeakMap<JsonObject, CustomResourceSchema>();

/** A CRD version's schema, compiled once. */
export class CustomResourceSchema {
  readonly #schema: SchemaNode;
  readonly #validate: ValidateFunction;

  /** The compiled schema, shared by every server that loads the same CRD. */
  static of(openApiV3Schema: JsonObject): CustomResourceSchema {
    let schema = compiled.get(openApiV3Schema);
    if (!schema) {
      schema = new CustomResourceSchema(openApiV3Schema);
      compiled.set(openApiV3Schema, schema);
    }
    return schema;
  }

  constructor(openApiV3Schema: JsonObject) {
    this.#schema = openApiV3Schema;
    const jsonSchema = toJsonSchema(openApiV3Schema) as JsonObject;
    jsonSchema.properties = {
      ...(isJsonObject(jsonSchema.properties) ? jsonSchema.properties : {}),
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { type: 'object' },
    };
    const ajv = new Ajv({
      allErrors: true,
      strict: false,
      validateFormats: false,
    });
    this.#validate = ajv.compile(jsonSchema);
  }

  /**
   * A copy of the object without the fields the schema does not declare
   * (and without nulls where the schema does not allow them), and the paths
   * of the unknown fields it dropped.
   */
  prune(object: JsonObject): { pruned: JsonObject; unknownFields: string[] } {
    const unknownFields: string[] = [];
    const pruned: JsonObject = {};
    for (const [key, value] of Object.entries(object)) {
      if (key === 'apiVersion' || key === 'kind') {
        pruned[key] = value;
      } else if (key === 'metadata' && isJsonObject(value)) {
        const metadata: JsonObject = {};
        for (const [field, fieldValue] of Object.entries(value)) {
          if (!OBJECT_META_FIELDS.has(field)) {
            unknownFields.push(`metadata.${field}`);
          } else if (fieldValue !== null) {
            metadata[field] = fieldValue;
          }
        }
        pruned.metadata = metadata;
      } else if (key === 'metadata') {
        pruned.metadata = value;
      } else {
        const child = childSchema(this.#schema, key);
        if (!child.schema) {
          unknownFields.push(key);
        } else if (value !== null || child.schema.nullable === true) {
          pruned[key] = this.#pruneValue(
            value,
            child.schema,
            key,
            unknownFields,
          );
        }
      }
    }
    return { pruned, unknownFields };
  }

  /** The schema violations of an already pruned object, as field errors. */
  validate(object: JsonObject): FieldError[] {
    if (this.#validate(object)) {
      return [];
    }
    const errors = (this.#validate.errors ?? []).map(error =>
      this.#toFieldError(error, object),
    );
    const seen = new Set<string>();
    return errors.filter(error => {
      const id = `${error.field}|${error.reason}|${error.detail}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  }

  /**
   * A copy of a pruned object with the schema's defaults filled in, as
   * structural defaulting does: a missing (or non-nullable null) field with
   * a `default` gets a copy of it, then defaulting goes on inside every
   * field, the defaulted ones included.
   */
  withDefaults(object: JsonObject): JsonObject {
    const result = cloneJson(object);
    applyDefaults(result, this.#schema);
    return result;
  }

  #pruneValue(
    value: unknown,
    schema: SchemaNode,
    path: string,
    unknownFields: string[],
  ): unknown {
    if (Array.isArray(value)) {
      const items = schema.items;
      if (!isJsonObject(items)) {
        return value;
      }
      return value.map((item, index) =>
        item === null
          ? item
          : this.#pruneValue(
              item,
              items,
              appendPath(path, String(index), 'index'),
              unknownFields,
            ),
      );
    }
    if (!isJsonObject(value)) {
      return value;
    }
    const preserve = schema[PRESERVE] === true;
    if (
      preserve &&
      !isJsonObject(schema.properties) &&
      !isJsonObject(schema.additionalProperties)
    ) {
      return value;
    }
    const result: JsonObject = {};
    for (const [key, child] of Object.entries(value)) {
      const { schema: childNode, segment } = childSchema(schema, key);
      const childPath = appendPath(path, key, segment);
      if (childNode) {
        if (child !== null || childNode.nullable === true) {
          result[key] = this.#pruneValue(
            child,
            childNode,
            childPath,
            unknownFields,
          );
        }
      } else if (preserve || schema.additionalProperties === true) {
        result[key] = child;
      } else {
        unknownFields.push(childPath);
      }
    }
    return result;
  }

  /** `/spec/job/upgradeMode` → `spec.job.upgradeMode`, `/a/b/0` → `a.b[0]`. */
  #fieldPath(pointer: string): string {
    const segments = pointer
      .split('/')
      .slice(1)
      .map(segment => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
    let path = '';
    let schema: SchemaNode | undefined = this.#schema;
    for (const segment of segments) {
      if (schema && schema.type === 'array') {
        path = appendPath(path, segment, 'index');
        schema = isJsonObject(schema.items) ? schema.items : undefined;
      } else {
        const child = childSchema(schema, segment);
        path = appendPath(path, segment, child.segment);
        schema = child.schema;
      }
    }
    return path;
  }

  #toFieldError(error: ErrorObject, object: JsonObject): FieldError {
    const field = this.#fieldPath(error.instancePath);
    const value = error.instancePath
      .split('/')
      .slice(1)
      .reduce<unknown>(
        (current, segment) =>
          isJsonObject(current) || Array.isArray(current)
            ? (current as Record<string, unknown>)[
                segment.replace(/~1/g, '/').replace(/~0/g, '~')
              ]
            : undefined,
        object,
      );
    const params = error.params as Record<string, unknown>;
    switch (error.keyword) {
      case 'type': {
        const expected = String(params.type).split(',').join(' or ');
        const actual = jsonTypeOf(value);
        return {
          reason: 'FieldValueTypeInvalid',
          field,
          value: actual,
          detail: `${field} in body must be of type ${expected}: ${JSON.stringify(
            actual,
          )}`,
        };
      }
      case 'enum':
        return {
          reason: 'FieldValueNotSupported',
          field,
          value,
          detail: `supported values: ${(params.allowedValues as unknown[])
            .map(allowed => JSON.stringify(allowed))
            .join(', ')}`,
        };
      case 'required': {
        const missing = String(params.missingProperty);
        return {
          reason: 'FieldValueRequired',
          field: field ? `${field}.${missing}` : missing,
        };
      }
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        return {
          reason: 'FieldValueInvalid',
          field,
          value,
          detail: `${field} in body should be ${String(params.comparison)
            .replace('>=', 'greater than or equal to')
            .replace('<=', 'less than or equal to')
            .replace('>', 'greater than')
            .replace('<', 'less than')} ${String(params.limit)}`,
        };
      case 'maxLength':
        return {
          reason: 'FieldValueTooLong',
          field,
          detail: `may not be more than ${String(params.limit)} bytes`,
        };
      case 'minLength':
        return {
          reason: 'FieldValueInvalid',
          field,
          value,
          detail: `${field} in body should be at least ${String(
            params.limit,
          )} chars long`,
        };
      case 'pattern':
        return {
          reason: 'FieldValueInvalid',
          field,
          value,
          detail: `${field} in body should match '${String(params.pattern)}'`,
        };
      default:
        return {
          reason: 'FieldValueInvalid',
          field,
          value,
          detail: `${field} in body ${error.message ?? 'is invalid'}`,
        };
    }
  }
}

const DNS_1123_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_1123_SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const MAX_ANNOTATIONS_BYTES = 256 * 1024;

/** Why a name is not a DNS-1123 subdomain, or undefined when it is one. */
export function dnsSubdomainProblem(name: string): string | undefined {
  if (name.length > 253) {
    return 'must be no more than 253 characters';
  }
  if (!DNS_1123_SUBDOMAIN.test(name)) {
    return DNS_1123_SUBDOMAIN_MESSAGE;
  }
  return undefined;
}

function stringMap(value: unknown): Record<string, unknown> {
  return isJsonObject(value) ? value : {};
}

/**
 * Why a name is not a valid path segment (apimachinery's
 * ValidatePathSegmentName), the only rule some built-in kinds, such as
 * PodDisruptionBudgets, hold names to; undefined when it is one.
 */
export function pathSegmentNameProblem(name: string): string | undefined {
  if (name === '.' || name === '..') {
    return `may not be '${name}'`;
  }
  const problems = ['/', '%']
    .filter(character => name.includes(character))
    .map(character => `may not contain '${character}'`);
  return problems.length > 0 ? problems.join(', ') : undefined;
}

/**
 * The ObjectMeta rules (apimachinery's ValidateObjectMeta) for an object
 * about to be stored; names are held to `nameProblem` (DNS-1123 subdomains
 * unless the kind says otherwise).
 */
export function validateObjectMeta(
  metadata: JsonObject,
  nameProblem: (name: string) => string | undefined = dnsSubdomainProblem,
): FieldError[] {
  const errors: FieldError[] = [];
  const name = metadata.name;
  if (typeof name !== 'string' || name === '') {
    errors.push({
      reason: 'FieldValueRequired',
      field: 'metadata.name',
      detail: 'name or generateName is required',
    });
  } else {
    const problem = nameProblem(name);
    if (problem) {
      errors.push({
        reason: 'FieldValueInvalid',
        field: 'metadata.name',
        value: name,
        detail: problem,
      });
    }
  }
  errors.push(...validateLabels(metadata.labels, 'metadata.labels'));
  let annotationBytes = 0;
  for (const [key, value] of Object.entries(stringMap(metadata.annotations))) {
    const keyProblem = labelKeyProblem(key.toLowerCase());
    if (keyProblem) {
      errors.push({
        reason: 'FieldValueInvalid',
        field: 'metadata.annotations',
        value: key,
        detail: keyProblem,
      });
    }
    annotationBytes +=
      Buffer.byteLength(key) + Buffer.byteLength(String(value));
  }
  if (annotationBytes > MAX_ANNOTATIONS_BYTES) {
    errors.push({
      reason: 'FieldValueTooLong',
      field: 'metadata.annotations',
      detail: `must have at most ${MAX_ANNOTATIONS_BYTES} bytes`,
    });
  }
  return errors;
}
