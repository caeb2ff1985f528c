import { AnalysisWindow } from './types';

const MINUTE_MS = 60_000;

/**
 * Groups the points of a window into buckets of `stepMs` starting at
 * `window.from` (`[from + k·step, from + (k+1)·step)`) and merges each
 * non-empty bucket into one point; empty buckets are left out, so a chart
 * shows gaps where there was no data. Points outside the window are
 * dropped; each bucket's points are passed in time order.
 */
export function downsample<T extends { at: number }>(
  points: Iterable<T>,
  window: AnalysisWindow,
  stepMs: number,
  merge: (bucket: T[], bucketStart: number) => T,
): T[] {
  const step = stepMs > 0 && Number.isFinite(stepMs) ? stepMs : MINUTE_MS;
  const buckets = new Map<number, T[]>();
  for (const point of points) {
    if (!(point.at >= window.from && point.at < window.to)) continue;
    const index = Math.floor((point.at - window.from) / step);
    const bucket = buckets.get(index);
    if (bucket) bucket.push(point);
    else buckets.set(index, [point]);
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, bucket]) =>
      merge(
        bucket.sort((a, b) => a.at - b.at),
        window.from + index * step,
      ),
    );
}

/**
 * The step for a chart of a window: the requested step (or `minStepMs`),
 * widened so the window has at most `maxPoints` buckets, and rounded up to
 * a whole minute (the samples' resolution).
 */
export function chooseStep(
  window: AnalysisWindow,
  requestedStepMs: number | undefined,
  maxPoints: number = 500,
  minStepMs: number = MINUTE_MS,
): number {
  const span = Math.max(0, window.to - window.from);
  const requested =
    requestedStepMs !== undefined &&
    Number.isFinite(requestedStepMs) &&
    requestedStepMs > 0
      ? requestedStepMs
      : 0;
  const bounded =
    maxPoints >= 1 ? Math.ceil(span / Math.floor(maxPoints)) : span;
  const step = Math.max(requested, minStepMs, bounded, 1);
  return Math.ceil(step / MINUTE_MS) * MINUTE_MS;
}

/** The mean of the defined, finite values; undefined when there are none. */
export function meanOf(
  values: Iterable<number | undefined>,
): number | undefined {
  let sum = 0;
  let count = 0;
  for (const value of values) {
    if (value === undefined || !Number.isFinite(value)) continue;
    sum += value;
    count++;
  }
  return count > 0 ? sum / count : undefined;
}
