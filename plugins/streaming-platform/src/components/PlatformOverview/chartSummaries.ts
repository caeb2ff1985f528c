import {
  CAPACITY_TYPES,
  NodePoolSeriesPoint,
} from '@internal/backstage-plugin-streaming-platform-common';
import { formatTime, formatUsd } from '../shared';

/*
 * What each chart says to a screen reader (its aria-label): the figures a
 * sighted reader takes from it, now and over the window.
 */

/** Node counts are means over a step: whole when they are, else one decimal. */
export function formatNodes(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

const totalNodes = (p: NodePoolSeriesPoint) =>
  CAPACITY_TYPES.reduce((sum, type) => sum + p.nodesByCapacityType[type], 0);

/** "Nodes by capacity type in eks-prod over the last 24 h: latest 16 spot, …; at most 21 nodes (…)." */
export function nodesSummary(
  points: NodePoolSeriesPoint[],
  scope: string,
  range: string,
): string {
  const head = `Nodes by capacity type in ${scope} over the last ${range}`;
  if (!points.length) return `${head}: no samples.`;
  const latest = points[points.length - 1];
  const peak = points.reduce((best, p) =>
    totalNodes(p) > totalNodes(best) ? p : best,
  );
  return `${head}: latest ${formatNodes(
    latest.nodesByCapacityType.spot,
  )} spot, ${formatNodes(
    latest.nodesByCapacityType['on-demand'],
  )} on-demand, ${formatNodes(
    latest.nodesByCapacityType.reserved,
  )} reserved; at most ${formatNodes(totalNodes(peak))} nodes (${formatTime(
    peak.at,
  )}).`;
}

const mean = (values: number[]) =>
  values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;

/** "Cost per hour in eks-prod over the last 24 h, estimated: latest $12.40 actual, …" */
export function costSummary(
  points: NodePoolSeriesPoint[],
  scope: string,
  range: string,
): string {
  const head = `Cost per hour in ${scope} over the last ${range}, estimated`;
  const priced = points.filter(p => p.costPerHourUsd !== undefined);
  if (!priced.length) return `${head}: no samples.`;
  const latest = priced[priced.length - 1];
  return `${head}: latest ${formatUsd(
    latest.costPerHourUsd,
  )} actual, ${formatUsd(
    latest.onDemandEquivalentPerHourUsd,
  )} on-demand equivalent, ${formatUsd(
    latest.idleCostPerHourUsd,
  )} idle; on average ${formatUsd(
    mean(priced.map(p => p.costPerHourUsd ?? 0)),
  )} actual against ${formatUsd(
    mean(priced.map(p => p.onDemandEquivalentPerHourUsd ?? 0)),
  )} on-demand equivalent.`;
}
