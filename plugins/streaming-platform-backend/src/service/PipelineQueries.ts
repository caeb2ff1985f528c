import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CostFigures,
  DataSourceStatus,
  PipelineDetailResponse,
  PipelineEventsResponse,
  PipelineListResponse,
  PipelineNode,
  PipelineNodesResponse,
  PipelinePodsResponse,
  PipelineSeriesName,
  PipelineSeriesPoint,
  PipelineSummary,
  PipelineTimeSeriesResponse,
  ScalingEpisode,
  SpotMix,
  STREAMING_PIPELINE_ANNOTATION,
  STREAMING_PIPELINE_COMPONENT_TYPE,
  TeamPipelineFigures,
  TeamSummaryResponse,
} from '@internal/backstage-plugin-streaming-platform-common';
import { sumCostFigures } from '../analysis/costAllocation';
import { chooseStep, downsample, meanOf } from '../analysis/downsample';
import { durationStats } from '../analysis/durations';
import { toScalingEvent } from '../analysis/events';
import { pipelineNodeSpans } from '../analysis/pipelineNodes';
import {
  LagSample,
  NodeClaimLifecycle,
  PipelineSample,
  PodLifecycle,
} from '../analysis/types';
import { NodePriceLookup } from '../aws/types';
import { TimeWindow } from '../history/types';
import { ClusterIndex, IndexedPipeline } from '../index/PlatformIndex';
import { pipelinePods, pipelineSummary } from '../index/views';
import { assertCanRead, PipelineAccess } from '../permissions/access';
import { MicroCache } from './MicroCache';
import { SerializedAnswer } from './SerializedAnswer';
import { PlatformContext } from './PlatformContext';
import { databaseReadError } from './sources';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const OWNERSHIP_TTL_MS = 30_000;

/** JSON text and its entity tag, computed once for every caller. */
function serialize(value: unknown): SerializedAnswer {
  return new SerializedAnswer(value);
}

/** Plain code-unit order: refs and ISO times need no locale. */
function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Answers about pipelines: lists, one pipeline, its history, a team's. */
export class PipelineQueries {
  readonly #ctx: PlatformContext;
  readonly #catalog: CatalogService;
  readonly #details = new MicroCache<SerializedAnswer>({
    ttlMs: 1000,
  });
  readonly #teams = new MicroCache<SerializedAnswer>({
    ttlMs: 1000,
  });
  readonly #ownership = new Map<
    string,
    {
      at: number;
      answer: Promise<{
        entities: Array<{ entityRef: string; pipelineRef: string }>;
        source: DataSourceStatus;
      }>;
    }
  >();

  readonly #prices?: () => NodePriceLookup;

  constructor(
    ctx: PlatformContext,
    catalog: CatalogService,
    prices?: () => NodePriceLookup,
  ) {
    this.#ctx = ctx;
    this.#catalog = catalog;
    this.#prices = prices;
  }

  async list(
    filter: { cluster?: string; owners?: string[] },
    access: PipelineAccess,
    credentials: BackstageCredentials,
  ): Promise<PipelineListResponse> {
    const ctx = this.#ctx;
    const sources: DataSourceStatus[] = [];
    let refs: Set<string> | undefined;
    if (filter.owners?.length) {
      const owned = await this.#ownedPipelines(filter.owners, credentials);
      sources.push(owned.source);
      refs = new Set(owned.entities.map(e => e.pipelineRef));
    }
    const items: PipelineSummary[] = [];
    for (const pipeline of ctx.pipelines(filter.cluster)) {
      if (refs && !refs.has(pipeline.ref)) continue;
      if (!access.canRead(pipeline)) continue;
      items.push(this.#summary(pipeline, access));
    }
    items.sort((a, b) => compare(a.ref, b.ref));
    return {
      items,
      sources: [
        ...ctx.sourcesFor(
          filter.cluster ? [filter.cluster] : ctx.clusterNames(),
        ),
        ...sources,
      ],
    };
  }

  /** One pipeline. */
  detail(ref: string, access: PipelineAccess): Promise<PipelineDetailResponse> {
    return this.#detail(ref, access);
  }

  /**
   * One pipeline as JSON text; shared for a second between callers who may
   * read all, serialized once: entity pages are the most requested answer.
   */
  detailJson(ref: string, access: PipelineAccess): Promise<SerializedAnswer> {
    if (!access.readAll) {
      return this.#detail(ref, access).then(serialize);
    }
    return this.#details.get(`${ref}|${access.costForAll}`, async () =>
      serialize(await this.#detail(ref, access)),
    );
  }

  async #detail(
    ref: string,
    access: PipelineAccess,
  ): Promise<PipelineDetailResponse> {
    const ctx = this.#ctx;
    const { pipeline } = this.#find(ref, access);
    const includeCost = access.canReadCost(pipeline);
    const figures = ctx.recent.figures(pipeline.ref);
    const sources = ctx.sourcesFor([pipeline.cluster]);
    let scalingResponse;
    let lastEpisode: ScalingEpisode | undefined;
    try {
      const episodes = await ctx.episodes.recent(
        pipeline.ref,
        ctx.lagTargetOf(pipeline),
        ctx.now(),
      );
      scalingResponse = responseStats(episodes);
      for (const episode of episodes) {
        if (!lastEpisode || episode.decidedAt > lastEpisode.decidedAt) {
          lastEpisode = episode;
        }
      }
    } catch (error) {
      sources.push(databaseReadError(error));
    }
    return {
      pipeline: this.#summary(pipeline, access),
      ...(figures
        ? {
            spotMix24h: figures.spotMix24h,
            lagBreachSeconds24h: figures.lagBreachSeconds24h,
            ...(includeCost ? { cost24h: figures.cost24h } : {}),
          }
        : {}),
      ...(scalingResponse ? { scalingResponse } : {}),
      ...(lastEpisode ? { lastEpisode } : {}),
      sources,
    };
  }

  /** A pipeline's pods now, from the index. */
  pods(ref: string, access: PipelineAccess): PipelinePodsResponse {
    const { pipeline, cluster } = this.#find(ref, access);
    return {
      pods: pipelinePods(cluster, pipeline),
      sources: this.#ctx.sourcesFor([pipeline.cluster]),
    };
  }

  /**
   * The nodes a pipeline's pods ran on in a window (default the last 6
   * hours): recorded pod and NodeClaim lifecycles, and the index for the
   * pods and nodes of now.
   */
  async nodes(
    ref: string,
    query: { from?: string; to?: string },
    access: PipelineAccess,
  ): Promise<PipelineNodesResponse> {
    const ctx = this.#ctx;
    const { pipeline, cluster } = this.#find(ref, access);
    const window = ctx.window(query.from, query.to, 6 * HOUR);
    const sources = ctx.sourcesFor([pipeline.cluster]);
    // The pods of now, as lifecycles: the index is ahead of what is recorded.
    const current: PodLifecycle[] = pipelinePodsNow(cluster, pipeline);
    const unwritten = ctx.recorder.unwrittenPods(pipeline.ref);
    let recorded: PodLifecycle[] = [];
    let claims: NodeClaimLifecycle[] = [];
    try {
      recorded = await ctx.history.podLifecycles(pipeline.ref, window);
      const names = new Set(
        [...recorded, ...unwritten, ...current].flatMap(p =>
          p.nodeName ? [p.nodeName] : [],
        ),
      );
      claims = names.size
        ? await ctx.history.nodeClaimLifecycles(pipeline.cluster, window, {
            nodeNames: [...names],
          })
        : [];
    } catch (error) {
      sources.push(databaseReadError(error));
    }
    // NodeClaims of now are known to the index before they are recorded.
    claims.push(...cluster.nodeClaims.values());
    // Later records of a pod win: written, then not yet written, then now.
    const spans = pipelineNodeSpans(
      [...recorded, ...unwritten, ...current],
      claims,
      window,
    );
    const includeCost = access.canReadCost(pipeline);
    const prices = this.#prices?.();
    const nodes = spans.map(span => {
      const node = cluster.nodes.get(span.nodeName);
      const claim = span.claim;
      const instanceType =
        claim?.instanceType ??
        (node && node.instanceType !== 'unknown'
          ? node.instanceType
          : undefined);
      const zone = claim?.zone ?? (node?.zone || undefined);
      const capacityType =
        claim?.capacityType ?? node?.capacityType ?? span.capacityType;
      const nodePool = claim?.nodePool ?? node?.nodePool ?? span.nodePool;
      const answer: PipelineNode = {
        name: span.nodeName,
        ...(claim ? { nodeClaim: claim.name } : {}),
        ...(nodePool ? { nodePool } : {}),
        ...(instanceType ? { instanceType } : {}),
        ...(zone ? { zone } : {}),
        ...(capacityType ? { capacityType } : {}),
        from: new Date(span.from).toISOString(),
        ...(span.to !== undefined
          ? { to: new Date(span.to).toISOString() }
          : {}),
        pods: span.pods,
      };
      if (includeCost) {
        // A node still there has its price; one gone is priced as its type
        // and zone are today.
        const price =
          node?.price ??
          (prices && instanceType && zone && capacityType
            ? prices.priceOf({
                region: ctx.regionOf(pipeline.cluster) || zone.slice(0, -1),
                instanceType,
                zone,
                capacityType,
              })
            : undefined);
        answer.usdPerHour = price?.usdPerHour ?? 0;
        answer.priceSource = price?.source ?? 'unknown';
      }
      return answer;
    });
    return {
      from: new Date(window.from).toISOString(),
      to: new Date(window.to).toISOString(),
      nodes,
      sources,
    };
  }

  async timeSeries(
    ref: string,
    query: {
      from?: string;
      to?: string;
      step?: number;
      series?: PipelineSeriesName[];
    },
    access: PipelineAccess,
  ): Promise<PipelineTimeSeriesResponse> {
    const ctx = this.#ctx;
    const { pipeline } = this.#find(ref, access);
    const now = ctx.now();
    const window = ctx.window(query.from, query.to, 6 * HOUR);
    const series = new Set<PipelineSeriesName>(
      query.series?.length
        ? query.series
        : ['lag', 'parallelism', 'pods', 'cost'],
    );
    if (!access.canReadCost(pipeline)) series.delete('cost');
    const hourly = window.from < now - ctx.settings.retention.minuteSamplesMs;
    const stepMs = chooseStep(
      window,
      Math.max(query.step ? query.step * 1000 : 0, hourly ? HOUR : 0) ||
        undefined,
    );
    const sources = ctx.sourcesFor([pipeline.cluster]);
    const readLag = () =>
      hourly
        ? ctx.history.hourlyLagRollups([pipeline.ref], window)
        : ctx.history.lagSamples([pipeline.ref], window);
    let samples: PipelineSample[] = [];
    let lag: LagSample[] = [];
    try {
      [samples, lag] = await Promise.all([
        hourly
          ? ctx.history.hourlyPipelineRollups([pipeline.ref], window)
          : ctx.history.pipelineSamples([pipeline.ref], window),
        series.has('lag') ? readLag() : Promise.resolve([]),
      ]);
    } catch (error) {
      sources.push(databaseReadError(error));
    }
    const points = seriesPoints(samples, lag, window, stepMs, series);
    return {
      from: new Date(window.from).toISOString(),
      to: new Date(window.to).toISOString(),
      stepSeconds: stepMs / 1000,
      resolution: hourly ? 'hour' : 'minute',
      points,
      sources,
    };
  }

  async events(
    ref: string,
    query: { from?: string; to?: string; limit?: number },
    access: PipelineAccess,
  ): Promise<PipelineEventsResponse> {
    const ctx = this.#ctx;
    const { pipeline } = this.#find(ref, access);
    const window = ctx.window(query.from, query.to, 24 * HOUR);
    const sources = ctx.sourcesFor([pipeline.cluster]);
    try {
      const [recorded, episodes] = await Promise.all([
        ctx.history.eventsForPipeline(pipeline.ref, window),
        ctx.episodes.detect(
          pipeline.ref,
          ctx.lagTargetOf(pipeline),
          window,
          ctx.now(),
        ),
      ]);
      const limit = query.limit ?? 500;
      const events = recorded
        .map(toScalingEvent)
        .sort((a, b) => compare(b.at, a.at))
        .slice(0, limit);
      return {
        events,
        episodes: episodes.sort((a, b) => compare(b.decidedAt, a.decidedAt)),
        sources,
      };
    } catch (error) {
      return {
        events: [],
        episodes: [],
        sources: [...sources, databaseReadError(error)],
      };
    }
  }

  /** A team's summary. */
  team(
    group: string,
    access: PipelineAccess,
    credentials: BackstageCredentials,
  ): Promise<TeamSummaryResponse> {
    return this.#team(group, access, credentials);
  }

  /**
   * A team's summary as JSON text; shared for a second between callers who
   * may read all, serialized once: with a sparkline and a week of daily cost
   * per pipeline, the text is worth keeping.
   */
  teamJson(
    group: string,
    access: PipelineAccess,
    credentials: BackstageCredentials,
  ): Promise<SerializedAnswer> {
    if (!access.readAll) {
      return this.#team(group, access, credentials).then(serialize);
    }
    // Keyed by caller too: ownership is read from the catalog as the user.
    const key = JSON.stringify([
      group,
      access.costForAll,
      credentials.principal,
    ]);
    return this.#teams.get(key, async () =>
      serialize(await this.#team(group, access, credentials)),
    );
  }

  async #team(
    group: string,
    access: PipelineAccess,
    credentials: BackstageCredentials,
  ): Promise<TeamSummaryResponse> {
    const ctx = this.#ctx;
    const owned = await this.#ownedPipelines([group], credentials);
    const pipelines: PipelineSummary[] = [];
    const indexed: IndexedPipeline[] = [];
    const unmatched: TeamSummaryResponse['unmatched'] = [];
    for (const entity of owned.entities) {
      const pipeline = ctx.index.pipeline(entity.pipelineRef);
      if (!pipeline) {
        unmatched.push(entity);
        continue;
      }
      if (!access.canRead(pipeline)) continue;
      indexed.push(pipeline);
      pipelines.push(this.#summary(pipeline, access));
    }
    const clusters = [...new Set(indexed.map(p => p.cluster))];
    const sources = [
      ...ctx.sourcesFor(clusters.length ? clusters : ctx.clusterNames()),
      owned.source,
    ];
    const lagBreachSeconds24h: Record<string, number> = {};
    const figuresByRef: Record<string, TeamPipelineFigures> = {};
    const mixes: SpotMix[] = [];
    const costs: CostFigures[] = [];
    const previous: CostFigures[] = [];
    for (const pipeline of indexed) {
      const figures = ctx.recent.figures(pipeline.ref);
      if (!figures) continue;
      lagBreachSeconds24h[pipeline.ref] = figures.lagBreachSeconds24h;
      figuresByRef[pipeline.ref] = {
        ref: pipeline.ref,
        lagSparkline: figures.lagSparkline,
        lagBreaches24h: figures.lagBreaches24h,
        lagBreachSeconds24h: figures.lagBreachSeconds24h,
        spotMix24h: figures.spotMix24h,
        ...(access.canReadCost(pipeline)
          ? { cost24h: figures.cost24h, costPerDay7d: figures.costPerDay7d }
          : {}),
      };
      mixes.push(figures.spotMix24h);
      costs.push(figures.cost24h);
      previous.push(figures.costPrevious24h);
    }
    const includeCost =
      indexed.length > 0 && indexed.every(p => access.canReadCost(p));
    let episodes: ScalingEpisode[] = [];
    try {
      const now = ctx.now();
      episodes = (
        await Promise.all(
          indexed.map(p => ctx.episodes.recent(p.ref, ctx.lagTargetOf(p), now)),
        )
      ).flat();
    } catch (error) {
      sources.push(databaseReadError(error));
    }
    return {
      group,
      pipelines: pipelines.sort((a, b) => compare(a.ref, b.ref)),
      unmatched,
      lagBreachSeconds24h,
      figures: figuresByRef,
      ...(mixes.length ? { spotMix24h: combineMixes(mixes) } : {}),
      ...(includeCost && costs.length
        ? {
            cost24h: sumCostFigures(costs),
            costPrevious24h: sumCostFigures(previous),
          }
        : {}),
      recentEpisodes: episodes
        .sort((a, b) => compare(b.decidedAt, a.decidedAt))
        .slice(0, 50),
      scalingResponse: responseStats(episodes),
      sources,
    };
  }

  #summary(pipeline: IndexedPipeline, access: PipelineAccess) {
    const ctx = this.#ctx;
    return pipelineSummary(
      ctx.index.cluster(pipeline.cluster)!,
      pipeline,
      ctx.lagCache.get(pipeline.ref),
      { ...ctx.viewOptions, includeCost: access.canReadCost(pipeline) },
    );
  }

  #find(ref: string, access: PipelineAccess) {
    const pipeline = this.#ctx.index.pipeline(ref);
    const cluster = pipeline && this.#ctx.index.cluster(pipeline.cluster);
    if (!pipeline || !cluster) {
      const known = this.#ctx.index.cluster(ref.split('/')[0]);
      throw new NotFoundError(
        known
          ? `No FlinkDeployment ${ref
              .split('/')
              .slice(1)
              .join('/')} on cluster ${ref.split('/')[0]}`
          : `No cluster named ${ref.split('/')[0]} is configured`,
      );
    }
    assertCanRead(access, pipeline);
    return { pipeline, cluster };
  }

  /** Pipelines owned by the given entities, read from the catalog as the user. */
  async #ownedPipelines(
    owners: string[],
    credentials: BackstageCredentials,
  ): Promise<{
    entities: Array<{ entityRef: string; pipelineRef: string }>;
    source: DataSourceStatus;
  }> {
    const ownedBy = owners.map(o => o.toLocaleLowerCase('en-US'));
    // Ownership changes rarely; each caller's answer is kept briefly.
    const key = JSON.stringify([credentials.principal, ownedBy]);
    const cached = this.#ownership.get(key);
    if (cached && Date.now() - cached.at < OWNERSHIP_TTL_MS) {
      return cached.answer;
    }
    const answer = this.#readOwnedPipelines(owners, ownedBy, credentials);
    this.#ownership.set(key, { at: Date.now(), answer });
    // A failed read is not kept: the next request asks the catalog again.
    void answer.then(result => {
      if (result.source.state === 'error') this.#ownership.delete(key);
    });
    if (this.#ownership.size > 10_000) {
      this.#ownership.delete(this.#ownership.keys().next().value!);
    }
    return answer;
  }

  async #readOwnedPipelines(
    owners: string[],
    ownedBy: string[],
    credentials: BackstageCredentials,
  ): Promise<{
    entities: Array<{ entityRef: string; pipelineRef: string }>;
    source: DataSourceStatus;
  }> {
    try {
      const { items } = await this.#catalog.getEntities(
        {
          filter: {
            kind: 'Component',
            'spec.type': STREAMING_PIPELINE_COMPONENT_TYPE,
            'relations.ownedBy': ownedBy.map(normalizeGroupRef),
          },
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'metadata.annotations',
          ],
        },
        { credentials },
      );
      const entities = items.flatMap(entity => {
        const pipelineRef =
          entity.metadata.annotations?.[STREAMING_PIPELINE_ANNOTATION];
        return pipelineRef
          ? [{ entityRef: stringifyEntityRef(entity), pipelineRef }]
          : [];
      });
      return {
        entities,
        source: {
          kind: 'catalog',
          id: 'catalog',
          state: 'ok',
          message: `Ownership from the Backstage catalog: ${
            entities.length
          } pipeline components owned by ${owners.join(', ')}.`,
          lastSuccessAt: new Date().toISOString(),
        },
      };
    } catch (error) {
      const e = error as Error;
      return {
        entities: [],
        source: {
          kind: 'catalog',
          id: 'catalog',
          state: 'error',
          message: `The catalog could not be read for ownership: ${e.message}`,
          error: { name: e.name, message: e.message },
        },
      };
    }
  }
}

/** A pipeline's pods in the index now, as the recorder would record them. */
function pipelinePodsNow(
  cluster: ClusterIndex,
  pipeline: IndexedPipeline,
): PodLifecycle[] {
  return cluster
    .podsOfPipeline(`${pipeline.namespace}/${pipeline.name}`)
    .map(pod => {
      const node = pod.nodeName ? cluster.nodes.get(pod.nodeName) : undefined;
      return {
        cluster: cluster.name,
        namespace: pod.namespace,
        name: pod.name,
        uid: pod.uid,
        pipelineRef: pipeline.ref,
        role: pod.role,
        nodeName: pod.nodeName,
        nodePool: node?.nodePool,
        capacityType: node?.capacityType,
        cpuMillis: pod.cpuMillis,
        memoryMiB: pod.memoryMiB,
        createdAt: pod.createdAt,
        scheduledAt: pod.scheduledAt,
        readyAt: pod.readyAt,
        deletedAt: pod.deletingAt,
      };
    });
}

/** `team-x` → `group:default/team-x`; full refs pass unchanged. */
function normalizeGroupRef(ref: string): string {
  const withKind = ref.includes(':') ? ref : `group:${ref}`;
  const [kind, rest] = [
    withKind.slice(0, withKind.indexOf(':')),
    withKind.slice(withKind.indexOf(':') + 1),
  ];
  return `${kind}:${rest.includes('/') ? rest : `default/${rest}`}`;
}

function responseStats(episodes: ScalingEpisode[]) {
  return durationStats(
    episodes
      .map(e => e.responseSeconds)
      .filter((s): s is number => s !== undefined),
  );
}

function combineMixes(mixes: SpotMix[]): SpotMix {
  const total = mixes.reduce((sum, m) => sum + m.vcpuHours, 0);
  if (total <= 0) return { spot: 0, onDemand: 0, reserved: 0, vcpuHours: 0 };
  const share = (key: 'spot' | 'onDemand' | 'reserved') =>
    mixes.reduce((sum, m) => sum + m[key] * m.vcpuHours, 0) / total;
  return {
    spot: share('spot'),
    onDemand: share('onDemand'),
    reserved: share('reserved'),
    vcpuHours: total,
  };
}

function seriesPoints(
  samples: PipelineSample[],
  lag: LagSample[],
  window: TimeWindow,
  stepMs: number,
  series: Set<PipelineSeriesName>,
): PipelineSeriesPoint[] {
  type Row = { at: number; sample?: PipelineSample; lag?: LagSample };
  const rows = new Map<number, Row>();
  for (const sample of samples) {
    rows.set(sample.at, { at: sample.at, sample });
  }
  for (const reading of lag) {
    const row = rows.get(reading.at) ?? { at: reading.at };
    row.lag = reading;
    rows.set(reading.at, row);
  }
  const sorted = [...rows.values()].sort((a, b) => a.at - b.at);
  const buckets = downsample<Row & { bucket?: Row[] }>(
    sorted,
    window,
    stepMs,
    (bucket, start) => ({ at: start, bucket }),
  );
  return buckets.map(({ at, bucket = [] }) => {
    const point: PipelineSeriesPoint = { at: new Date(at).toISOString() };
    const s = bucket.map(r => r.sample).filter((x): x is PipelineSample => !!x);
    const l = bucket.map(r => r.lag).filter((x): x is LagSample => !!x);
    if (series.has('lag') && l.length) {
      point.timeLagSeconds = meanOf(l.map(x => x.timeLagSeconds));
      point.sumOffsetLag = meanOf(l.map(x => x.sumOffsetLag));
    }
    if (s.length) {
      if (series.has('parallelism')) {
        point.parallelism = meanOf(s.map(x => x.parallelism));
        point.taskManagers = meanOf(s.map(x => x.taskManagers));
      }
      if (series.has('pods')) {
        point.vcpuByCapacityType = {
          spot: meanOf(s.map(x => x.vcpuByCapacityType.spot)) ?? 0,
          'on-demand':
            meanOf(s.map(x => x.vcpuByCapacityType['on-demand'])) ?? 0,
          reserved: meanOf(s.map(x => x.vcpuByCapacityType.reserved)) ?? 0,
        };
      }
      if (series.has('cost')) {
        point.costPerHourUsd = meanOf(s.map(x => x.costUsdPerHour));
        point.onDemandEquivalentPerHourUsd = meanOf(
          s.map(x => x.onDemandUsdPerHour),
        );
      }
    }
    return point;
  });
}
