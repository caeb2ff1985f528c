import {
  CAPACITY_TYPES,
  CapacityType,
  PipelineSeriesPoint,
} from '@internal/backstage-plugin-streaming-platform-common';

/** A window's cost, from its points' hourly rates. */
export interface WindowCost {
  usd: number;
  onDemandEquivalentUsd: number;
  /** On-demand equivalent minus cost. */
  savingsUsd: number;
  /** 1 − cost / on-demand equivalent; undefined when the latter is 0. */
  savingsShare?: number;
  /** How many points had both rates; none means cost is absent. */
  points: number;
}

/**
 * The cost of a window: each point's hourly rate held for one step. Points
 * without both rates (no sample, or cost withheld) count for nothing.
 */
export function windowCost(
  points: ReadonlyArray<PipelineSeriesPoint>,
  stepSeconds: number,
): WindowCost {
  const hours = stepSeconds / 3600;
  let usd = 0;
  let onDemandEquivalentUsd = 0;
  let counted = 0;
  for (const p of points) {
    if (
      p.costPerHourUsd === undefined ||
      p.onDemandEquivalentPerHourUsd === undefined
    ) {
      continue;
    }
    usd += p.costPerHourUsd * hours;
    onDemandEquivalentUsd += p.onDemandEquivalentPerHourUsd * hours;
    counted += 1;
  }
  return {
    usd,
    onDemandEquivalentUsd,
    savingsUsd: onDemandEquivalentUsd - usd,
    savingsShare:
      onDemandEquivalentUsd > 0 ? 1 - usd / onDemandEquivalentUsd : undefined,
    points: counted,
  };
}

/**
 * The share of requested vCPU-time on each capacity type over a window
 * (time-weighted: every point is one step), and the vCPU-hours it is of.
 */
export function capacityShares(
  points: ReadonlyArray<PipelineSeriesPoint>,
  stepSeconds: number,
): { shares: Record<CapacityType, number>; vcpuHours: number } {
  const sums: Record<CapacityType, number> = {
    spot: 0,
    'on-demand': 0,
    reserved: 0,
  };
  for (const p of points) {
    for (const type of CAPACITY_TYPES) {
      sums[type] += p.vcpuByCapacityType?.[type] ?? 0;
    }
  }
  const total = CAPACITY_TYPES.reduce((sum, type) => sum + sums[type], 0);
  const shares = { spot: 0, 'on-demand': 0, reserved: 0 };
  if (total > 0) {
    for (const type of CAPACITY_TYPES) shares[type] = sums[type] / total;
  }
  return { shares, vcpuHours: (total * stepSeconds) / 3600 };
}
