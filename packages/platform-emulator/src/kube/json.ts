/** A JSON object as parsed from a request body or stored in the store. */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Structural equality of JSON values (key order does not matter). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) {
    return false;
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) {
      return false;
    }
    for (let i = 0; i < a.length; i++) {
      if (!deepEqual(a[i], b[i])) {
        return false;
      }
    }
    return true;
  }
  if (Array.isArray(b)) {
    return false;
  }
  const aObject = a as JsonObject;
  const bObject = b as JsonObject;
  const keys = Object.keys(aObject);
  if (keys.length !== Object.keys(bObject).length) {
    return false;
  }
  for (const key of keys) {
    const bValue = bObject[key];
    if (bValue === undefined && !(key in bObject)) {
      return false;
    }
    if (!deepEqual(aObject[key], bValue)) {
      return false;
    }
  }
  return true;
}

/** A deep copy of a JSON value. */
export function cloneJson<T>(value: T): T {
  return structuredClone(value);
}

/** The value at a path of object keys, or undefined. */
export function getPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isJsonObject(current)) {
      return undefined;
    }
    current = current[key];
  }
  return current;
}

/** RFC 3339 with whole seconds, as Kubernetes writes metav1.Time. */
export function rfc3339Seconds(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000)
    .toISOString()
    .slice(0, 19)}Z`;
}
