import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** A node of a CRD's structural (OpenAPI v3) schema. */
export interface StructuralSchema {
  type?: string;
  properties?: Record<string, StructuralSchema>;
  additionalProperties?: boolean | StructuralSchema;
  items?: StructuralSchema;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  [keyword: string]: unknown;
}

/** Reads the `openAPIV3Schema` of one served version of a CRD manifest. */
export function loadCrdSchema(path: string, version: string): StructuralSchema {
  const crd = parse(readFileSync(path, 'utf8'));
  const served = crd?.spec?.versions?.find(
    (v: { name?: string }) => v.name === version,
  );
  const schema = served?.schema?.openAPIV3Schema;
  if (!schema) {
    throw new Error(`${path} serves no version ${version} with a schema`);
  }
  return schema;
}

// What a server keeps of metadata; it validates ObjectMeta itself, the CRD
// schema does not describe it.
const OBJECT_META_FIELDS = new Set([
  'name',
  'generateName',
  'namespace',
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

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The paths of fields an API server would prune from an object: those its
 * structural schema does not declare. ajv cannot say this, because a
 * structural schema leaves `additionalProperties` out where the server
 * treats it as false.
 */
export function unknownFields(
  object: Record<string, unknown>,
  schema: StructuralSchema,
): string[] {
  const found: string[] = [];
  for (const [key, value] of Object.entries(object)) {
    if (key === 'apiVersion' || key === 'kind') {
      continue;
    }
    if (key === 'metadata' && isObject(value)) {
      for (const field of Object.keys(value)) {
        if (!OBJECT_META_FIELDS.has(field)) found.push(`metadata.${field}`);
      }
      continue;
    }
    walk(value, schema.properties?.[key], key, found);
  }
  return found;
}

function walk(
  value: unknown,
  schema: StructuralSchema | undefined,
  path: string,
  found: string[],
) {
  if (!schema) {
    found.push(path);
    return;
  }
  if (Array.isArray(value)) {
    if (schema.items) {
      value.forEach((item, i) =>
        walk(item, schema.items, `${path}[${i}]`, found),
      );
    }
    return;
  }
  if (!isObject(value)) {
    return;
  }
  const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true;
  for (const [key, child] of Object.entries(value)) {
    const declared = schema.properties?.[key];
    if (declared) {
      walk(child, declared, `${path}.${key}`, found);
    } else if (isObject(schema.additionalProperties)) {
      walk(child, schema.additionalProperties, `${path}[${key}]`, found);
    } else if (!preserve && schema.additionalProperties !== true) {
      found.push(`${path}.${key}`);
    }
  }
}

/**
 * Validates objects against a structural schema with ajv, the Kubernetes
 * extensions (`x-kubernetes-*`) taken as annotations. Returns one message
 * per violation, empty when the object is valid.
 */
export function structuralValidator(
  schema: StructuralSchema,
): (object: unknown) => string[] {
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    validateFormats: false,
  });
  for (const keyword of extensionKeywords(schema)) {
    ajv.addKeyword({ keyword });
  }
  const validate = ajv.compile(schema);
  return object =>
    validate(object)
      ? []
      : (validate.errors ?? []).map(
          e => `${e.instancePath || '/'} ${e.message}`,
        );
}

function extensionKeywords(node: unknown, into = new Set<string>()) {
  if (Array.isArray(node)) {
    node.forEach(child => extensionKeywords(child, into));
  } else if (isObject(node)) {
    for (const [key, child] of Object.entries(node)) {
      if (key.startsWith('x-kubernetes-')) into.add(key);
      extensionKeywords(child, into);
    }
  }
  return into;
}
