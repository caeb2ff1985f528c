/**
 * Field ownership (`metadata.managedFields`) and server-side apply, as
 * structured-merge-diff does it for schemas without list-type annotations
 * (like the FlinkDeployment CRD's): objects are granular maps, lists and
 * scalars are atomic. Ownership is tracked per leaf field; an apply that
 * changes a field another manager owns is a conflict unless forced.
 */

import { applyConflict } from './status';
import {
  JsonObject,
  cloneJson,
  deepEqual,
  getPath,
  isJsonObject,
} from './json';

/** A set of field paths as a tree; a node without children is a leaf. */
type FieldTree = Map<string, FieldTree>;
type FieldPath = string[];

export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: JsonObject;
}

interface OwnedFields {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fields: FieldTree;
}

/** The metadata fields that take part in ownership; the rest is the server's. */
const OWNED_METADATA = new Set([
  'labels',
  'annotations',
  'finalizers',
  'ownerReferences',
]);

function treeOf(value: JsonObject): FieldTree {
  const tree: FieldTree = new Map();
  for (const [key, child] of Object.entries(value)) {
    tree.set(
      key,
      isJsonObject(child) && Object.keys(child).length > 0
        ? treeOf(child)
        : new Map(),
    );
  }
  return tree;
}

/** The fields of an object that managers can own. */
function ownableFields(
  object: JsonObject,
  hasStatusSubresource: boolean,
): FieldTree {
  const tree: FieldTree = new Map();
  for (const [key, value] of Object.entries(object)) {
    if (key === 'apiVersion' || key === 'kind') {
      continue;
    }
    if (key === 'status' && hasStatusSubresource) {
      continue;
    }
    if (key === 'metadata') {
      if (!isJsonObject(value)) continue;
      const metadata: FieldTree = new Map();
      for (const [field, fieldValue] of Object.entries(value)) {
        if (OWNED_METADATA.has(field)) {
          metadata.set(
            field,
            isJsonObject(fieldValue) && Object.keys(fieldValue).length > 0
              ? treeOf(fieldValue)
              : new Map(),
          );
        }
      }
      if (metadata.size > 0) tree.set('metadata', metadata);
      continue;
    }
    tree.set(
      key,
      isJsonObject(value) && Object.keys(value).length > 0
        ? treeOf(value)
        : new Map(),
    );
  }
  return tree;
}

function leaves(tree: FieldTree, prefix: FieldPath = []): FieldPath[] {
  const result: FieldPath[] = [];
  for (const [key, child] of tree) {
    const path = [...prefix, key];
    if (child.size === 0) {
      result.push(path);
    } else {
      result.push(...leaves(child, path));
    }
  }
  return result;
}

/** Whether the tree owns the path, something below it, or an atomic value above it. */
function overlaps(tree: FieldTree, path: FieldPath): boolean {
  let node = tree;
  for (const key of path) {
    const child = node.get(key);
    if (!child) return false;
    if (child.size === 0) return true;
    node = child;
  }
  return true;
}

function has(tree: FieldTree, path: FieldPath): boolean {
  let node: FieldTree | undefined = tree;
  for (const key of path) {
    node = node.get(key);
    if (!node) return false;
  }
  return true;
}

function addPath(tree: FieldTree, path: FieldPath) {
  let node = tree;
  for (const key of path) {
    let child = node.get(key);
    if (!child) {
      child = new Map();
      node.set(key, child);
    }
    node = child;
  }
}

/** Removes the path and everything below it, and ancestors left empty. */
function removePath(tree: FieldTree, path: FieldPath) {
  const trail: Array<[FieldTree, string]> = [];
  let node = tree;
  for (const key of path) {
    const child = node.get(key);
    if (!child) return;
    trail.push([node, key]);
    node = child;
  }
  for (let i = trail.length - 1; i >= 0; i--) {
    const [parent, key] = trail[i];
    const child = parent.get(key)!;
    if (i === trail.length - 1 || child.size === 0) {
      parent.delete(key);
    } else {
      break;
    }
  }
}

/** Keeps only the paths that still exist in `present`. */
function intersect(tree: FieldTree, present: FieldTree): FieldTree {
  const result: FieldTree = new Map();
  for (const [key, child] of tree) {
    const other = present.get(key);
    if (!other) continue;
    if (child.size === 0) {
      result.set(key, new Map());
    } else {
      const kept = intersect(child, other);
      if (kept.size > 0 || other.size === 0) result.set(key, kept);
    }
  }
  return result;
}

function toFieldsV1(tree: FieldTree): JsonObject {
  const result: JsonObject = {};
  for (const [key, child] of tree) {
    result[`f:${key}`] = toFieldsV1(child);
  }
  return result;
}

function fromFieldsV1(value: unknown): FieldTree {
  const tree: FieldTree = new Map();
  if (!isJsonObject(value)) return tree;
  for (const [key, child] of Object.entries(value)) {
    if (key.startsWith('f:')) {
      tree.set(key.slice(2), fromFieldsV1(child));
    }
  }
  return tree;
}

function readEntries(object: JsonObject | undefined): OwnedFields[] {
  const metadata = object?.metadata;
  const entries = isJsonObject(metadata) ? metadata.managedFields : undefined;
  if (!Array.isArray(entries)) return [];
  return entries.filter(isJsonObject).map(entry => ({
    manager: String(entry.manager ?? ''),
    operation: entry.operation === 'Apply' ? 'Apply' : 'Update',
    apiVersion: String(entry.apiVersion ?? ''),
    time: String(entry.time ?? ''),
    fields: fromFieldsV1(entry.fieldsV1),
  }));
}

function writeEntries(entries: OwnedFields[]): ManagedFieldsEntry[] {
  return entries
    .filter(entry => entry.fields.size > 0)
    .map(entry => ({
      manager: entry.manager,
      operation: entry.operation,
      apiVersion: entry.apiVersion,
      time: entry.time,
      fieldsType: 'FieldsV1',
      fieldsV1: toFieldsV1(entry.fields),
    }));
}

function setAt(object: JsonObject, path: FieldPath, value: unknown) {
  let node = object;
  for (const key of path.slice(0, -1)) {
    if (!isJsonObject(node[key])) {
      node[key] = {};
    }
    node = node[key] as JsonObject;
  }
  node[path[path.length - 1]] = value;
}

function deleteAt(object: JsonObject, path: FieldPath) {
  const trail: JsonObject[] = [object];
  let node: unknown = object;
  for (const key of path.slice(0, -1)) {
    node = isJsonObject(node) ? node[key] : undefined;
    if (!isJsonObject(node)) return;
    trail.push(node);
  }
  delete trail[trail.length - 1][path[path.length - 1]];
  // Drop maps the removal left empty, as apply does for fields it created.
  for (let i = trail.length - 1; i > 0; i--) {
    if (Object.keys(trail[i]).length > 0) break;
    delete trail[i - 1][path[i - 1]];
  }
}

/** Who changed what in a write that is not an apply. */
export interface UpdateOwnership {
  manager: string;
  apiVersion: string;
  time: string;
  hasStatusSubresource: boolean;
}

/**
 * The managedFields after an update (create, replace, patch) by `manager`:
 * it takes ownership of the fields it changed, from whoever had them.
 */
export function managedFieldsAfterUpdate(
  previous: JsonObject | undefined,
  next: JsonObject,
  ownership: UpdateOwnership,
): ManagedFieldsEntry[] {
  const entries = readEntries(previous);
  const nextFields = ownableFields(next, ownership.hasStatusSubresource);
  const changed = leaves(nextFields).filter(
    path =>
      previous === undefined ||
      !deepEqual(getPath(previous, path), getPath(next, path)),
  );
  if (changed.length === 0 && previous !== undefined) {
    return writeEntries(
      entries.map(entry => ({
        ...entry,
        fields: intersect(entry.fields, nextFields),
      })),
    );
  }
  for (const entry of entries) {
    for (const path of changed) removePath(entry.fields, path);
  }
  let own = entries.find(
    entry =>
      entry.manager === ownership.manager && entry.operation === 'Update',
  );
  if (!own) {
    own = {
      manager: ownership.manager,
      operation: 'Update',
      apiVersion: ownership.apiVersion,
      time: ownership.time,
      fields: new Map(),
    };
    entries.push(own);
  }
  own.time = ownership.time;
  own.apiVersion = ownership.apiVersion;
  for (const path of changed) addPath(own.fields, path);
  return writeEntries(
    entries.map(entry => ({
      ...entry,
      fields: intersect(entry.fields, nextFields),
    })),
  );
}

export interface ApplyRequest {
  /** The live object, or undefined when the apply creates it. */
  live: JsonObject | undefined;
  /** The applied configuration (already pruned to the schema). */
  applied: JsonObject;
  manager: string;
  force: boolean;
  apiVersion: string;
  time: string;
  hasStatusSubresource: boolean;
}

function printPath(path: FieldPath): string {
  return path.map(key => `.${key}`).join('');
}

function describeManager(entry: OwnedFields): string {
  const name = JSON.stringify(entry.manager);
  return entry.operation === 'Update'
    ? `${name} using ${entry.apiVersion} at ${entry.time}`
    : name;
}

/**
 * Server-side apply: merges the applied configuration into the live object,
 * removes fields the manager applied before and no longer does (unless
 * someone else owns them), and records ownership. Throws a 409 Conflict,
 * worded as the real server words it, when the configuration changes
 * fields another manager owns and `force` is not set.
 */
export function serverSideApply(request: ApplyRequest): JsonObject {
  const { live, applied, manager } = request;
  const entries = readEntries(live);
  const appliedFields = ownableFields(applied, request.hasStatusSubresource);
  const appliedLeaves = leaves(appliedFields);
  const others = entries.filter(
    entry => !(entry.manager === manager && entry.operation === 'Apply'),
  );

  const conflicts: Array<{ entry: OwnedFields; path: FieldPath }> = [];
  if (live) {
    for (const path of appliedLeaves) {
      for (const entry of others) {
        if (
          overlaps(entry.fields, path) &&
          !deepEqual(getPath(live, path), getPath(applied, path))
        ) {
          conflicts.push({ entry, path });
        }
      }
    }
  }
  if (conflicts.length > 0 && !request.force) {
    throw conflictError(conflicts);
  }

  const result: JsonObject = live ? cloneJson(live) : {};
  const own = entries.find(
    entry => entry.manager === manager && entry.operation === 'Apply',
  );
  if (own) {
    for (const path of leaves(own.fields)) {
      const stillApplied = has(appliedFields, path);
      const ownedByOthers = others.some(entry => overlaps(entry.fields, path));
      if (!stillApplied && !ownedByOthers) {
        deleteAt(result, path);
      }
    }
  }
  for (const [key, value] of Object.entries(applied)) {
    if (key === 'apiVersion' || key === 'kind') {
      result[key] = value;
    }
  }
  for (const path of appliedLeaves) {
    setAt(result, path, cloneJson(getPath(applied, path)));
  }
  for (const { entry, path } of conflicts) {
    removePath(entry.fields, path);
  }

  const unchanged =
    own !== undefined &&
    deepEqual(toFieldsV1(own.fields), toFieldsV1(appliedFields));
  const applyEntry: OwnedFields = {
    manager,
    operation: 'Apply',
    apiVersion: request.apiVersion,
    // Re-applying the same fields keeps the time, so a no-op stays a no-op.
    time: unchanged ? own.time : request.time,
    fields: appliedFields,
  };
  const resultFields = ownableFields(result, request.hasStatusSubresource);
  const updated = own
    ? entries.map(entry => (entry === own ? applyEntry : entry))
    : [...entries, applyEntry];
  const metadata = isJsonObject(result.metadata) ? result.metadata : {};
  result.metadata = {
    ...metadata,
    managedFields: writeEntries(
      updated.map(entry => ({
        ...entry,
        fields: intersect(entry.fields, resultFields),
      })),
    ),
  };
  return result;
}

function conflictError(
  conflicts: Array<{ entry: OwnedFields; path: FieldPath }>,
) {
  const causes = conflicts.map(({ entry, path }) => ({
    reason: 'FieldManagerConflict' as const,
    message: `conflict with ${describeManager(entry)}`,
    field: printPath(path),
  }));
  if (conflicts.length === 1) {
    const [{ entry, path }] = conflicts;
    return applyConflict(
      `Apply failed with 1 conflict: conflict with ${describeManager(
        entry,
      )}: ${printPath(path)}`,
      causes,
    );
  }
  const byManager = new Map<string, string[]>();
  for (const { entry, path } of conflicts) {
    const name = describeManager(entry);
    byManager.set(name, [...(byManager.get(name) ?? []), printPath(path)]);
  }
  const lines: string[] = [];
  for (const name of Array.from(byManager.keys()).sort()) {
    lines.push(`conflicts with ${name}:`);
    for (const path of byManager.get(name)!) lines.push(`- ${path}`);
  }
  return applyConflict(
    `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`,
    causes,
  );
}
