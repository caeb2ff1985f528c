import {
  CostFigures,
  PriceSource,
} from '@internal/backstage-plugin-streaming-platform-common';
import { splitNodePrice } from './costSplit';
import { CostSplitOptions, NodePrice, NodeShape, PodRequests } from './types';

/** A pod's share of its node's price, per hour. */
export interface PodCost {
  /** At the price the node runs at (spot, on-demand or reserved). */
  usdPerHour: number;
  /** At the on-demand price of the node's type and region. */
  onDemandUsdPerHour: number;
}

/** The part of a node's price no pod requested, per hour. */
export interface NodeIdleCost extends PodCost {
  /** What the pods on the node are charged together, per hour. */
  allocatedUsdPerHour: number;
}

function chargeAt(
  pod: PodRequests,
  node: NodeShape,
  usdPerHour: number,
  options: CostSplitOptions,
): number {
  const rates = splitNodePrice(node, usdPerHour, options);
  // A pod cannot be charged for more of a node than the node has.
  const cores =
    Math.min(Math.max(0, pod.cpuMillis), Math.max(0, node.cpuMillis)) / 1000;
  const gib =
    Math.min(Math.max(0, pod.memoryMiB), Math.max(0, node.memoryMiB)) / 1024;
  return cores * rates.usdPerCpuCoreHour + gib * rates.usdPerMemoryGiBHour;
}

/**
 * A pod's cost per hour on a node: its CPU and memory requests charged at
 * the node's split price (OpenCost's method), and the same at on-demand
 * prices. Requests above the node's capacity are capped at the capacity.
 */
export function allocatePodCost(
  pod: PodRequests,
  node: NodeShape,
  price: NodePrice,
  options: CostSplitOptions,
): PodCost {
  return {
    usdPerHour: chargeAt(pod, node, price.usdPerHour, options),
    onDemandUsdPerHour: chargeAt(pod, node, price.onDemandUsdPerHour, options),
  };
}

/**
 * A node's idle cost per hour: its price minus what its pods are charged,
 * never below zero. `allocatedUsdPerHour` is the pods' charges as
 * {@link allocatePodCost} computes them, uncapped, so it matches what the
 * pipelines are billed.
 */
export function nodeIdleCost(
  node: NodeShape,
  price: NodePrice,
  pods: PodRequests[],
  options: CostSplitOptions,
): NodeIdleCost {
  let allocated = 0;
  let allocatedOnDemand = 0;
  for (const pod of pods) {
    const cost = allocatePodCost(pod, node, price, options);
    allocated += cost.usdPerHour;
    allocatedOnDemand += cost.onDemandUsdPerHour;
  }
  return {
    usdPerHour: Math.max(0, Math.max(0, price.usdPerHour) - allocated),
    onDemandUsdPerHour: Math.max(
      0,
      Math.max(0, price.onDemandUsdPerHour) - allocatedOnDemand,
    ),
    allocatedUsdPerHour: allocated,
  };
}

/**
 * A cost figure with its spot savings (1 − cost / on-demand equivalent,
 * left out when the on-demand equivalent is zero) and the price sources it
 * used, once each and sorted so equal figures compare equal.
 */
export function costFigures(
  usd: number,
  onDemandEquivalentUsd: number,
  sources: Iterable<PriceSource>,
): CostFigures {
  const priceSources = [...new Set(sources)].sort();
  return {
    usd,
    onDemandEquivalentUsd,
    ...(onDemandEquivalentUsd > 0
      ? { spotSavings: 1 - usd / onDemandEquivalentUsd }
      : {}),
    priceSources,
  };
}

/** The sum of cost figures, e.g. a team's pipelines or a pipeline's hours. */
export function sumCostFigures(figures: CostFigures[]): CostFigures {
  let usd = 0;
  let onDemandEquivalentUsd = 0;
  const sources: PriceSource[] = [];
  for (const figure of figures) {
    usd += figure.usd;
    onDemandEquivalentUsd += figure.onDemandEquivalentUsd;
    sources.push(...figure.priceSources);
  }
  return costFigures(usd, onDemandEquivalentUsd, sources);
}
