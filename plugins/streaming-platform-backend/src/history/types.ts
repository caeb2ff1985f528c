import {
  LagSample,
  NodeClaimLifecycle,
  NodePoolSample,
  PipelineSample,
  PodLifecycle,
  RecordedEvent,
} from '../analysis/types';

/** A time window, epoch ms, `from` inclusive and `to` exclusive. */
export interface TimeWindow {
  from: number;
  to: number;
}

/** How long history is kept. */
export interface RetentionSettings {
  /** 1-minute samples (default 14 days). */
  minuteSamplesMs: number;
  /** Hourly rollups (default 13 months, 395 days). */
  hourlyRollupsMs: number;
  /** Events and pod / NodeClaim lifecycles (default 90 days). */
  eventsMs: number;
}

/** An hourly rollup row carries the mean of each field over the hour. */
export type HourlyPipelineRollup = PipelineSample & { samples: number };
export type HourlyLagRollup = LagSample & {
  samples: number;
  maxTimeLagSeconds?: number;
};
export type HourlyNodePoolRollup = NodePoolSample & { samples: number };

/** What a pipeline cost on one UTC day, summed from its hourly rollups. */
export interface DailyPipelineCost {
  pipelineRef: string;
  /** The start of the UTC day, epoch ms. */
  day: number;
  usd: number;
  onDemandUsd: number;
  /** How many minute samples the day's rollups were made of (1,440 for a whole day). */
  minutes: number;
}

/**
 * The history the backend keeps in its database. Every write is idempotent,
 * so several replicas, retries and restarts never double-count.
 */
export interface HistoryStore {
  /** Records events once each, keyed by (cluster, uid, count). Returns how many were new. */
  recordEvents(events: RecordedEvent[]): Promise<number>;
  /** Upserts by (cluster, uid); a recorded timestamp is never replaced by undefined. */
  recordPodLifecycles(pods: PodLifecycle[]): Promise<void>;
  recordNodeClaimLifecycles(claims: NodeClaimLifecycle[]): Promise<void>;
  /** Upserts by (pipelineRef, at). */
  recordPipelineSamples(samples: PipelineSample[]): Promise<void>;
  /** Upserts by (pipelineRef, at). */
  recordLagSamples(samples: LagSample[]): Promise<void>;
  /** Upserts by (cluster, nodePool, at). */
  recordNodePoolSamples(samples: NodePoolSample[]): Promise<void>;

  eventsForPipeline(
    pipelineRef: string,
    window: TimeWindow,
  ): Promise<RecordedEvent[]>;
  eventsForNodePool(
    cluster: string,
    nodePool: string,
    window: TimeWindow,
  ): Promise<RecordedEvent[]>;
  /** Events of a cluster in a window whose reason is one of `reasons`. */
  eventsByReason(
    cluster: string,
    reasons: string[],
    window: TimeWindow,
  ): Promise<RecordedEvent[]>;
  /** Pods of a pipeline alive at any time in the window. */
  podLifecycles(
    pipelineRef: string,
    window: TimeWindow,
  ): Promise<PodLifecycle[]>;
  /** Pods created in the window on a cluster (for pending-time stats). */
  podLifecyclesCreated(
    cluster: string,
    window: TimeWindow,
  ): Promise<PodLifecycle[]>;
  /** NodeClaims of a cluster alive at any time in the window (only those of `nodeNames`, when given). */
  nodeClaimLifecycles(
    cluster: string,
    window: TimeWindow,
    options?: { nodeNames?: string[] },
  ): Promise<NodeClaimLifecycle[]>;

  pipelineSamples(
    pipelineRefs: string[],
    window: TimeWindow,
  ): Promise<PipelineSample[]>;
  lagSamples(pipelineRefs: string[], window: TimeWindow): Promise<LagSample[]>;
  /** The newest lag sample of each pipeline (for replicas that did not poll). */
  latestLagSamples(since: number): Promise<LagSample[]>;
  nodePoolSamples(
    cluster: string | undefined,
    window: TimeWindow,
  ): Promise<NodePoolSample[]>;
  hourlyPipelineRollups(
    pipelineRefs: string[],
    window: TimeWindow,
  ): Promise<HourlyPipelineRollup[]>;
  hourlyLagRollups(
    pipelineRefs: string[],
    window: TimeWindow,
  ): Promise<HourlyLagRollup[]>;
  hourlyNodePoolRollups(
    cluster: string | undefined,
    window: TimeWindow,
  ): Promise<HourlyNodePoolRollup[]>;
  /**
   * Each pipeline's cost per UTC day from the hourly rollups whose hour
   * starts in the window, in one query for all the pipelines; days without
   * rollups are left out. Ordered by pipeline ref, then day.
   */
  dailyPipelineCosts(
    pipelineRefs: string[],
    window: TimeWindow,
  ): Promise<DailyPipelineCost[]>;

  /** Rolls complete hours of minute samples up (idempotent; re-rolls an hour if run again). Returns hours written. */
  rollUp(until: number): Promise<number>;
  /** Deletes what is older than retention. Returns rows deleted. */
  applyRetention(now: number, retention: RetentionSettings): Promise<number>;
}
