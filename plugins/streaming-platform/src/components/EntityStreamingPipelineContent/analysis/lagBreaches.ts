/** One run of consecutive points above the lag target. */
export interface LagBreach {
  /** Start of the first point above target (ms since epoch). */
  from: number;
  /** End of the last point above target: its start plus one step. */
  to: number;
  /** The highest reading in the run, seconds. */
  maxSeconds: number;
}

/**
 * The runs of a lag series above its target, for shading breaches. A point
 * stands for the step that starts at its `at`. A point without a reading, or
 * a gap of more than a step, ends a run: an unknown lag is not a breach.
 */
export function lagBreaches(
  points: ReadonlyArray<{ at: string; timeLagSeconds?: number }>,
  targetSeconds: number,
  stepSeconds: number,
): LagBreach[] {
  const stepMs = stepSeconds * 1000;
  const runs: LagBreach[] = [];
  let current: LagBreach | undefined;
  for (const point of points) {
    const at = Date.parse(point.at);
    const lag = point.timeLagSeconds;
    if (lag === undefined || lag <= targetSeconds) {
      current = undefined;
      continue;
    }
    // Half a step of slack: buckets are aligned, but not always to the millisecond.
    if (current && at - current.to <= stepMs / 2) {
      current.to = at + stepMs;
      current.maxSeconds = Math.max(current.maxSeconds, lag);
    } else {
      current = { from: at, to: at + stepMs, maxSeconds: lag };
      runs.push(current);
    }
  }
  return runs;
}

/** How long the runs last together, seconds. */
export function breachSeconds(runs: ReadonlyArray<LagBreach>): number {
  return runs.reduce((sum, run) => sum + (run.to - run.from) / 1000, 0);
}
