import {
  DataSourceStatus,
  NodePoolOverview,
  NodePoolSeriesPoint,
  PlatformOverviewResponse,
  PlatformTimeSeriesResponse,
} from '@internal/backstage-plugin-streaming-platform-common';
import { http, HttpResponse } from 'msw';
import { BACKEND } from '../../../__testUtils__/fixtures';

/*
 * A platform of two clusters as the backend answers for it, with figures
 * chosen so each shows as a distinct, exact string.
 */

export const minutesAgo = (minutes: number) =>
  new Date(Date.now() - minutes * 60_000).toISOString();

export const okSources = (): DataSourceStatus[] => [
  {
    kind: 'kubernetes',
    id: 'eks-prod',
    state: 'ok',
    message:
      "Emulated cluster 'eks-prod' (platform emulator, scenario demo): watching; data is current.",
    lastSuccessAt: minutesAgo(0),
    emulated: true,
  },
  {
    kind: 'kubernetes',
    id: 'eks-staging',
    state: 'ok',
    message: "Emulated cluster 'eks-staging': watching; data is current.",
    lastSuccessAt: minutesAgo(0),
    emulated: true,
  },
  {
    kind: 'prices',
    id: 'spot-price-history',
    state: 'ok',
    message: 'Spot prices are current.',
    lastSuccessAt: minutesAgo(10),
  },
  {
    kind: 'database',
    id: 'history',
    state: 'ok',
    message: 'Recording.',
    lastSuccessAt: minutesAgo(0),
  },
];

const pool = (
  overrides: Partial<NodePoolOverview> &
    Pick<NodePoolOverview, 'cluster' | 'name'>,
): NodePoolOverview => ({
  kind: 'karpenter',
  nodesByCapacityType: { spot: 0, 'on-demand': 0, reserved: 0 },
  vcpuByCapacityType: { spot: 0, 'on-demand': 0, reserved: 0 },
  spotShare: 0,
  nodeLaunchSeconds: { count: 0 },
  podPendingSeconds: { count: 0 },
  interruptions24h: 0,
  onDemandFallbacks24h: 0,
  consolidations24h: 0,
  ...overrides,
});

export function platformOverview(): PlatformOverviewResponse {
  return {
    clusters: [
      {
        name: 'eks-prod',
        pipelines: 14,
        nodes: 21,
        pods: 96,
        spotMixNow: {
          spot: 0.956,
          onDemand: 0.044,
          reserved: 0,
          vcpuHours: 80,
        },
        costPerHour: {
          usd: 12.4,
          onDemandEquivalentUsd: 18.6,
          spotSavings: 1 - 12.4 / 18.6,
          priceSources: ['spot-price-history', 'price-list'],
        },
        idleCostPerHourUsd: 1.85,
      },
      {
        name: 'eks-staging',
        pipelines: 3,
        nodes: 4,
        pods: 9,
        spotMixNow: { spot: 0.5, onDemand: 0.5, reserved: 0, vcpuHours: 8 },
        costPerHour: {
          usd: 2.75,
          onDemandEquivalentUsd: 3.3,
          spotSavings: 1 - 2.75 / 3.3,
          priceSources: ['fallback-table'],
        },
        idleCostPerHourUsd: 0.42,
      },
    ],
    nodePools: [
      pool({
        cluster: 'eks-prod',
        name: 'flink-spot',
        nodesByCapacityType: { spot: 16, 'on-demand': 2, reserved: 0 },
        vcpuByCapacityType: { spot: 64, 'on-demand': 8, reserved: 0 },
        spotShare: 64 / 72,
        costPerHour: {
          usd: 9.3,
          onDemandEquivalentUsd: 15.1,
          spotSavings: 1 - 9.3 / 15.1,
          priceSources: ['spot-price-history', 'price-list'],
        },
        idleCostPerHourUsd: 1.2,
        nodeLaunchSeconds: { count: 14, p50: 48, p95: 95, max: 120 },
        podPendingSeconds: { count: 63, p50: 12, p95: 64, max: 90 },
        interruptions24h: 3,
        onDemandFallbacks24h: 2,
        consolidations24h: 5,
      }),
      pool({
        cluster: 'eks-prod',
        name: 'system',
        kind: 'node-group',
        nodesByCapacityType: { spot: 0, 'on-demand': 3, reserved: 0 },
        vcpuByCapacityType: { spot: 0, 'on-demand': 12, reserved: 0 },
        spotShare: 0,
        costPerHour: {
          usd: 3.1,
          onDemandEquivalentUsd: 3.1,
          spotSavings: 0,
          priceSources: ['price-list'],
        },
        idleCostPerHourUsd: 0.65,
      }),
      pool({
        cluster: 'eks-staging',
        name: 'flink-staging',
        nodesByCapacityType: { spot: 2, 'on-demand': 2, reserved: 0 },
        vcpuByCapacityType: { spot: 8, 'on-demand': 8, reserved: 0 },
        spotShare: 0.5,
        costPerHour: {
          usd: 2.75,
          onDemandEquivalentUsd: 3.3,
          spotSavings: 1 - 2.75 / 3.3,
          priceSources: ['fallback-table'],
        },
        idleCostPerHourUsd: 0.42,
        nodeLaunchSeconds: { count: 4, p50: 55, p95: 70 },
        podPendingSeconds: { count: 9, p50: 20, p95: 41 },
        interruptions24h: 1,
      }),
    ],
    stuckOnDemand: [
      {
        ref: 'eks-prod/payments/card-authorizations',
        cluster: 'eks-prod',
        team: 'team-payments',
        onDemandShareNow: 0.82,
        since: minutesAgo(210),
        hours: 3.5,
        costPerHour: {
          usd: 2.15,
          onDemandEquivalentUsd: 2.3,
          spotSavings: 1 - 2.15 / 2.3,
          priceSources: ['price-list'],
        },
      },
      {
        ref: 'eks-staging/growth/clickstream',
        cluster: 'eks-staging',
        onDemandShareNow: 0.6,
        since: minutesAgo(75),
        hours: 1.25,
        costPerHour: {
          usd: 0.48,
          onDemandEquivalentUsd: 0.5,
          spotSavings: 0.04,
          priceSources: ['fallback-table'],
        },
      },
    ],
    sources: okSources(),
  };
}

/** The same platform for a user who may not read cost: every cost field left out. */
export function withoutCost(
  overview: PlatformOverviewResponse,
): PlatformOverviewResponse {
  return {
    ...overview,
    clusters: overview.clusters.map(
      ({ costPerHour, idleCostPerHourUsd, ...rest }) => rest,
    ),
    nodePools: overview.nodePools.map(
      ({ costPerHour, idleCostPerHourUsd, ...rest }) => rest,
    ),
    stuckOnDemand: overview.stuckOnDemand.map(
      ({ costPerHour, ...rest }) => rest,
    ),
  };
}

const point = (
  minutesBefore: number,
  spot: number,
  onDemand: number,
  cost: number,
): NodePoolSeriesPoint => ({
  at: minutesAgo(minutesBefore),
  nodesByCapacityType: { spot, 'on-demand': onDemand, reserved: 0 },
  vcpuByCapacityType: {
    spot: spot * 4,
    'on-demand': onDemand * 4,
    reserved: 0,
  },
  costPerHourUsd: cost,
  onDemandEquivalentPerHourUsd: cost * 1.5,
  idleCostPerHourUsd: cost / 10,
});

/** A series of three steps for whatever scope was asked. */
export function timeSeries(query: {
  cluster?: string;
  nodePool?: string;
}): PlatformTimeSeriesResponse {
  const flinkSpot = query.nodePool === 'flink-spot';
  return {
    ...(query.cluster ? { cluster: query.cluster } : {}),
    ...(query.nodePool ? { nodePool: query.nodePool } : {}),
    from: minutesAgo(24 * 60),
    to: minutesAgo(0),
    stepSeconds: 180,
    resolution: 'minute',
    points: flinkSpot
      ? [point(9, 14, 1, 8), point(6, 15, 2, 9), point(3, 16, 2, 9.3)]
      : [point(9, 17, 3, 11), point(6, 18, 4, 12), point(3, 16, 5, 12.4)],
    sources: okSources(),
  };
}

const errorBody = (status: number, message: string, url: string) =>
  HttpResponse.json(
    {
      error: { name: status === 403 ? 'NotAllowedError' : 'Error', message },
      request: { method: 'GET', url },
      response: { statusCode: status },
    },
    { status },
  );

/** msw: GET /platform/overview answers `body`, or fails with a status. */
export function overviewHandler(
  body: PlatformOverviewResponse | { status: number; message: string },
) {
  return http.get(`${BACKEND}/platform/overview`, () =>
    'status' in body
      ? errorBody(body.status, body.message, '/platform/overview')
      : HttpResponse.json(body),
  );
}

/**
 * msw: GET /platform/timeseries answers per scope (or fails), and records
 * what it was asked.
 */
export function timeSeriesHandler(
  answer:
    | ((query: {
        cluster?: string;
        nodePool?: string;
      }) => PlatformTimeSeriesResponse)
    | { status: number; message: string } = timeSeries,
  asked: URLSearchParams[] = [],
) {
  return http.get(`${BACKEND}/platform/timeseries`, ({ request }) => {
    const params = new URL(request.url).searchParams;
    asked.push(params);
    if (typeof answer !== 'function') {
      return errorBody(answer.status, answer.message, '/platform/timeseries');
    }
    return HttpResponse.json(
      answer({
        cluster: params.get('cluster') ?? undefined,
        nodePool: params.get('nodePool') ?? undefined,
      }),
    );
  });
}
