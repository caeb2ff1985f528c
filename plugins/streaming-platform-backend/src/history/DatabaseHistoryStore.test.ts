import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import knexFactory from 'knex';
import {
  LagSample,
  NodeClaimLifecycle,
  NodePoolSample,
  PipelineSample,
  PodLifecycle,
  RecordedEvent,
} from '../analysis/types';
import { closeTo } from '../analysis/__testUtils__/closeTo';
import { DatabaseHistoryStore } from './DatabaseHistoryStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const T0 = Date.UTC(2026, 10, 28, 10);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const REF = 'c1/payments/orders';

const TABLES = [
  'streaming_events',
  'streaming_pod_lifecycles',
  'streaming_nodeclaim_lifecycles',
  'streaming_pipeline_samples',
  'streaming_lag_samples',
  'streaming_nodepool_samples',
  'streaming_pipeline_hourly',
  'streaming_lag_hourly',
  'streaming_nodepool_hourly',
  'streaming_rollup_state',
];

const event = (
  uid: string,
  count: number,
  extra: Partial<RecordedEvent> = {},
): RecordedEvent => ({
  cluster: 'c1',
  uid,
  count,
  namespace: 'payments',
  involvedKind: 'FlinkDeployment',
  involvedName: 'orders',
  involvedNamespace: 'payments',
  reason: 'ScalingReport',
  type: 'Normal',
  message: 'Scaling execution enabled, begin scaling vertices:',
  component: 'Operator',
  at: T0,
  pipelineRef: REF,
  ...extra,
});

const karpenterEvent = (
  uid: string,
  extra: Partial<RecordedEvent> = {},
): RecordedEvent => ({
  cluster: 'c1',
  uid,
  count: 1,
  involvedKind: 'NodeClaim',
  involvedName: 'flink-spot-first-x',
  reason: 'SpotInterrupted',
  type: 'Warning',
  message: 'Spot interruption warning was triggered',
  component: 'karpenter',
  at: T0,
  nodePool: 'flink-spot-first',
  ...extra,
});

const sample = (
  at: number,
  cost: number,
  extra: Partial<PipelineSample> = {},
): PipelineSample => ({
  pipelineRef: REF,
  at,
  parallelism: 4,
  taskManagers: 2,
  vcpuByCapacityType: { spot: 2, 'on-demand': 0.5, reserved: 0 },
  costUsdPerHour: cost,
  onDemandUsdPerHour: cost * 2,
  priceSources: ['price-list', 'spot-price-history'],
  ...extra,
});

const poolSample = (
  at: number,
  extra: Partial<NodePoolSample> = {},
): NodePoolSample => ({
  cluster: 'c1',
  nodePool: 'flink-spot-first',
  at,
  nodesByCapacityType: { spot: 2, 'on-demand': 1, reserved: 0 },
  vcpuByCapacityType: { spot: 8, 'on-demand': 4, reserved: 0 },
  costUsdPerHour: 1,
  onDemandUsdPerHour: 2,
  idleUsdPerHour: 0.5,
  ...extra,
});

const pod = (uid: string, extra: Partial<PodLifecycle> = {}): PodLifecycle => ({
  cluster: 'c1',
  namespace: 'payments',
  name: `orders-taskmanager-1-${uid}`,
  uid,
  pipelineRef: REF,
  role: 'taskmanager',
  cpuMillis: 1000,
  memoryMiB: 3072,
  createdAt: T0,
  ...extra,
});

const claim = (
  uid: string,
  extra: Partial<NodeClaimLifecycle> = {},
): NodeClaimLifecycle => ({
  cluster: 'c1',
  name: `flink-spot-first-${uid}`,
  uid,
  nodePool: 'flink-spot-first',
  capacityType: 'spot',
  instanceType: 'm6i.xlarge',
  zone: 'eu-west-1a',
  createdAt: T0,
  ...extra,
});

const uids = (records: Array<{ uid: string }>) => records.map(r => r.uid);

describe.each(databases.eachSupportedId())(
  'DatabaseHistoryStore on %p',
  databaseId => {
    const id = databaseId as TestDatabaseId;

    /** A store on a database of its own, migrated. */
    async function newStore() {
      const knex = await databases.init(id);
      const store = await DatabaseHistoryStore.create({
        database: { getClient: async () => knex },
      });
      return { knex, store };
    }

    it('migrates up, and down again', async () => {
      const { knex } = await newStore();
      for (const table of TABLES) {
        expect(await knex.schema.hasTable(table)).toBe(true);
      }
      await knex.migrate.rollback(
        { directory: `${__dirname}/../../migrations` },
        true,
      );
      for (const table of TABLES) {
        expect(await knex.schema.hasTable(table)).toBe(false);
      }
    });

    it('skips migrations when the database service says so', async () => {
      const knex = await databases.init(id);
      await DatabaseHistoryStore.create({
        database: { getClient: async () => knex, migrations: { skip: true } },
      });
      expect(await knex.schema.hasTable('streaming_events')).toBe(false);
    });

    it('keeps the history when a second instance starts on a migrated database', async () => {
      const { knex, store } = await newStore();
      await store.recordEvents([event('e1', 1)]);
      await store.recordPipelineSamples([sample(T0, 1)]);
      const restarted = await DatabaseHistoryStore.create({
        database: { getClient: async () => knex },
      });
      const window = { from: T0, to: T0 + HOUR };
      expect(await restarted.eventsForPipeline(REF, window)).toEqual([
        event('e1', 1),
      ]);
      expect(await restarted.pipelineSamples([REF], window)).toEqual([
        sample(T0, 1),
      ]);
    });

    it('records each event once per uid and count', async () => {
      const { store } = await newStore();
      expect(await store.recordEvents([event('e1', 1), event('e2', 1)])).toBe(
        2,
      );
      expect(await store.recordEvents([event('e1', 1)])).toBe(0);
      // The same event seen again with a higher count is a new occurrence.
      expect(
        await store.recordEvents([event('e1', 2, { at: T0 + MINUTE })]),
      ).toBe(1);
      // Twice in one batch counts once.
      expect(await store.recordEvents([event('e3', 1), event('e3', 1)])).toBe(
        1,
      );
      expect(await store.recordEvents([])).toBe(0);
      const read = await store.eventsForPipeline(REF, {
        from: T0,
        to: T0 + HOUR,
      });
      expect(read).toEqual([
        event('e1', 1),
        event('e2', 1),
        event('e3', 1),
        event('e1', 2, { at: T0 + MINUTE }),
      ]);
    });

    it('keeps messages, cut at 4,000 characters', async () => {
      const { store } = await newStore();
      await store.recordEvents([
        event('long', 1, { message: 'x'.repeat(5000) }),
      ]);
      const [read] = await store.eventsForPipeline(REF, {
        from: T0,
        to: T0 + 1,
      });
      expect(read.message).toBe('x'.repeat(4000));
    });

    it('writes each record once when two replicas write the same records at once', async () => {
      const { knex, store } = await newStore();
      // A replica has its own connection pool; SQLite has one process.
      const replicaKnex = id.startsWith('POSTGRES')
        ? knexFactory(knex.client.config)
        : knex;
      const replica = new DatabaseHistoryStore(replicaKnex);
      try {
        // Each round is one statement per call, in opposite orders: what
        // deadlocks on PostgreSQL unless every writer locks in one order.
        const rounds = 8;
        const size = 300;
        for (let round = 0; round < rounds; round++) {
          const events = Array.from({ length: size }, (_, i) =>
            event(`r${round}-e${i}`, 1, { at: T0 + i }),
          );
          const pods = Array.from({ length: size }, (_, i) =>
            pod(`r${round}-p${i}`, { readyAt: T0 + i }),
          );
          const samples = Array.from({ length: size }, (_, i) =>
            sample(T0 + (round * size + i) * MINUTE, i),
          );
          const [a, b] = await Promise.all([
            store.recordEvents(events),
            replica.recordEvents([...events].reverse()),
            store.recordPodLifecycles(pods),
            replica.recordPodLifecycles([...pods].reverse()),
            store.recordPipelineSamples(samples),
            replica.recordPipelineSamples([...samples].reverse()),
          ]);
          expect(a + b).toBe(size);
        }
        const count = async (table: string) =>
          Number((await knex(table).count({ n: '*' }))[0].n);
        expect(await count('streaming_events')).toBe(rounds * size);
        expect(await count('streaming_pod_lifecycles')).toBe(rounds * size);
        expect(await count('streaming_pipeline_samples')).toBe(rounds * size);
      } finally {
        if (replicaKnex !== knex) await replicaKnex.destroy();
      }
    });

    it('finds events by pipeline, NodePool and reason within the window', async () => {
      const { store } = await newStore();
      await store.recordEvents([
        karpenterEvent('k1', { at: T0 - 1 }),
        karpenterEvent('k2', { at: T0 }),
        karpenterEvent('k3', { at: T0 + HOUR - 1, reason: 'Disrupted' }),
        karpenterEvent('k4', { at: T0 + HOUR }),
        karpenterEvent('k5', { nodePool: 'other' }),
        karpenterEvent('k6', { cluster: 'c2' }),
        event('f1', 1, { at: T0 + 5 }),
        event('f2', 1, { pipelineRef: 'c1/payments/other' }),
      ]);
      const window = { from: T0, to: T0 + HOUR };
      expect(
        uids(await store.eventsForNodePool('c1', 'flink-spot-first', window)),
      ).toEqual(['k2', 'k3']);
      expect(
        uids(await store.eventsByReason('c1', ['SpotInterrupted'], window)),
      ).toEqual(['k2', 'k5']);
      expect(
        uids(
          await store.eventsByReason(
            'c1',
            ['SpotInterrupted', 'Disrupted', 'ScalingReport'],
            window,
          ),
        ),
      ).toEqual(['f2', 'k2', 'k5', 'f1', 'k3']);
      expect(await store.eventsByReason('c1', [], window)).toEqual([]);
      expect(uids(await store.eventsForPipeline(REF, window))).toEqual(['f1']);
      expect(
        (await store.eventsForNodePool('c1', 'flink-spot-first', window))[0],
      ).toEqual(karpenterEvent('k2'));
    });

    it('merges lifecycles without forgetting a known time', async () => {
      const { store } = await newStore();
      await store.recordPodLifecycles([
        pod('p1', { scheduledAt: T0 + 5000, nodeName: 'n1' }),
      ]);
      await store.recordPodLifecycles([pod('p1', { readyAt: T0 + 40_000 })]);
      await store.recordPodLifecycles([pod('p1', { deletedAt: T0 + HOUR })]);
      expect(
        await store.podLifecycles(REF, { from: T0, to: T0 + 2 * HOUR }),
      ).toEqual([
        pod('p1', {
          scheduledAt: T0 + 5000,
          readyAt: T0 + 40_000,
          deletedAt: T0 + HOUR,
          nodeName: 'n1',
        }),
      ]);

      await store.recordNodeClaimLifecycles([
        claim('nc1', { launchedAt: T0 + 20_000 }),
      ]);
      await store.recordNodeClaimLifecycles([
        claim('nc1', {
          readyAt: T0 + 70_000,
          nodeName: 'ip-10-0-1-1',
          disruptionReason: 'Underutilized',
        }),
      ]);
      await store.recordNodeClaimLifecycles([claim('nc1')]);
      expect(
        await store.nodeClaimLifecycles('c1', { from: T0, to: T0 + HOUR }),
      ).toEqual([
        claim('nc1', {
          launchedAt: T0 + 20_000,
          readyAt: T0 + 70_000,
          nodeName: 'ip-10-0-1-1',
          disruptionReason: 'Underutilized',
        }),
      ]);
    });

    it('finds the lifecycles alive in a window and the pods created in it', async () => {
      const { store } = await newStore();
      await store.recordPodLifecycles([
        pod('gone-before', { createdAt: T0 - 2 * HOUR, deletedAt: T0 - 1 }),
        pod('dies-inside', { createdAt: T0 - 2 * HOUR, deletedAt: T0 }),
        pod('alive', { createdAt: T0 - HOUR }),
        pod('born-inside', { createdAt: T0 + HOUR - 1 }),
        pod('born-after', { createdAt: T0 + HOUR }),
        pod('other-pipeline', { pipelineRef: 'c1/payments/other' }),
        pod('other-cluster', { cluster: 'c2', pipelineRef: 'c2/a/b' }),
      ]);
      const window = { from: T0, to: T0 + HOUR };
      expect(uids(await store.podLifecycles(REF, window))).toEqual([
        'dies-inside',
        'alive',
        'born-inside',
      ]);
      expect(uids(await store.podLifecyclesCreated('c1', window))).toEqual([
        'other-pipeline',
        'born-inside',
      ]);

      await store.recordNodeClaimLifecycles([
        claim('gone-before', { createdAt: T0 - HOUR, deletedAt: T0 - 1 }),
        claim('alive', { createdAt: T0 - HOUR }),
        claim('born-after', { createdAt: T0 + HOUR }),
        claim('other-cluster', { cluster: 'c2' }),
      ]);
      expect(uids(await store.nodeClaimLifecycles('c1', window))).toEqual([
        'alive',
      ]);
    });

    it('upserts samples and reads them back by pipeline, NodePool and window', async () => {
      const { store } = await newStore();
      await store.recordPipelineSamples([
        sample(T0, 1),
        sample(T0 + MINUTE, 2),
        sample(T0 + HOUR, 9),
        sample(T0, 5, { pipelineRef: 'c1/risk/fraud', priceSources: [] }),
      ]);
      await store.recordPipelineSamples([sample(T0 + MINUTE, 3)]);
      const window = { from: T0, to: T0 + HOUR };
      expect(await store.pipelineSamples([REF], window)).toEqual([
        sample(T0, 1),
        sample(T0 + MINUTE, 3),
      ]);
      expect(
        await store.pipelineSamples([REF, 'c1/risk/fraud'], window),
      ).toEqual([
        sample(T0, 1),
        sample(T0, 5, { pipelineRef: 'c1/risk/fraud', priceSources: [] }),
        sample(T0 + MINUTE, 3),
      ]);
      expect(await store.pipelineSamples([], window)).toEqual([]);

      await store.recordNodePoolSamples([
        poolSample(T0),
        poolSample(T0, { cluster: 'c2', idleUsdPerHour: 0 }),
      ]);
      await store.recordNodePoolSamples([
        poolSample(T0, { costUsdPerHour: 3 }),
      ]);
      expect(await store.nodePoolSamples('c1', window)).toEqual([
        poolSample(T0, { costUsdPerHour: 3 }),
      ]);
      expect(await store.nodePoolSamples(undefined, window)).toEqual([
        poolSample(T0, { costUsdPerHour: 3 }),
        poolSample(T0, { cluster: 'c2', idleUsdPerHour: 0 }),
      ]);
    });

    it('reads lag samples and the newest one of each pipeline', async () => {
      const { store } = await newStore();
      const lag: LagSample[] = [
        { pipelineRef: REF, at: T0, timeLagSeconds: 10, sumOffsetLag: 100 },
        { pipelineRef: REF, at: T0 + MINUTE, timeLagSeconds: 20 },
        { pipelineRef: 'c1/risk/fraud', at: T0, maxOffsetLag: 5 },
        { pipelineRef: 'c1/stale/one', at: T0 - HOUR, timeLagSeconds: 1 },
      ];
      await store.recordLagSamples(lag);
      await store.recordLagSamples([
        { pipelineRef: REF, at: T0 + MINUTE, timeLagSeconds: 25 },
      ]);
      expect(
        await store.lagSamples([REF], { from: T0, to: T0 + HOUR }),
      ).toEqual([
        { pipelineRef: REF, at: T0, timeLagSeconds: 10, sumOffsetLag: 100 },
        { pipelineRef: REF, at: T0 + MINUTE, timeLagSeconds: 25 },
      ]);
      expect(await store.latestLagSamples(T0 - MINUTE)).toEqual([
        { pipelineRef: REF, at: T0 + MINUTE, timeLagSeconds: 25 },
        { pipelineRef: 'c1/risk/fraud', at: T0, maxOffsetLag: 5 },
      ]);
    });

    it('rolls complete hours up into exact means, and again when late samples arrive', async () => {
      const { store } = await newStore();
      const h = T0;
      // 60 minutes at cost 1…60 (mean 30.5), spot vCPU 2 and 4 in turn
      // (mean 3); the first minute of the next, incomplete hour.
      await store.recordPipelineSamples(
        Array.from({ length: 61 }, (_, i) =>
          sample(h + i * MINUTE, i + 1, {
            vcpuByCapacityType: {
              spot: i % 2 ? 4 : 2,
              'on-demand': 0.5,
              reserved: 0,
            },
            priceSources: i < 30 ? ['price-list'] : ['spot-price-history'],
          }),
        ),
      );
      await store.recordLagSamples([
        { pipelineRef: REF, at: h, timeLagSeconds: 10, sumOffsetLag: 100 },
        { pipelineRef: REF, at: h + MINUTE, timeLagSeconds: 30 },
        { pipelineRef: REF, at: h + 2 * MINUTE },
      ]);
      await store.recordNodePoolSamples([
        poolSample(h),
        poolSample(h + 10 * MINUTE, {
          nodesByCapacityType: { spot: 3, 'on-demand': 1, reserved: 0 },
          idleUsdPerHour: 1.5,
        }),
      ]);

      const until = h + HOUR + 30 * MINUTE;
      expect(await store.rollUp(until)).toBe(1);
      const expectRollups = async (lag: {
        timeLagSeconds: number;
        maxTimeLagSeconds: number;
        samples: number;
      }) => {
        expect(
          await store.hourlyPipelineRollups([REF], {
            from: h - HOUR,
            to: h + 2 * HOUR,
          }),
        ).toEqual([
          {
            pipelineRef: REF,
            at: h,
            samples: 60,
            parallelism: 4,
            taskManagers: 2,
            vcpuByCapacityType: { spot: 3, 'on-demand': 0.5, reserved: 0 },
            costUsdPerHour: 30.5,
            onDemandUsdPerHour: 61,
            priceSources: ['price-list', 'spot-price-history'],
          },
        ]);
        expect(
          await store.hourlyLagRollups([REF], { from: h, to: h + HOUR }),
        ).toEqual([
          {
            pipelineRef: REF,
            at: h,
            sumOffsetLag: 100,
            ...lag,
          },
        ]);
        expect(
          await store.hourlyNodePoolRollups(undefined, {
            from: h,
            to: h + HOUR,
          }),
        ).toEqual([
          {
            ...poolSample(h, {
              nodesByCapacityType: { spot: 2.5, 'on-demand': 1, reserved: 0 },
              idleUsdPerHour: 1,
            }),
            samples: 2,
          },
        ]);
      };
      await expectRollups({
        timeLagSeconds: 20,
        maxTimeLagSeconds: 30,
        samples: 3,
      });

      // Running again rewrites the same hour with the same means.
      expect(await store.rollUp(until)).toBe(1);
      await expectRollups({
        timeLagSeconds: 20,
        maxTimeLagSeconds: 30,
        samples: 3,
      });

      // A lag sample arriving late is rolled in on the next run.
      await store.recordLagSamples([
        { pipelineRef: REF, at: h + 59 * MINUTE, timeLagSeconds: 50 },
      ]);
      expect(await store.rollUp(until)).toBe(1);
      await expectRollups({
        timeLagSeconds: 30,
        maxTimeLagSeconds: 50,
        samples: 4,
      });

      // Later, the next hour is complete too; empty hours are not counted.
      expect(await store.rollUp(h + 5 * HOUR)).toBe(2);
      expect(
        await store.hourlyPipelineRollups([REF], {
          from: h + HOUR,
          to: h + 5 * HOUR,
        }),
      ).toMatchObject([{ at: h + HOUR, samples: 1, costUsdPerHour: 61 }]);
      expect(
        await store.hourlyNodePoolRollups('c2', { from: 0, to: until }),
      ).toEqual([]);
    });

    it("sums each pipeline's cost per UTC day from the hourly rollups, in one query", async () => {
      const { knex, store } = await newStore();
      const D = Date.UTC(2026, 10, 28);
      const FRAUD = 'c1/risk/fraud';
      const minutes = (from: number, count: number, cost: number, ref = REF) =>
        Array.from({ length: count }, (_, i) =>
          sample(from + i * MINUTE, cost, { pipelineRef: ref }),
        );
      await store.recordPipelineSamples([
        // The day before: 23:00–23:59 at $6/h → $6 (on-demand $12), 60 minutes
        ...minutes(D - HOUR, 60, 6),
        // The day: 30 minutes at $12/h and 2 at $60/h → $8, 32 minutes
        ...minutes(D, 30, 12),
        ...minutes(D + 5 * HOUR, 2, 60),
        // Another pipeline asked for, and one not asked for
        ...minutes(D + 3 * HOUR, 1, 60, FRAUD),
        ...minutes(D, 1, 60, 'c1/other/x'),
        // Outside the window
        ...minutes(D - DAY - HOUR, 1, 60),
        ...minutes(D + DAY, 1, 60),
      ]);
      await store.rollUp(D + 2 * DAY);
      let queries = 0;
      const count = () => queries++;
      knex.on('query', count);
      const costs = await store.dailyPipelineCosts([FRAUD, REF, REF], {
        from: D - DAY,
        to: D + DAY,
      });
      knex.removeListener('query', count);
      expect(queries).toBe(1);
      expect(costs).toEqual(
        closeTo([
          {
            pipelineRef: REF,
            day: D - DAY,
            usd: 6,
            onDemandUsd: 12,
            minutes: 60,
          },
          { pipelineRef: REF, day: D, usd: 8, onDemandUsd: 16, minutes: 32 },
          { pipelineRef: FRAUD, day: D, usd: 1, onDemandUsd: 2, minutes: 1 },
        ]),
      );
      expect(await store.dailyPipelineCosts([], { from: 0, to: D })).toEqual(
        [],
      );
    });

    it('reads the NodeClaims of given nodes only', async () => {
      const { store } = await newStore();
      await store.recordNodeClaimLifecycles([
        claim('a', { nodeName: 'n1' }),
        claim('b', { nodeName: 'n2', createdAt: T0 + 1 }),
        claim('c'),
      ]);
      const window = { from: T0, to: T0 + HOUR };
      expect(
        uids(
          await store.nodeClaimLifecycles('c1', window, {
            nodeNames: ['n2', 'n1', 'n3'],
          }),
        ),
      ).toEqual(['a', 'b']);
      expect(
        await store.nodeClaimLifecycles('c1', window, { nodeNames: [] }),
      ).toEqual([]);
      expect(uids(await store.nodeClaimLifecycles('c1', window))).toEqual([
        'a',
        'c',
        'b',
      ]);
    });

    it('rolls nothing up when there are no samples', async () => {
      const { store } = await newStore();
      expect(await store.rollUp(T0)).toBe(0);
    });

    it('deletes exactly what retention says is old', async () => {
      const { store } = await newStore();
      const h = T0;
      const now = h + 10 * HOUR;
      const retention = {
        minuteSamplesMs: HOUR,
        hourlyRollupsMs: 5 * HOUR,
        eventsMs: 3 * HOUR,
      };
      // One sample in each of 10 hours, rolled into 10 hourly rows.
      await store.recordPipelineSamples(
        Array.from({ length: 10 }, (_, k) => sample(h + k * HOUR, k)),
      );
      expect(await store.rollUp(now)).toBe(10);
      const eventCutoff = now - retention.eventsMs;
      await store.recordEvents([
        event('old', 1, { at: eventCutoff - 1 }),
        event('kept', 1, { at: eventCutoff }),
      ]);
      await store.recordPodLifecycles([
        pod('deleted-long-ago', { createdAt: h, deletedAt: eventCutoff - 1 }),
        pod('deleted-lately', { createdAt: h, deletedAt: eventCutoff }),
        pod('still-running', { createdAt: h - 30 * DAY }),
      ]);
      await store.recordNodeClaimLifecycles([
        claim('deleted-long-ago', { createdAt: h, deletedAt: eventCutoff - 1 }),
        claim('still-running', { createdAt: h - 30 * DAY }),
      ]);

      // 9 minute samples, 5 hourly rows, 1 event, 1 pod, 1 NodeClaim.
      expect(await store.applyRetention(now, retention)).toBe(17);
      expect(await store.applyRetention(now, retention)).toBe(0);

      const all = { from: 0, to: now + DAY };
      expect((await store.pipelineSamples([REF], all)).map(s => s.at)).toEqual([
        h + 9 * HOUR,
      ]);
      expect(
        (await store.hourlyPipelineRollups([REF], all)).map(s => s.at),
      ).toEqual([5, 6, 7, 8, 9].map(k => h + k * HOUR));
      expect(uids(await store.eventsForPipeline(REF, all))).toEqual(['kept']);
      expect(uids(await store.podLifecycles(REF, all))).toEqual([
        'still-running',
        'deleted-lately',
      ]);
      expect(uids(await store.nodeClaimLifecycles('c1', all))).toEqual([
        'still-running',
      ]);
    });
  },
);
