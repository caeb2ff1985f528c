/** Helpers for the metadata the server owns and the shape of objects it writes. */

import { JsonObject, isJsonObject } from './json';
import { KubeObject } from './types';

/** Metadata the server owns: whatever a client sends for these is replaced. */
export const SYSTEM_METADATA = [
  'uid',
  'creationTimestamp',
  'generation',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'selfLink',
  'managedFields',
] as const;

const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** `generateName` plus five random characters, as the real server picks them. */
export function generatedName(base: string): string {
  let suffix = '';
  for (let i = 0; i < 5; i++) {
    suffix +=
      NAME_SUFFIX_ALPHABET[
        Math.floor(Math.random() * NAME_SUFFIX_ALPHABET.length)
      ];
  }
  return `${base.slice(0, 58)}${suffix}`;
}

/** The object's metadata, created empty when missing. */
export function metadataOf(object: JsonObject): JsonObject {
  if (!isJsonObject(object.metadata)) {
    object.metadata = {};
  }
  return object.metadata as JsonObject;
}

const METADATA_ORDER = [
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
];

/** The object with its metadata in the order a real server writes it. */
export function inServerOrder(object: JsonObject): KubeObject {
  const { apiVersion, kind, metadata, ...rest } = object;
  const source = isJsonObject(metadata) ? metadata : {};
  const ordered: JsonObject = {};
  for (const key of METADATA_ORDER) {
    if (source[key] !== undefined) ordered[key] = source[key];
  }
  for (const [key, value] of Object.entries(source)) {
    if (!(key in ordered) && value !== undefined) ordered[key] = value;
  }
  return {
    apiVersion,
    kind,
    metadata: ordered,
    ...rest,
  } as unknown as KubeObject;
}

/** A stored object as plain JSON, for the generic JSON helpers. */
export function asJson(object: KubeObject): JsonObject {
  return object as unknown as JsonObject;
}
