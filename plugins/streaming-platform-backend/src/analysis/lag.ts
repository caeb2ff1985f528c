import { LagReading } from '@internal/backstage-plugin-streaming-platform-common';
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
