import { LagSample, NodePoolSample, PipelineSample } from '../analysis/types';
import { LagPollResult, LagTarget } from '../aws/types';
import { PriceServicePort } from './ports';
import { nodePoolsNow, pipelineSample } from '../index/views';
import { PlatformContext } from './PlatformContext';

/*
 * The periodic work of the backend, one function per task. The plugin
 * schedules them (the database-writing ones with `scope: 'global'`, so one
 * replica does each per interval); tests and the benchmark call them directly.
 */

const MINUTE = 60_000;

/** What the lag task needs of the CloudWatch poller. */
export interface LagPollerPort {
  poll(
    targets: LagTarget[],
    window: { from: number; to: number },
  ): Promise<LagPollResult>;
}

/** Pipelines whose lag can be read: those with a consumer group and topic. */
export function lagTargets(
  ctx: PlatformContext,
  mskClusterOf: (cluster: string) => string | undefined,
): LagTarget[] {
  const targets: LagTarget[] = [];
  for (const pipeline of ctx.pipelines()) {
    const region =
      ctx.settings.cloudWatch.region ?? ctx.regionOf(pipeline.cluster);
    const mskClusterName =
      pipeline.mskCluster ?? mskClusterOf(pipeline.cluster);
    if (
      !region ||
      !mskClusterName ||
      !pipeline.consumerGroup ||
      !pipeline.topic
    ) {
      continue;
    }
    targets.push({
      pipelineRef: pipeline.ref,
      region,
      mskClusterName,
      consumerGroup: pipeline.consumerGroup,
      topic: pipeline.topic,
    });
  }
  return targets;
}

/**
 * Polls CloudWatch for every pipeline's lag since the newest minute any
 * replica recorded (minus an overlap: MSK metrics arrive a few minutes late),
 * records it, and updates the in-memory latest lag.
 */
export async function pollLag(
  ctx: PlatformContext,
  poller: LagPollerPort,
  mskClusterOf: (cluster: string) => string | undefined,
): Promise<LagPollResult> {
  const now = ctx.now();
  const backfillFrom = now - ctx.settings.cloudWatch.backfillMs;
  const newest = ctx.lagCache.newestAt;
  const from = Math.max(
    backfillFrom,
    newest === undefined ? backfillFrom : newest - 10 * MINUTE,
  );
  const targets = lagTargets(ctx, mskClusterOf);
  if (!targets.length) return { samples: [], queries: 0, calls: 0 };
  const result = await poller.poll(targets, {
    from: Math.floor(from / MINUTE) * MINUTE,
    to: now,
  });
  if (result.samples.length) {
    await ctx.history.recordLagSamples(result.samples);
    ctx.lagCache.update(result.samples);
  }
  return result;
}

/** Records this minute of every pipeline and NodePool. */
export async function recordMinuteSamples(ctx: PlatformContext): Promise<{
  pipelines: number;
  nodePools: number;
}> {
  const at = Math.floor(ctx.now() / MINUTE) * MINUTE;
  const pipelines: PipelineSample[] = [];
  const pools: NodePoolSample[] = [];
  for (const cluster of ctx.index.clusters()) {
    for (const pipeline of cluster.pipelines.values()) {
      pipelines.push(pipelineSample(cluster, pipeline, at, ctx.viewOptions));
    }
    for (const pool of nodePoolsNow(cluster, at, ctx.viewOptions)) {
      const { kind: _kind, priceSources: _sources, ...sample } = pool;
      pools.push(sample);
    }
  }
  await ctx.history.recordPipelineSamples(pipelines);
  await ctx.history.recordNodePoolSamples(pools);
  return { pipelines: pipelines.length, nodePools: pools.length };
}

/** Rolls minute samples up into hours and applies retention. */
export async function rollUpAndExpire(ctx: PlatformContext): Promise<{
  hours: number;
  deleted: number;
}> {
  const now = ctx.now();
  const hours = await ctx.history.rollUp(now);
  const deleted = await ctx.history.applyRetention(now, ctx.settings.retention);
  return { hours, deleted };
}

/**
 * Brings this replica's caches up to date with what any replica recorded:
 * the latest lag per pipeline and the 24-hour figures.
 */
export async function refreshFromHistory(ctx: PlatformContext): Promise<void> {
  const latest: LagSample[] = await ctx.history.latestLagSamples(
    ctx.now() - 3 * 60 * MINUTE,
  );
  ctx.lagCache.update(latest);
  const refs: string[] = [];
  const targets = new Map<string, number>();
  for (const pipeline of ctx.pipelines()) {
    refs.push(pipeline.ref);
    targets.set(pipeline.ref, ctx.lagTargetOf(pipeline));
  }
  await ctx.recent.refresh(
    refs,
    ctx.now(),
    ref => targets.get(ref) ?? ctx.settings.defaultLagTargetSeconds,
  );
}

/** Refreshes prices of the instance types running now, then re-prices nodes. */
export async function refreshPrices(
  ctx: PlatformContext,
  prices: PriceServicePort,
): Promise<void> {
  const byRegion = new Map<string, Set<string>>();
  for (const cluster of ctx.index.clusters()) {
    for (const node of cluster.nodes.values()) {
      const region = node.region || ctx.regionOf(cluster.name);
      if (!region || node.instanceType === 'unknown') continue;
      let types = byRegion.get(region);
      if (!types) byRegion.set(region, (types = new Set()));
      types.add(node.instanceType);
    }
  }
  await prices.refresh(byRegion);
  ctx.index.setPrices(prices);
}
