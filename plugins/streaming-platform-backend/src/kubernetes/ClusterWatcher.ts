import { LoggerService } from '@backstage/backend-plugin-api';
import { serializeError } from '@backstage/errors';
import { KubeConfig } from '@kubernetes/client-node';
import { ClusterWatcherPort } from '../service/ports';
import {
  ResourceWatcher,
  ResourceWatcherStatus,
  ResourceWatcherTiming,
} from './ResourceWatcher';
import { ClusterWatchHealth, WatchSink, WatchedKind } from './types';
import { WATCHED_KINDS } from './watchedKinds';

export interface ClusterWatcherOptions extends ResourceWatcherTiming {
  cluster: string;
  kubeConfig: KubeConfig;
  sink: WatchSink;
  logger: LoggerService;
  /** Default: all of `WATCHED_KINDS`. */
  kinds?: readonly WatchedKind[];
}

type ClusterState = ClusterWatchHealth['state'];

/** The cluster's state from its kinds' (see `ClusterWatchHealth.state`). */
function clusterState(statuses: ResourceWatcherStatus[]): ClusterState {
  if (statuses.some(s => s.state === 'retrying' && !s.listedOnce)) {
    return 'error';
  }
  if (statuses.some(s => s.state === 'retrying')) return 'stale';
  if (statuses.some(s => s.state === 'starting')) return 'starting';
  return 'ok';
}

const iso = (ms: number | undefined) =>
  ms === undefined ? undefined : new Date(ms).toISOString();

/**
 * Watches the streaming platform's kinds in one cluster, one
 * `ResourceWatcher` each, and reports their health together. Logs only
 * changes of state, never objects or response bodies.
 */
export class ClusterWatcher implements ClusterWatcherPort {
  readonly #cluster: string;
  readonly #logger: LoggerService;
  readonly #watchers: ResourceWatcher[];
  #state: ClusterState = 'starting';

  constructor(options: ClusterWatcherOptions) {
    const { cluster, kubeConfig, sink, logger, kinds, ...timing } = options;
    this.#cluster = cluster;
    this.#logger = logger;
    this.#watchers = (kinds ?? WATCHED_KINDS).map(
      kind =>
        new ResourceWatcher({
          ...timing,
          cluster,
          kind,
          kubeConfig,
          sink,
          onStatusChange: status => this.#onStatusChange(status),
        }),
    );
  }

  start(): void {
    this.#logger.info(
      `Watching ${this.#watchers.map(w => w.kind).join(', ')} in cluster ${
        this.#cluster
      }`,
    );
    for (const watcher of this.#watchers) watcher.start();
  }

  async stop(): Promise<void> {
    await Promise.all(this.#watchers.map(w => w.stop()));
  }

  health(): ClusterWatchHealth {
    const statuses = this.#watchers.map(w => w.status());
    const kinds: ClusterWatchHealth['kinds'] = {};
    for (const status of statuses) {
      kinds[status.kind] = {
        state: status.state,
        ...(status.error ? { error: serializeError(status.error) } : {}),
        ...(status.lastSyncAt !== undefined
          ? { lastSyncAt: iso(status.lastSyncAt) }
          : {}),
      };
    }
    const syncTimes = statuses.map(s => s.lastSyncAt);
    const lastSuccessAt = syncTimes.every(t => t !== undefined)
      ? iso(Math.min(...(syncTimes as number[])))
      : undefined;
    const newestError = statuses
      .filter(s => s.error)
      .sort((a, b) => (b.errorAt ?? 0) - (a.errorAt ?? 0))[0]?.error;
    const counters = {
      lists: 0,
      watchEvents: 0,
      relistsAfterGone: 0,
      restarts: 0,
    };
    for (const watcher of this.#watchers) {
      counters.lists += watcher.counters.lists;
      counters.watchEvents += watcher.counters.watchEvents;
      counters.relistsAfterGone += watcher.counters.relistsAfterGone;
      counters.restarts += watcher.counters.restarts;
    }
    return {
      cluster: this.#cluster,
      state: clusterState(statuses),
      ...(lastSuccessAt ? { lastSuccessAt } : {}),
      ...(newestError ? { error: serializeError(newestError) } : {}),
      kinds,
      counters,
    };
  }

  #onStatusChange(status: ResourceWatcherStatus) {
    if (status.state === 'retrying' && status.error) {
      this.#logger.warn(`${status.error.message}; retrying`);
    } else if (status.state === 'ok' && !status.installed) {
      this.#logger.info(
        `Cluster ${this.#cluster} does not serve ${
          status.kind
        } (not installed); looking again later`,
      );
    }
    const state = clusterState(this.#watchers.map(w => w.status()));
    if (state !== this.#state) {
      this.#logger.info(
        `Watches of cluster ${this.#cluster}: ${this.#state} → ${state}`,
      );
      this.#state = state;
    }
  }
}
