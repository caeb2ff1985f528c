import {
  DataSourceStatus,
  PipelineDetailResponse,
  PipelineEventsResponse,
  PipelineNodesResponse,
  PipelineSeriesPoint,
  PipelineTimeSeriesResponse,
  ScalingEpisode,
  ScalingEvent,
} from '@internal/backstage-plugin-streaming-platform-common';
import { http, HttpResponse } from 'msw';
import { BACKEND } from '../../../__testUtils__/fixtures';

/*
 * One pipeline, fraud-scoring, over the last 6 hours: scaled down 6 → 4
 * five hours ago, then lag rose above its 120 s target 40 minutes ago (to
 * 164 s), the autoscaler scaled it up 4 → 8 onto a new spot node, and lag
 * recovered. Times are relative to when the tests run.
 */

export const REF = 'eks-prod/risk/fraud-scoring';
export const NOW = Date.now();
const STEP_SECONDS = 240;
const FROM = NOW - 6 * 3600_000;

/** An instant `minutes` before now. */
export const ago = (minutes: number) =>
  new Date(NOW - minutes * 60_000).toISOString();

export const okSources: DataSourceStatus[] = [
  {
    kind: 'kubernetes',
    id: 'eks-prod',
    state: 'ok',
    message: 'watching; data is current',
    lastSuccessAt: ago(0),
  },
  {
    kind: 'cloudwatch',
    id: 'eu-west-1',
    state: 'ok',
    message: 'CloudWatch AWS/Kafka metrics read each minute',
    lastSuccessAt: ago(0),
  },
  {
    kind: 'prices',
    id: 'eu-west-1',
    state: 'ok',
    message: 'On-demand prices (AWS Price List), spot price history',
    lastSuccessAt: ago(10),
  },
];

/** The CloudWatch source failing for 12 minutes: answers carry older lag. */
export const staleCloudWatch: DataSourceStatus = {
  kind: 'cloudwatch',
  id: 'eu-west-1',
  state: 'stale',
  message: 'CloudWatch is throttling GetMetricData; showing the last readings',
  lastSuccessAt: ago(12),
  error: { name: 'ThrottlingException', message: 'Rate exceeded' },
};

export const scaleUp: ScalingEpisode = {
  id: `${REF}@${ago(39)}`,
  pipelineRef: REF,
  direction: 'up',
  triggerAt: ago(41),
  decidedAt: ago(39),
  taskManagersReadyAt: ago(35),
  runningAt: ago(34),
  recoveredAt: ago(28),
  parallelismBefore: 4,
  parallelismAfter: 8,
  taskManagerDelta: 2,
  nodesLaunched: { spot: 1, 'on-demand': 0, reserved: 0 },
  phases: { decision: 120, capacity: 180, startup: 120, recovery: 360 },
  responseSeconds: 360,
  state: 'complete',
};

export const scaleDown: ScalingEpisode = {
  id: `${REF}@${ago(299)}`,
  pipelineRef: REF,
  direction: 'down',
  triggerAt: ago(300),
  decidedAt: ago(299),
  runningAt: ago(297),
  parallelismBefore: 6,
  parallelismAfter: 4,
  taskManagerDelta: -1,
  nodesLaunched: { spot: 0, 'on-demand': 0, reserved: 0 },
  phases: { decision: 60 },
  state: 'complete',
};

export function pipelineDetail(
  overrides: Partial<PipelineDetailResponse> = {},
): PipelineDetailResponse {
  return {
    pipeline: {
      ref: REF,
      cluster: 'eks-prod',
      namespace: 'risk',
      name: 'fraud-scoring',
      team: 'team-risk',
      jobState: 'RUNNING',
      lifecycleState: 'STABLE',
      parallelism: 8,
      taskManagers: { ready: 4, total: 4 },
      spotMixNow: { spot: 0.96, onDemand: 0.04, reserved: 0, vcpuHours: 12.5 },
      lag: {
        targetSeconds: 120,
        latest: { at: ago(1), timeLagSeconds: 164 },
        breached: true,
      },
      costPerHour: {
        usd: 0.42,
        onDemandEquivalentUsd: 1.1,
        spotSavings: 1 - 0.42 / 1.1,
        priceSources: ['spot-price-history', 'price-list'],
      },
    },
    lastEpisode: scaleUp,
    sources: okSources,
    ...overrides,
  };
}

/** Minutes ago, for point `i` of 90 four-minute points over 6 hours. */
const minutesAgo = (i: number) =>
  (NOW - (FROM + i * STEP_SECONDS * 1000)) / 60_000;

function point(i: number): PipelineSeriesPoint {
  const m = minutesAgo(i);
  const breach: Record<number, number> = { 80: 130, 81: 164, 82: 150 };
  let shape = {
    parallelism: 8,
    taskManagers: 4,
    spot: 12,
    cost: 0.42,
    od: 1.1,
  };
  if (m > 299) {
    shape = { parallelism: 6, taskManagers: 3, spot: 9, cost: 0.32, od: 0.85 };
  } else if (m > 37) {
    shape = { parallelism: 4, taskManagers: 2, spot: 6, cost: 0.23, od: 0.6 };
  }
  return {
    at: new Date(FROM + i * STEP_SECONDS * 1000).toISOString(),
    timeLagSeconds: breach[i] ?? 40,
    sumOffsetLag: 1200,
    parallelism: shape.parallelism,
    taskManagers: shape.taskManagers,
    vcpuByCapacityType: { spot: shape.spot, 'on-demand': 0.5, reserved: 0 },
    costPerHourUsd: shape.cost,
    onDemandEquivalentPerHourUsd: shape.od,
  };
}

export function timeSeries(
  overrides: Partial<PipelineTimeSeriesResponse> = {},
): PipelineTimeSeriesResponse {
  return {
    from: new Date(FROM).toISOString(),
    to: new Date(NOW).toISOString(),
    stepSeconds: STEP_SECONDS,
    resolution: 'minute',
    points: Array.from({ length: 90 }, (_, i) => point(i)),
    sources: okSources,
    ...overrides,
  };
}

/** The series as the backend sends it to a user without the cost permission. */
export function timeSeriesWithoutCost(): PipelineTimeSeriesResponse {
  const series = timeSeries();
  return {
    ...series,
    points: series.points.map(
      ({ costPerHourUsd, onDemandEquivalentPerHourUsd, ...rest }) => rest,
    ),
  };
}

function event(
  minutes: number,
  source: ScalingEvent['source'],
  reason: string,
  object: string,
  message: string,
  extra: Partial<ScalingEvent> = {},
): ScalingEvent {
  return {
    id: `${reason}-${minutes}`,
    at: ago(minutes),
    source,
    reason,
    type: 'Normal',
    object,
    message,
    ...extra,
  };
}

export const scalingEvents: ScalingEvent[] = [
  event(
    20,
    'karpenter',
    'SpotInterrupted',
    'NodeClaim/flink-spot-a81cd',
    'Spot interruption warning received',
    { type: 'Warning' },
  ),
  event(
    34,
    'flink-operator',
    'JobStatusChanged',
    'FlinkDeployment/fraud-scoring',
    'Job status changed from RECONCILING to RUNNING',
  ),
  event(
    35,
    'kubelet',
    'Started',
    'Pod/fraud-scoring-taskmanager-1-4',
    'Started container flink-main-container',
  ),
  event(
    37,
    'karpenter',
    'Ready',
    'NodeClaim/flink-spot-x7k2p',
    'Status condition transitioned, Type: Ready, Status: True',
  ),
  event(
    38.8,
    'karpenter',
    'Launched',
    'NodeClaim/flink-spot-x7k2p',
    'Launched NodeClaim (m6g.xlarge, spot, eu-west-1a)',
  ),
  event(
    38.9,
    'scheduler',
    'FailedScheduling',
    'Pod/fraud-scoring-taskmanager-1-4',
    '0/6 nodes are available: 6 Insufficient cpu.',
    { type: 'Warning' },
  ),
  event(
    39,
    'flink-operator',
    'ScalingReport',
    'FlinkDeployment/fraud-scoring',
    'Scaling vertices: Source: transactions 4 -> 8',
    { vertexChanges: [{ vertex: 'Source: transactions', from: 4, to: 8 }] },
  ),
  event(
    299,
    'flink-operator',
    'ScalingReport',
    'FlinkDeployment/fraud-scoring',
    'Scaling vertices: Source: transactions 6 -> 4',
    { vertexChanges: [{ vertex: 'Source: transactions', from: 6, to: 4 }] },
  ),
];

export function pipelineEvents(
  overrides: Partial<PipelineEventsResponse> = {},
): PipelineEventsResponse {
  return {
    events: scalingEvents,
    episodes: [scaleUp, scaleDown],
    sources: okSources,
    ...overrides,
  };
}

export function pipelineNodes(
  overrides: Partial<PipelineNodesResponse> = {},
): PipelineNodesResponse {
  return {
    from: new Date(FROM).toISOString(),
    to: new Date(NOW).toISOString(),
    nodes: [
      {
        name: 'ip-10-12-3-41.eu-west-1.compute.internal',
        nodeClaim: 'flink-spot-x7k2p',
        nodePool: 'flink-spot',
        instanceType: 'm6g.xlarge',
        zone: 'eu-west-1a',
        capacityType: 'spot',
        usdPerHour: 0.0594,
        priceSource: 'spot-price-history',
        from: ago(38),
        pods: 2,
      },
      {
        name: 'ip-10-12-1-7.eu-west-1.compute.internal',
        nodeClaim: 'flink-spot-a81cd',
        nodePool: 'flink-spot',
        instanceType: 'm6g.xlarge',
        zone: 'eu-west-1b',
        capacityType: 'spot',
        usdPerHour: 0.0612,
        priceSource: 'spot-price-history',
        from: ago(360),
        to: ago(20),
        pods: 2,
      },
      {
        name: 'ip-10-12-5-200.eu-west-1.compute.internal',
        nodeClaim: 'flink-on-demand-q2w9e',
        nodePool: 'flink-on-demand',
        instanceType: 'm6g.large',
        zone: 'eu-west-1a',
        capacityType: 'on-demand',
        usdPerHour: 0.077,
        priceSource: 'price-list',
        from: ago(360),
        pods: 1,
      },
    ],
    sources: okSources,
    ...overrides,
  };
}

/** A backend error as the client sees it: Backstage's error body and a status. */
export interface Failure {
  status: number;
  message: string;
}

const answer = (body: object | Failure, path: string) =>
  'status' in body
    ? HttpResponse.json(
        {
          error: { name: 'Error', message: body.message },
          request: { method: 'GET', url: path },
          response: { statusCode: body.status },
        },
        { status: body.status },
      )
    : HttpResponse.json(body);

/**
 * msw handlers for every request of the pipeline page, each answering with
 * the fixture above unless told otherwise (another body, a Failure, or a
 * promise that never settles, for loading).
 */
export function pipelineHandlers(
  options: {
    detail?: PipelineDetailResponse | Failure | 'pending';
    series?: PipelineTimeSeriesResponse | Failure | 'pending';
    events?: PipelineEventsResponse | Failure | 'pending';
    nodes?: PipelineNodesResponse | Failure | 'pending';
  } = {},
) {
  const base = `${BACKEND}/pipelines/${REF}`;
  const handle = (
    path: string,
    body: object | Failure | 'pending' | undefined,
    fallback: () => object,
  ) =>
    http.get(path, () =>
      body === 'pending'
        ? new Promise<never>(() => {})
        : answer(body ?? fallback(), new URL(path).pathname),
    );
  return [
    handle(base, options.detail, pipelineDetail),
    handle(`${base}/timeseries`, options.series, timeSeries),
    handle(`${base}/events`, options.events, pipelineEvents),
    handle(`${base}/nodes`, options.nodes, pipelineNodes),
  ];
}
