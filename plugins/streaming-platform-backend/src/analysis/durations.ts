import { DurationStats } from '@internal/backstage-plugin-streaming-platform-common';

/** The nearest-rank percentile of ascending values: the ⌈p·n⌉-th smallest. */
function nearestRank(ascending: number[], percentile: number): number {
  // percentile × n is an integer, so the division is exact when it should be.
  const rank = Math.ceil((percentile * ascending.length) / 100);
  return ascending[Math.min(ascending.length, Math.max(1, rank)) - 1];
}

/**
 * Count, nearest-rank p50 / p95 and max of durations in seconds (values
 * that are not finite numbers are left out). With no durations, only the
 * count (0) is set.
 */
export function durationStats(seconds: Iterable<number>): DurationStats {
  const ascending = [...seconds]
    .filter(value => Number.isFinite(value))
    .sort((a, b) => a - b);
  if (ascending.length === 0) return { count: 0 };
  return {
    count: ascending.length,
    p50: nearestRank(ascending, 50),
    p95: nearestRank(ascending, 95),
    max: ascending[ascending.length - 1],
  };
}
