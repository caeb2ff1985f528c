import { InputError } from '@backstage/errors';
import { CostSplitOptions, NodeShape } from './types';

/**
 * OpenCost's default list prices, $0.031611 per vCPU-hour and $0.004237 per
 * GiB-hour of memory, give the ratio (≈ 7.4607) it splits a node's price by
 * when only the node's total price is known.
 */
export const DEFAULT_CPU_TO_MEMORY_PRICE_RATIO = 0.031611 / 0.004237;

/** What one vCPU and one GiB of memory of a node cost per hour. */
export interface NodeResourceRates {
  usdPerCpuCoreHour: number;
  usdPerMemoryGiBHour: number;
}

/**
 * Splits a node's hourly price into a price per core-hour and a price per
 * GiB-hour, OpenCost's way: the two rates stand in `ratio : 1` and together
 * they add up to the node's price
 * (`cores × cpuRate + GiB × memRate = price`, `cpuRate / memRate = ratio`).
 * A node with no price or no capacity has rates of zero.
 */
export function splitNodePrice(
  node: NodeShape,
  usdPerHour: number,
  options: CostSplitOptions,
): NodeResourceRates {
  const ratio = options.cpuToMemoryPriceRatio;
  if (!Number.isFinite(ratio) || ratio < 0) {
    throw new InputError(
      `cpuToMemoryPriceRatio must be a non-negative number, got ${ratio}`,
    );
  }
  const cores = Math.max(0, node.cpuMillis) / 1000;
  const gib = Math.max(0, node.memoryMiB) / 1024;
  // The node's price in "GiB-hour units": each core weighs `ratio` GiB.
  const weight = ratio * cores + gib;
  if (!(weight > 0) || !(usdPerHour > 0)) {
    return { usdPerCpuCoreHour: 0, usdPerMemoryGiBHour: 0 };
  }
  const usdPerMemoryGiBHour = usdPerHour / weight;
  return {
    usdPerCpuCoreHour: ratio * usdPerMemoryGiBHour,
    usdPerMemoryGiBHour,
  };
}
