import {
  CapacityType,
  PriceSource,
} from '@internal/backstage-plugin-streaming-platform-common';

/*
 * The inputs of the analysis functions: what the index and the history store
 * know, reduced to plain values. Times are epoch milliseconds.
 */

/** A node as costing needs it. */
export interface NodeShape {
  capacityType: CapacityType;
  /** The node's capacity (what is paid for), not its allocatable. */
  cpuMillis: number;
  memoryMiB: number;
}

/** A node's hourly price and the on-demand price of its type and region. */
export interface NodePrice {
  usdPerHour: number;
  source: PriceSource;
  onDemandUsdPerHour: number;
  onDemandSource: PriceSource;
}

/** What a pod requests. */
export interface PodRequests {
  cpuMillis: number;
  memoryMiB: number;
}

/** How node prices are split between CPU and memory (OpenCost's method). */
export interface CostSplitOptions {
  /**
   * The price of one vCPU-hour relative to one GiB-hour of memory. OpenCost's
   * defaults ($0.031611 per vCPU-hour, $0.004237 per GiB-hour) give ≈ 7.46.
   */
  cpuToMemoryPriceRatio: number;
}

/** A TaskManager or JobManager pod's life, as recorded from watches. */
export interface PodLifecycle {
  cluster: string;
  namespace: string;
  name: string;
  uid: string;
  /** `<cluster>/<namespace>/<flinkdeployment>` when the pod belongs to a pipeline. */
  pipelineRef?: string;
  role?: 'jobmanager' | 'taskmanager';
  nodeName?: string;
  nodePool?: string;
  capacityType?: CapacityType;
  cpuMillis: number;
  memoryMiB: number;
  createdAt: number;
  /** PodScheduled=True's lastTransitionTime. */
  scheduledAt?: number;
  /** Ready=True's lastTransitionTime (first time). */
  readyAt?: number;
  /** When the pod was seen deleted (or its deletionTimestamp). */
  deletedAt?: number;
}

/** A Karpenter NodeClaim's life, from its conditions' lastTransitionTime. */
export interface NodeClaimLifecycle {
  cluster: string;
  name: string;
  uid: string;
  nodePool: string;
  nodeName?: string;
  capacityType: CapacityType;
  instanceType: string;
  zone: string;
  createdAt: number;
  launchedAt?: number;
  registeredAt?: number;
  initializedAt?: number;
  readyAt?: number;
  deletedAt?: number;
  /** The DisruptionReason condition's reason (e.g. `Underutilized`, `Empty`, `Drifted`). */
  disruptionReason?: string;
}

/** A Kubernetes Event as recorded: once per (cluster, uid, count). */
export interface RecordedEvent {
  cluster: string;
  uid: string;
  /** `count` (core/v1) or `series.count` (events.k8s.io/v1); 1 when absent. */
  count: number;
  namespace?: string;
  involvedKind: string;
  involvedName: string;
  involvedNamespace?: string;
  reason: string;
  type: 'Normal' | 'Warning';
  message: string;
  /** `source.component` / `reportingController`, e.g. `karpenter`, `Operator`. */
  component?: string;
  /** The event's time: lastTimestamp / series.lastObservedTime / eventTime. */
  at: number;
  /** Set when the event concerns a pipeline (its FlinkDeployment or pods). */
  pipelineRef?: string;
  /** Set when the event concerns a NodePool's node or NodeClaim. */
  nodePool?: string;
}

/** One minute of a pipeline, as the sampler records it. */
export interface PipelineSample {
  pipelineRef: string;
  /** Start of the minute. */
  at: number;
  parallelism: number;
  taskManagers: number;
  vcpuByCapacityType: Record<CapacityType, number>;
  costUsdPerHour: number;
  onDemandUsdPerHour: number;
  priceSources: PriceSource[];
}

/** One minute of a pipeline's lag, from CloudWatch. */
export interface LagSample {
  pipelineRef: string;
  at: number;
  timeLagSeconds?: number;
  maxOffsetLag?: number;
  sumOffsetLag?: number;
}

/** One minute of a NodePool. */
export interface NodePoolSample {
  cluster: string;
  nodePool: string;
  at: number;
  nodesByCapacityType: Record<CapacityType, number>;
  vcpuByCapacityType: Record<CapacityType, number>;
  costUsdPerHour: number;
  onDemandUsdPerHour: number;
  idleUsdPerHour: number;
}

/**
 * A time window, epoch milliseconds, `from` inclusive and `to` exclusive
 * (the same shape as the history store's `TimeWindow`).
 */
export interface AnalysisWindow {
  from: number;
  to: number;
}
