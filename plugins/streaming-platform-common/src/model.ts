/*
 * The concepts the streaming platform measures, as ../PRODUCT.md §3 defines
 * them. The backend computes them; the frontend shows them. Each is defined
 * here once.
 */

/**
 * The capacity type of a node: Karpenter's `karpenter.sh/capacity-type`, or
 * a managed node group's `eks.amazonaws.com/capacityType` mapped to it.
 *
 * @public
 */
export type CapacityType = 'spot' | 'on-demand' | 'reserved';

/**
 * Every capacity type, in display order.
 *
 * @public
 */
export const CAPACITY_TYPES: readonly CapacityType[] = [
  'spot',
  'on-demand',
  'reserved',
];

/**
 * Where a node's hourly price came from.
 * - `price-list`: the AWS Price List API (on-demand);
 * - `spot-price-history`: EC2 spot price history for the type and zone;
 * - `fallback-table`: the table shipped with the plugin (on-demand list
 *   prices; also used for spot nodes when no spot price is known, which
 *   overstates their cost);
 * - `unknown`: no price for this instance type; costed at zero.
 *
 * @public
 */
export type PriceSource =
  | 'price-list'
  | 'spot-price-history'
  | 'fallback-table'
  | 'unknown';

/**
 * A share of requested vCPU-time by capacity type; the shares add up to 1
 * when `vcpuHours` is above zero.
 *
 * @public
 */
export interface SpotMix {
  spot: number;
  onDemand: number;
  reserved: number;
  /** The requested vCPU-hours the shares are of (for "now": vCPUs requested). */
  vcpuHours: number;
}

/**
 * A cost estimate, in US dollars, for a window or per hour. Always an
 * estimate: node prices split by OpenCost's method over pods' requests.
 *
 * @public
 */
export interface CostFigures {
  /** Allocated cost at the prices the nodes ran at. */
  usd: number;
  /** The same allocation at on-demand prices. */
  onDemandEquivalentUsd: number;
  /** 1 − usd / onDemandEquivalentUsd; undefined when the latter is 0. */
  spotSavings?: number;
  /** Which price sources the figure used, so the UI can say so. */
  priceSources: PriceSource[];
}

/**
 * A pipeline's consumer lag on Amazon MSK, from CloudWatch `AWS/Kafka`
 * (`EstimatedMaxTimeLag`, `MaxOffsetLag`, `SumOffsetLag` of its consumer
 * group and topic). Flink commits offsets at checkpoints, so it moves in steps.
 *
 * @public
 */
export interface LagReading {
  /** The minute the reading is for (ISO 8601). */
  at: string;
  /** EstimatedMaxTimeLag, seconds. */
  timeLagSeconds?: number;
  /** MaxOffsetLag: the largest partition lag, in records. */
  maxOffsetLag?: number;
  /** SumOffsetLag: the total over partitions, in records. */
  sumOffsetLag?: number;
}

/**
 * One phase of a scaling episode.
 *
 * @public
 */
export type ScalingPhase = 'decision' | 'capacity' | 'startup' | 'recovery';

/**
 * One scale-up or scale-down of a pipeline, from trigger to recovery.
 *
 * @public
 */
export interface ScalingEpisode {
  /** Stable id: the pipeline ref and the decision time. */
  id: string;
  pipelineRef: string;
  direction: 'up' | 'down';
  /** When lag or load started to rise (or the decision, when unknown). */
  triggerAt: string;
  /** The autoscaler's ScalingReport. */
  decidedAt: string;
  /** When every new TaskManager pod was ready (scale-ups). */
  taskManagersReadyAt?: string;
  /** When the job was RUNNING again at the new parallelism. */
  runningAt?: string;
  /** When lag was back under target (scale-ups that breached). */
  recoveredAt?: string;
  parallelismBefore: number;
  parallelismAfter: number;
  /** TaskManager pods added (or removed, negative). */
  taskManagerDelta: number;
  /** Nodes launched for the new pods, by capacity type. */
  nodesLaunched: Record<CapacityType, number>;
  /** Phase durations in seconds, where both ends are known. */
  phases: Partial<Record<ScalingPhase, number>>;
  /** Trigger → all new TaskManagers ready, seconds (scale-ups). */
  responseSeconds?: number;
  /** `open` until the episode's last phase ended or the next one began. */
  state: 'open' | 'complete';
}

/**
 * Where a pipeline's scaling event came from.
 *
 * @public
 */
export type ScalingEventSource =
  | 'flink-operator'
  | 'karpenter'
  | 'scheduler'
  | 'kubelet'
  | 'streaming-platform';

/**
 * One recorded event on a pipeline's timeline (Kubernetes keeps events an
 * hour; the backend records them and keeps them).
 *
 * @public
 */
export interface ScalingEvent {
  /** The Kubernetes event's uid and count, or a derived key. */
  id: string;
  at: string;
  source: ScalingEventSource;
  /** The event's reason, e.g. `ScalingReport`, `Launched`, `SpotInterrupted`. */
  reason: string;
  type: 'Normal' | 'Warning';
  message: string;
  /** The object it is about, e.g. `NodeClaim/flink-spot-x7k2p`. */
  object: string;
  /** For ScalingReport: per-vertex parallelism changes. */
  vertexChanges?: Array<{ vertex: string; from: number; to: number }>;
}

/**
 * Count and percentiles of a duration, in seconds.
 *
 * @public
 */
export interface DurationStats {
  count: number;
  p50?: number;
  p95?: number;
  max?: number;
}
