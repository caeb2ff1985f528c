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
});
