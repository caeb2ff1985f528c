import { InputError } from '@backstage/errors';
import {
  CapacityType,
  ClusterOverview,
  CostEstimateRequest,
  CostEstimateResponse,
  DurationStats,
  NodePoolOverview,
  PlatformOverviewResponse,
  PlatformTimeSeriesResponse,
  PriceSource,
  StuckOnDemandPipeline,
} from '@internal/backstage-plugin-streaming-platform-common';
import { allocatePodCost, costFigures } from '../analysis/costAllocation';
import { chooseStep, downsample, meanOf } from '../analysis/downsample';
import { nodePoolStats } from '../analysis/nodePoolStats';
import { spotMixNow } from '../analysis/spotMix';
import { NodePoolSample } from '../analysis/types';
import { NodePriceLookup } from '../aws/types';
import { nodePoolsNow, pipelineNow, zeroByCapacityType } from '../index/views';
import { PipelineAccess } from '../permissions/access';
import { PlatformContext } from './PlatformContext';
import { databaseReadError } from './sources';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const OVERVIEW_TTL_MS = 1000;

type PoolStats = {
  nodeLaunchSeconds: DurationStats;
  podPendingSeconds: DurationStats;
  interruptions: number;
  onDemandFallbacks: number;
  consolidations: number;
};

/** Answers about clusters and NodePools: the platform engineer's view. */
export class PlatformQueries {
  readonly #ctx: PlatformContext;
  readonly #prices: () => NodePriceLookup;
  readonly #overviewCache = new Map<
    string,
    { at: number; answer: Promise<PlatformOverviewResponse> }
  >();
  readonly #statsCache = new Map<
    string,
    { at: number; stats: Promise<Map<string, PoolStats>> }
  >();

  constructor(ctx: PlatformContext, prices: () => NodePriceLookup) {
    this.#ctx = ctx;
    this.#prices = prices;
  }

  /**
   * The overview, shared for a second between callers who may read every
   * pipeline: it walks every node and pod, and dashboards poll it.
   */
  overview(
    query: { cluster?: string },
    access: PipelineAccess,
  ): Promise<PlatformOverviewResponse> {
    if (!access.readAll) return this.#overview(query, access);
    const key = `${query.cluster ?? '*'}|${access.costForAll}`;
    const now = Date.now();
    const cached = this.#overviewCache.get(key);
    if (cached && now - cached.at < OVERVIEW_TTL_MS) return cached.answer;
    const answer = this.#overview(query, access);
    this.#overviewCache.set(key, { at: now, answer });
    answer.catch(() => this.#overviewCache.delete(key));
    return answer;
  }

  async #overview(
    query: { cluster?: string },
    access: PipelineAccess,
  ): Promise<PlatformOverviewResponse> {
    const ctx = this.#ctx;
    const now = ctx.now();
    const names = query.cluster ? [query.cluster] : ctx.clusterNames();
    const includeCost = access.costForAll;
    const clusters: ClusterOverview[] = [];
    const nodePools: NodePoolOverview[] = [];
    const stuck: StuckOnDemandPipeline[] = [];
    const sources = ctx.sourcesFor(names);
    for (const name of names) {
      const index = ctx.index.cluster(name);
      if (!index) continue;
      const vcpu = zeroByCapacityType();
      let pipelines = 0;
      for (const pipeline of index.pipelines.values()) {
        if (!access.canRead(pipeline)) continue;
        pipelines++;
        const state = pipelineNow(index, pipeline, ctx.viewOptions);
        for (const type of Object.keys(vcpu) as CapacityType[]) {
          vcpu[type] += state.vcpu[type];
        }
        // From the recorded minutes held in memory (RecentHistory).
        const run = ctx.recent.figures(pipeline.ref)?.onDemandRun;
        if (run && run.minutes >= ctx.settings.stuckOnDemandMinutes) {
          stuck.push({
            ref: pipeline.ref,
            cluster: name,
            ...(pipeline.team ? { team: pipeline.team } : {}),
            onDemandShareNow: spotMixNow(state.vcpu).onDemand,
            since: new Date(run.since).toISOString(),
            hours: run.minutes / 60,
            ...(access.canReadCost(pipeline)
              ? { costPerHour: state.cost }
              : {}),
          });
        }
      }
      const pools = nodePoolsNow(index, now, ctx.viewOptions);
      let stats = new Map<string, PoolStats>();
      try {
        stats = await this.#poolStats(name, now);
      } catch (error) {
        sources.push(databaseReadError(error));
      }
      let usd = 0;
      let onDemand = 0;
      let idle = 0;
      const priceSources = new Set<PriceSource>();
      for (const pool of pools) {
        usd += pool.costUsdPerHour;
        onDemand += pool.onDemandUsdPerHour;
        idle += pool.idleUsdPerHour;
        pool.priceSources.forEach(s => priceSources.add(s));
        const nodeVcpu = Object.values(pool.vcpuByCapacityType).reduce(
          (a, b) => a + b,
          0,
        );
        const poolStats = stats.get(pool.nodePool);
        nodePools.push({
          cluster: name,
          name: pool.nodePool,
          kind: pool.kind,
          nodesByCapacityType: pool.nodesByCapacityType,
          vcpuByCapacityType: pool.vcpuByCapacityType,
          spotShare: nodeVcpu > 0 ? pool.vcpuByCapacityType.spot / nodeVcpu : 0,
          ...(includeCost
            ? {
                costPerHour: costFigures(
                  pool.costUsdPerHour,
                  pool.onDemandUsdPerHour,
                  pool.priceSources,
                ),
                idleCostPerHourUsd: pool.idleUsdPerHour,
              }
            : {}),
          nodeLaunchSeconds: poolStats?.nodeLaunchSeconds ?? { count: 0 },
          podPendingSeconds: poolStats?.podPendingSeconds ?? { count: 0 },
          interruptions24h: poolStats?.interruptions ?? 0,
          onDemandFallbacks24h: poolStats?.onDemandFallbacks ?? 0,
          consolidations24h: poolStats?.consolidations ?? 0,
        });
      }
      clusters.push({
        name,
        pipelines,
        nodes: index.nodes.size,
        pods: index.pods.size,
        spotMixNow: spotMixNow(vcpu),
        ...(includeCost
          ? {
              costPerHour: costFigures(usd, onDemand, priceSources),
              idleCostPerHourUsd: idle,
            }
          : {}),
      });
    }
    // Longest first.
    stuck.sort(
      (a, b) =>
        b.hours - a.hours || (a.ref < b.ref ? -1 : Number(a.ref > b.ref)),
    );
    return { clusters, nodePools, stuckOnDemand: stuck, sources };
  }

  async timeSeries(
    query: {
      cluster?: string;
      nodePool?: string;
      from?: string;
      to?: string;
      step?: number;
    },
    access: PipelineAccess,
  ): Promise<PlatformTimeSeriesResponse> {
    const ctx = this.#ctx;
    if (query.cluster && !ctx.index.cluster(query.cluster)) {
      throw new InputError(`cluster '${query.cluster}' is not configured`);
    }
    const now = ctx.now();
    const window = ctx.window(query.from, query.to, 6 * HOUR);
    const hourly = window.from < now - ctx.settings.retention.minuteSamplesMs;
    const stepMs = chooseStep(
      window,
      Math.max(query.step ? query.step * 1000 : 0, hourly ? HOUR : 0) ||
        undefined,
    );
    const sources = ctx.sourcesFor(
      query.cluster ? [query.cluster] : ctx.clusterNames(),
    );
    let rows: NodePoolSample[] = [];
    try {
      rows = hourly
        ? await ctx.history.hourlyNodePoolRollups(query.cluster, window)
        : await ctx.history.nodePoolSamples(query.cluster, window);
    } catch (error) {
      sources.push(databaseReadError(error));
    }
    if (query.nodePool) rows = rows.filter(r => r.nodePool === query.nodePool);
    // Pools of one minute add up; then minutes of a step average.
    const byMinute = new Map<number, NodePoolSample>();
    for (const row of rows) {
      const sum = byMinute.get(row.at);
      if (!sum) {
        byMinute.set(row.at, {
          ...row,
          nodesByCapacityType: { ...row.nodesByCapacityType },
          vcpuByCapacityType: { ...row.vcpuByCapacityType },
        });
        continue;
      }
      for (const type of Object.keys(
        sum.nodesByCapacityType,
      ) as CapacityType[]) {
        sum.nodesByCapacityType[type] += row.nodesByCapacityType[type];
        sum.vcpuByCapacityType[type] += row.vcpuByCapacityType[type];
      }
      sum.costUsdPerHour += row.costUsdPerHour;
      sum.onDemandUsdPerHour += row.onDemandUsdPerHour;
      sum.idleUsdPerHour += row.idleUsdPerHour;
    }
    const sorted = [...byMinute.values()].sort((a, b) => a.at - b.at);
    const includeCost = access.costForAll;
    const points = downsample<{ at: number; bucket?: NodePoolSample[] }>(
      sorted,
      window,
      stepMs,
      (bucket, start) => ({ at: start, bucket: bucket as NodePoolSample[] }),
    ).map(({ at, bucket = [] }) => {
      const mean = (f: (s: NodePoolSample) => number) =>
        meanOf(bucket.map(f)) ?? 0;
      return {
        at: new Date(at).toISOString(),
        nodesByCapacityType: {
          spot: mean(s => s.nodesByCapacityType.spot),
          'on-demand': mean(s => s.nodesByCapacityType['on-demand']),
          reserved: mean(s => s.nodesByCapacityType.reserved),
        },
        vcpuByCapacityType: {
          spot: mean(s => s.vcpuByCapacityType.spot),
          'on-demand': mean(s => s.vcpuByCapacityType['on-demand']),
          reserved: mean(s => s.vcpuByCapacityType.reserved),
        },
        ...(includeCost
          ? {
              costPerHourUsd: mean(s => s.costUsdPerHour),
              onDemandEquivalentPerHourUsd: mean(s => s.onDemandUsdPerHour),
              idleCostPerHourUsd: mean(s => s.idleUsdPerHour),
            }
          : {}),
      };
    });
    return {
      ...(query.cluster ? { cluster: query.cluster } : {}),
      ...(query.nodePool ? { nodePool: query.nodePool } : {}),
      from: new Date(window.from).toISOString(),
      to: new Date(window.to).toISOString(),
      stepSeconds: stepMs / 1000,
      resolution: hourly ? 'hour' : 'minute',
      points,
      sources,
    };
  }

  /**
   * What a planned pipeline would cost per hour at its lowest and highest
   * parallelism: its pods' requests priced like the cluster's nodes now, at
   * the cluster's current spot share of TaskManager vCPU.
   */
  costEstimate(request: CostEstimateRequest): CostEstimateResponse {
    const ctx = this.#ctx;
    const index = ctx.index.cluster(request.cluster);
    if (!index) {
      throw new InputError(`cluster '${request.cluster}' is not configured`);
    }
    const { min, typical: usual, max } = request.parallelism;
    if (min > max) {
      throw new InputError('parallelism.min must not be above parallelism.max');
    }
    if (usual !== undefined && (usual < min || usual > max)) {
      throw new InputError(
        'parallelism.typical must lie between parallelism.min and parallelism.max',
      );
    }
    const region = ctx.regionOf(request.cluster) ?? '';
    const assumptions: string[] = [];
    // Representative nodes: the most common instance type per capacity type.
    const typical = new Map<
      CapacityType,
      {
        type: string;
        count: number;
        zone: string;
        cpuMillis: number;
        memoryMiB: number;
      }
    >();
    const counts = new Map<string, number>();
    for (const node of index.nodes.values()) {
      const key = `${node.capacityType}|${node.instanceType}`;
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      const best = typical.get(node.capacityType);
      if (!best || count > best.count) {
        typical.set(node.capacityType, {
          type: node.instanceType,
          count,
          zone: node.zone,
          cpuMillis: node.cpuMillis,
          memoryMiB: node.memoryMiB,
        });
      }
    }
    const onDemandNode = typical.get('on-demand') ?? typical.get('spot');
    if (!onDemandNode) {
      throw new InputError(
        `cluster '${request.cluster}' has no nodes the backend knows of yet; no estimate can be priced`,
      );
    }
    const spotNode = typical.get('spot') ?? onDemandNode;
    const prices = this.#prices();
    const priceFor = (node: typeof onDemandNode, capacityType: CapacityType) =>
      prices.priceOf({
        region,
        instanceType: node.type,
        zone: node.zone,
        capacityType,
      });
    const spotPrice = priceFor(spotNode, 'spot');
    const onDemandPrice = priceFor(onDemandNode, 'on-demand');
    // The spot share TaskManagers get here today.
    let tmSpot = 0;
    let tmAll = 0;
    for (const pod of index.pods.values()) {
      if (pod.role !== 'taskmanager' || !pod.active || !pod.nodeName) continue;
      const node = index.nodes.get(pod.nodeName);
      if (!node) continue;
      tmAll += pod.cpuMillis;
      if (node.capacityType === 'spot') tmSpot += pod.cpuMillis;
    }
    let spotShare = 0;
    if (request.capacityProfile === 'spot-first') {
      if (tmAll > 0 && typical.has('spot')) {
        spotShare = tmSpot / tmAll;
        assumptions.push(
          `TaskManagers run ${Math.round(
            spotShare * 100,
          )} % on spot, the share of TaskManager vCPU on spot in ${
            request.cluster
          } now.`,
        );
      } else {
        spotShare = typical.has('spot') ? 1 : 0;
        assumptions.push(
          typical.has('spot')
            ? 'No TaskManagers run in the cluster yet; assumed all on spot.'
            : 'The cluster has no spot nodes now; priced on-demand.',
        );
      }
    } else {
      assumptions.push(
        'TaskManagers run on on-demand nodes (capacity profile on-demand).',
      );
    }
    assumptions.push(
      `Pods are priced by their requests at the rates of ${spotNode.type} (spot) and ${onDemandNode.type} (on-demand) nodes in ${region}, split between CPU and memory by OpenCost's method; idle node capacity is not included.`,
      'JobManagers run on on-demand capacity.',
    );
    const split = ctx.viewOptions.costSplit;
    const price = (
      pod: { cpuMillis: number; memoryMiB: number },
      node: typeof onDemandNode,
      nodePrice: typeof spotPrice,
      capacityType: CapacityType,
    ) =>
      allocatePodCost(
        pod,
        { capacityType, cpuMillis: node.cpuMillis, memoryMiB: node.memoryMiB },
        nodePrice,
        split,
      );
    const tm = {
      cpuMillis: request.taskManager.cpuCores * 1000,
      memoryMiB: request.taskManager.memoryGiB * 1024,
    };
    const jm = {
      cpuMillis: request.jobManager.cpuCores * 1000,
      memoryMiB: request.jobManager.memoryGiB * 1024,
    };
    const tmSpotCost = price(tm, spotNode, spotPrice, 'spot');
    const tmOnDemandCost = price(tm, onDemandNode, onDemandPrice, 'on-demand');
    const jmCost = price(jm, onDemandNode, onDemandPrice, 'on-demand');
    const sources = new Set<PriceSource>([
      onDemandPrice.source,
      onDemandPrice.onDemandSource,
      ...(spotShare > 0 ? [spotPrice.source] : []),
    ]);
    const at = (parallelism: number) => {
      const taskManagers = Math.ceil(parallelism / request.taskSlots);
      const usd =
        jmCost.usdPerHour +
        taskManagers *
          (spotShare * tmSpotCost.usdPerHour +
            (1 - spotShare) * tmOnDemandCost.usdPerHour);
      const onDemand =
        jmCost.onDemandUsdPerHour +
        taskManagers * tmOnDemandCost.onDemandUsdPerHour;
      return costFigures(usd, onDemand, sources);
    };
    const typicalParallelism = request.parallelism.typical;
    return {
      min: at(request.parallelism.min),
      ...(typicalParallelism === undefined
        ? {}
        : { typical: at(typicalParallelism) }),
      max: at(request.parallelism.max),
      assumedSpotShare: spotShare,
      assumptions,
      sources: ctx
        .sourcesFor([request.cluster])
        .filter(s => s.kind !== 'cloudwatch'),
    };
  }

  /** NodePool figures of the last 24 hours, re-read at most once a minute. */
  #poolStats(cluster: string, now: number): Promise<Map<string, PoolStats>> {
    const cached = this.#statsCache.get(cluster);
    if (cached && now - cached.at < MINUTE) return cached.stats;
    const stats = this.#readPoolStats(cluster, now);
    this.#statsCache.set(cluster, { at: now, stats });
    stats.catch(() => this.#statsCache.delete(cluster));
    return stats;
  }

  async #readPoolStats(
    cluster: string,
    now: number,
  ): Promise<Map<string, PoolStats>> {
    const history = this.#ctx.history;
    const window = { from: now - DAY, to: now };
    const [claims, pods, events] = await Promise.all([
      history.nodeClaimLifecycles(cluster, window),
      history.podLifecyclesCreated(cluster, window),
      history.eventsByReason(
        cluster,
        [
          'SpotInterrupted',
          'TerminatingOnInterruption',
          'InsufficientCapacityError',
          'DisruptionTerminating',
          'Unconsolidatable',
        ],
        window,
      ),
    ]);
    const pools = new Set<string>([
      ...claims.map(c => c.nodePool),
      ...pods.map(p => p.nodePool ?? ''),
    ]);
    const result = new Map<string, PoolStats>();
    for (const pool of pools) {
      if (!pool) continue;
      result.set(
        pool,
        nodePoolStats({
          nodeClaims: claims.filter(c => c.nodePool === pool),
          pods: pods.filter(p => p.nodePool === pool),
          events: events.filter(e => e.nodePool === pool),
          window,
        }),
      );
    }
    return result;
  }
}
