import { LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { StreamingPlatformConfig } from '../config';
import { HistoryStore } from '../history/types';
import { PlatformIndex } from '../index/PlatformIndex';
import { WatchSink } from '../kubernetes/types';
import { EpisodeCache } from './EpisodeCache';
import { LagCache } from './LagCache';
import { PipelineQueries } from './PipelineQueries';
import { PlatformContext } from './PlatformContext';
import { PlatformQueries } from './PlatformQueries';
import { ClusterWatcherPort, LagPollerPort, PriceServicePort } from './ports';
import { RecentHistory } from './RecentHistory';
import { Recorder } from './Recorder';
import { SourceOrigin } from './sources';
import {
  pollLag,
  recordMinuteSamples,
  refreshFromHistory,
  refreshPrices,
  rollUpAndExpire,
} from './tasks';

/** A cluster the platform reads, with what lag and prices need of it. */
export interface PlatformCluster {
  name: string;
  region: string;
  mskClusterName?: string;
}

export interface StreamingPlatformOptions {
  settings: StreamingPlatformConfig;
  logger: LoggerService;
  history: HistoryStore;
  catalog: CatalogService;
  clusters: PlatformCluster[];
  createWatcher(cluster: PlatformCluster, sink: WatchSink): ClusterWatcherPort;
  lagPoller: LagPollerPort;
  prices: PriceServicePort;
  origin: SourceOrigin;
  now?: () => number;
  /** How often buffered history is written (default 2 s). */
  flushIntervalMs?: number;
}

/**
 * The backend's data path, assembled: watches feed the index, the index
 * feeds the recorder, tasks poll CloudWatch and write samples, and the query
 * services answer from the index and the history. One per backend instance.
 */
export class StreamingPlatform {
  readonly index: PlatformIndex;
  readonly recorder: Recorder;
  readonly context: PlatformContext;
  readonly pipelines: PipelineQueries;
  readonly platform: PlatformQueries;
  readonly watchers: Map<string, ClusterWatcherPort>;
  readonly #options: StreamingPlatformOptions;
  #flushTimer?: NodeJS.Timeout;

  constructor(options: StreamingPlatformOptions) {
    this.#options = options;
    const { settings, history, clusters } = options;
    const now = options.now ?? Date.now;
    this.recorder = new Recorder({ history, logger: options.logger });
    this.index = new PlatformIndex({
      clusters,
      prices: options.prices,
      recorder: this.recorder,
      now,
    });
    this.watchers = new Map(
      clusters.map(cluster => [
        cluster.name,
        options.createWatcher(cluster, this.index),
      ]),
    );
    this.context = new PlatformContext({
      index: this.index,
      history,
      recorder: this.recorder,
      recent: new RecentHistory(history),
      episodes: new EpisodeCache(history),
      lagCache: new LagCache(),
      settings,
      clusters,
      origin: options.origin,
      watchHealth: cluster => this.watchers.get(cluster)?.health(),
      lagHealth: region => options.lagPoller.health(region),
      priceHealth: () => options.prices.health(),
      now,
    });
    this.pipelines = new PipelineQueries(
      this.context,
      options.catalog,
      () => options.prices,
    );
    this.platform = new PlatformQueries(this.context, () => options.prices);
  }

  /** Starts the watches and the periodic history writes. */
  start(): void {
    for (const watcher of this.watchers.values()) watcher.start();
    this.#flushTimer = setInterval(
      () => void this.recorder.flush(),
      this.#options.flushIntervalMs ?? 2000,
    );
    this.#flushTimer.unref?.();
  }

  async stop(): Promise<void> {
    if (this.#flushTimer) clearInterval(this.#flushTimer);
    await Promise.all([...this.watchers.values()].map(w => w.stop()));
    await this.recorder.flush();
  }

  /** Resolves when every cluster's watches have listed once (or the timeout passed). */
  async waitForSync(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const healths = [...this.watchers.values()].map(w => w.health());
      if (healths.every(h => h.state === 'ok')) return true;
      if (Date.now() > deadline) return false;
      await new Promise(resolve => setTimeout(resolve, 50));
    }
  }

  pollLag() {
    const msk = new Map(
      this.#options.clusters.map(c => [c.name, c.mskClusterName]),
    );
    return pollLag(this.context, this.#options.lagPoller, cluster =>
      msk.get(cluster),
    );
  }

  recordMinuteSamples() {
    return recordMinuteSamples(this.context);
  }

  rollUpAndExpire() {
    return rollUpAndExpire(this.context);
  }

  refreshFromHistory() {
    return refreshFromHistory(this.context);
  }

  refreshPrices() {
    return refreshPrices(this.context, this.#options.prices);
  }
}
