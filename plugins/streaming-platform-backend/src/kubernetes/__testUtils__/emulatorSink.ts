import { ObjectStore } from '@internal/platform-emulator';
import { KubeObject, WatchSink, WatchedKind } from '../types';
import { WATCHED_KINDS } from '../watchedKinds';

/* Helpers of the tests that watch the platform emulator. */

/** The emulator's store key of each watched kind. */
export const STORE_KEYS: Record<WatchedKind, string> = {
  FlinkDeployment: 'flink.apache.org/v1beta1/flinkdeployments',
  Pod: 'v1/pods',
  Node: 'v1/nodes',
  NodeClaim: 'karpenter.sh/v1/nodeclaims',
  NodePool: 'karpenter.sh/v1/nodepools',
  Event: 'v1/events',
};

export const keyOf = (object: KubeObject) =>
  `${object.metadata?.namespace ?? ''}/${object.metadata?.name}`;

/** A sink that keeps the objects, one map per kind. */
export class MapSink implements WatchSink {
  readonly objects = new Map<WatchedKind, Map<string, KubeObject>>(
    WATCHED_KINDS.map(kind => [kind, new Map()]),
  );
  replaces = 0;

  replace(_cluster: string, kind: WatchedKind, objects: KubeObject[]) {
    this.replaces++;
    this.objects.set(kind, new Map(objects.map(o => [keyOf(o), o])));
  }

  apply(
    _cluster: string,
    kind: WatchedKind,
    type: 'ADDED' | 'MODIFIED' | 'DELETED',
    object: KubeObject,
  ) {
    const objects = this.objects.get(kind)!;
    if (type === 'DELETED') objects.delete(keyOf(object));
    else objects.set(keyOf(object), object);
  }

  /** namespace/name → resourceVersion of a kind. */
  versions(kind: WatchedKind): Map<string, string | undefined> {
    return new Map(
      [...this.objects.get(kind)!.values()].map(o => [
        keyOf(o),
        o.metadata?.resourceVersion,
      ]),
    );
  }
}

export async function waitFor(
  condition: () => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 20));
  }
}

/** Whether the sink holds exactly the store's objects of `kinds`, at the same resourceVersions. */
export function converged(
  sink: MapSink,
  store: ObjectStore,
  kinds: readonly WatchedKind[] = WATCHED_KINDS,
): boolean {
  return kinds.every(kind => {
    const mine = sink.versions(kind);
    const theirs = storeVersions(store, kind);
    if (mine.size !== theirs.size) return false;
    for (const [key, version] of theirs) {
      if (mine.get(key) !== version) return false;
    }
    return true;
  });
}

/** namespace/name → resourceVersion of a kind in the emulator's store. */
export function storeVersions(
  store: ObjectStore,
  kind: WatchedKind,
): Map<string, string | undefined> {
  return new Map(
    store
      .all(STORE_KEYS[kind])
      .map(o => [keyOf(o as KubeObject), o.metadata.resourceVersion]),
  );
}
