import { InputError } from '@backstage/errors';
import { DataSourceStatus } from '@internal/backstage-plugin-streaming-platform-common';
import { AwsSourceHealth } from '../aws/types';
import { StreamingPlatformConfig } from '../config';
import { HistoryStore, TimeWindow } from '../history/types';
import { IndexedPipeline, PlatformIndex } from '../index/PlatformIndex';
import { ViewOptions } from '../index/views';
import { ClusterWatchHealth } from '../kubernetes/types';
import { EpisodeCache } from './EpisodeCache';
import { LagCache } from './LagCache';
import { RecentHistory } from './RecentHistory';
import { Recorder } from './Recorder';
import {
  cloudWatchSource,
  databaseSource,
  kubernetesSource,
  pricesSource,
  SourceOrigin,
} from './sources';

/** The live parts every query reads: the index, history, caches and health. */
export interface PlatformContextOptions {
  index: PlatformIndex;
  history: HistoryStore;
  recorder: Recorder;
  recent: RecentHistory;
  episodes: EpisodeCache;
  lagCache: LagCache;
  settings: StreamingPlatformConfig;
  clusters: Array<{ name: string; region: string }>;
  origin: SourceOrigin;
  watchHealth(cluster: string): ClusterWatchHealth | undefined;
  /** This instance's CloudWatch poll health per region, when it polled. */
  lagHealth(region: string): AwsSourceHealth | undefined;
  priceHealth(): Record<'price-list' | 'spot-price-history', AwsSourceHealth>;
  now?: () => number;
}

const MAX_WINDOW_MS = 400 * 24 * 3_600_000;

export class PlatformContext {
  readonly index: PlatformIndex;
  readonly history: HistoryStore;
  readonly recorder: Recorder;
  readonly recent: RecentHistory;
  readonly episodes: EpisodeCache;
  readonly lagCache: LagCache;
  readonly settings: StreamingPlatformConfig;
  readonly viewOptions: ViewOptions;
  readonly now: () => number;
  readonly #options: PlatformContextOptions;
  readonly #regions: Map<string, string>;

  constructor(options: PlatformContextOptions) {
    this.#options = options;
    this.index = options.index;
    this.history = options.history;
    this.recorder = options.recorder;
    this.recent = options.recent;
    this.episodes = options.episodes;
    this.lagCache = options.lagCache;
    this.settings = options.settings;
    this.now = options.now ?? Date.now;
    this.viewOptions = {
      costSplit: {
        cpuToMemoryPriceRatio: options.settings.pricing.cpuToMemoryPriceRatio,
      },
      defaultLagTargetSeconds: options.settings.defaultLagTargetSeconds,
    };
    this.#regions = new Map(options.clusters.map(c => [c.name, c.region]));
  }

  clusterNames(): string[] {
    return this.#options.clusters.map(c => c.name);
  }

  regionOf(cluster: string): string | undefined {
    return this.#regions.get(cluster);
  }

  *pipelines(cluster?: string): Iterable<IndexedPipeline> {
    for (const index of this.index.clusters()) {
      if (cluster && index.name !== cluster) continue;
      yield* index.pipelines.values();
    }
  }

  lagTargetOf(pipeline: IndexedPipeline): number {
    return pipeline.lagTargetSeconds ?? this.settings.defaultLagTargetSeconds;
  }

  /** A request's window: ISO `from`/`to`, defaulting to the last `defaultMs`. */
  window(
    from: string | undefined,
    to: string | undefined,
    defaultMs: number,
  ): TimeWindow {
    const now = this.now();
    const end = to ? Date.parse(to) : now;
    const start = from ? Date.parse(from) : end - defaultMs;
    if (Number.isNaN(start))
      throw new InputError(`'from' is not a date-time: ${from}`);
    if (Number.isNaN(end))
      throw new InputError(`'to' is not a date-time: ${to}`);
    if (start >= end) throw new InputError(`'from' must be before 'to'`);
    if (end - start > MAX_WINDOW_MS) {
      throw new InputError(`'from' to 'to' spans more than 400 days`);
    }
    return { from: start, to: end };
  }

  /** Freshness of every source behind an answer about these clusters. */
  sourcesFor(clusters: string[]): DataSourceStatus[] {
    const origin = this.#options.origin;
    const sources: DataSourceStatus[] = [];
    const regions = new Set<string>();
    for (const cluster of clusters) {
      const health = this.#options.watchHealth(cluster);
      if (health) sources.push(kubernetesSource(health, origin));
      const region =
        this.settings.cloudWatch.region ?? this.#regions.get(cluster);
      if (region) regions.add(region);
    }
    for (const region of regions) {
      sources.push(
        cloudWatchSource({
          region,
          health: this.#options.lagHealth(region),
          newestAt: this.lagCache.newestAt,
          now: this.now(),
          pollIntervalMs: this.settings.cloudWatch.pollIntervalMs,
          origin,
        }),
      );
    }
    const prices = this.#options.priceHealth();
    sources.push(pricesSource('price-list', prices['price-list'], origin));
    sources.push(
      pricesSource('spot-price-history', prices['spot-price-history'], origin),
    );
    sources.push(databaseSource(this.recorder.health()));
    return sources;
  }
}
