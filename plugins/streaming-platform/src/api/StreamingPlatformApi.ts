import { createApiRef } from '@backstage/core-plugin-api';
import {
  CostEstimateRequest,
  CostEstimateResponse,
  HealthResponse,
  PipelineDetailResponse,
  PipelineEventsResponse,
  PipelineListResponse,
  PipelineNodesResponse,
  PipelinePodsResponse,
  PipelineSeriesName,
  PipelineTimeSeriesResponse,
  PlatformOverviewResponse,
  PlatformTimeSeriesResponse,
  SelfServiceOptionsResponse,
  TeamSummaryResponse,
} from '@internal/backstage-plugin-streaming-platform-common';

/**
 * A time window: ISO 8601 instants; the backend defaults what is left out.
 *
 * @public
 */
export interface TimeWindow {
  from?: string;
  to?: string;
}

/**
 * The streaming-platform backend, as the frontend sees it. Every answer but
 * health carries `sources`: the freshness of each upstream source behind it,
 * with a typed error where one failed, so a panel can show its last good data
 * and its age instead of failing.
 *
 * Every method throws `ResponseError` when the backend answers with an
 * error (400 for a malformed request, 401 without sign-in, 403 when the
 * permission `streaming-platform.pipeline.read` is denied, 404 for an unknown
 * pipeline), and an `AbortError` after 30 s without an answer.
 *
 * @public
 */
export interface StreamingPlatformApi {
  /** Whether the backend plugin is up; needs no sign-in. */
  getHealth(): Promise<HealthResponse>;

  /**
   * The pipelines the backend knows about.
   *
   * @param options - `cluster` limits the answer to one cluster; `owner`
   *   to pipelines whose catalog entity is owned by one of these entity refs.
   */
  listPipelines(options?: {
    cluster?: string;
    owner?: string[];
  }): Promise<PipelineListResponse>;

  /**
   * One pipeline now: job state, parallelism, TaskManagers, spot mix, cost
   * rate, lag against its target, and the last scaling episode.
   *
   * @param ref - `<cluster>/<namespace>/<name>`, the pipeline annotation's value.
   */
  getPipeline(ref: string): Promise<PipelineDetailResponse>;

  /**
   * A pipeline's recorded series over a window (default: the last 6 hours),
   * downsampled by the backend to a bounded number of points.
   *
   * @param options - `step` in seconds (at least); `series` to ask for only some.
   */
  getPipelineTimeSeries(
    ref: string,
    options?: TimeWindow & { step?: number; series?: PipelineSeriesName[] },
  ): Promise<PipelineTimeSeriesResponse>;

  /** A pipeline's recorded scaling events and the episodes built from them. */
  getPipelineEvents(
    ref: string,
    options?: TimeWindow & { limit?: number },
  ): Promise<PipelineEventsResponse>;

  /**
   * A pipeline's JobManager and TaskManager pods now, each with the node it
   * runs on (capacity type, instance type, zone, NodePool).
   */
  getPipelinePods(ref: string): Promise<PipelinePodsResponse>;

  /** The nodes a pipeline's pods ran on in a window, with their prices. */
  getPipelineNodes(
    ref: string,
    options?: TimeWindow,
  ): Promise<PipelineNodesResponse>;

  /**
   * A team's pipelines with their 24-hour figures, ownership read from the
   * catalog on behalf of the signed-in user.
   *
   * @param group - the Group's entity ref, e.g. `group:default/team-payments`.
   */
  getTeamSummary(group: string): Promise<TeamSummaryResponse>;

  /** Every cluster and NodePool now and over 24 hours. */
  getPlatformOverview(options?: {
    cluster?: string;
  }): Promise<PlatformOverviewResponse>;

  /** Nodes, vCPU and cost by capacity type over a window, for a cluster or NodePool. */
  getPlatformTimeSeries(
    options?: TimeWindow & {
      cluster?: string;
      nodePool?: string;
      step?: number;
    },
  ): Promise<PlatformTimeSeriesResponse>;

  /** What a planned pipeline would cost per hour, at today's prices. */
  estimateCost(request: CostEstimateRequest): Promise<CostEstimateResponse>;

  /**
   * What the "New Flink streaming pipeline" form may offer, from the
   * backend's configuration: the clusters, each with its region and the MSK
   * cluster it reads lag from, and whether the backend applies new pipelines
   * itself. Carries no `sources`: it is configuration, not live data.
   */
  getSelfServiceOptions(): Promise<SelfServiceOptionsResponse>;
}

/**
 * @public
 */
export const streamingPlatformApiRef = createApiRef<StreamingPlatformApi>({
  id: 'plugin.streaming-platform.service',
});
