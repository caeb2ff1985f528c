import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { streamingPlatformPlugin } from './plugin';

async function startBackend(
  streamingPlatform: object = { source: 'clusters' },
) {
  const { server } = await startTestBackend({
    features: [
      streamingPlatformPlugin,
      mockServices.rootConfig.factory({
        data: { streamingPlatform },
      }),
    ],
  });
  return server;
}

describe('streaming-platform backend', () => {
  it('answers /health without credentials', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/streaming-platform/health')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('refuses /pipelines without credentials', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/streaming-platform/pipelines')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
    expect(res.body.error.name).toBe('AuthenticationError');
  });

  it('lists no pipelines, and says why, while nothing is ingested', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/streaming-platform/pipelines')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [],
      sources: [
        {
          kind: 'kubernetes',
          id: '*',
          state: 'not-connected',
          message: expect.stringContaining('knows no pipelines'),
        },
      ],
    });
  });

  it('reports each configured cluster, filtered by the cluster parameter', async () => {
    const server = await startBackend({
      source: 'clusters',
      clusters: [
        { name: 'eks-a', url: 'https://a.example.com', authProvider: 'aws' },
        { name: 'eks-b', url: 'https://b.example.com', authProvider: 'aws' },
      ],
    });
    const all = await request(server)
      .get('/api/streaming-platform/pipelines')
      .set('Authorization', mockCredentials.user.header());
    expect(all.body.sources.map((s: { id: string }) => s.id)).toEqual([
      'eks-a',
      'eks-b',
    ]);

    const one = await request(server)
      .get('/api/streaming-platform/pipelines?cluster=eks-b')
      .set('Authorization', mockCredentials.user.header());
    expect(one.status).toBe(200);
    expect(one.body.sources).toEqual([
      expect.objectContaining({ id: 'eks-b', state: 'not-connected' }),
    ]);
  });

  it.each([
    ['cluster=a%2Fb', /cluster/],
    ['cluster=', /cluster/],
    ['owner=group:default/x', /owner/],
  ])('answers 400 naming the parameter for ?%s', async (query, message) => {
    const server = await startBackend();
    const res = await request(server)
      .get(`/api/streaming-platform/pipelines?${query}`)
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(message);
    expect(res.body.error.stack).toBeUndefined();
  });

  it('serves its OpenAPI document to signed-in callers', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/streaming-platform/openapi.json')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual([
      '/api/streaming-platform/health',
      '/api/streaming-platform/pipelines',
    ]);
  });

  it('starts the platform emulator by default and reports its cluster', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-'));
    try {
      const server = await startBackend({
        emulator: { dataDir, warmupMinutes: 0 },
      });
      const res = await request(server)
        .get('/api/streaming-platform/pipelines')
        .set('Authorization', mockCredentials.user.header());
      expect(res.body.sources).toEqual([
        {
          kind: 'kubernetes',
          id: 'eks-demo-eu-west-1',
          state: 'not-connected',
          message: expect.stringContaining('platform emulator, scenario demo'),
        },
      ]);
      // A standard client can reach the emulated cluster with the kubeconfig.
      const kubeconfig = fs.readFileSync(
        path.join(dataDir, 'kubeconfig'),
        'utf8',
      );
      const url = /server: (\S+)/.exec(kubeconfig)![1];
      const nodes = await fetch(
        `${url}/apis/flink.apache.org/v1beta1/flinkdeployments`,
      );
      expect((await nodes.json()).items).toHaveLength(12);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses to start with a malformed cluster configuration', async () => {
    await expect(
      startBackend({
        source: 'clusters',
        clusters: [{ name: 'x y', authProvider: 'aws' }],
      }),
    ).rejects.toThrow("streamingPlatform.clusters[0].name 'x y' is invalid");
  });
});
