import { SerializedError } from '@backstage/errors';

/** The Kubernetes resources the backend watches in each cluster. */
export type WatchedKind =
  | 'FlinkDeployment'
  | 'Pod'
  | 'Node'
  | 'NodeClaim'
  | 'NodePool'
  | 'Event';

/** A Kubernetes object as JSON (client-node's objects are used as plain data). */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    creationTimestamp?: string | Date;
    deletionTimestamp?: string | Date;
    ownerReferences?: Array<{ kind: string; name: string; uid: string }>;
  };
  [key: string]: unknown;
}

/**
 * Receives what the watches see. `replace` comes after every (re)list with
 * the complete current set of one kind, so the receiver can drop what
 * vanished while the watch was down; `apply` comes for each watch event.
 */
export interface WatchSink {
  replace(cluster: string, kind: WatchedKind, objects: KubeObject[]): void;
  apply(
    cluster: string,
    kind: WatchedKind,
    type: 'ADDED' | 'MODIFIED' | 'DELETED',
    object: KubeObject,
  ): void;
}

/** The state of one cluster's watches, for per-source freshness. */
export interface ClusterWatchHealth {
  cluster: string;
  /** `ok` when every kind is listed and watching; `stale` when one is retrying after an error; `error` before the first list succeeded. */
  state: 'ok' | 'stale' | 'error' | 'starting';
  /** When every kind had last been in sync (ISO). */
  lastSuccessAt?: string;
  /** The newest error, for the per-source status. */
  error?: SerializedError;
  /** Per kind: listed & watching, or the error it is retrying after. */
  kinds: Partial<
    Record<
      WatchedKind,
      {
        state: 'ok' | 'retrying' | 'starting';
        error?: SerializedError;
        lastSyncAt?: string;
      }
    >
  >;
  /** Counters for the benchmark and logs. */
  counters: {
    lists: number;
    watchEvents: number;
    relistsAfterGone: number;
    restarts: number;
  };
}
