/**
 * The Flink Kubernetes Operator's autoscaler (job.autoscaler.*), reduced to
 * one decision per evaluation for a job whose vertices scale together (source
 * and sink chained at one parallelism). Follows release 1.15.0's rules: wait
 * out the stabilization interval after a (re)start, average over the metrics
 * window, size for the target utilization plus draining the backlog within
 * the catch-up duration, act only outside [utilization.min, utilization.max],
 * delay scale-downs by scale-down.interval, cap each step by the max factors,
 * and align to the source's partitions (EVENLY_SPREAD).
 */
export interface AutoscalerSettings {
  enabled: boolean;
  utilizationTarget: number;
  utilizationMin: number;
  utilizationMax: number;
  stabilizationMs: number;
  metricsWindowMs: number;
  scaleDownIntervalMs: number;
  catchUpMs: number;
  /** Below this lag (time to drain at the current rate) backlog alone does not trigger scaling. */
  backlogLagThresholdMs: number;
  scaleUpMaxFactor: number;
  scaleDownMaxFactor: number;
  minParallelism: number;
  maxParallelism: number;
}

/** One minute of job metrics, as the autoscaler collects them. */
export interface MinuteSample {
  atMs: number;
  /** Records/s arriving at the source. */
  inputRate: number;
  /** Records/s processed. */
  processedRate: number;
  /** Busy time fraction of the busiest subtask (aggregator MAX). */
  busy: number;
  /** Records waiting in the topic for this consumer. */
  lagRecords: number;
}

export interface AutoscalerInput {
  nowMs: number;
  parallelism: number;
  partitions: number;
  /** When the job last became RUNNING after a start or rescale. */
  runningSinceMs: number;
  /** When a scale-down was first recommended and is waiting, if so. */
  scaleDownPendingSinceMs?: number;
  samples: MinuteSample[];
  settings: AutoscalerSettings;
}

export interface ScalingRates {
  /** Records/s the job can process at its current parallelism. */
  trueProcessingRate: number;
  /** Records/s it is expected to process at the new parallelism. */
  expectedProcessingRate: number;
  /** Records/s it must process: input plus catch-up. */
  targetDataRate: number;
}

export type AutoscalerDecision =
  | {
      action: 'none';
      why:
        | 'disabled'
        | 'stabilizing'
        | 'collecting-metrics'
        | 'within-bounds'
        | 'no-change';
    }
  | {
      action: 'scale-down-pending';
      sinceMs: number;
      to: number;
      rates: ScalingRates;
    }
  | {
      action: 'scale';
      from: number;
      to: number;
      rates: ScalingRates;
      /** Set when partitions or limits kept the parallelism below what was needed. */
      limited?: { wanted: number; upperBound: number; lowerBound: number };
    };

export function decideScaling(input: AutoscalerInput): AutoscalerDecision {
  const { settings: s, nowMs, parallelism } = input;
  if (!s.enabled) return { action: 'none', why: 'disabled' };
  if (nowMs - input.runningSinceMs < s.stabilizationMs) {
    return { action: 'none', why: 'stabilizing' };
  }
  // Only metrics collected after the job became RUNNING count.
  const windowStart = Math.max(nowMs - s.metricsWindowMs, input.runningSinceMs);
  const window = input.samples.filter(
    x => x.atMs > windowStart && x.atMs <= nowMs,
  );
  if (
    window.length === 0 ||
    window[window.length - 1].atMs - window[0].atMs < s.metricsWindowMs * 0.5
  ) {
    return { action: 'none', why: 'collecting-metrics' };
  }
  const avg = (f: (x: MinuteSample) => number) =>
    window.reduce((sum, x) => sum + f(x), 0) / window.length;
  const inputRate = avg(x => x.inputRate);
  const busy = avg(x => x.busy);
  const lag = window[window.length - 1].lagRecords;
  // The true processing rate: what the job would do at 100 % busy.
  const processed = avg(x => x.processedRate);
  const trueProcessingRate = busy > 0.01 ? processed / busy : processed;
  if (trueProcessingRate <= 0)
    return { action: 'none', why: 'collecting-metrics' };

  const lagMs = inputRate > 0 ? (lag / inputRate) * 1000 : 0;
  const catchUpRate =
    s.catchUpMs > 0 && lagMs > s.backlogLagThresholdMs
      ? lag / (s.catchUpMs / 1000)
      : 0;
  const targetDataRate = inputRate + catchUpRate;

  const needsUp = busy > s.utilizationMax || catchUpRate > 0;
  const canDown = busy < s.utilizationMin && catchUpRate === 0;
  if (!needsUp && !canDown) return { action: 'none', why: 'within-bounds' };

  const perSubtask = trueProcessingRate / parallelism;
  let wanted = Math.ceil(targetDataRate / (perSubtask * s.utilizationTarget));
  // One step shrinks by at most scale-down.max-factor and grows by at most
  // scale-up.max-factor of the current parallelism.
  wanted = Math.max(
    wanted,
    Math.ceil(parallelism * (1 - s.scaleDownMaxFactor)),
  );
  wanted = Math.min(wanted, Math.floor(parallelism * (1 + s.scaleUpMaxFactor)));
  const upperBound = Math.min(s.maxParallelism, input.partitions);
  const lowerBound = Math.max(1, s.minParallelism);
  let to = alignToPartitions(
    Math.min(Math.max(wanted, lowerBound), upperBound),
    input.partitions,
    upperBound,
  );
  if (needsUp) to = Math.max(to, parallelism);
  if (canDown) to = Math.min(to, parallelism);
  const rates: ScalingRates = {
    trueProcessingRate,
    expectedProcessingRate: perSubtask * to,
    targetDataRate,
  };
  if (to === parallelism) return { action: 'none', why: 'no-change' };
  if (to < parallelism) {
    const since = input.scaleDownPendingSinceMs ?? nowMs;
    if (nowMs - since < s.scaleDownIntervalMs) {
      return { action: 'scale-down-pending', sinceMs: since, to, rates };
    }
  }
  const limited =
    wanted > upperBound ? { wanted, upperBound, lowerBound } : undefined;
  return {
    action: 'scale',
    from: parallelism,
    to,
    rates,
    ...(limited ? { limited } : {}),
  };
}

/**
 * EVENLY_SPREAD: the smallest parallelism ≥ p that divides the partitions
 * evenly, so every subtask reads as many partitions; p itself when none fits
 * under the upper bound.
 */
export function alignToPartitions(
  p: number,
  partitions: number,
  upperBound: number,
): number {
  for (let candidate = p; candidate <= upperBound; candidate++) {
    if (partitions % candidate === 0) return candidate;
  }
  return p;
}

/**
 * The ScalingReport message, as ScalingExecutor formats it (one block per
 * vertex, rates with two decimals).
 */
export function scalingReportMessage(
  vertices: Array<{
    vertexId: string;
    from: number;
    to: number;
    rates: ScalingRates;
  }>,
): string {
  const blocks = vertices
    .map(
      v =>
        `{ Vertex ID ${v.vertexId} | Parallelism ${v.from} -> ${
          v.to
        } | Processing capacity ${v.rates.trueProcessingRate.toFixed(
          2,
        )} -> ${v.rates.expectedProcessingRate.toFixed(
          2,
        )} | Target data rate ${v.rates.targetDataRate.toFixed(2)}}`,
    )
    .join('');
  return `Scaling execution enabled, begin scaling vertices:${blocks}`;
}

/** The ScalingLimited message (with the upstream full-width comma). */
export function scalingLimitedMessage(
  vertexId: string,
  wanted: number,
  actual: number,
  partitions: number,
  upperBound: number,
  lowerBound: number,
): string {
  return `Scaling limited detected for ${vertexId} (expected parallelism: ${wanted}, actual parallelism ${actual}). Scaling limited due to numKeyGroupsOrPartitions : ${partitions}，upperBoundForAlignment(maxParallelism or parallelismUpperLimit): ${upperBound}, parallelismLowerLimit: ${lowerBound}.`;
}
