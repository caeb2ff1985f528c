import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  CostFigures,
  PipelineSummary,
  TeamPipelineFigures,
  TeamSummaryResponse,
} from '@internal/backstage-plugin-streaming-platform-common';
import { http, HttpResponse } from 'msw';
import { Suspense } from 'react';
import { useLocation } from 'react-router-dom';
import { streamingPlatformApiRef } from '../api';
import { BACKEND, testClient } from './fixtures';

/** The team dashboard's test data: a pipeline with its 24-hour figures. */
export interface TeamPipelineFixture {
  ref: string;
  jobState?: string;
  lagSeconds?: number;
  lagTargetSeconds?: number;
  parallelism?: number;
  spotNow?: number;
  vcpuNow?: number;
  spot24h?: number;
  vcpuHours24h?: number;
  breaches24h?: number;
  breachSeconds24h?: number;
  /** Cost of the last 24 hours and its on-demand equivalent; absent: withheld. */
  cost?: { usd: number; onDemandUsd: number };
  costPerDay7d?: number[];
}

const HOUR = 3600_000;
const NOW = Date.parse('2026-11-28T12:00:00Z');

function costFigures(usd: number, onDemandUsd: number): CostFigures {
  return {
    usd,
    onDemandEquivalentUsd: onDemandUsd,
    spotSavings: onDemandUsd > 0 ? 1 - usd / onDemandUsd : undefined,
    priceSources: ['price-list', 'spot-price-history'],
  };
}

/** A pipeline as the team summary lists it. */
export function teamPipeline(p: TeamPipelineFixture): PipelineSummary {
  const [cluster, namespace, name] = p.ref.split('/');
  const target = p.lagTargetSeconds ?? 60;
  const vcpu = p.vcpuNow ?? 4;
  const spot = p.spotNow ?? 1;
  return {
    ref: p.ref,
    cluster,
    namespace,
    name,
    team: namespace,
    jobState: p.jobState ?? 'RUNNING',
    lifecycleState: 'STABLE',
    parallelism: p.parallelism ?? 2,
    taskManagers: { ready: 1, total: 1 },
    spotMixNow: { spot, onDemand: 1 - spot, reserved: 0, vcpuHours: vcpu },
    lag: {
      targetSeconds: target,
      breached: p.lagSeconds !== undefined && p.lagSeconds > target,
      latest:
        p.lagSeconds === undefined
          ? undefined
          : {
              at: new Date(NOW).toISOString(),
              timeLagSeconds: p.lagSeconds,
            },
    },
    costPerHour: p.cost
      ? costFigures(p.cost.usd / 24, p.cost.onDemandUsd / 24)
      : undefined,
  };
}

/** A pipeline's 24-hour figures as the team summary has them. */
export function teamFigures(p: TeamPipelineFixture): TeamPipelineFigures {
  const spot = p.spot24h ?? 1;
  return {
    ref: p.ref,
    lagSparkline: {
      from: new Date(NOW - 24 * HOUR).toISOString(),
      stepSeconds: HOUR / 1000,
      timeLagSeconds: Array.from(
        { length: 24 },
        (_, i) => (p.lagSeconds ?? 10) * (0.5 + (i % 5) / 4),
      ),
    },
    lagBreaches24h: p.breaches24h ?? 0,
    lagBreachSeconds24h: p.breachSeconds24h ?? 0,
    spotMix24h: {
      spot,
      onDemand: 1 - spot,
      reserved: 0,
      vcpuHours: p.vcpuHours24h ?? 96,
    },
    cost24h: p.cost ? costFigures(p.cost.usd, p.cost.onDemandUsd) : undefined,
    costPerDay7d: p.cost
      ? (p.costPerDay7d ?? [1, 2, 3, 4, 5, 6, p.cost.usd]).map((usd, i) => ({
          day: new Date(NOW - (6 - i) * 24 * HOUR).toISOString().slice(0, 10),
          usd,
          onDemandEquivalentUsd: usd * 1.5,
        }))
      : undefined,
  };
}

/** A team summary of these pipelines, with everything current. */
export function teamSummary(
  group: string,
  pipelines: TeamPipelineFixture[],
  extra: Partial<TeamSummaryResponse> = {},
): TeamSummaryResponse {
  const withCost = pipelines.filter(p => p.cost);
  const allCost = withCost.length === pipelines.length && pipelines.length > 0;
  const sum = (f: (p: TeamPipelineFixture) => number) =>
    withCost.reduce((total, p) => total + f(p), 0);
  return {
    group,
    pipelines: pipelines.map(teamPipeline),
    unmatched: [],
    lagBreachSeconds24h: Object.fromEntries(
      pipelines.map(p => [p.ref, p.breachSeconds24h ?? 0]),
    ),
    figures: Object.fromEntries(pipelines.map(p => [p.ref, teamFigures(p)])),
    spotMix24h: { spot: 0.8, onDemand: 0.2, reserved: 0, vcpuHours: 100 },
    ...(allCost
      ? {
          cost24h: costFigures(
            sum(p => p.cost!.usd),
            sum(p => p.cost!.onDemandUsd),
          ),
          costPrevious24h: costFigures(
            sum(p => p.cost!.usd) * 0.8,
            sum(p => p.cost!.onDemandUsd),
          ),
        }
      : {}),
    recentEpisodes: [],
    scalingResponse: { count: 0 },
    sources: [
      {
        kind: 'kubernetes',
        id: 'eks-test',
        state: 'ok',
        message: 'Watching; data is current.',
        lastSuccessAt: new Date().toISOString(),
      },
    ],
    ...extra,
  };
}

/**
 * msw handler for GET /teams/summary: `answer` per requested group (a
 * summary, or an error status), recording each group asked for in `asked`.
 */
export function teamSummaryHandler(
  answer: (
    group: string,
  ) =>
    | TeamSummaryResponse
    | { status: number; message: string }
    | Promise<TeamSummaryResponse>,
  asked: string[] = [],
) {
  return http.get(`${BACKEND}/teams/summary`, async ({ request }) => {
    const group = new URL(request.url).searchParams.get('group') ?? '';
    asked.push(group);
    const body = await answer(group);
    if ('status' in body) {
      return HttpResponse.json(
        {
          error: { name: 'Error', message: body.message },
          request: { method: 'GET', url: '/teams/summary' },
          response: { statusCode: body.status },
        },
        { status: body.status },
      );
    }
    return HttpResponse.json(body);
  });
}

export function groupEntityOf(name: string, title?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default', title },
    spec: { type: 'team', children: [] },
  };
}

/** Shows the current location, so a test can read what the URL says. */
export function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.search}</output>;
}

/**
 * Renders `element` in a test app with the real client (msw answers), an
 * in-memory catalog of `entities`, a signed-in user owning `ownership`, the
 * catalog's entity route mounted, and the app at `route`.
 */
export function renderTeamApp(
  element: JSX.Element,
  options: {
    entities?: Entity[];
    ownership?: string[];
    route?: string;
  } = {},
) {
  return renderInTestApp(<Suspense fallback="loading">{element}</Suspense>, {
    apis: [
      [streamingPlatformApiRef, testClient()],
      [catalogApiRef, catalogApiMock({ entities: options.entities ?? [] })],
      mockApis.identity({
        userEntityRef: 'user:default/lead',
        ownershipEntityRefs: options.ownership ?? ['user:default/lead'],
      }),
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    initialRouteEntries: options.route ? [options.route] : undefined,
  });
}
