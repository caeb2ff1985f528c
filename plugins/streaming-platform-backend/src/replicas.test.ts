import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { PlatformEmulator } from '@internal/platform-emulator';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import { streamingPlatformPlugin } from './plugin';

jest.setTimeout(180_000);

/*
 * Several replicas on one PostgreSQL, against one emulated platform: events
 * are recorded once, the fleet's CloudWatch poll runs once per interval (a
 * global scheduled task), and a restarted backend finds its history.
 * Needs PostgreSQL (the test command starts one); skipped without it.
 */
const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
const describeWithPostgres = databases.supports('POSTGRES_15')
  ? describe
  : describe.skip;

const POLL_SECONDS = 10;

describeWithPostgres('two backend replicas on one PostgreSQL', () => {
  let emulator: PlatformEmulator;
  let knex: Knex;
  const backends: Array<{ stop(): Promise<void> }> = [];
  const env = { ...process.env };

  beforeAll(async () => {
    // The AWS SDK's default chain reads these; the emulator checks no signature.
    process.env.AWS_ACCESS_KEY_ID = 'AKIATEST';
    process.env.AWS_SECRET_ACCESS_KEY = 'test';
    emulator = await PlatformEmulator.start({
      scenario: 'demo',
      clock: 'wall',
      warmupMs: 20 * 60_000,
      token: 'replica-token',
    });
    knex = await databases.init('POSTGRES_15');
  });

  afterAll(async () => {
    for (const backend of backends) await backend.stop().catch(() => {});
    await emulator?.stop();
    process.env = env;
  });

  async function startReplica() {
    // Each replica has its own connection pool to the same database.
    const own = knexFactory(knex.client.config);
    const cluster = emulator.clusters[0];
    const backend = await startTestBackend({
      features: [
        streamingPlatformPlugin,
        schedulerServiceFactory,
        mockServices.database.factory({ knex: own }),
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: {
            streamingPlatform: {
              source: 'clusters',
              clusters: [
                {
                  name: cluster.name,
                  url: cluster.url,
                  authProvider: 'serviceAccount',
                  serviceAccountToken: 'replica-token',
                  skipTLSVerify: true,
                  region: cluster.region,
                  mskClusterName: cluster.mskClusterName,
                },
              ],
              cloudWatch: {
                endpoint: emulator.aws.url,
                pollIntervalSeconds: POLL_SECONDS,
              },
              pricing: { endpoint: emulator.aws.url },
            },
          },
        }),
      ],
    });
    backends.push(backend);
    return backend;
  }

  const eventRows = async (): Promise<
    Array<{ uid: string; count: number; rows: number | string }>
  > =>
    knex('streaming_events')
      .select('uid', 'count')
      .count({ rows: '*' })
      .groupBy('uid', 'count') as any;

  it('records each event once and polls CloudWatch once per interval', async () => {
    const a = await startReplica();
    const b = await startReplica();
    emulator.aws.resetCalls();
    const started = Date.now();
    // Three intervals and the first poll's initial delay.
    await new Promise(r => setTimeout(r, 4 * POLL_SECONDS * 1000));
    const elapsed = (Date.now() - started) / 1000;
    const polls = emulator.aws.calls.GetMetricData ?? 0;
    // 12 pipelines × 3 queries fit one call: calls = polls. Two replicas
    // polling on their own would make about twice the intervals.
    expect(polls).toBeGreaterThanOrEqual(1);
    expect(polls).toBeLessThanOrEqual(Math.ceil(elapsed / POLL_SECONDS) + 1);

    const rows = await eventRows();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter(r => Number(r.rows) !== 1)).toEqual([]);
    const inCluster = emulator.clusters[0].store
      .all('v1/events')
      .filter((e: any) => e.involvedObject.kind === 'FlinkDeployment')
      .map((e: any) => `${e.metadata.uid}#${e.count}`);
    const recorded = new Set(rows.map(r => `${r.uid}#${r.count}`));
    // Events newer than the last flush may still be in flight: all older are in.
    const missing = inCluster.filter(k => !recorded.has(k));
    expect(missing.length).toBeLessThanOrEqual(3);

    const lagRows = await knex('streaming_lag_samples')
      .count({ n: '*' })
      .first();
    expect(Number(lagRows!.n)).toBeGreaterThan(12 * 10);

    // A restart: the replica stops, a new one starts on the same database.
    const eventsBefore = rows.length;
    await a.stop();
    await b.stop();
    const c = await startReplica();
    const res = await request(c.server)
      .get(
        `/api/streaming-platform/pipelines/${
          emulator.clusters[0].name
        }/payments/card-authorizations/timeseries?series=lag&from=${new Date(
          Date.now() - 60 * 60_000,
        ).toISOString()}`,
      )
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    const withLag = res.body.points.filter(
      (p: { timeLagSeconds?: number }) => p.timeLagSeconds !== undefined,
    );
    expect(withLag.length).toBeGreaterThan(10);
    expect((await eventRows()).length).toBeGreaterThanOrEqual(eventsBefore);
  });
});
