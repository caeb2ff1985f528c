import type { SerializedError } from '@backstage/errors';
import type {
  CostFigures,
  DurationStats,
  LagReading,
  ScalingEpisode,
  ScalingEvent,
  SpotMix,
  CapacityType,
  PriceSource,
} from './model';

/**
 * The kinds of upstream source the backend reads.
 *
 * @public
 */
export type DataSourceKind =
  | 'kubernetes'
  | 'cloudwatch'
  | 'prices'
  | 'catalog'
  | 'database';

/**
 * How a source is doing:
 * - `ok`: its data is current;
 * - `stale`: it failed lately, answers carry its last good data;
 * - `error`: it failed and there is no data from it;
 * - `not-connected`: nothing is configured or implemented to read it.
 *
 * @public
 */
export type DataSourceState = 'ok' | 'stale' | 'error' | 'not-connected';

/**
 * The freshness of one source behind an answer. Every response carries one
 * per source it used, so a failing source degrades one panel, not the page.
 *
 * @public
 */
export interface DataSourceStatus {
  kind: DataSourceKind;
  /** Which instance of the source: a cluster name, a CloudWatch region, … */
  id: string;
  state: DataSourceState;
  /** Says, in words for a user, what the state means here. */
  message: string;
  /** When data was last read successfully (ISO 8601). */
  lastSuccessAt?: string;
  /** The last error, when `state` is `stale` or `error`. */
  error?: SerializedError;
  /** True when the source is the platform emulator, not a real cluster or AWS. */
  emulated?: boolean;
}

/**
 * A pipeline's job state as the Flink operator reports it
 * (`status.jobStatus.state`), e.g. `RUNNING`, `RESTARTING`, `FAILED`.
 *
 * @public
 */
export type FlinkJobState = string;

/**
 * A pipeline's lag now against its target.
 *
 * @public
 */
export interface PipelineLagStatus {
  /** The pipeline's lag target, seconds (annotation `streaming-platform.io/lag-target-seconds`, or the configured default). */
  targetSeconds: number;
  /** The newest CloudWatch reading; absent before the first poll. */
  latest?: LagReading;
  /** True when the newest `timeLagSeconds` is above the target. */
  breached: boolean;
}

/**
 * One pipeline the backend knows about, as lists show it.
 *
 * @public
 */
export interface PipelineSummary {
  /** `<cluster>/<namespace>/<name>`, the value of the pipeline annotation. */
  ref: string;
  cluster: string;
  namespace: string;
  name: string;
  /** The FlinkDeployment's `streaming-platform.io/team` label. */
  team?: string;
  jobState: FlinkJobState;
  /** The operator's `status.lifecycleState`, e.g. `STABLE`. */
  lifecycleState?: string;
  /** The job's parallelism now (the autoscaler's override, else `spec.job.parallelism`). */
  parallelism: number;
  taskManagers: { ready: number; total: number };
  /** Requested vCPU now, by capacity type of the nodes the pods run on. */
  spotMixNow: SpotMix;
  lag: PipelineLagStatus;
  /** Cost per hour now; withheld without `streaming-platform.pipeline.cost.read`. */
  costPerHour?: CostFigures;
}

/**
 * The answer of `GET /pipelines`.
 *
 * @public
 */
export interface PipelineListResponse {
  items: PipelineSummary[];
  sources: DataSourceStatus[];
}

/**
 * A pod of a pipeline, with the node it runs on.
 *
 * @public
 */
export interface PipelinePod {
  name: string;
  role: 'jobmanager' | 'taskmanager';
  phase: string;
  ready: boolean;
  cpuCores: number;
  memoryGiB: number;
  createdAt: string;
  nodeName?: string;
  capacityType?: CapacityType;
  instanceType?: string;
  zone?: string;
  nodePool?: string;
}

/**
 * The answer of `GET /pipelines/{cluster}/{namespace}/{name}`.
 *
 * @public
 */
export interface PipelineDetailResponse {
  pipeline: PipelineSummary;
  /** Spot mix over the last 24 hours, from recorded samples. */
  spotMix24h?: SpotMix;
  /** Cost over the last 24 hours; withheld without the cost permission. */
  cost24h?: CostFigures;
  /** Time above the lag target in the last 24 hours, seconds. */
  lagBreachSeconds24h?: number;
  /** Scaling response time of the episodes in the last 24 hours. */
  scalingResponse?: DurationStats;
  /** The newest scaling episode (by decision time) in the last 24 hours, for "last scaling"; absent when there was none. */
  lastEpisode?: ScalingEpisode;
  sources: DataSourceStatus[];
}

/**
 * The answer of `GET /pipelines/{cluster}/{namespace}/{name}/pods`: the
 * pipeline's JobManager and TaskManager pods now, JobManager first.
 *
 * @public
 */
export interface PipelinePodsResponse {
  pods: PipelinePod[];
  sources: DataSourceStatus[];
}

/**
 * A node a pipeline's pods ran on in a window, from recorded pod and
 * NodeClaim lifecycles (and the index for what runs now).
 *
 * @public
 */
export interface PipelineNode {
  name: string;
  nodeClaim?: string;
  nodePool?: string;
  instanceType?: string;
  zone?: string;
  capacityType?: CapacityType;
  /**
   * The node's price per hour: a node still running at the price it is
   * costed at now, one gone at today's price of its instance type, zone and
   * capacity type (0 with `priceSource` `unknown` when none is known).
   * Withheld without the cost permission, like `priceSource`.
   */
  usdPerHour?: number;
  priceSource?: PriceSource;
  /** When the first of the pipeline's pods on it was bound, clipped to the window. */
  from: string;
  /** When the last of them ended, clipped to the window; absent while one still runs there. */
  to?: string;
  /** How many of the pipeline's pods ran on it in the window. */
  pods: number;
}

/**
 * The answer of `GET /pipelines/{cluster}/{namespace}/{name}/nodes`.
 *
 * @public
 */
export interface PipelineNodesResponse {
  from: string;
  to: string;
  nodes: PipelineNode[];
  sources: DataSourceStatus[];
}

/**
 * The series a pipeline's time series request can ask for.
 *
 * @public
 */
export type PipelineSeriesName = 'lag' | 'parallelism' | 'pods' | 'cost';

/**
 * One point of a pipeline's time series; fields present per series asked.
 *
 * @public
 */
export interface PipelineSeriesPoint {
  at: string;
  timeLagSeconds?: number;
  sumOffsetLag?: number;
  parallelism?: number;
  taskManagers?: number;
  /** Pods' requested vCPU by capacity type (mean over the step). */
  vcpuByCapacityType?: Record<CapacityType, number>;
  /** Cost per hour (mean over the step); withheld without the cost permission. */
  costPerHourUsd?: number;
  onDemandEquivalentPerHourUsd?: number;
}

/**
 * The answer of `GET /pipelines/{cluster}/{namespace}/{name}/timeseries`.
 *
 * @public
 */
export interface PipelineTimeSeriesResponse {
  from: string;
  to: string;
  /** The step of the points, seconds (at least the one asked for). */
  stepSeconds: number;
  /** `minute` samples (14 days) or `hour` rollups (older). */
  resolution: 'minute' | 'hour';
  points: PipelineSeriesPoint[];
  sources: DataSourceStatus[];
}

/**
 * The answer of `GET /pipelines/{cluster}/{namespace}/{name}/events`.
 *
 * @public
 */
export interface PipelineEventsResponse {
  events: ScalingEvent[];
  episodes: ScalingEpisode[];
  sources: DataSourceStatus[];
}

/**
 * A series of equal steps, sent as bare numbers: a team's 40 sparklines
 * would otherwise repeat 960 timestamps in every answer.
 *
 * @public
 */
export interface LagSparkline {
  /** The start of the first step (a UTC hour). */
  from: string;
  stepSeconds: number;
  /** Each step's highest time lag, seconds, rounded; null for a step without a reading. */
  timeLagSeconds: Array<number | null>;
}

/**
 * One pipeline's figures on the team dashboard, beyond its summary.
 *
 * @public
 */
export interface TeamPipelineFigures {
  ref: string;
  /**
   * The highest `timeLagSeconds` of each of the last 24 clock hours, oldest
   * first; the last is the current hour so far.
   */
  lagSparkline: LagSparkline;
  /**
   * How often lag went above the target in the last 24 hours: readings above
   * it after one at or below it. Minutes without a reading neither end nor
   * start a breach; one that began before the 24 hours is not counted.
   */
  lagBreaches24h: number;
  /** Time above the lag target in the last 24 hours, seconds. */
  lagBreachSeconds24h: number;
  spotMix24h?: SpotMix;
  /** Withheld without the cost permission. */
  cost24h?: CostFigures;
  /**
   * Cost of each of the last 7 UTC days (`day` is `YYYY-MM-DD`; the last is
   * today so far), oldest first; a day without recorded minutes is left out,
   * not shown as free. Withheld without the cost permission.
   */
  costPerDay7d?: Array<{
    day: string;
    usd: number;
    onDemandEquivalentUsd: number;
    /** How many recorded minutes the figure is made of: 1,440 for a whole day, fewer for today or a day history began. */
    minutes?: number;
  }>;
}

/**
 * The answer of `GET /teams/summary?group=`.
 *
 * @public
 */
export interface TeamSummaryResponse {
  group: string;
  pipelines: PipelineSummary[];
  /** Catalog pipelines of the team the backend has no FlinkDeployment for. */
  unmatched: Array<{ entityRef: string; pipelineRef: string }>;
  /** Time above lag target in the last 24 hours, seconds, per pipeline ref. */
  lagBreachSeconds24h: Record<string, number>;
  /**
   * Per pipeline ref: sparkline, breaches, spot mix, cost and its 7-day
   * trend. A pipeline is absent until the backend has read its history
   * (seconds after start).
   */
  figures: Record<string, TeamPipelineFigures>;
  spotMix24h?: SpotMix;
  /** Withheld without the cost permission. */
  cost24h?: CostFigures;
  /** The 24 hours before, for the trend. */
  costPrevious24h?: CostFigures;
  recentEpisodes: ScalingEpisode[];
  scalingResponse: DurationStats;
  sources: DataSourceStatus[];
}

/**
 * One NodePool (or managed node group) of a cluster now and over 24 hours.
 *
 * @public
 */
export interface NodePoolOverview {
  cluster: string;
  name: string;
  kind: 'karpenter' | 'node-group';
  nodesByCapacityType: Record<CapacityType, number>;
  vcpuByCapacityType: Record<CapacityType, number>;
  /** Share of the pool's node vCPU on spot now. */
  spotShare: number;
  costPerHour?: CostFigures;
  /** Cost of unrequested capacity per hour now. */
  idleCostPerHourUsd?: number;
  /** NodeClaim created → Ready, last 24 hours. */
  nodeLaunchSeconds: DurationStats;
  /** Pod created → scheduled, last 24 hours. */
  podPendingSeconds: DurationStats;
  interruptions24h: number;
  onDemandFallbacks24h: number;
  consolidations24h: number;
}

/**
 * One cluster in the platform overview.
 *
 * @public
 */
export interface ClusterOverview {
  name: string;
  pipelines: number;
  nodes: number;
  pods: number;
  spotMixNow: SpotMix;
  costPerHour?: CostFigures;
  idleCostPerHourUsd?: number;
}

/**
 * A pipeline whose pods have run mostly on on-demand capacity for long: its
 * spot-first TaskManagers found no spot capacity, or it is not spot-first.
 *
 * @public
 */
export interface StuckOnDemandPipeline {
  ref: string;
  cluster: string;
  team?: string;
  /** Share of the pipeline's requested vCPU on on-demand nodes now. */
  onDemandShareNow: number;
  /**
   * Since when every recorded minute had at least half its vCPU on on-demand
   * (a minute without a sample breaks the run). At most 48 hours back: older
   * minutes are not held in memory.
   */
  since: string;
  /** How long that is, hours (the run's minutes / 60). */
  hours: number;
  /** What it costs per hour now; withheld without the cost permission. */
  costPerHour?: CostFigures;
}

/**
 * The answer of `GET /platform/overview`.
 *
 * @public
 */
export interface PlatformOverviewResponse {
  clusters: ClusterOverview[];
  nodePools: NodePoolOverview[];
  /**
   * Pipelines (that the caller may read) on on-demand capacity for an hour or
   * more (`streamingPlatform.stuckOnDemandMinutes`), longest first.
   */
  stuckOnDemand: StuckOnDemandPipeline[];
  sources: DataSourceStatus[];
}

/**
 * One point of a NodePool's (or a cluster's) time series.
 *
 * @public
 */
export interface NodePoolSeriesPoint {
  at: string;
  nodesByCapacityType: Record<CapacityType, number>;
  vcpuByCapacityType: Record<CapacityType, number>;
  /** Withheld without the cost permission. */
  costPerHourUsd?: number;
  onDemandEquivalentPerHourUsd?: number;
  idleCostPerHourUsd?: number;
}

/**
 * The answer of `GET /platform/timeseries`.
 *
 * @public
 */
export interface PlatformTimeSeriesResponse {
  cluster?: string;
  nodePool?: string;
  from: string;
  to: string;
  stepSeconds: number;
  resolution: 'minute' | 'hour';
  points: NodePoolSeriesPoint[];
  sources: DataSourceStatus[];
}

/**
 * What `POST /cost-estimate` is asked: a pipeline that does not exist yet.
 *
 * @public
 */
export interface CostEstimateRequest {
  cluster: string;
  /** `spot-first` (TaskManagers prefer spot) or `on-demand`. */
  capacityProfile: 'spot-first' | 'on-demand';
  taskManager: { cpuCores: number; memoryGiB: number };
  jobManager: { cpuCores: number; memoryGiB: number };
  taskSlots: number;
  /** `typical` (between min and max) is the initial parallelism on the form. */
  parallelism: { min: number; typical?: number; max: number };
}

/**
 * The answer of `POST /cost-estimate`: cost per hour at the lowest, typical
 * and highest parallelism, at today's prices and the cluster's spot share.
 *
 * @public
 */
export interface CostEstimateResponse {
  min: CostFigures;
  /** At `parallelism.typical`, when it was asked. */
  typical?: CostFigures;
  max: CostFigures;
  /** The spot share of vCPU assumed for TaskManagers, and why. */
  assumedSpotShare: number;
  assumptions: string[];
  sources: DataSourceStatus[];
}

/**
 * The answer of `GET /health`.
 *
 * @public
 */
export interface HealthResponse {
  status: 'ok';
}
