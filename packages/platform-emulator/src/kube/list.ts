import { FaultState } from '../faults';
import { decodeContinue, encodeContinue } from './continueToken';
import { ListOptions, objectFilter, parseResourceVersion } from './listOptions';
import { ObjectStore, ResourceVersionExpiredError } from './ObjectStore';
import {
  KubeApiError,
  badRequest,
  expired,
  resourceVersionTooLarge,
} from './status';
import { KubeObject, ResourceType, groupVersion } from './types';

const CONTINUE_EXPIRED =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';
const LIST_TOO_OLD = 'The resourceVersion for the provided list is too old.';

/** One object of a list snapshot with its etcd-style key, which orders the list. */
interface KeyedObject {
  key: string;
  object: KubeObject;
}

function storageKeyOf(object: KubeObject): string {
  const { namespace, name } = object.metadata;
  return namespace ? `${namespace}/${name}` : name;
}

function sortByKey(objects: KubeObject[]): KeyedObject[] {
  const keyed = objects.map(object => ({ key: storageKeyOf(object), object }));
  keyed.sort((a, b) => {
    if (a.key === b.key) return 0;
    return a.key < b.key ? -1 : 1;
  });
  return keyed;
}

/**
 * Recent list snapshots, so the pages of a paginated list are read from the
 * state at the first page's resourceVersion without rebuilding it per page.
 * Objects are immutable, so a snapshot is an array of references.
 */
export class ListSnapshots {
  readonly #entries = new Map<string, KeyedObject[]>();
  readonly #capacity: number;

  constructor(capacity = 8) {
    this.#capacity = capacity;
  }

  get(id: string): KeyedObject[] | undefined {
    const entry = this.#entries.get(id);
    if (entry) {
      // Most recently used last.
      this.#entries.delete(id);
      this.#entries.set(id, entry);
    }
    return entry;
  }

  set(id: string, snapshot: KeyedObject[]) {
    this.#entries.delete(id);
    this.#entries.set(id, snapshot);
    while (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next().value!;
      this.#entries.delete(oldest);
    }
  }
}

export interface ListRequest {
  store: ObjectStore;
  type: ResourceType;
  /** The key the objects are served under (a view key for events.k8s.io). */
  resourceKey: string;
  namespace?: string;
  options: ListOptions;
  faults: Readonly<FaultState>;
  snapshots: ListSnapshots;
}

export interface ListResponse {
  kind: string;
  apiVersion: string;
  metadata: {
    resourceVersion: string;
    continue?: string;
    remainingItemCount?: number;
  };
  items: KubeObject[];
}

function expiredContinue(start: string): KubeApiError {
  const error = expired(CONTINUE_EXPIRED);
  error.status.metadata.continue = encodeContinue({
    resourceVersion: -1,
    start,
  });
  return error;
}

/**
 * Which revision the list is read at, and where it starts, following the
 * resourceVersion / resourceVersionMatch / continue semantics of a real
 * server (https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions).
 */
function readPosition(request: ListRequest): {
  revision: number;
  start: string;
} {
  const { store, options, faults } = request;
  const current = store.revision();
  if (options.continueToken) {
    if (options.resourceVersion && options.resourceVersion !== '0') {
      throw badRequest(
        'specifying resource version is not allowed when using continue',
      );
    }
    const position = decodeContinue(options.continueToken);
    if (position.resourceVersion === -1) {
      return { revision: current, start: position.start };
    }
    if (position.resourceVersion > current) {
      throw resourceVersionTooLarge(position.resourceVersion, current);
    }
    if (
      (faults.expireResourceVersions && position.resourceVersion < current) ||
      position.resourceVersion < store.compactedRevision()
    ) {
      throw expiredContinue(position.start);
    }
    return { revision: position.resourceVersion, start: position.start };
  }
  const requested =
    options.resourceVersion === undefined || options.resourceVersion === '0'
      ? undefined
      : parseResourceVersion(options.resourceVersion);
  if (requested === undefined) {
    return { revision: current, start: '' };
  }
  if (requested > current) {
    throw resourceVersionTooLarge(requested, current);
  }
  if (faults.expireResourceVersions && requested < current) {
    throw expired(LIST_TOO_OLD);
  }
  if (options.resourceVersionMatch === 'Exact') {
    if (requested < store.compactedRevision()) {
      throw expired(LIST_TOO_OLD);
    }
    return { revision: requested, start: '' };
  }
  // NotOlderThan (or legacy semantics): the latest state satisfies it.
  return { revision: current, start: '' };
}

function snapshotId(request: ListRequest, revision: number): string {
  return `${request.resourceKey}|${request.namespace ?? ''}|${revision}`;
}

/** The sorted objects at `revision`: from the cache, the store, or rebuilt from history. */
function snapshotAt(request: ListRequest, revision: number): KeyedObject[] {
  const { store, resourceKey, namespace, snapshots } = request;
  const cached = snapshots.get(snapshotId(request, revision));
  if (cached) {
    return cached;
  }
  let objects: KubeObject[];
  try {
    objects =
      revision === store.revision()
        ? store.all(resourceKey, namespace)
        : store.allAt(resourceKey, revision, namespace);
  } catch (error) {
    if (error instanceof ResourceVersionExpiredError) {
      throw expired(LIST_TOO_OLD);
    }
    throw error;
  }
  return sortByKey(objects);
}

function firstIndexAtOrAfter(snapshot: KeyedObject[], start: string): number {
  let low = 0;
  let high = snapshot.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (snapshot[middle].key < start) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

function withTypeMeta(object: KubeObject, type: ResourceType): KubeObject {
  return object.kind && object.apiVersion
    ? object
    : { ...object, apiVersion: groupVersion(type), kind: type.kind };
}

/** Serves a list, one page at a time when `limit` is set. */
export function listObjects(request: ListRequest): ListResponse {
  const { type, options, resourceKey } = request;
  const { revision, start } = readPosition(request);
  const filter = objectFilter(options, resourceKey);
  const limit = options.limit && options.limit > 0 ? options.limit : undefined;

  const snapshot = snapshotAt(request, revision);

  const items: KubeObject[] = [];
  let index = start ? firstIndexAtOrAfter(snapshot, start) : 0;
  for (; index < snapshot.length; index++) {
    if (limit !== undefined && items.length === limit) {
      break;
    }
    const { object } = snapshot[index];
    if (!filter || filter(object)) {
      items.push(withTypeMeta(object, type));
    }
  }

  const metadata: ListResponse['metadata'] = {
    resourceVersion: String(revision),
  };
  if (index < snapshot.length) {
    // Later pages read the same snapshot.
    request.snapshots.set(snapshotId(request, revision), snapshot);
    metadata.continue = encodeContinue({
      resourceVersion: revision,
      start: `${snapshot[index - 1].key}\u0000`,
    });
    if (!filter) {
      // Like etcd's count of the remaining keys; unknown once selectors apply.
      metadata.remainingItemCount = snapshot.length - index;
    }
  }
  return {
    kind: type.listKind,
    apiVersion: groupVersion(type),
    metadata,
    items,
  };
}
