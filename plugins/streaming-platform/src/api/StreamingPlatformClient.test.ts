import { mockApis } from '@backstage/frontend-test-utils';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { StreamingPlatformClient } from './StreamingPlatformClient';

const baseUrl = 'http://backstage.test/api/streaming-platform';

describe('StreamingPlatformClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new StreamingPlatformClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://backstage.test' }),
    fetchApi: { fetch: (...args: Parameters<typeof fetch>) => fetch(...args) },
  });

  it('lists pipelines, passing the cluster filter', async () => {
    let seenUrl = '';
    server.use(
      http.get(`${baseUrl}/pipelines`, ({ request }) => {
        seenUrl = request.url;
        return HttpResponse.json({ items: [], sources: [] });
      }),
    );
    await expect(client.listPipelines({ cluster: 'eks-a' })).resolves.toEqual({
      items: [],
      sources: [],
    });
    expect(new URL(seenUrl).searchParams.get('cluster')).toBe('eks-a');
  });

  it('throws a ResponseError carrying the backend error', async () => {
    server.use(
      http.get(`${baseUrl}/pipelines`, () =>
        HttpResponse.json(
          {
            error: { name: 'InputError', message: 'bad cluster' },
            request: { method: 'GET', url: '/pipelines' },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    await expect(client.listPipelines()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 400,
      body: { error: { name: 'InputError', message: 'bad cluster' } },
    });
  });

  it('builds each route from its arguments', async () => {
    const seen: string[] = [];
    server.use(
      http.all(`${baseUrl}/*`, ({ request }) => {
        seen.push(`${request.method} ${request.url.slice(baseUrl.length)}`);
        return HttpResponse.json({});
      }),
    );
    const window = {
      from: '2026-11-28T10:00:00.000Z',
      to: '2026-11-28T11:00:00.000Z',
    };
    await client.listPipelines({
      owner: ['group:default/a', 'group:default/b'],
    });
    await client.getPipeline('eks-a/payments/card auth');
    await client.getPipelineTimeSeries('eks-a/payments/cards', {
      ...window,
      step: 60,
      series: ['lag', 'cost'],
    });
    await client.getPipelineEvents('eks-a/payments/cards', { limit: 10 });
    await client.getPipelinePods('eks-a/payments/cards');
    await client.getPipelineNodes('eks-a/payments/cards', window);
    await client.getTeamSummary('group:default/team-payments');
    await client.getPlatformOverview({ cluster: 'eks-a' });
    await client.getPlatformTimeSeries({
      cluster: 'eks-a',
      nodePool: 'flink-spot',
    });
    await client.getSelfServiceOptions();
    expect(seen).toEqual([
      'GET /pipelines?owner=group%3Adefault%2Fa&owner=group%3Adefault%2Fb',
      'GET /pipelines/eks-a/payments/card%20auth',
      'GET /pipelines/eks-a/payments/cards/timeseries?from=2026-11-28T10%3A00%3A00.000Z&to=2026-11-28T11%3A00%3A00.000Z&step=60&series=lag&series=cost',
      'GET /pipelines/eks-a/payments/cards/events?limit=10',
      'GET /pipelines/eks-a/payments/cards/pods',
      'GET /pipelines/eks-a/payments/cards/nodes?from=2026-11-28T10%3A00%3A00.000Z&to=2026-11-28T11%3A00%3A00.000Z',
      'GET /teams/summary?group=group%3Adefault%2Fteam-payments',
      'GET /platform/overview?cluster=eks-a',
      'GET /platform/timeseries?cluster=eks-a&nodePool=flink-spot',
      'GET /self-service/options',
    ]);
  });

  it('posts a cost estimate as JSON', async () => {
    let body: unknown;
    server.use(
      http.post(`${baseUrl}/cost-estimate`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ assumedSpotShare: 0.9 });
      }),
    );
    const request = {
      cluster: 'eks-a',
      capacityProfile: 'spot-first' as const,
      taskManager: { cpuCores: 2, memoryGiB: 8 },
      jobManager: { cpuCores: 1, memoryGiB: 4 },
      taskSlots: 2,
      parallelism: { min: 2, max: 24 },
    };
    await expect(client.estimateCost(request)).resolves.toMatchObject({
      assumedSpotShare: 0.9,
    });
    expect(body).toEqual(request);
  });

  it("reads the form's options from the backend's configuration", async () => {
    const options = {
      clusters: [
        {
          name: 'eks-a',
          region: 'eu-west-1',
          mskClusterName: 'msk-a',
        },
      ],
      applyToCluster: true,
    };
    server.use(
      http.get(`${baseUrl}/self-service/options`, () =>
        HttpResponse.json(options),
      ),
    );
    await expect(client.getSelfServiceOptions()).resolves.toEqual(options);
  });

  it('rejects a pipeline reference that is not cluster/namespace/name', async () => {
    await expect(client.getPipeline('eks-a/cards')).rejects.toThrow(
      "Pipeline reference 'eks-a/cards' is not <cluster>/<namespace>/<name>",
    );
  });
});
