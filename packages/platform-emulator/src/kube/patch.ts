/** JSON merge patch (RFC 7386) and JSON patch (RFC 6902) on plain JSON values. */

import { cloneJson, deepEqual, isJsonObject } from './json';

/** RFC 7386: objects merge key by key, null deletes, anything else replaces. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isJsonObject(patch)) {
    return cloneJson(patch);
  }
  const result: Record<string, unknown> = isJsonObject(target)
    ? { ...target }
    : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete result[key];
    } else {
      result[key] = applyMergePatch(result[key], value);
    }
  }
  return result;
}

/** A JSON patch that cannot be applied (the server answers 422). */
export class JsonPatchError extends Error {}

interface Operation {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') {
    return [];
  }
  if (!pointer.startsWith('/')) {
    throw new JsonPatchError(`invalid JSON pointer ${JSON.stringify(pointer)}`);
  }
  return pointer
    .slice(1)
    .split('/')
    .map(token => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function arrayIndex(
  container: unknown[],
  token: string,
  forAdd: boolean,
): number {
  if (forAdd && token === '-') {
    return container.length;
  }
  if (!/^(0|[1-9]\d*)$/.test(token)) {
    throw new JsonPatchError(`invalid array index ${JSON.stringify(token)}`);
  }
  const index = Number(token);
  if (index > container.length || (!forAdd && index === container.length)) {
    throw new JsonPatchError(`array index ${index} out of bounds`);
  }
  return index;
}

/** The container holding the pointer's last token, and that token. */
function locate(document: unknown, tokens: string[], pointer: string) {
  let container = document;
  for (const token of tokens.slice(0, -1)) {
    if (Array.isArray(container)) {
      container = container[arrayIndex(container, token, false)];
    } else if (isJsonObject(container) && Object.hasOwn(container, token)) {
      container = container[token];
    } else {
      throw new JsonPatchError(
        `doc is missing path: ${JSON.stringify(pointer)}: missing value`,
      );
    }
  }
  return { container, last: tokens[tokens.length - 1] };
}

function getAt(document: unknown, pointer: string): unknown {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) {
    return document;
  }
  const { container, last } = locate(document, tokens, pointer);
  if (Array.isArray(container)) {
    return container[arrayIndex(container, last, false)];
  }
  if (isJsonObject(container) && Object.hasOwn(container, last)) {
    return container[last];
  }
  throw new JsonPatchError(
    `doc is missing path: ${JSON.stringify(pointer)}: missing value`,
  );
}

function removeAt(document: unknown, pointer: string): unknown {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) {
    throw new JsonPatchError('cannot remove the whole document');
  }
  const { container, last } = locate(document, tokens, pointer);
  if (Array.isArray(container)) {
    const [removed] = container.splice(arrayIndex(container, last, false), 1);
    return removed;
  }
  if (isJsonObject(container) && Object.hasOwn(container, last)) {
    const removed = container[last];
    delete container[last];
    return removed;
  }
  throw new JsonPatchError(
    `Unable to remove nonexistent key: ${last}: missing value`,
  );
}

function addAt(document: unknown, pointer: string, value: unknown): unknown {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) {
    return value;
  }
  const { container, last } = locate(document, tokens, pointer);
  if (Array.isArray(container)) {
    container.splice(arrayIndex(container, last, true), 0, value);
  } else if (isJsonObject(container)) {
    container[last] = value;
  } else {
    throw new JsonPatchError(
      `doc is missing path: ${JSON.stringify(pointer)}: missing value`,
    );
  }
  return document;
}

/** Parses a JSON patch document; throws on a malformed one (400 BadRequest). */
export function parseJsonPatch(body: unknown): Operation[] {
  if (!Array.isArray(body)) {
    throw new Error(
      'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
    );
  }
  return body.map(operation => {
    if (!isJsonObject(operation) || typeof operation.op !== 'string') {
      throw new Error('json: cannot unmarshal patch operation');
    }
    return {
      op: operation.op,
      path: String(operation.path ?? ''),
      ...(operation.from !== undefined ? { from: String(operation.from) } : {}),
      ...(Object.hasOwn(operation, 'value') ? { value: operation.value } : {}),
    };
  });
}

/** RFC 6902, all six operations; the input is not modified. */
export function applyJsonPatch(
  target: unknown,
  operations: Operation[],
): unknown {
  let document = cloneJson(target);
  for (const operation of operations) {
    switch (operation.op) {
      case 'add':
        document = addAt(document, operation.path, cloneJson(operation.value));
        break;
      case 'remove':
        removeAt(document, operation.path);
        break;
      case 'replace':
        if (parsePointer(operation.path).length === 0) {
          document = cloneJson(operation.value);
        } else {
          getAt(document, operation.path);
          removeAt(document, operation.path);
          document = addAt(
            document,
            operation.path,
            cloneJson(operation.value),
          );
        }
        break;
      case 'move': {
        const moved = removeAt(document, operation.from ?? '');
        document = addAt(document, operation.path, moved);
        break;
      }
      case 'copy':
        document = addAt(
          document,
          operation.path,
          cloneJson(getAt(document, operation.from ?? '')),
        );
        break;
      case 'test':
        if (!deepEqual(getAt(document, operation.path), operation.value)) {
          throw new JsonPatchError(
            `testing value ${operation.path} failed: test failed`,
          );
        }
        break;
      default:
        throw new JsonPatchError(`Unexpected kind: ${operation.op}`);
    }
  }
  return document;
}
