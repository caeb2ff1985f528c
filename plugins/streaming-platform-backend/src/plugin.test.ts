import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createServiceFactory,
  coreServices,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { streamingPlatformPlugin } from './plugin';
import { streamingPipelineConditions } from './permissions/rules';

jest.setTimeout(120_000);

const API = '/api/streaming-platform';
const CLUSTER = 'eks-demo-eu-west-1';
const CARD = `${CLUSTER}/payments/card-authorizations`;

/** The sample catalog's pipeline components, as the catalog serves them. */
const component = (namespace: string, name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: {
      'streaming-platform.io/pipeline': `${CLUSTER}/${namespace}/${name}`,
    },
  },
  spec: { type: 'streaming-pipeline', owner, lifecycle: 'production' },
  relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
});

const entities = [
  component('payments', 'card-authorizations', 'team-payments'),
  component('payments', 'payment-settlements', 'team-payments'),
  component('risk', 'fraud-scoring', 'team-risk'),
];

/** Permission decisions by permission name; default allow. */
function permissionsFactory(decide: (name: string) => PolicyDecision) {
  return createServiceFactory({
    service: coreServices.permissions,
    deps: {},
    factory: () => ({
      authorize: async requests =>
        requests.map(r => ({
          result:
            decide(r.permission.name).result === AuthorizeResult.DENY
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        })) as any,
      authorizeConditional: async requests =>
        requests.map(r => decide(r.permission.name)) as any,
    }),
  });
}

async function startBackend(options: {
  streamingPlatform: object;
  decide?: (name: string) => PolicyDecision;
}) {
  const { server } = await startTestBackend({
    features: [
      streamingPlatformPlugin,
      mockServices.rootConfig.factory({
        data: { streamingPlatform: options.streamingPlatform },
      }),
      catalogServiceMock.factory({ entities }),
      ...(options.decide ? [permissionsFactory(options.decide)] : []),
    ],
  });
  return server;
}

async function until<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise(r => setTimeout(r, 250));
  }
}

/** A new pipeline's parameters, free on the demo cluster and in the catalog. */
const parameters = {
  name: 'card-fraud-alerts',
  description: 'Flags likely card fraud',
  owner: 'group:default/team-payments',
  cluster: CLUSTER,
  namespace: 'payments',
  mskCluster: 'msk-demo-eu-west-1',
  topics: ['card-events'],
  consumerGroup: 'payments.card-fraud-alerts',
  startingOffsets: 'committed',
  partitions: 24,
  jarUri: 'local:///opt/flink/usrlib/card-fraud.jar',
  entryClass: 'com.example.CardFraud',
  flinkVersion: 'v1_20',
  taskManagerSize: 'small',
  parallelism: 4,
  minParallelism: 2,
  maxParallelism: 12,
  autoscaler: true,
  utilizationTarget: 0.7,
  lagTargetSeconds: 120,
  hecEndpoint: 'https://hec.example.com:8088',
  splunkIndex: 'payments',
  splunkSourcetype: 'flink',
  hecTokenSecret: 'streaming/payments/hec',
  capacityProfile: 'spot-first',
  checkpointIntervalSeconds: 60,
  checkpointS3Path: 's3://flink-state/card-fraud-alerts',
  upgradeMode: 'savepoint',
};

describe('streaming-platform backend on the embedded emulator', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-'));
  let server: Awaited<ReturnType<typeof startBackend>>;
  const get = (url: string) =>
    request(server)
      .get(`${API}${url}`)
      .set('Authorization', mockCredentials.user.header());

  beforeAll(async () => {
    server = await startBackend({
      streamingPlatform: { emulator: { dataDir, warmupMinutes: 20 } },
    });
    await until(
      () => get('/pipelines'),
      res => res.body.items?.length === 12,
    );
  });

  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('answers /health without credentials and refuses data without', async () => {
    const health = await request(server)
      .get(`${API}/health`)
      .set('Authorization', mockCredentials.none.header());
    expect(health.status).toBe(200);
    const denied = await request(server)
      .get(`${API}/pipelines`)
      .set('Authorization', mockCredentials.none.header());
    expect(denied.status).toBe(401);
    expect(denied.body.error.name).toBe('AuthenticationError');
  });

  it("lists the emulator's pipelines from its watches, saying where data comes from", async () => {
    const res = await get('/pipelines');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(12);
    const card = res.body.items.find(
      (p: { name: string }) => p.name === 'card-authorizations',
    );
    expect(card).toMatchObject({
      ref: `${CLUSTER}/payments/card-authorizations`,
      team: 'team-payments',
      jobState: expect.any(String),
      lag: { targetSeconds: 60 },
      costPerHour: { priceSources: expect.any(Array) },
    });
    expect(card.taskManagers.total).toBeGreaterThan(0);
    const kube = res.body.sources.find(
      (s: { kind: string }) => s.kind === 'kubernetes',
    );
    expect(kube).toMatchObject({ id: CLUSTER, state: 'ok' });
    expect(kube.message).toContain('platform emulator');
  });

  it('filters by owner through the catalog, and answers a team summary', async () => {
    const owned = await get('/pipelines?owner=group:default/team-payments');
    expect(owned.body.items.map((p: { name: string }) => p.name)).toEqual([
      'card-authorizations',
      'payment-settlements',
    ]);
    const team = await get('/teams/summary?group=group:default/team-risk');
    expect(team.status).toBe(200);
    expect(team.body.pipelines.map((p: { name: string }) => p.name)).toEqual([
      'fraud-scoring',
    ]);
    expect(team.body.sources).toContainEqual(
      expect.objectContaining({ kind: 'catalog', state: 'ok' }),
    );
  });

  it("gives each of a team's pipelines its sparkline, breaches, spot mix and daily cost", async () => {
    const url = '/teams/summary?group=group:default/team-payments';
    // Figures come from history read after the watches synced.
    const team = await until(
      () => get(url),
      res => Object.keys(res.body.figures ?? {}).length === 2,
    );
    expect(team.status).toBe(200);
    const refs = team.body.pipelines.map((p: { ref: string }) => p.ref);
    expect(Object.keys(team.body.figures).sort()).toEqual(refs);
    for (const ref of refs) {
      const figures = team.body.figures[ref];
      expect(figures).toMatchObject({
        ref,
        lagBreaches24h: expect.any(Number),
        lagBreachSeconds24h: team.body.lagBreachSeconds24h[ref],
        spotMix24h: expect.objectContaining({ vcpuHours: expect.any(Number) }),
        cost24h: expect.objectContaining({ priceSources: expect.any(Array) }),
      });
      // 24 clock hours, oldest first, an hour apart, the last the current.
      const { from, stepSeconds, timeLagSeconds } = figures.lagSparkline;
      expect(stepSeconds).toBe(3600);
      expect(timeLagSeconds).toHaveLength(24);
      const hours = timeLagSeconds.map(
        (_: unknown, i: number) => Date.parse(from) + i * 3_600_000,
      );
      // Computed at the last refresh: at most one hour boundary ago.
      const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
      expect(hours[23]).toBeGreaterThanOrEqual(hour - 3_600_000);
      expect(hours[23]).toBeLessThanOrEqual(hour);
      // At most 7 days, oldest first, each day's minutes at most a day's.
      expect(figures.costPerDay7d.length).toBeLessThanOrEqual(7);
      const days = figures.costPerDay7d.map((d: { day: string }) => d.day);
      expect([...days].sort()).toEqual(days);
      for (const day of figures.costPerDay7d) {
        expect(day.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(day.minutes).toBeGreaterThan(0);
        expect(day.minutes).toBeLessThanOrEqual(1440);
        expect(day.onDemandEquivalentUsd).toBeGreaterThanOrEqual(day.usd);
      }
    }
  });

  it('answers pipeline detail, time series, events, platform overview and a cost estimate', async () => {
    const ref = '/pipelines/eks-demo-eu-west-1/payments/card-authorizations';
    const detail = await get(ref);
    expect(detail.status).toBe(200);
    expect(detail.body.pipeline).toMatchObject({
      ref: CARD,
      taskManagers: { total: expect.any(Number) },
    });
    // Tagged, so a dashboard polling an unchanged answer gets a 304.
    const again = await request(server)
      .get(`${API}${ref}`)
      .set('Authorization', mockCredentials.user.header())
      .set('If-None-Match', detail.headers.etag);
    expect(again.status).toBe(304);
    // Gzipped for callers that take it (superagent asks for gzip), the
    // same answer in plain bytes for those that do not.
    expect(detail.headers['content-encoding']).toBe('gzip');
    expect(detail.headers.vary).toMatch(/Accept-Encoding/);
    const plain = await request(server)
      .get(`${API}${ref}`)
      .set('Authorization', mockCredentials.user.header())
      .set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.etag).toBe(detail.headers.etag);
    expect(plain.body).toEqual(detail.body);
    // The pods are their own answer: JobManager first, with its node.
    const pods = await get(`${ref}/pods`);
    expect(pods.status).toBe(200);
    expect(pods.body.pods.length).toBeGreaterThan(1);
    expect(pods.body.pods[0]).toMatchObject({
      role: 'jobmanager',
      capacityType: 'on-demand',
    });
    expect(
      pods.body.pods.filter((p: { role: string }) => p.role === 'taskmanager')
        .length,
    ).toBeGreaterThan(0);
    expect(pods.body.sources.map((s: { kind: string }) => s.kind)).toContain(
      'kubernetes',
    );
    expect((await get(`${ref.replace('card-', 'no-such-')}/pods`)).status).toBe(
      404,
    );
    // The newest scaling episode of the last 24 hours, when there was one.
    expect(detail.body.lastEpisode?.pipelineRef ?? CARD).toBe(CARD);
    expect(detail.body.scalingResponse.count).toBeGreaterThanOrEqual(
      detail.body.lastEpisode?.responseSeconds === undefined ? 0 : 1,
    );
    expect((await get(`${ref}/timeseries`)).status).toBe(200);
    expect((await get(`${ref}/events`)).status).toBe(200);
    const overview = await get('/platform/overview');
    expect(overview.status).toBe(200);
    expect(overview.body.stuckOnDemand).toEqual(expect.any(Array));
    for (const stuck of overview.body.stuckOnDemand) {
      expect(stuck.hours).toBeGreaterThanOrEqual(1);
      expect(stuck.costPerHour).toBeDefined();
    }
    expect(overview.body.clusters[0]).toMatchObject({
      name: CLUSTER,
      pipelines: 12,
    });
    expect(overview.body.nodePools.length).toBeGreaterThan(0);
    const estimate = await request(server)
      .post(`${API}/cost-estimate`)
      .set('Authorization', mockCredentials.user.header())
      .send({
        cluster: CLUSTER,
        capacityProfile: 'spot-first',
        taskManager: { cpuCores: 1, memoryGiB: 3 },
        jobManager: { cpuCores: 0.5, memoryGiB: 1.5 },
        taskSlots: 2,
        parallelism: { min: 2, max: 8 },
      });
    expect(estimate.status).toBe(200);
    expect(estimate.body.max.usd).toBeGreaterThan(estimate.body.min.usd);
    expect(estimate.body.max.onDemandEquivalentUsd).toBeGreaterThanOrEqual(
      estimate.body.max.usd,
    );
  });

  it('answers the nodes a pipeline ran on, with the nodes its pods are on now', async () => {
    const ref = '/pipelines/eks-demo-eu-west-1/payments/card-authorizations';
    type Pod = { name: string; nodeName?: string; phase: string };
    // The nodes of the pods running now are in the answer. A pod deleted
    // since is in neither the index nor, until the next write (2 s), the
    // history: ask again then.
    const running = (pods: Pod[]) =>
      pods.filter(p => p.nodeName && p.phase !== 'Terminating');
    const detail = await get(`${ref}/pods`);
    const res = await until(
      () => get(`${ref}/nodes`),
      r =>
        running(detail.body.pods).every((p: Pod) =>
          r.body.nodes?.some((n: { name: string }) => n.name === p.nodeName),
        ),
      10_000,
    );
    expect(res.status).toBe(200);
    // The last 6 hours by default.
    expect(Date.parse(res.body.to) - Date.parse(res.body.from)).toBe(
      6 * 3_600_000,
    );
    const names = res.body.nodes.map((n: { name: string }) => n.name);
    expect(new Set(names).size).toBe(names.length);
    for (const pod of running(detail.body.pods)) {
      expect(names).toContain(pod.nodeName);
    }
    for (const node of res.body.nodes) {
      expect(node).toMatchObject({
        capacityType: expect.stringMatching(/^(spot|on-demand|reserved)$/),
        usdPerHour: expect.any(Number),
        priceSource: expect.any(String),
      });
      expect(node.pods).toBeGreaterThan(0);
      expect(Date.parse(node.from)).toBeGreaterThanOrEqual(
        Date.parse(res.body.from),
      );
      expect(Date.parse(node.to ?? node.from)).toBeGreaterThanOrEqual(
        Date.parse(node.from),
      );
    }
    // Those of pods running before and after the answer are still in use.
    await new Promise(r => setTimeout(r, 1100));
    const after = await get(`${ref}/pods`);
    const throughout = running(detail.body.pods).filter((p: Pod) =>
      running(after.body.pods).some((q: Pod) => q.name === p.name),
    );
    const now = res.body.nodes.filter((n: { name: string }) =>
      throughout.some((p: Pod) => p.nodeName === n.name),
    );
    expect(now.length).toBeGreaterThan(0);
    expect(now.every((n: { to?: string }) => n.to === undefined)).toBe(true);
  });

  describe('self-service', () => {
    const post = (url: string, body: unknown) =>
      request(server)
        .post(`${API}${url}`)
        .set('Authorization', mockCredentials.user.header())
        .send(body as object);
    const flinkDeployment = (name: string, group: string) => ({
      apiVersion: 'flink.apache.org/v1beta1',
      kind: 'FlinkDeployment',
      metadata: {
        name,
        namespace: 'payments',
        annotations: {
          'streaming-platform.io/consumer-group': group,
          'streaming-platform.io/source-topic': 'card-events',
        },
      },
      spec: {
        image: 'flink:1.20-java17',
        flinkVersion: 'v1_20',
        serviceAccount: 'flink',
        flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '2' },
        jobManager: { resource: { cpu: 1, memory: '2048m' } },
        taskManager: { resource: { cpu: 1, memory: '4096m' } },
        job: {
          jarURI: 'local:///opt/flink/usrlib/card-fraud.jar',
          parallelism: 4,
          upgradeMode: 'savepoint',
          state: 'running',
        },
      },
    });

    it('offers the configured clusters and their MSK clusters', async () => {
      const res = await get('/self-service/options');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        clusters: [
          {
            name: CLUSTER,
            region: 'eu-west-1',
            mskClusterName: 'msk-demo-eu-west-1',
          },
        ],
        applyToCluster: true,
      });
    });

    it('validates a new pipeline: field rules, then names and groups already taken', async () => {
      const ok = await post('/self-service/validate', { parameters });
      expect(ok.status).toBe(200);
      expect(ok.body.problems).toEqual([]);
      // The role its pods assume, named by the emulator's default pattern.
      expect(ok.body.pipelineRoleArn).toBe(
        'arn:aws:iam::000000000000:role/flink-payments-card-fraud-alerts',
      );

      const taken = await post('/self-service/validate', {
        parameters: {
          ...parameters,
          name: 'card-authorizations',
          // The demo scenario's group of card-authorizations.
          consumerGroup: 'payments.card-authorizations',
          hecEndpoint: 'http://hec.example.com',
        },
      });
      expect(taken.status).toBe(200);
      const byField: Record<string, string> = {};
      for (const p of taken.body.problems) {
        byField[p.field] = `${byField[p.field] ?? ''}${p.message}\n`;
      }
      expect(byField.name).toMatch(/already runs on cluster/);
      expect(byField.name).toMatch(/catalog already has/);
      expect(byField.consumerGroup).toMatch(/is used by .*card-authorizations/);
      expect(byField.hecEndpoint).toMatch(/must use https/);

      // The catalog's names count too (read as the caller).
      const inCatalog = await post('/self-service/validate', {
        parameters: { ...parameters, name: 'fraud-scoring' },
      });
      expect(inCatalog.body.problems).toContainEqual({
        field: 'name',
        message: expect.stringMatching(
          /catalog already has component:default\/fraud-scoring/,
        ),
      });

      // A request that is not an object of parameters is a 400, not a 500.
      const malformed = await post('/self-service/validate', { parameters: 7 });
      expect(malformed.status).toBe(400);
    });

    it('applies a FlinkDeployment to the emulated cluster, where it starts running', async () => {
      const manifest = flinkDeployment(
        'card-fraud-alerts',
        'payments.card-fraud-alerts',
      );
      const dry = await post('/self-service/apply', {
        cluster: CLUSTER,
        namespace: 'payments',
        manifests: [manifest],
        dryRun: true,
      });
      expect(dry.status).toBe(200);
      expect(dry.body).toEqual({
        appliedToCluster: true,
        dryRun: true,
        objects: [
          expect.objectContaining({
            kind: 'FlinkDeployment',
            action: 'validated',
          }),
        ],
      });
      // A dry run stores nothing.
      await new Promise(r => setTimeout(r, 1500));
      expect(
        (await get(`/pipelines/${CLUSTER}/payments/card-fraud-alerts`)).status,
      ).toBe(404);

      const applied = await post('/self-service/apply', {
        cluster: CLUSTER,
        namespace: 'payments',
        manifests: [manifest],
      });
      expect(applied.status).toBe(200);
      expect(applied.body.objects).toEqual([
        expect.objectContaining({
          name: 'card-fraud-alerts',
          action: 'created',
        }),
      ]);
      // Karpenter's node, then the JobManager, then its TaskManagers: about
      // a minute on the emulator, longer on a busy machine.
      const running = await until(
        () => get(`/pipelines/${CLUSTER}/payments/card-fraud-alerts`),
        r => r.status === 200 && r.body.pipeline.taskManagers.ready > 0,
        200_000,
      );
      expect(running.status).toBe(200);
      expect(running.body.pipeline.taskManagers.ready).toBeGreaterThan(0);

      // Applying again changes nothing and says so.
      const again = await post('/self-service/apply', {
        cluster: CLUSTER,
        namespace: 'payments',
        manifests: [manifest],
      });
      expect(again.body.objects[0].action).toBe('configured');
    }, 240_000);

    it('refuses what a pipeline is not made of, and names what the API server rejects', async () => {
      const secret = await post('/self-service/apply', {
        cluster: CLUSTER,
        namespace: 'payments',
        manifests: [
          { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'hec' } },
        ],
      });
      expect(secret.status).toBe(400);
      expect(secret.body.error.message).toMatch(/v1 Secret may not be applied/);

      const invalid = flinkDeployment('bad-parallelism', 'payments.bad');
      (invalid.spec.job as any).parallelism = 'many';
      const rejected = await post('/self-service/apply', {
        cluster: CLUSTER,
        namespace: 'payments',
        manifests: [invalid],
      });
      expect(rejected.status).toBe(400);
      expect(rejected.body.error.name).toBe('InputError');
      expect(rejected.body.error.message).toMatch(/spec\.job\.parallelism/);

      const unknownCluster = await post('/self-service/apply', {
        cluster: 'eks-nowhere',
        namespace: 'payments',
        manifests: [invalid],
      });
      expect(unknownCluster.status).toBe(400);
    });
  });

  it('answers 404 for a pipeline it does not know', async () => {
    const res = await get('/pipelines/eks-demo-eu-west-1/payments/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.name).toBe('NotFoundError');
    const nodes = await get(
      '/pipelines/eks-demo-eu-west-1/payments/nope/nodes',
    );
    expect(nodes.status).toBe(404);
    expect(nodes.body.error.name).toBe('NotFoundError');
  });

  it.each([
    ['GET', '/pipelines?cluster=a%2Fb', 'cluster'],
    ['GET', '/pipelines?owner=not%20a%20ref', 'owner'],
    ['GET', '/pipelines/bad%20cluster/payments/x', 'cluster'],
    ['GET', '/pipelines/eks-demo-eu-west-1/Bad_NS/x', 'namespace'],
    [
      'GET',
      '/pipelines/eks-demo-eu-west-1/payments/card-authorizations/timeseries?step=5',
      'step',
    ],
    [
      'GET',
      '/pipelines/eks-demo-eu-west-1/payments/card-authorizations/timeseries?from=yesterday',
      'from',
    ],
    [
      'GET',
      '/pipelines/eks-demo-eu-west-1/payments/card-authorizations/timeseries?series=heat',
      'series',
    ],
    [
      'GET',
      '/pipelines/eks-demo-eu-west-1/payments/card-authorizations/timeseries?from=2026-11-28T10:00:00Z&to=2026-11-28T09:00:00Z',
      'from',
    ],
    [
      'GET',
      '/pipelines/eks-demo-eu-west-1/payments/card-authorizations/events?limit=0',
      'limit',
    ],
    [
      'GET',
      '/pipelines/eks-demo-eu-west-1/payments/card-authorizations/nodes?from=yesterday',
      'from',
    ],
    [
      'GET',
      '/pipelines/eks-demo-eu-west-1/payments/card-authorizations/nodes?to=now',
      'to',
    ],
    [
      'GET',
      '/pipelines/eks-demo-eu-west-1/payments/card-authorizations/nodes?from=2026-11-28T10:00:00Z&to=2026-11-28T09:00:00Z',
      'from',
    ],
    [
      'GET',
      '/pipelines/eks-demo-eu-west-1/payments/card-authorizations/nodes?step=60',
      'step',
    ],
    ['GET', '/pipelines/eks-demo-eu-west-1/Bad_NS/x/nodes', 'namespace'],
    ['GET', '/teams/summary', 'group'],
    ['GET', '/platform/overview?cluster=%2F', 'cluster'],
    ['GET', '/platform/timeseries?step=abc', 'step'],
    ['GET', '/platform/timeseries?cluster=unknown-cluster', 'cluster'],
    ['POST', '/cost-estimate', ''],
    ['POST', '/cost-estimate#taskSlots', 'taskSlots'],
    ['POST', '/cost-estimate#min>max', 'parallelism'],
    ['POST', '/cost-estimate#cluster', 'cluster'],
  ])('%s %s → 4xx naming %p, never a 500', async (method, url, name) => {
    const valid = {
      cluster: CLUSTER,
      capacityProfile: 'spot-first',
      taskManager: { cpuCores: 1, memoryGiB: 3 },
      jobManager: { cpuCores: 0.5, memoryGiB: 1.5 },
      taskSlots: 2,
      parallelism: { min: 2, max: 8 },
    };
    const bodies: Record<string, object> = {
      '': {},
      taskSlots: { ...valid, taskSlots: 0 },
      'min>max': { ...valid, parallelism: { min: 9, max: 2 } },
      cluster: { ...valid, cluster: 'unknown-cluster' },
    };
    const [pathname, variant = ''] = url.split('#');
    const res =
      method === 'POST'
        ? await request(server)
            .post(`${API}${pathname}`)
            .set('Authorization', mockCredentials.user.header())
            .send(bodies[variant])
        : await get(url);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.error.message).toContain(name);
    expect(res.body.error.stack).toBeUndefined();
  });

  it('gives a standard client the emulated cluster through the kubeconfig it wrote', async () => {
    const kubeconfig = fs.readFileSync(
      path.join(dataDir, 'kubeconfig'),
      'utf8',
    );
    const url = /server: (\S+)/.exec(kubeconfig)![1];
    const token = /token: (\S+)/.exec(kubeconfig)![1];
    const res = await fetch(
      `${url}/apis/flink.apache.org/v1beta1/flinkdeployments`,
      {
        headers: { Authorization: `Bearer ${token}` },
      },
    );
    // The sample's 12, and the one the self-service test applied.
    const names = (await res.json()).items.map((d: any) => d.metadata.name);
    expect(names.filter((n: string) => n !== 'card-fraud-alerts')).toHaveLength(
      12,
    );
  });
});

describe('streaming-platform backend permissions', () => {
  it('withholds cost without the cost permission, and applies conditional rules', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-'));
    try {
      const server = await startBackend({
        streamingPlatform: { emulator: { dataDir, warmupMinutes: 0 } },
        decide: name =>
          name === 'streaming-platform.pipeline.cost.read'
            ? { result: AuthorizeResult.DENY }
            : {
                result: AuthorizeResult.CONDITIONAL,
                pluginId: 'streaming-platform',
                resourceType: 'streaming-pipeline',
                conditions: streamingPipelineConditions.isInNamespace({
                  namespaces: ['risk'],
                }),
              },
      });
      const res = await until(
        () =>
          request(server)
            .get(`${API}/pipelines`)
            .set('Authorization', mockCredentials.user.header()),
        r => r.body.items?.length > 0,
      );
      expect(
        res.body.items.map((p: { namespace: string }) => p.namespace),
      ).toEqual(expect.arrayContaining(['risk']));
      expect(
        res.body.items.every(
          (p: { namespace: string }) => p.namespace === 'risk',
        ),
      ).toBe(true);
      expect(res.body.items.every((p: object) => !('costPerHour' in p))).toBe(
        true,
      );
      const get = (url: string) =>
        request(server)
          .get(`${API}${url}`)
          .set('Authorization', mockCredentials.user.header());
      const hidden = await get(
        `/pipelines/${CLUSTER}/payments/card-authorizations`,
      );
      expect(hidden.status).toBe(403);
      const hiddenNodes = await get(
        `/pipelines/${CLUSTER}/payments/card-authorizations/nodes`,
      );
      expect(hiddenNodes.status).toBe(403);
      expect(hiddenNodes.body.error.name).toBe('NotAllowedError');
      const overview = await get('/platform/overview');
      expect(overview.body.clusters[0].costPerHour).toBeUndefined();
      expect(
        overview.body.stuckOnDemand.every(
          (p: { ref: string; costPerHour?: object }) =>
            p.ref.split('/')[1] === 'risk' && p.costPerHour === undefined,
        ),
      ).toBe(true);
      // Readable, but no cost: nodes come without prices.
      const nodes = await until(
        () => get(`/pipelines/${CLUSTER}/risk/fraud-scoring/nodes`),
        r => r.body.nodes?.length > 0,
      );
      expect(nodes.status).toBe(200);
      for (const node of nodes.body.nodes) {
        expect(node.usdPerHour).toBeUndefined();
        expect(node.priceSource).toBeUndefined();
        expect(node.capacityType).toBeDefined();
      }
      // The team's figures withhold cost, and leave out what is hidden.
      const team = await until(
        () => get('/teams/summary?group=group:default/team-risk'),
        r => Object.keys(r.body.figures ?? {}).length > 0,
      );
      const figures = team.body.figures[`${CLUSTER}/risk/fraud-scoring`];
      expect(figures.lagSparkline.timeLagSeconds).toHaveLength(24);
      expect(figures.cost24h).toBeUndefined();
      expect(figures.costPerDay7d).toBeUndefined();
      expect(team.body.cost24h).toBeUndefined();
      const payments = await get(
        '/teams/summary?group=group:default/team-payments',
      );
      expect(payments.body.pipelines).toEqual([]);
      expect(payments.body.figures).toEqual({});
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('applies nothing without the create permission, or with applyToCluster off', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-'));
    const body = {
      cluster: CLUSTER,
      namespace: 'payments',
      manifests: [
        { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'x' } },
      ],
    };
    try {
      const denied = await startBackend({
        streamingPlatform: { emulator: { dataDir, warmupMinutes: 0 } },
        decide: name =>
          name === 'streaming-platform.pipeline.create'
            ? { result: AuthorizeResult.DENY }
            : { result: AuthorizeResult.ALLOW },
      });
      const res = await request(denied)
        .post(`${API}/self-service/apply`)
        .set('Authorization', mockCredentials.user.header())
        .send(body);
      expect(res.status).toBe(403);
      expect(res.body.error.name).toBe('NotAllowedError');

      const gitOps = await startBackend({
        streamingPlatform: {
          emulator: { dataDir, warmupMinutes: 0 },
          selfService: {
            applyToCluster: false,
            pipelineRoleArn:
              'arn:aws:iam::123456789012:role/streaming/{cluster}-{namespace}-{name}',
          },
        },
      });
      const skipped = await request(gitOps)
        .post(`${API}/self-service/apply`)
        .set('Authorization', mockCredentials.user.header())
        .send(body);
      expect(skipped.status).toBe(200);
      expect(skipped.body).toMatchObject({
        appliedToCluster: false,
        objects: [],
        reason: expect.stringMatching(/applyToCluster is off/),
      });
      // The configured pattern names the pipeline's IAM role; a name that
      // makes the role's name too long for IAM is refused.
      const validate = (name: string) =>
        request(gitOps)
          .post(`${API}/self-service/validate`)
          .set('Authorization', mockCredentials.user.header())
          .send({ parameters: { ...parameters, name } });
      expect((await validate('card-fraud-alerts')).body).toEqual({
        problems: [],
        pipelineRoleArn: `arn:aws:iam::123456789012:role/streaming/${CLUSTER}-payments-card-fraud-alerts`,
      });
      const long = 'card-fraud-alerts-for-the-risk-team-in-europe';
      expect((await validate(long)).body.problems).toEqual([
        {
          field: 'name',
          message: expect.stringMatching(
            /makes the pipeline's IAM role name .* longer than 64 characters/,
          ),
        },
      ]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("creates no pipeline on real clusters until the pipelines' IAM role is configured", async () => {
    const live = await startBackend({
      streamingPlatform: {
        source: 'clusters',
        clusters: [
          {
            name: 'local',
            // Nothing listens there: the watches retry, validate answers.
            url: 'http://127.0.0.1:9',
            authProvider: 'serviceAccount',
            serviceAccountToken: 'test-token',
            region: 'eu-west-1',
            mskClusterName: 'msk-demo-eu-west-1',
          },
        ],
      },
    });
    const res = await request(live)
      .post(`${API}/self-service/validate`)
      .set('Authorization', mockCredentials.user.header())
      .send({ parameters: { ...parameters, cluster: 'local' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      problems: [
        {
          field: 'cluster',
          message: expect.stringMatching(
            /no IAM role pattern .*streamingPlatform\.selfService\.pipelineRoleArn/,
          ),
        },
      ],
    });
  });

  it('refuses to start with a malformed cluster configuration', async () => {
    await expect(
      startBackend({
        streamingPlatform: {
          source: 'clusters',
          clusters: [{ name: 'x y', authProvider: 'aws' }],
        },
      }),
    ).rejects.toThrow("streamingPlatform.clusters[0].name 'x y' is invalid");
  });
});
