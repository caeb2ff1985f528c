import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { PlatformEmulator } from '@internal/platform-emulator';
import { LagPoller, PriceService } from '../aws';
import { readStreamingPlatformConfig } from '../config';
import { DatabaseHistoryStore } from '../history/DatabaseHistoryStore';
import { ClusterWatcher, createKubeConfig } from '../kubernetes';
import { PipelineAccess } from '../permissions/access';
import { StreamingPlatform } from './StreamingPlatform';

jest.setTimeout(120_000);

const MINUTE = 60_000;
const ALL: PipelineAccess = {
  canRead: () => true,
  canReadCost: () => true,
  costForAll: true,
  readAll: true,
};
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise(r => setTimeout(r, 50));
  }
}

/**
 * The data path against the emulator over real HTTP, with its faults: the
 * API keeps answering from what it knew, says which source failed, and the
 * watches and polls recover by themselves without losing what was recorded.
 */
describe('StreamingPlatform against the emulator with faults', () => {
  let emulator: PlatformEmulator;
  let platform: StreamingPlatform;
  let history: DatabaseHistoryStore;
  const now = () => emulator.simulation.clock.now();
  const store = () => emulator.clusters[0].store;
  const credentials = mockCredentials.user();

  beforeAll(async () => {
    emulator = await PlatformEmulator.start({
      scenario: 'demo',
      clock: 'manual',
      startMs: Date.UTC(2026, 10, 28, 8),
      token: 'test-token',
      bookmarkIntervalMs: 200,
    });
    emulator.advance(30 * MINUTE);
    const knex = await databases.init('SQLITE_3');
    history = await DatabaseHistoryStore.create({
      database: { getClient: async () => knex },
    });
    const cluster = emulator.clusters[0];
    const kubeConfig = await createKubeConfig({
      name: cluster.name,
      authProvider: 'serviceAccount',
      url: cluster.url,
      token: 'test-token',
      skipTLSVerify: true,
    });
    const logger = mockServices.logger.mock();
    const aws = {
      endpoint: emulator.aws.url,
      credentials: { accessKeyId: 'AKIATEST', secretAccessKey: 'test' },
      requestTimeoutMs: 2000,
      maxAttempts: 2,
      logger,
      now,
    };
    platform = new StreamingPlatform({
      settings: readStreamingPlatformConfig(new ConfigReader({})),
      logger,
      history,
      catalog: catalogServiceMock(),
      clusters: [
        {
          name: cluster.name,
          region: cluster.region,
          mskClusterName: cluster.mskClusterName,
        },
      ],
      createWatcher: (c, sink) =>
        new ClusterWatcher({
          cluster: c.name,
          kubeConfig,
          sink,
          logger,
          initialBackoffMs: 50,
          maxBackoffMs: 200,
        }),
      lagPoller: new LagPoller(aws),
      prices: new PriceService(aws),
      origin: { emulatorScenario: 'demo' },
      now,
      flushIntervalMs: 100,
    });
    platform.start();
    if (!(await platform.waitForSync(30_000))) {
      throw new Error('the watches did not sync in 30 s');
    }
    await platform.refreshPrices();
  });

  afterAll(async () => {
    await platform?.stop();
    await emulator?.stop();
  });

  const podNames = () =>
    store()
      .all('v1/pods')
      .map(p => `${p.metadata.namespace}/${p.metadata.name}`)
      .sort();
  const indexedPodNames = () =>
    [...platform.index.cluster(emulator.clusters[0].name)!.pods.keys()].sort();
  const recordedEventKeys = async () =>
    new Set(
      (
        await Promise.all(
          [
            ...platform.index
              .cluster(emulator.clusters[0].name)!
              .pipelines.values(),
          ].map(p =>
            history.eventsForPipeline(p.ref, { from: 0, to: now() + MINUTE }),
          ),
        )
      )
        .flat()
        .map(e => `${e.uid}#${e.count}`),
    );
  const pipelineEventKeys = () =>
    store()
      .all('v1/events')
      .filter((e: any) => e.involvedObject.kind === 'FlinkDeployment')
      .map((e: any) => `${e.metadata.uid}#${e.count}`);

  it('reads lag and prices, and records samples and events', async () => {
    const poll = await platform.pollLag();
    expect(poll.calls).toBe(1);
    expect(poll.samples.length).toBeGreaterThan(12 * 20);
    await platform.recordMinuteSamples();
    await platform.refreshFromHistory();
    const { items, sources } = await platform.pipelines.list(
      {},
      ALL,
      credentials,
    );
    expect(items).toHaveLength(12);
    expect(items.every(p => p.lag.latest?.timeLagSeconds !== undefined)).toBe(
      true,
    );
    // The polled lag is in each pipeline's hourly sparkline.
    for (const { ref } of items) {
      const figures = platform.context.recent.figures(ref)!;
      expect(figures.lagSparkline.timeLagSeconds).toHaveLength(24);
      expect(figures.lagSparkline.timeLagSeconds[23]).toEqual(
        expect.any(Number),
      );
    }
    expect(sources.map(s => `${s.kind}:${s.state}`)).toEqual([
      'kubernetes:ok',
      'cloudwatch:ok',
      'prices:ok',
      'prices:ok',
      'database:ok',
    ]);
    await platform.recorder.flush();
    const recorded = await recordedEventKeys();
    expect(pipelineEventKeys().every(k => recorded.has(k))).toBe(true);
  });

  it('answers with last-known data and a typed error while the cluster is down, then recovers by itself', async () => {
    const before = (await platform.pipelines.list({}, ALL, credentials)).items;
    emulator.faults.set({ apiServerDown: true });
    await until(
      () =>
        platform.watchers.get(emulator.clusters[0].name)!.health().state ===
        'stale',
    );
    // The platform moves on while the backend cannot see it.
    emulator.advance(10 * MINUTE);
    const during = await platform.pipelines.list({}, ALL, credentials);
    expect(during.items.map(p => p.ref)).toEqual(before.map(p => p.ref));
    const kube = during.sources.find(s => s.kind === 'kubernetes')!;
    expect(kube.state).toBe('stale');
    expect(kube.error?.message).toContain(emulator.clusters[0].name);
    expect(kube.message).toContain('last data seen');

    emulator.faults.reset();
    await until(
      () =>
        platform.watchers.get(emulator.clusters[0].name)!.health().state ===
        'ok',
    );
    await until(
      () => JSON.stringify(indexedPodNames()) === JSON.stringify(podNames()),
    );
    // Events raised while it was down are still in the cluster: recorded now.
    await platform.recorder.flush();
    const recorded = await recordedEventKeys();
    expect(pipelineEventKeys().filter(k => !recorded.has(k))).toEqual([]);
  });

  it('recovers from dropped watches and 410 Gone without losing changes', async () => {
    const watcher = platform.watchers.get(emulator.clusters[0].name)!;
    emulator.faults.set({ expireResourceVersions: true });
    emulator.faults.dropWatchesNow();
    emulator.advance(3 * MINUTE);
    await until(
      () =>
        watcher.health().counters.relistsAfterGone > 0 ||
        watcher.health().counters.restarts > 0,
    );
    emulator.faults.reset();
    emulator.advance(2 * MINUTE);
    await until(
      () =>
        watcher.health().state === 'ok' &&
        JSON.stringify(indexedPodNames()) === JSON.stringify(podNames()),
    );
    emulator.faults.dropWatchesNow();
    emulator.advance(MINUTE);
    await until(
      () => JSON.stringify(indexedPodNames()) === JSON.stringify(podNames()),
    );
    expect(indexedPodNames()).toEqual(podNames());
  });

  it('keeps the last lag and says CloudWatch is throttled, then polls again', async () => {
    const ref = [
      ...platform.index.cluster(emulator.clusters[0].name)!.pipelines.values(),
    ][0].ref;
    const lagBefore = platform.context.lagCache.get(ref);
    emulator.faults.set({ cloudWatchThrottling: true });
    emulator.advance(2 * MINUTE);
    const throttled = await platform.pollLag();
    expect(throttled.samples).toEqual([]);
    const detail = await platform.pipelines.detail(ref, ALL);
    expect(detail.pipeline.lag.latest?.at).toBe(
      new Date(lagBefore!.at).toISOString(),
    );
    const cloudWatch = detail.sources.find(s => s.kind === 'cloudwatch')!;
    expect(cloudWatch.state).toBe('stale');
    expect(cloudWatch.error?.message).toMatch(/throttl/i);
    emulator.faults.reset();
    const recovered = await platform.pollLag();
    expect(recovered.samples.length).toBeGreaterThan(0);
    expect(platform.context.lagCache.get(ref)!.at).toBeGreaterThan(
      lagBefore!.at,
    );
  });
});
