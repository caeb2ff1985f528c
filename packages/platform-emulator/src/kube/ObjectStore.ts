import { randomUUID } from 'node:crypto';
import { Clock, wallClock } from '../clock';
import { ChangeLog, LoggedChange, StoreChange } from './ChangeLog';
import {
  CORE_EVENTS_KEY,
  EVENTS_V1_KEY,
  coreEventToEventsV1,
  eventsV1ToCoreEvent,
} from './eventsView';
import { deepEqual, rfc3339Seconds } from './json';
import {
  KubeObject,
  KubeStore,
  RESOURCE_TYPES,
  ResourceType,
  resourceKey as keyOfType,
} from './types';

export type { StoreChange, ChangeType } from './ChangeLog';

export interface ObjectStoreOptions {
  /** Timestamps, history age and event expiry follow this clock. */
  clock?: Clock;
  /** How many changes the watch history holds (default 100,000). */
  historyLimit?: number;
  /**
   * How long a change stays in the watch history (default 5 minutes, etcd's
   * compaction interval). Resuming from an older resourceVersion gets 410.
   */
  historyMaxAgeMs?: number;
  /** How long an Event lives after its last write (default 60 minutes, as on EKS). */
  eventTtlMs?: number;
}

export const DEFAULT_HISTORY_LIMIT = 100_000;
export const DEFAULT_HISTORY_MAX_AGE_MS = 5 * 60_000;
export const DEFAULT_EVENT_TTL_MS = 60 * 60_000;

/** Thrown when a resourceVersion is older than the history holds. */
export class ResourceVersionExpiredError extends Error {
  constructor(readonly requested: number, readonly oldestAvailable: number) {
    super(`too old resource version: ${requested} (${oldestAvailable})`);
    this.name = 'ResourceVersionExpiredError';
  }
}

/** Which objects a subscriber hears about. */
export interface SubscriptionScope {
  /** Only this namespace; all when undefined. */
  namespace?: string;
}

export type ChangeListener = (change: StoreChange) => void;

/** One served view of stored objects: events.k8s.io/v1 is a view of v1 Events. */
interface View {
  storageKey: string;
  toView?: (object: KubeObject) => KubeObject;
  fromView?: (object: KubeObject) => KubeObject;
}

const VIEWS: Record<string, View> = {
  [EVENTS_V1_KEY]: {
    storageKey: CORE_EVENTS_KEY,
    toView: coreEventToEventsV1,
    fromView: eventsV1ToCoreEvent,
  },
};

const TYPES_BY_KEY = new Map<string, ResourceType>(
  RESOURCE_TYPES.map(type => [keyOfType(type), type]),
);

function viewOf(resourceKey: string): View {
  return VIEWS[resourceKey] ?? { storageKey: resourceKey };
}

/** The objects of one resource, indexed by namespace ('' when cluster-scoped). */
class ResourceIndex {
  readonly byNamespace = new Map<string, Map<string, KubeObject>>();

  get(namespace: string, name: string): KubeObject | undefined {
    return this.byNamespace.get(namespace)?.get(name);
  }

  set(namespace: string, name: string, object: KubeObject) {
    let objects = this.byNamespace.get(namespace);
    if (!objects) {
      objects = new Map();
      this.byNamespace.set(namespace, objects);
    }
    objects.set(name, object);
  }

  delete(namespace: string, name: string) {
    const objects = this.byNamespace.get(namespace);
    if (objects?.delete(name) && objects.size === 0) {
      this.byNamespace.delete(namespace);
    }
  }

  values(namespace?: string): KubeObject[] {
    if (namespace !== undefined) {
      const objects = this.byNamespace.get(namespace);
      return objects ? Array.from(objects.values()) : [];
    }
    const all: KubeObject[] = [];
    for (const objects of this.byNamespace.values()) {
      for (const object of objects.values()) {
        all.push(object);
      }
    }
    return all;
  }
}

interface Subscriber {
  listener: ChangeListener;
  toView?: (object: KubeObject) => KubeObject;
}

/** The subscribers of one stored resource, by namespace, so a write reaches only its own. */
class SubscriberIndex {
  readonly everywhere = new Set<Subscriber>();
  readonly byNamespace = new Map<string, Set<Subscriber>>();

  add(subscriber: Subscriber, namespace: string | undefined) {
    if (namespace === undefined) {
      this.everywhere.add(subscriber);
      return;
    }
    let subscribers = this.byNamespace.get(namespace);
    if (!subscribers) {
      subscribers = new Set();
      this.byNamespace.set(namespace, subscribers);
    }
    subscribers.add(subscriber);
  }

  delete(subscriber: Subscriber, namespace: string | undefined) {
    if (namespace === undefined) {
      this.everywhere.delete(subscriber);
      return;
    }
    const subscribers = this.byNamespace.get(namespace);
    if (subscribers?.delete(subscriber) && subscribers.size === 0) {
      this.byNamespace.delete(namespace);
    }
  }
}

function convertChange(
  change: StoreChange,
  toView: (object: KubeObject) => KubeObject,
): StoreChange {
  return {
    type: change.type,
    object: toView(change.object),
    ...(change.previous ? { previous: toView(change.previous) } : {}),
    resourceVersion: change.resourceVersion,
  };
}

/**
 * The objects of one emulated cluster, in memory. Every write takes the
 * next cluster-wide resourceVersion (like etcd's revision), is kept in a
 * bounded history for watches that resume, and is pushed synchronously to
 * the subscribers of its resource and namespace. A write costs O(1) plus
 * the subscribers it reaches (and a comparison of `spec` to decide whether
 * `generation` moves); nothing scans the objects of a resource.
 *
 * Events are stored once, under `v1/events`; `events.k8s.io/v1/events` is
 * served from the same objects by conversion, for reads, writes and
 * subscriptions alike.
 */
export class ObjectStore implements KubeStore {
  readonly #clock: Clock;
  readonly #eventTtlMs: number;
  readonly #resources = new Map<string, ResourceIndex>();
  readonly #subscribers = new Map<string, SubscriberIndex>();
  readonly #history: ChangeLog;
  /** Event identity → time of its last write, oldest write first. */
  readonly #eventWrites = new Map<string, number>();
  #revision = 0;

  constructor(options: ObjectStoreOptions = {}) {
    this.#clock = options.clock ?? wallClock;
    this.#eventTtlMs = options.eventTtlMs ?? DEFAULT_EVENT_TTL_MS;
    this.#history = new ChangeLog({
      limit: options.historyLimit ?? DEFAULT_HISTORY_LIMIT,
      maxAgeMs: options.historyMaxAgeMs ?? DEFAULT_HISTORY_MAX_AGE_MS,
    });
  }

  get clock(): Clock {
    return this.#clock;
  }

  upsert(resourceKey: string, object: KubeObject): KubeObject {
    const view = viewOf(resourceKey);
    const incoming = view.fromView ? view.fromView(object) : object;
    const name = incoming.metadata?.name;
    if (!name) {
      throw new Error(`Cannot store a ${resourceKey} object without a name`);
    }
    const namespace = this.#namespaceOf(view.storageKey, incoming);
    const index = this.#index(view.storageKey);
    const existing = index.get(namespace, name);
    const nowMs = this.#clock.now();
    const revision = ++this.#revision;

    const metadata = {
      ...incoming.metadata,
      resourceVersion: String(revision),
    };
    if (existing) {
      metadata.uid = existing.metadata.uid;
      metadata.creationTimestamp = existing.metadata.creationTimestamp;
      if (incoming.spec !== undefined) {
        const previousGeneration = existing.metadata.generation ?? 0;
        metadata.generation =
          previousGeneration === 0 || !deepEqual(existing.spec, incoming.spec)
            ? previousGeneration + 1
            : previousGeneration;
      }
    } else {
      metadata.uid = incoming.metadata.uid || randomUUID();
      metadata.creationTimestamp =
        incoming.metadata.creationTimestamp || rfc3339Seconds(nowMs);
      if (incoming.spec !== undefined) {
        metadata.generation = 1;
      }
    }
    if (namespace === '') {
      delete metadata.namespace;
    }
    const stored: KubeObject = { ...incoming, metadata };
    index.set(namespace, name, stored);
    if (view.storageKey === CORE_EVENTS_KEY) {
      const identity = `${namespace}/${name}`;
      // Re-inserting moves the event to the end: the map stays in write order.
      this.#eventWrites.delete(identity);
      this.#eventWrites.set(identity, nowMs);
    }
    this.#record({
      type: existing ? 'MODIFIED' : 'ADDED',
      object: stored,
      ...(existing ? { previous: existing } : {}),
      resourceVersion: revision,
      storageKey: view.storageKey,
      namespace,
      atMs: nowMs,
    });
    return view.toView ? view.toView(stored) : stored;
  }

  remove(
    resourceKey: string,
    namespace: string | undefined,
    name: string,
  ): KubeObject | undefined {
    const view = viewOf(resourceKey);
    const index = this.#resources.get(view.storageKey);
    const namespaceKey = namespace ?? '';
    const existing = index?.get(namespaceKey, name);
    if (!index || !existing) {
      return undefined;
    }
    const revision = ++this.#revision;
    index.delete(namespaceKey, name);
    if (view.storageKey === CORE_EVENTS_KEY) {
      this.#eventWrites.delete(`${namespaceKey}/${name}`);
    }
    // The DELETED event carries the deletion's resourceVersion, as etcd's does.
    const deleted: KubeObject = {
      ...existing,
      metadata: { ...existing.metadata, resourceVersion: String(revision) },
    };
    this.#record({
      type: 'DELETED',
      object: deleted,
      previous: existing,
      resourceVersion: revision,
      storageKey: view.storageKey,
      namespace: namespaceKey,
      atMs: this.#clock.now(),
    });
    return view.toView ? view.toView(deleted) : deleted;
  }

  get(
    resourceKey: string,
    namespace: string | undefined,
    name: string,
  ): KubeObject | undefined {
    const view = viewOf(resourceKey);
    const object = this.#resources
      .get(view.storageKey)
      ?.get(namespace ?? '', name);
    return object && view.toView ? view.toView(object) : object;
  }

  all(resourceKey: string, namespace?: string): KubeObject[] {
    const view = viewOf(resourceKey);
    const objects =
      this.#resources.get(view.storageKey)?.values(namespace) ?? [];
    return view.toView ? objects.map(view.toView) : objects;
  }

  resourceVersion(): string {
    return String(this.#revision);
  }

  /** The latest resourceVersion as a number. */
  revision(): number {
    return this.#revision;
  }

  /**
   * The newest resourceVersion the history no longer holds changes after:
   * watches and consistent reads from an older one get 410 Gone.
   */
  compactedRevision(): number {
    this.#history.compact(this.#clock.now());
    return this.#history.compactedRevision;
  }

  /**
   * Hears every later write to a resource (in one namespace, when given),
   * synchronously and in resourceVersion order. Returns the unsubscribe
   * function.
   */
  subscribe(
    resourceKey: string,
    scope: SubscriptionScope,
    listener: ChangeListener,
  ): () => void {
    const view = viewOf(resourceKey);
    let subscribers = this.#subscribers.get(view.storageKey);
    if (!subscribers) {
      subscribers = new SubscriberIndex();
      this.#subscribers.set(view.storageKey, subscribers);
    }
    const subscriber: Subscriber = { listener, toView: view.toView };
    subscribers.add(subscriber, scope.namespace);
    const index = subscribers;
    return () => index.delete(subscriber, scope.namespace);
  }

  /**
   * The changes to a resource after `resourceVersion`, oldest first; throws
   * ResourceVersionExpiredError when the history no longer reaches back.
   */
  changesSince(
    resourceKey: string,
    resourceVersion: number,
    scope: SubscriptionScope = {},
  ): StoreChange[] {
    const view = viewOf(resourceKey);
    this.#assertRetained(resourceVersion);
    const changes: StoreChange[] = [];
    for (const change of this.#history.since(resourceVersion)) {
      if (
        change.storageKey === view.storageKey &&
        (scope.namespace === undefined || change.namespace === scope.namespace)
      ) {
        changes.push(view.toView ? convertChange(change, view.toView) : change);
      }
    }
    return changes;
  }

  /**
   * The objects of a resource as they were at `resourceVersion` (for
   * consistent paginated lists), rebuilt from the current objects and the
   * history; throws ResourceVersionExpiredError when the history no longer
   * reaches back.
   */
  allAt(
    resourceKey: string,
    resourceVersion: number,
    namespace?: string,
  ): KubeObject[] {
    const view = viewOf(resourceKey);
    this.#assertRetained(resourceVersion);
    const later = Array.from(this.#history.since(resourceVersion)).filter(
      change =>
        change.storageKey === view.storageKey &&
        (namespace === undefined || change.namespace === namespace),
    );
    const stored =
      this.#resources.get(view.storageKey)?.values(namespace) ?? [];
    let objects = stored;
    if (later.length > 0) {
      const state = new Map<string, KubeObject>();
      for (const object of stored) {
        state.set(
          `${object.metadata.namespace ?? ''}/${object.metadata.name}`,
          object,
        );
      }
      // Undo the later changes, newest first.
      for (let i = later.length - 1; i >= 0; i--) {
        const change = later[i];
        const identity = `${change.namespace}/${change.object.metadata.name}`;
        if (change.previous) {
          state.set(identity, change.previous);
        } else {
          state.delete(identity);
        }
      }
      objects = Array.from(state.values());
    }
    return view.toView ? objects.map(view.toView) : objects;
  }

  /**
   * Deletes the Events whose last write is older than `ttlMs` (default: the
   * store's event TTL, 60 minutes), as EKS's etcd lease expiry does, and
   * notifies watchers. Costs O(expired events). Returns how many expired.
   */
  expireEvents(ttlMs: number = this.#eventTtlMs): number {
    const cutoff = this.#clock.now() - ttlMs;
    const expired: string[] = [];
    for (const [identity, writtenAtMs] of this.#eventWrites) {
      if (writtenAtMs > cutoff) {
        break;
      }
      expired.push(identity);
    }
    for (const identity of expired) {
      const slash = identity.indexOf('/');
      this.remove(
        CORE_EVENTS_KEY,
        identity.slice(0, slash),
        identity.slice(slash + 1),
      );
    }
    return expired.length;
  }

  /** How many objects a resource has (in one namespace, when given). */
  count(resourceKey: string, namespace?: string): number {
    const index = this.#resources.get(viewOf(resourceKey).storageKey);
    if (!index) {
      return 0;
    }
    if (namespace !== undefined) {
      return index.byNamespace.get(namespace)?.size ?? 0;
    }
    let total = 0;
    for (const objects of index.byNamespace.values()) {
      total += objects.size;
    }
    return total;
  }

  #assertRetained(resourceVersion: number) {
    const compacted = this.compactedRevision();
    if (resourceVersion < compacted) {
      throw new ResourceVersionExpiredError(resourceVersion, compacted);
    }
  }

  #index(storageKey: string): ResourceIndex {
    let index = this.#resources.get(storageKey);
    if (!index) {
      index = new ResourceIndex();
      this.#resources.set(storageKey, index);
    }
    return index;
  }

  #namespaceOf(storageKey: string, object: KubeObject): string {
    const type = TYPES_BY_KEY.get(storageKey);
    const namespace = object.metadata.namespace ?? '';
    if (type?.namespaced && !namespace) {
      throw new Error(
        `Cannot store ${storageKey} "${object.metadata.name}" without a namespace`,
      );
    }
    if (type && !type.namespaced && namespace) {
      throw new Error(
        `${storageKey} is cluster-scoped; "${object.metadata.name}" cannot have namespace "${namespace}"`,
      );
    }
    return namespace;
  }

  #record(change: LoggedChange) {
    this.#history.append(change);
    const subscribers = this.#subscribers.get(change.storageKey);
    if (!subscribers) {
      return;
    }
    const inNamespace = change.namespace
      ? subscribers.byNamespace.get(change.namespace)
      : undefined;
    if (subscribers.everywhere.size === 0 && !inNamespace) {
      return;
    }
    const plain: StoreChange = {
      type: change.type,
      object: change.object,
      ...(change.previous ? { previous: change.previous } : {}),
      resourceVersion: change.resourceVersion,
    };
    // Each view converts the change once, however many subscribers share it.
    const converted = new Map<
      (object: KubeObject) => KubeObject,
      StoreChange
    >();
    let firstError: unknown;
    const notify = (subscriber: Subscriber) => {
      let delivered = plain;
      if (subscriber.toView) {
        delivered =
          converted.get(subscriber.toView) ??
          convertChange(plain, subscriber.toView);
        converted.set(subscriber.toView, delivered);
      }
      try {
        subscriber.listener(delivered);
      } catch (error) {
        firstError ??= error;
      }
    };
    // Copies, so a listener may unsubscribe while being notified.
    for (const subscriber of Array.from(subscribers.everywhere)) {
      notify(subscriber);
    }
    if (inNamespace) {
      for (const subscriber of Array.from(inNamespace)) {
        notify(subscriber);
      }
    }
    if (firstError !== undefined) {
      // The write is done and every subscriber was told; surface the bug.
      throw firstError;
    }
  }
}
