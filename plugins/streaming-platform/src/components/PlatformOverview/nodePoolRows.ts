import {
  CAPACITY_TYPES,
  NodePoolOverview,
} from '@internal/backstage-plugin-streaming-platform-common';
import { savingsOf } from './savings';

/**
 * A NodePool as a table row: the figures flattened into numbers, so the
 * table sorts each column by what it shows.
 */
export interface NodePoolRow {
  id: string;
  name: string;
  pool: NodePoolOverview;
  selected: boolean;
  nodes: number;
  spotShare: number;
  costUsd?: number;
  idleUsd?: number;
  savingsUsd?: number;
  launchP95?: number;
  pendingP95?: number;
  interruptions: number;
  fallbacks: number;
  consolidations: number;
}

export function nodePoolRows(
  pools: NodePoolOverview[],
  selected: string | undefined,
): NodePoolRow[] {
  return pools.map(pool => ({
    id: `${pool.cluster}/${pool.name}`,
    name: pool.name,
    pool,
    selected: pool.name === selected,
    nodes: CAPACITY_TYPES.reduce(
      (sum, type) => sum + pool.nodesByCapacityType[type],
      0,
    ),
    spotShare: pool.spotShare,
    costUsd: pool.costPerHour?.usd,
    idleUsd: pool.idleCostPerHourUsd,
    savingsUsd: savingsOf(pool.costPerHour)?.usd,
    launchP95: pool.nodeLaunchSeconds.p95,
    pendingP95: pool.podPendingSeconds.p95,
    interruptions: pool.interruptions24h,
    fallbacks: pool.onDemandFallbacks24h,
    consolidations: pool.consolidations24h,
  }));
}
