import fs from 'node:fs';
import path from 'node:path';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import YAML from 'yaml';
import { spec } from './openapi.generated';

describe('openapi.generated.ts', () => {
  it('matches openapi.yaml (run `yarn generate:openapi` in this package after editing it)', () => {
    const source = YAML.parse(
      fs.readFileSync(path.join(__dirname, 'openapi.yaml'), 'utf8'),
    );
    expect(spec).toEqual(source);
  });
});

describe('openapi.yaml request validation', () => {
  // Echoes what the validator let through, so the tests see what handlers get.
  function echoApp() {
    const router = createValidatedOpenApiRouter<typeof spec>(spec);
    // Typed loosely on purpose: one handler serves every route.
    const echo: express.RequestHandler<any, any, any, any> = (req, res) => {
      res.json({ params: req.params, query: req.query, body: req.body });
    };
    router.get('/pipelines', echo);
    router.get('/pipelines/:cluster/:namespace/:name', echo);
    router.get('/pipelines/:cluster/:namespace/:name/timeseries', echo);
    router.get('/pipelines/:cluster/:namespace/:name/events', echo);
    router.get('/pipelines/:cluster/:namespace/:name/nodes', echo);
    router.get('/teams/summary', echo);
    router.get('/platform/overview', echo);
    router.get('/platform/timeseries', echo);
    router.post('/cost-estimate', echo);
    const app = express();
    app.use(router);
    app.use(
      MiddlewareFactory.create({
        config: mockServices.rootConfig(),
        logger: mockServices.logger.mock(),
      }).error(),
    );
    return app;
  }

  const estimate = {
    cluster: 'prod-eu',
    capacityProfile: 'spot-first',
    taskManager: { cpuCores: 2, memoryGiB: 8 },
    jobManager: { cpuCores: 1, memoryGiB: 2 },
    taskSlots: 2,
    parallelism: { min: 4, max: 32 },
  };

  it.each([
    ['/pipelines?owner=group:default/team-payments&owner=user:jane'],
    ['/pipelines?owner=team-payments'],
    ['/pipelines/prod-eu/payments/fraud-scorer.v2'],
    [
      '/pipelines/prod-eu/payments/fraud-scorer/timeseries?from=2024-05-01T00:00:00Z&to=2024-05-01T06:00:00Z&step=300&series=lag&series=cost',
    ],
    ['/pipelines/prod-eu/payments/fraud-scorer/events?limit=2000'],
    ['/pipelines/prod-eu/payments/fraud-scorer/nodes'],
    [
      '/pipelines/prod-eu/payments/fraud-scorer/nodes?from=2024-05-01T00:00:00Z&to=2024-05-01T06:00:00Z',
    ],
    ['/teams/summary?group=group:default/team-payments'],
    ['/teams/summary?group=group%3Adefault%2Fteam-payments'],
    ['/platform/overview'],
    ['/platform/timeseries?cluster=prod-eu&nodePool=flink-spot&step=3600'],
  ])('lets %s through', async url => {
    const res = await request(echoApp()).get(url);
    expect(res.status).toBe(200);
  });

  it('hands handlers typed query values: integers, and arrays even for one value', async () => {
    const res = await request(echoApp()).get(
      '/pipelines/prod-eu/payments/fraud-scorer/timeseries?step=300&series=lag',
    );
    expect(res.body.query).toEqual({ step: 300, series: ['lag'] });
    expect(res.body.params).toEqual({
      cluster: 'prod-eu',
      namespace: 'payments',
      name: 'fraud-scorer',
    });
  });

  it.each([
    ['/pipelines?cluster=-bad', 'cluster'],
    ['/pipelines?owner=group:default/team payments', 'owner'],
    [`/pipelines?${Array(51).fill('owner=a').join('&')}`, 'owner'],
    ['/pipelines?unknown=1', 'unknown'],
    ['/pipelines/prod-eu/Payments/fraud-scorer', 'namespace'],
    [`/pipelines/prod-eu/${'a'.repeat(64)}/fraud-scorer`, 'namespace'],
    ['/pipelines/prod-eu/payments/fraud_scorer', 'name'],
    ['/pipelines/prod-eu/payments/fraud-scorer/timeseries?step=59', 'step'],
    [
      '/pipelines/prod-eu/payments/fraud-scorer/timeseries?step=2678401',
      'step',
    ],
    ['/pipelines/prod-eu/payments/fraud-scorer/timeseries?step=1.5', 'step'],
    [
      '/pipelines/prod-eu/payments/fraud-scorer/timeseries?from=yesterday',
      'from',
    ],
    [
      '/pipelines/prod-eu/payments/fraud-scorer/timeseries?series=cpu',
      'series',
    ],
    ['/pipelines/prod-eu/payments/fraud-scorer/events?limit=0', 'limit'],
    ['/pipelines/prod-eu/payments/fraud-scorer/events?limit=2001', 'limit'],
    ['/pipelines/prod-eu/payments/fraud-scorer/events?to=now', 'to'],
    ['/pipelines/prod-eu/payments/fraud-scorer/nodes?from=yesterday', 'from'],
    ['/pipelines/prod-eu/payments/fraud-scorer/nodes?step=60', 'step'],
    ['/teams/summary', 'group'],
    ['/teams/summary?group=group:default/a/b', 'group'],
    ['/platform/timeseries?nodePool=Flink_Spot', 'nodePool'],
  ])('refuses %s with a 400 naming %s', async (url, name) => {
    const res = await request(echoApp()).get(url);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain(name);
  });

  it('lets a cost estimate request through', async () => {
    const res = await request(echoApp()).post('/cost-estimate').send(estimate);
    expect(res.status).toBe(200);
    expect(res.body.body).toEqual(estimate);
  });

  it.each([
    [{ ...estimate, extra: true }, 'must NOT have additional properties'],
    [{ ...estimate, cluster: undefined }, 'cluster'],
    [{ ...estimate, capacityProfile: 'reserved' }, 'capacityProfile'],
    [
      { ...estimate, taskManager: { cpuCores: 0.05, memoryGiB: 8 } },
      'cpuCores',
    ],
    [{ ...estimate, jobManager: { cpuCores: 1, memoryGiB: 513 } }, 'memoryGiB'],
    [{ ...estimate, taskSlots: 65 }, 'taskSlots'],
    [{ ...estimate, parallelism: { min: 0, max: 4 } }, 'min'],
    [{ ...estimate, parallelism: { min: 1, max: 2.5 } }, 'max'],
    [{ ...estimate, parallelism: { min: 1, max: 2049 } }, 'max'],
  ])(
    'refuses cost estimate request %j with a 400 naming %s',
    async (body, name) => {
      const res = await request(echoApp()).post('/cost-estimate').send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(name);
    },
  );
});
