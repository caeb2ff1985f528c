import { AnalysisWindow } from './types';

export const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The start of the UTC day `ms` falls in. */
export function utcDayStart(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** What a pipeline cost on one UTC day, from the minutes recorded that day. */
export interface DailyCost {
  /** The start of the UTC day. */
  day: number;
  usd: number;
  onDemandUsd: number;
  /** How many recorded minutes the figure is made of (1,440 for a whole day). */
  minutes: number;
}

/**
 * A pipeline's cost per UTC day from its minute samples: each sample is a
 * cost rate held for one minute. Days of the window without a sample are
 * left out — unknown, not free. Oldest first.
 */
export function dailyCostsFromSamples(
  samples: Iterable<{
    at: number;
    costUsdPerHour: number;
    onDemandUsdPerHour: number;
  }>,
  window: AnalysisWindow,
): DailyCost[] {
  const days = new Map<number, DailyCost>();
  const perMinute = MINUTE_MS / 3_600_000;
  let cost: DailyCost | undefined;
  for (const sample of samples) {
    if (!(sample.at >= window.from && sample.at < window.to)) continue;
    const day = utcDayStart(sample.at);
    // Samples come a day at a time: look the day up when it changes.
    if (cost?.day !== day) cost = days.get(day);
    if (!cost) {
      cost = { day, usd: 0, onDemandUsd: 0, minutes: 0 };
      days.set(day, cost);
    }
    cost.usd += sample.costUsdPerHour * perMinute;
    cost.onDemandUsd += sample.onDemandUsdPerHour * perMinute;
    cost.minutes++;
  }
  return [...days.values()].sort((a, b) => a.day - b.day);
}

/**
 * The cost of each day from two readings of it — e.g. hourly rollups and
 * minute samples: for a day both know, the one made of more minutes (the
 * other missed some, not yet rolled up or past retention); on a tie the
 * second. Oldest first.
 */
export function mergeDailyCosts(
  first: DailyCost[],
  second: DailyCost[],
): DailyCost[] {
  const days = new Map<number, DailyCost>();
  for (const cost of first) days.set(cost.day, cost);
  for (const cost of second) {
    const known = days.get(cost.day);
    if (!known || cost.minutes >= known.minutes) days.set(cost.day, cost);
  }
  return [...days.values()].sort((a, b) => a.day - b.day);
}
