import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { LagSample, PipelineSample, RecordedEvent } from '../analysis/types';
import { DatabaseHistoryStore } from './DatabaseHistoryStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const T0 = Date.UTC(2026, 10, 28, 10);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

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
  pipelineRef: 'c1/payments/orders',
  ...extra,
});

const sample = (
  at: number,
  cost: number,
  extra: Partial<PipelineSample> = {},
): PipelineSample => ({
  pipelineRef: 'c1/payments/orders',
  at,
  parallelism: 4,
  taskManagers: 2,
  vcpuByCapacityType: { spot: 2, 'on-demand': 0.5, reserved: 0 },
  costUsdPerHour: cost,
  onDemandUsdPerHour: cost * 2,
  priceSources: ['price-list', 'spot-price-history'],
  ...extra,
});

describe.each(databases.eachSupportedId())(
  'DatabaseHistoryStore on %p',
  databaseId => {
    let knex: Knex;
    let store: DatabaseHistoryStore;

    beforeAll(async () => {
      knex = await databases.init(databaseId as TestDatabaseId);
      store = await DatabaseHistoryStore.create({
        database: { getClient: async () => knex },
      });
    });

    it('migrates up, and down again', async () => {
      expect(await knex.schema.hasTable('streaming_events')).toBe(true);
      const other = await databases.init(databaseId as TestDatabaseId);
      await DatabaseHistoryStore.create({
        database: { getClient: async () => other },
      });
      await other.migrate.rollback(
        { directory: `${__dirname}/../../migrations` },
        true,
      );
      expect(await other.schema.hasTable('streaming_events')).toBe(false);
      expect(await other.schema.hasTable('streaming_lag_hourly')).toBe(false);
    });

    it('records each event once per uid and count, even from two writers at once', async () => {
      expect(await store.recordEvents([event('e1', 1), event('e2', 1)])).toBe(
        2,
      );
      expect(await store.recordEvents([event('e1', 1)])).toBe(0);
      // A repeat of the same event bumps its count: a new occurrence.
      expect(
        await store.recordEvents([event('e1', 2, { at: T0 + MINUTE })]),
      ).toBe(1);
      const second = new DatabaseHistoryStore(knex);
      const batch = [event('e3', 1), event('e4', 1), event('e5', 1)];
      const added = await Promise.all([
        store.recordEvents(batch),
        second.recordEvents(batch),
      ]);
      expect(added[0] + added[1]).toBe(3);
      const rows = await store.eventsForPipeline('c1/payments/orders', {
        from: T0,
        to: T0 + HOUR,
      });
      expect(rows.map(e => `${e.uid}#${e.count}`).sort()).toEqual([
        'e1#1',
        'e1#2',
        'e2#1',
        'e3#1',
        'e4#1',
        'e5#1',
      ]);
      expect(rows[0]).toEqual(
        event(rows[0].uid, rows[0].count, { at: rows[0].at }),
      );
    });

    it('finds events by NodePool and by reason', async () => {
      await store.recordEvents([
        event('k1', 1, {
          involvedKind: 'NodeClaim',
          involvedName: 'flink-x',
          reason: 'SpotInterrupted',
          type: 'Warning',
          pipelineRef: undefined,
          nodePool: 'flink-spot-first',
          namespace: undefined,
          involvedNamespace: undefined,
          component: 'karpenter',
        }),
      ]);
      expect(
        (
          await store.eventsForNodePool('c1', 'flink-spot-first', {
            from: T0,
            to: T0 + 1,
          })
        ).map(e => e.uid),
      ).toEqual(['k1']);
      expect(
        (
          await store.eventsByReason('c1', ['SpotInterrupted'], {
            from: T0,
            to: T0 + 1,
          })
        ).map(e => e.uid),
      ).toEqual(['k1']);
      expect(
        await store.eventsByReason('c2', ['SpotInterrupted'], {
          from: T0,
          to: T0 + 1,
        }),
      ).toEqual([]);
    });

    it('merges lifecycles without forgetting a known time', async () => {
      const pod = {
        cluster: 'c1',
        namespace: 'payments',
        name: 'orders-taskmanager-1-1',
        uid: 'p1',
        pipelineRef: 'c1/payments/orders',
        role: 'taskmanager' as const,
        cpuMillis: 1000,
        memoryMiB: 3072,
        createdAt: T0,
      };
      await store.recordPodLifecycles([
        { ...pod, scheduledAt: T0 + 5000, nodeName: 'n1' },
      ]);
      await store.recordPodLifecycles([{ ...pod, readyAt: T0 + 40_000 }]);
      await store.recordPodLifecycles([{ ...pod, deletedAt: T0 + HOUR }]);
      expect(
        await store.podLifecycles('c1/payments/orders', {
          from: T0,
          to: T0 + 2 * HOUR,
        }),
      ).toEqual([
        {
          ...pod,
          scheduledAt: T0 + 5000,
          readyAt: T0 + 40_000,
          deletedAt: T0 + HOUR,
          nodeName: 'n1',
          nodePool: undefined,
          capacityType: undefined,
        },
      ]);
      // Dead before the window: not alive in it.
      expect(
        await store.podLifecycles('c1/payments/orders', {
          from: T0 + 2 * HOUR,
          to: T0 + 3 * HOUR,
        }),
      ).toEqual([]);
      expect(
        (await store.podLifecyclesCreated('c1', { from: T0, to: T0 + 1 }))
          .length,
      ).toBe(1);

      const claim = {
        cluster: 'c1',
        name: 'flink-x',
        uid: 'nc1',
        nodePool: 'flink-spot-first',
        capacityType: 'spot' as const,
        instanceType: 'm6i.xlarge',
        zone: 'eu-west-1a',
        createdAt: T0,
      };
      await store.recordNodeClaimLifecycles([
        { ...claim, launchedAt: T0 + 20_000 },
      ]);
      await store.recordNodeClaimLifecycles([
        { ...claim, readyAt: T0 + 70_000 },
      ]);
      const [read] = await store.nodeClaimLifecycles('c1', {
        from: T0,
        to: T0 + HOUR,
      });
      expect(read).toMatchObject({
        launchedAt: T0 + 20_000,
        readyAt: T0 + 70_000,
      });
    });

    it('upserts samples, reads them back and the newest lag per pipeline', async () => {
      await store.recordPipelineSamples([
        sample(T0, 1),
        sample(T0 + MINUTE, 2),
      ]);
      await store.recordPipelineSamples([sample(T0 + MINUTE, 3)]);
      const read = await store.pipelineSamples(['c1/payments/orders'], {
        from: T0,
        to: T0 + HOUR,
      });
      expect(read.map(s => s.costUsdPerHour)).toEqual([1, 3]);
      expect(read[0]).toEqual(sample(T0, 1));
      const lag: LagSample[] = [
        {
          pipelineRef: 'c1/payments/orders',
          at: T0,
          timeLagSeconds: 10,
          sumOffsetLag: 100,
        },
        {
          pipelineRef: 'c1/payments/orders',
          at: T0 + MINUTE,
          timeLagSeconds: 20,
        },
        { pipelineRef: 'c1/risk/fraud', at: T0, maxOffsetLag: 5 },
      ];
      await store.recordLagSamples(lag);
      expect(
        (await store.latestLagSamples(T0 - HOUR)).sort((a, b) =>
          a.pipelineRef.localeCompare(b.pipelineRef),
        ),
      ).toEqual([
        {
          pipelineRef: 'c1/payments/orders',
          at: T0 + MINUTE,
          timeLagSeconds: 20,
          maxOffsetLag: undefined,
          sumOffsetLag: undefined,
        },
        {
          pipelineRef: 'c1/risk/fraud',
          at: T0,
          maxOffsetLag: 5,
          timeLagSeconds: undefined,
          sumOffsetLag: undefined,
        },
      ]);
    });

    it('rolls complete hours up into means, idempotently', async () => {
      const h = T0 + 10 * HOUR;
      const ref = 'c1/growth/rollup';
      // 60 minutes at cost 1…60 → mean 30.5; the next hour is incomplete.
      await store.recordPipelineSamples(
        Array.from({ length: 61 }, (_, i) =>
          sample(h + i * MINUTE, i + 1, { pipelineRef: ref }),
        ),
      );
      await store.recordLagSamples([
        { pipelineRef: ref, at: h, timeLagSeconds: 10 },
        { pipelineRef: ref, at: h + MINUTE, timeLagSeconds: 30 },
      ]);
      await store.recordNodePoolSamples([
        {
          cluster: 'c1',
          nodePool: 'p',
          at: h,
          nodesByCapacityType: { spot: 2, 'on-demand': 1, reserved: 0 },
          vcpuByCapacityType: { spot: 8, 'on-demand': 4, reserved: 0 },
          costUsdPerHour: 1,
          onDemandUsdPerHour: 2,
          idleUsdPerHour: 0.5,
        },
      ]);
      await store.rollUp(h + HOUR + 30 * MINUTE);
      const again = await store.rollUp(h + HOUR + 30 * MINUTE);
      expect(again).toBeGreaterThan(0);
      const [rollup] = await store.hourlyPipelineRollups([ref], {
        from: h,
        to: h + 2 * HOUR,
      });
      expect(rollup).toMatchObject({
        at: h,
        samples: 60,
        costUsdPerHour: 30.5,
        parallelism: 4,
      });
      expect(
        await store.hourlyPipelineRollups([ref], {
          from: h + HOUR,
          to: h + 2 * HOUR,
        }),
      ).toEqual([]);
      const [lag] = await store.hourlyLagRollups([ref], {
        from: h,
        to: h + HOUR,
      });
      expect(lag).toMatchObject({
        timeLagSeconds: 20,
        maxTimeLagSeconds: 30,
        samples: 2,
      });
      const [pool] = await store.hourlyNodePoolRollups('c1', {
        from: h,
        to: h + HOUR,
      });
      expect(pool).toMatchObject({
        nodePool: 'p',
        samples: 1,
        idleUsdPerHour: 0.5,
      });
    });

    it('deletes exactly what retention says is old, and a restart keeps the rest', async () => {
      const now = T0 + 20 * 24 * HOUR;
      const deleted = await store.applyRetention(now, {
        minuteSamplesMs: 14 * 24 * HOUR,
        hourlyRollupsMs: 395 * 24 * HOUR,
        eventsMs: 90 * 24 * HOUR,
      });
      expect(deleted).toBeGreaterThan(60);
      expect(
        await store.pipelineSamples(['c1/payments/orders'], {
          from: 0,
          to: now,
        }),
      ).toEqual([]);
      expect(
        (
          await store.hourlyPipelineRollups(['c1/growth/rollup'], {
            from: 0,
            to: now,
          })
        ).length,
      ).toBe(1);
      const restarted = await DatabaseHistoryStore.create({
        database: { getClient: async () => knex },
      });
      expect(
        (
          await restarted.eventsForPipeline('c1/payments/orders', {
            from: 0,
            to: now,
          })
        ).length,
      ).toBe(6);
    });
  },
);
