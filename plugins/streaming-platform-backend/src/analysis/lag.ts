import { LagReading } from '@internal/backstage-plugin-streaming-platform-common';
import { inTimeOrder } from './timeOrder';
import { AnalysisWindow, LagSample } from './types';

/**
 * Seconds of a window during which lag was above its target. Each sample
 * whose `timeLagSeconds` is above the target counts as one sample interval
 * (`[at, at + sampleMs)`) of breach, clipped to the window; overlapping
 * samples count once. Minutes without a sample, or without a time lag, are
 * unknown and do not count as breach.
 */
export function lagBreachSeconds(
  samples: Iterable<LagSample>,
  targetSeconds: number,
  window: AnalysisWindow,
  sampleMs: number = 60_000,
): number {
  const breaches: Array<[number, number]> = [];
  for (const sample of samples) {
    const lag = sample.timeLagSeconds;
    if (lag === undefined || !Number.isFinite(lag) || !(lag > targetSeconds))
      continue;
    const from = Math.max(sample.at, window.from);
    const to = Math.min(sample.at + sampleMs, window.to);
    if (to > from) breaches.push([from, to]);
  }
  breaches.sort((a, b) => a[0] - b[0]);
  let totalMs = 0;
  let coveredTo = -Infinity;
  for (const [from, to] of breaches) {
    const start = Math.max(from, coveredTo);
    if (to > start) totalMs += to - start;
    coveredTo = Math.max(coveredTo, to);
  }
  return totalMs / 1000;
}

/**
 * How many times lag went above its target in a window: each reading above
 * the target whose previous reading was at or below it starts one breach.
 * Readings without a time lag, and minutes without a reading, are unknown:
 * they neither end nor start a breach. Readings before the window tell the
 * state at its start, so a breach that began before the window is not
 * counted; when nothing earlier is known, a first reading above the target
 * counts as one.
 */
export function lagBreachCount(
  samples: Iterable<LagSample>,
  targetSeconds: number,
  window: AnalysisWindow,
): number {
  let above: boolean | undefined;
  let count = 0;
  for (const { at, timeLagSeconds: lag } of inTimeOrder(samples)) {
    if (at >= window.to) break;
    if (lag === undefined || !Number.isFinite(lag)) continue;
    const isAbove = lag > targetSeconds;
    if (at >= window.from && isAbove && above !== true) count++;
    above = isAbove;
  }
  return count;
}

/**
 * The highest `timeLagSeconds` of each step of a window, one point per step
 * from `window.from` (`[from + k·step, from + (k+1)·step)`), oldest first. A
 * step without a reading has no `timeLagSeconds`: unknown, not zero.
 */
export function maxLagPerStep(
  samples: Iterable<LagSample>,
  window: AnalysisWindow,
  stepMs: number,
): Array<{ at: number; timeLagSeconds?: number }> {
  if (!(stepMs > 0) || !(window.to > window.from)) return [];
  const steps = Math.ceil((window.to - window.from) / stepMs);
  const max: Array<number | undefined> = new Array(steps).fill(undefined);
  for (const sample of samples) {
    const lag = sample.timeLagSeconds;
    if (lag === undefined || !Number.isFinite(lag)) continue;
    if (!(sample.at >= window.from && sample.at < window.to)) continue;
    const k = Math.floor((sample.at - window.from) / stepMs);
    const current = max[k];
    if (current === undefined || lag > current) max[k] = lag;
  }
  return max.map((timeLagSeconds, k) => ({
    at: window.from + k * stepMs,
    ...(timeLagSeconds === undefined ? {} : { timeLagSeconds }),
  }));
}

function hasReading(sample: LagSample): boolean {
  return (
    sample.timeLagSeconds !== undefined ||
    sample.maxOffsetLag !== undefined ||
    sample.sumOffsetLag !== undefined
  );
}

/** The most recent sample that has any lag figure, as a reading. */
export function latestLag(
  samples: Iterable<LagSample>,
): LagReading | undefined {
  let latest: LagSample | undefined;
  for (const sample of samples) {
    if (!hasReading(sample)) continue;
    if (!latest || sample.at > latest.at) latest = sample;
  }
  if (!latest) return undefined;
  return {
    at: new Date(latest.at).toISOString(),
    ...(latest.timeLagSeconds !== undefined
      ? { timeLagSeconds: latest.timeLagSeconds }
      : {}),
    ...(latest.maxOffsetLag !== undefined
      ? { maxOffsetLag: latest.maxOffsetLag }
      : {}),
    ...(latest.sumOffsetLag !== undefined
      ? { sumOffsetLag: latest.sumOffsetLag }
      : {}),
  };
}
