import { Entity } from '@backstage/catalog-model';
import {
  PriceSource,
  TeamSummaryResponse,
} from '@internal/backstage-plugin-streaming-platform-common';

/**
 * One pipeline as a row of the team dashboard: its summary and 24-hour
 * figures flattened into plain numbers once per answer, so sorting,
 * filtering and rendering 600 rows never walk the nested response again.
 */
export interface TeamRow {
  ref: string;
  /** The catalog entity's title or name when known, else the FlinkDeployment's name. */
  title: string;
  cluster: string;
  namespace: string;
  /** The catalog entity whose pipeline annotation names this ref, for the link. */
  entity?: Entity;
  jobState: string;
  lifecycleState?: string;
  lagSeconds?: number;
  lagTargetSeconds: number;
  lagBreachedNow: boolean;
  /** Hourly maxima of the last 24 hours, oldest first; undefined where unknown. */
  lagSparkline: Array<number | undefined>;
  breaches24h: number;
  breachSeconds24h: number;
  parallelism: number;
  taskManagersReady: number;
  taskManagersTotal: number;
  spotNow?: number;
  /** Requested vCPU now: the weight of `spotNow` in the totals. */
  vcpuNow: number;
  spot24h?: number;
  /** Requested vCPU-hours of the last 24 hours: the weight of `spot24h`. */
  vcpuHours24h: number;
  /** Cost of the last 24 hours, i.e. per day; undefined when withheld or unknown. */
  costPerDay?: number;
  onDemandPerDay?: number;
  savings?: number;
  /** Cost of each of the last 7 days, oldest first. */
  costTrend?: number[];
  /** True when the backend withheld this pipeline's cost from this user. */
  costWithheld: boolean;
}

/** The totals row: sums, and spot shares weighted by requested vCPU. */
export interface TeamTotals {
  pipelines: number;
  breachingNow: number;
  breaches24h: number;
  spotNow?: number;
  spot24h?: number;
  costPerDay?: number;
  onDemandPerDay?: number;
  savings?: number;
  savedPerDay?: number;
  /** True when any row's cost is withheld, so no sum would be honest. */
  costWithheld: boolean;
}

function savingsOf(usd: number, onDemandUsd: number): number | undefined {
  return onDemandUsd > 0 ? 1 - usd / onDemandUsd : undefined;
}

function shareOf(mix: { spot: number; vcpuHours: number } | undefined) {
  return mix && mix.vcpuHours > 0 ? mix.spot : undefined;
}

/** The entity per pipeline ref, read from each entity's pipeline annotation. */
export function entitiesByPipelineRef(
  entities: Entity[] | undefined,
  annotation: string,
): Map<string, Entity> {
  const byRef = new Map<string, Entity>();
  for (const entity of entities ?? []) {
    const ref = entity.metadata.annotations?.[annotation]?.trim();
    if (ref && !byRef.has(ref)) byRef.set(ref, entity);
  }
  return byRef;
}

/** The response's pipelines as rows, in the backend's order. */
export function toRows(
  summary: TeamSummaryResponse,
  entities: Map<string, Entity>,
): TeamRow[] {
  return summary.pipelines.map(pipeline => {
    const figures = summary.figures?.[pipeline.ref];
    const entity = entities.get(pipeline.ref);
    // Cost per day at the current rate, as the pipeline's overview card
    // shows it: the recorded 24 h only covers the time since the backend
    // started recording, so it would understate a young installation.
    const rate = pipeline.costPerHour;
    const cost = rate
      ? {
          usd: rate.usd * 24,
          onDemandEquivalentUsd: rate.onDemandEquivalentUsd * 24,
          spotSavings: rate.spotSavings,
        }
      : undefined;
    const costWithheld = rate === undefined && !figures?.cost24h;
    return {
      ref: pipeline.ref,
      title: entity?.metadata.title ?? entity?.metadata.name ?? pipeline.name,
      cluster: pipeline.cluster,
      namespace: pipeline.namespace,
      entity,
      jobState: pipeline.jobState,
      lifecycleState: pipeline.lifecycleState,
      lagSeconds: pipeline.lag.latest?.timeLagSeconds,
      lagTargetSeconds: pipeline.lag.targetSeconds,
      lagBreachedNow: pipeline.lag.breached,
      lagSparkline: (figures?.lagSparkline.timeLagSeconds ?? []).map(
        v => v ?? undefined,
      ),
      breaches24h: figures?.lagBreaches24h ?? 0,
      breachSeconds24h:
        figures?.lagBreachSeconds24h ??
        summary.lagBreachSeconds24h?.[pipeline.ref] ??
        0,
      parallelism: pipeline.parallelism,
      taskManagersReady: pipeline.taskManagers.ready,
      taskManagersTotal: pipeline.taskManagers.total,
      spotNow: shareOf(pipeline.spotMixNow),
      vcpuNow: pipeline.spotMixNow.vcpuHours,
      spot24h: shareOf(figures?.spotMix24h),
      vcpuHours24h: figures?.spotMix24h?.vcpuHours ?? 0,
      costPerDay: cost?.usd,
      onDemandPerDay: cost?.onDemandEquivalentUsd,
      savings: cost
        ? cost.spotSavings ?? savingsOf(cost.usd, cost.onDemandEquivalentUsd)
        : undefined,
      costTrend: figures?.costPerDay7d?.map(d => d.usd),
      costWithheld,
    };
  });
}

/** Totals over `rows` (the rows shown, so a filter narrows them too). */
export function totalsOf(rows: TeamRow[]): TeamTotals {
  let breachingNow = 0;
  let breaches24h = 0;
  let spotVcpuNow = 0;
  let vcpuNow = 0;
  let spotVcpuHours = 0;
  let vcpuHours = 0;
  let cost = 0;
  let onDemand = 0;
  let anyCost = false;
  let costWithheld = false;
  for (const row of rows) {
    if (row.lagBreachedNow) breachingNow += 1;
    breaches24h += row.breaches24h;
    if (row.spotNow !== undefined) {
      spotVcpuNow += row.spotNow * row.vcpuNow;
      vcpuNow += row.vcpuNow;
    }
    if (row.spot24h !== undefined) {
      spotVcpuHours += row.spot24h * row.vcpuHours24h;
      vcpuHours += row.vcpuHours24h;
    }
    if (row.costWithheld) costWithheld = true;
    if (row.costPerDay !== undefined) {
      anyCost = true;
      cost += row.costPerDay;
      onDemand += row.onDemandPerDay ?? 0;
    }
  }
  const showCost = anyCost && !costWithheld;
  return {
    pipelines: rows.length,
    breachingNow,
    breaches24h,
    spotNow: vcpuNow > 0 ? spotVcpuNow / vcpuNow : undefined,
    spot24h: vcpuHours > 0 ? spotVcpuHours / vcpuHours : undefined,
    costPerDay: showCost ? cost : undefined,
    onDemandPerDay: showCost ? onDemand : undefined,
    savings: showCost ? savingsOf(cost, onDemand) : undefined,
    savedPerDay: showCost ? onDemand - cost : undefined,
    costWithheld,
  };
}

/** Every price source behind the response's cost figures, for "estimated from". */
export function priceSourcesOf(summary: TeamSummaryResponse): PriceSource[] {
  const sources = new Set<PriceSource>(summary.cost24h?.priceSources ?? []);
  for (const figures of Object.values(summary.figures ?? {})) {
    figures.cost24h?.priceSources.forEach(s => sources.add(s));
  }
  return [...sources];
}
