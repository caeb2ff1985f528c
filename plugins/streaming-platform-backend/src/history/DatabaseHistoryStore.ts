import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import {
  LagSample,
  NodeClaimLifecycle,
  NodePoolSample,
  PipelineSample,
  PodLifecycle,
  RecordedEvent,
} from '../analysis/types';
import {
  claimToRow,
  eventToRow,
  lagSampleToRow,
  pipelineSampleToRow,
  podToRow,
  poolSampleToRow,
  rowToClaim,
  rowToEvent,
  rowToLagSample,
  rowToPipelineSample,
  rowToPod,
  rowToPoolSample,
} from './rows';
import {
  DailyPipelineCost,
  HistoryStore,
  HourlyLagRollup,
  HourlyNodePoolRollup,
  HourlyPipelineRollup,
  RetentionSettings,
  TimeWindow,
} from './types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Pipelines per query of a per-pipeline aggregate: one query for a fleet. */
const REFS_PER_QUERY = 5000;
const EVENT_KEY = ['cluster', 'uid', 'count'];
const UID_KEY = ['cluster', 'uid'];
const EVENT_ORDER = ['at', 'uid', 'count'];
/** Rows per insert: well under SQLite's 32,766 bound variables. */
const CHUNK = 400;
/** Re-roll this much before the last rolled hour: lag samples arrive late. */
const REROLL_MS = 2 * HOUR;

const migrationsDir = resolvePackagePath(
  '@internal/backstage-plugin-streaming-platform-backend',
  'migrations',
);

/**
 * One row per key, in key order. Inserting in one global order keeps two
 * replicas writing overlapping batches from deadlocking on PostgreSQL, and an
 * upsert may not touch a row twice in one statement.
 */
function uniqueSorted<T extends Record<string, unknown>>(
  rows: T[],
  key: string[],
): T[] {
  const byKey = new Map<string, T>();
  for (const row of rows) {
    byKey.set(key.map(k => String(row[k])).join('\u0000'), row);
  }
  return [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1)) // keys are unique
    .map(([, row]) => row);
}

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(items.slice(i, i + size));
  return out;
}

/** Keeps a known timestamp when a newer write does not know it. */
function keepKnown(knex: Knex, table: string, columns: string[]) {
  return Object.fromEntries(
    columns.map(c => [
      c,
      knex.raw(`COALESCE(excluded.??, ??.??)`, [c, table, c]),
    ]),
  );
}

/**
 * The history in the Backstage database (SQLite or PostgreSQL), through
 * knex. Writes are idempotent upserts keyed by what identifies a record, so
 * replicas writing the same things, retries and restarts never double-count.
 */
export class DatabaseHistoryStore implements HistoryStore {
  readonly #db: Knex;

  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseHistoryStore> {
    const db = await options.database.getClient();
    if (!options.skipMigrations && !options.database.migrations?.skip) {
      await db.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseHistoryStore(db);
  }

  constructor(db: Knex) {
    this.#db = db;
  }

  async recordEvents(events: RecordedEvent[]): Promise<number> {
    let added = 0;
    const rows = uniqueSorted(events.map(eventToRow), EVENT_KEY);
    for (const batch of chunks(rows)) {
      const inserted = await this.#db('streaming_events')
        .insert(batch)
        .onConflict(EVENT_KEY)
        .ignore()
        // Both databases return only the rows this statement inserted.
        .returning(['uid']);
      added += Array.isArray(inserted) ? inserted.length : 0;
    }
    return added;
  }

  async recordPodLifecycles(pods: PodLifecycle[]): Promise<void> {
    const table = 'streaming_pod_lifecycles';
    for (const batch of chunks(uniqueSorted(pods.map(podToRow), UID_KEY))) {
      await this.#db(table)
        .insert(batch)
        .onConflict(UID_KEY)
        .merge({
          ...keepKnown(this.#db, table, [
            'pipeline_ref',
            'role',
            'node_name',
            'node_pool',
            'capacity_type',
            'scheduled_at',
            'ready_at',
            'deleted_at',
          ]),
          cpu_millis: this.#db.raw('excluded.cpu_millis'),
          memory_mib: this.#db.raw('excluded.memory_mib'),
        });
    }
  }

  async recordNodeClaimLifecycles(claims: NodeClaimLifecycle[]): Promise<void> {
    const table = 'streaming_nodeclaim_lifecycles';
    for (const batch of chunks(uniqueSorted(claims.map(claimToRow), UID_KEY))) {
      await this.#db(table)
        .insert(batch)
        .onConflict(UID_KEY)
        .merge(
          keepKnown(this.#db, table, [
            'node_name',
            'launched_at',
            'registered_at',
            'initialized_at',
            'ready_at',
            'deleted_at',
            'disruption_reason',
          ]),
        );
    }
  }

  async recordPipelineSamples(samples: PipelineSample[]): Promise<void> {
    await this.#upsert(
      'streaming_pipeline_samples',
      samples.map(pipelineSampleToRow),
      ['pipeline_ref', 'at'],
    );
  }

  async recordLagSamples(samples: LagSample[]): Promise<void> {
    await this.#upsert('streaming_lag_samples', samples.map(lagSampleToRow), [
      'pipeline_ref',
      'at',
    ]);
  }

  async recordNodePoolSamples(samples: NodePoolSample[]): Promise<void> {
    await this.#upsert(
      'streaming_nodepool_samples',
      samples.map(poolSampleToRow),
      ['cluster', 'node_pool', 'at'],
    );
  }

  async #upsert(table: string, rows: Record<string, unknown>[], key: string[]) {
    for (const batch of chunks(uniqueSorted(rows, key))) {
      await this.#db(table).insert(batch).onConflict(key).merge();
    }
  }

  async eventsForPipeline(pipelineRef: string, window: TimeWindow) {
    const rows = await this.#db('streaming_events')
      .where('pipeline_ref', pipelineRef)
      .andWhere('at', '>=', window.from)
      .andWhere('at', '<', window.to)
      .orderBy(EVENT_ORDER);
    return rows.map(rowToEvent);
  }

  async eventsForNodePool(
    cluster: string,
    nodePool: string,
    window: TimeWindow,
  ) {
    const rows = await this.#db('streaming_events')
      .where({ cluster, node_pool: nodePool })
      .andWhere('at', '>=', window.from)
      .andWhere('at', '<', window.to)
      .orderBy(EVENT_ORDER);
    return rows.map(rowToEvent);
  }

  async eventsByReason(cluster: string, reasons: string[], window: TimeWindow) {
    if (!reasons.length) return [];
    const rows = await this.#db('streaming_events')
      .where('cluster', cluster)
      .whereIn('reason', reasons)
      .andWhere('at', '>=', window.from)
      .andWhere('at', '<', window.to)
      .orderBy(EVENT_ORDER);
    return rows.map(rowToEvent);
  }

  async podLifecycles(pipelineRef: string, window: TimeWindow) {
    const rows = await this.#db('streaming_pod_lifecycles')
      .where('pipeline_ref', pipelineRef)
      .andWhere('created_at', '<', window.to)
      .andWhere(q =>
        q.whereNull('deleted_at').orWhere('deleted_at', '>=', window.from),
      )
      .orderBy(['created_at', 'uid']);
    return rows.map(rowToPod);
  }

  async podLifecyclesCreated(cluster: string, window: TimeWindow) {
    const rows = await this.#db('streaming_pod_lifecycles')
      .where('cluster', cluster)
      .andWhere('created_at', '>=', window.from)
      .andWhere('created_at', '<', window.to)
      .orderBy(['created_at', 'uid']);
    return rows.map(rowToPod);
  }

  async nodeClaimLifecycles(
    cluster: string,
    window: TimeWindow,
    options: { nodeNames?: string[] } = {},
  ) {
    const query = () =>
      this.#db('streaming_nodeclaim_lifecycles')
        .where('cluster', cluster)
        .andWhere('created_at', '<', window.to)
        .andWhere(q =>
          q.whereNull('deleted_at').orWhere('deleted_at', '>=', window.from),
        )
        .orderBy(['created_at', 'uid']);
    if (!options.nodeNames) return (await query()).map(rowToClaim);
    const rows: any[] = [];
    const batches = chunks([...new Set(options.nodeNames)]);
    for (const names of batches) {
      rows.push(...(await query().whereIn('node_name', names)));
    }
    if (batches.length > 1) {
      rows.sort(
        (a, b) =>
          Number(a.created_at) - Number(b.created_at) ||
          (a.uid < b.uid ? -1 : 1),
      );
    }
    return rows.map(rowToClaim);
  }

  async pipelineSamples(pipelineRefs: string[], window: TimeWindow) {
    return (
      await this.#samples('streaming_pipeline_samples', pipelineRefs, window)
    ).map(rowToPipelineSample);
  }

  async lagSamples(pipelineRefs: string[], window: TimeWindow) {
    return (
      await this.#samples('streaming_lag_samples', pipelineRefs, window)
    ).map(rowToLagSample);
  }

  async #samples(table: string, refs: string[], window: TimeWindow) {
    const batches = chunks([...new Set(refs)]);
    const rows: any[] = [];
    for (const batch of batches) {
      rows.push(
        ...(await this.#db(table)
          .whereIn('pipeline_ref', batch)
          .andWhere('at', '>=', window.from)
          .andWhere('at', '<', window.to)
          .orderBy(['at', 'pipeline_ref'])),
      );
    }
    if (batches.length > 1) {
      rows.sort(
        (a, b) =>
          Number(a.at) - Number(b.at) ||
          (a.pipeline_ref < b.pipeline_ref ? -1 : 1),
      );
    }
    return rows;
  }

  async latestLagSamples(since: number) {
    const newest = this.#db('streaming_lag_samples')
      .select('pipeline_ref')
      .max({ newest: 'at' })
      .where('at', '>=', since)
      .groupBy('pipeline_ref')
      .as('n');
    const rows = await this.#db('streaming_lag_samples as l')
      .join(newest, join =>
        join
          .on('l.pipeline_ref', '=', 'n.pipeline_ref')
          .andOn('l.at', '=', 'n.newest'),
      )
      .select('l.*')
      .orderBy('l.pipeline_ref');
    return rows.map(rowToLagSample);
  }

  async nodePoolSamples(cluster: string | undefined, window: TimeWindow) {
    const rows = await this.#db('streaming_nodepool_samples')
      .modify(q => (cluster ? q.where('cluster', cluster) : q))
      .andWhere('at', '>=', window.from)
      .andWhere('at', '<', window.to)
      .orderBy(['at', 'cluster', 'node_pool']);
    return rows.map(rowToPoolSample);
  }

  async hourlyPipelineRollups(
    pipelineRefs: string[],
    window: TimeWindow,
  ): Promise<HourlyPipelineRollup[]> {
    return (
      await this.#samples('streaming_pipeline_hourly', pipelineRefs, window)
    ).map(r => ({
      ...rowToPipelineSample(r),
      samples: Number(r.samples),
    }));
  }

  async hourlyLagRollups(
    pipelineRefs: string[],
    window: TimeWindow,
  ): Promise<HourlyLagRollup[]> {
    return (
      await this.#samples('streaming_lag_hourly', pipelineRefs, window)
    ).map(r => ({
      ...rowToLagSample(r),
      samples: Number(r.samples),
      maxTimeLagSeconds:
        r.max_time_lag_seconds === null
          ? undefined
          : Number(r.max_time_lag_seconds),
    }));
  }

  async hourlyNodePoolRollups(
    cluster: string | undefined,
    window: TimeWindow,
  ): Promise<HourlyNodePoolRollup[]> {
    const rows = await this.#db('streaming_nodepool_hourly')
      .modify(q => (cluster ? q.where('cluster', cluster) : q))
      .andWhere('at', '>=', window.from)
      .andWhere('at', '<', window.to)
      .orderBy(['at', 'cluster', 'node_pool']);
    return rows.map((r: any) => ({
      ...rowToPoolSample(r),
      samples: Number(r.samples),
    }));
  }

  async dailyPipelineCosts(
    pipelineRefs: string[],
    window: TimeWindow,
  ): Promise<DailyPipelineCost[]> {
    // `at` is epoch ms: the same integer arithmetic on SQLite and PostgreSQL.
    const day = `(at - (at % ${DAY}))`;
    const rows: any[] = [];
    for (const refs of chunks([...new Set(pipelineRefs)], REFS_PER_QUERY)) {
      rows.push(
        ...(await this.#db('streaming_pipeline_hourly')
          .select('pipeline_ref')
          .select(this.#db.raw(`${day} as day`))
          // A rollup holds the mean rate of `samples` minutes.
          .select(this.#db.raw('sum(cost_usd_per_hour * samples) as usd_min'))
          .select(
            this.#db.raw('sum(on_demand_usd_per_hour * samples) as od_min'),
          )
          .select(this.#db.raw('sum(samples) as minutes'))
          .whereIn('pipeline_ref', refs)
          .andWhere('at', '>=', window.from)
          .andWhere('at', '<', window.to)
          .groupBy('pipeline_ref')
          .groupByRaw(day)
          .orderBy('pipeline_ref')
          .orderByRaw(day)),
      );
    }
    return rows
      .map(r => ({
        pipelineRef: String(r.pipeline_ref),
        day: Number(r.day),
        usd: Number(r.usd_min) / 60,
        onDemandUsd: Number(r.od_min) / 60,
        minutes: Number(r.minutes),
      }))
      .sort(
        (a, b) =>
          (a.pipelineRef < b.pipelineRef
            ? -1
            : Number(a.pipelineRef > b.pipelineRef)) || a.day - b.day,
      );
  }

  /**
   * Rolls complete hours before `until` into hourly means, from where the
   * last run stopped (re-rolling the two hours before it, for late lag).
   * Running it again, or on two replicas, rewrites the same rows.
   */
  async rollUp(until: number): Promise<number> {
    const end = Math.floor(until / HOUR) * HOUR;
    const state = await this.#db('streaming_rollup_state')
      .where('name', 'samples')
      .first();
    let start: number;
    if (state) {
      start = Number(state.rolled_until) - REROLL_MS;
    } else {
      const oldest = await this.#db('streaming_pipeline_samples')
        .min({ at: 'at' })
        .first();
      const oldestLag = await this.#db('streaming_lag_samples')
        .min({ at: 'at' })
        .first();
      const oldestPool = await this.#db('streaming_nodepool_samples')
        .min({ at: 'at' })
        .first();
      const candidates = [oldest?.at, oldestLag?.at, oldestPool?.at]
        .filter(v => v !== null && v !== undefined)
        .map(Number);
      if (!candidates.length) return 0;
      start = Math.floor(Math.min(...candidates) / HOUR) * HOUR;
    }
    let hours = 0;
    for (let hour = start; hour < end; hour += HOUR) {
      if (await this.#rollHour(hour)) hours++;
    }
    if (end > start) {
      // Only forward: a replica with an older `until` must not move it back.
      await this.#db('streaming_rollup_state')
        .insert({ name: 'samples', rolled_until: end })
        .onConflict('name')
        .ignore();
      await this.#db('streaming_rollup_state')
        .where('name', 'samples')
        .andWhere('rolled_until', '<', end)
        .update({ rolled_until: end });
    }
    return hours;
  }

  /** Rolls one hour up; true when it had minute samples. */
  async #rollHour(hour: number): Promise<boolean> {
    const window = { from: hour, to: hour + HOUR };
    const between = async (q: Knex.QueryBuilder): Promise<any[]> =>
      q.where('at', '>=', window.from).andWhere('at', '<', window.to);

    const pipelines = (
      await between(this.#db('streaming_pipeline_samples'))
    ).map(rowToPipelineSample);
    const pipelineRollups = groupBy(pipelines, s => s.pipelineRef).map(
      group => {
        const mean = (f: (s: PipelineSample) => number) =>
          group.reduce((sum, s) => sum + f(s), 0) / group.length;
        return {
          ...pipelineSampleToRow({
            pipelineRef: group[0].pipelineRef,
            at: hour,
            parallelism: mean(s => s.parallelism),
            taskManagers: mean(s => s.taskManagers),
            vcpuByCapacityType: {
              spot: mean(s => s.vcpuByCapacityType.spot),
              'on-demand': mean(s => s.vcpuByCapacityType['on-demand']),
              reserved: mean(s => s.vcpuByCapacityType.reserved),
            },
            costUsdPerHour: mean(s => s.costUsdPerHour),
            onDemandUsdPerHour: mean(s => s.onDemandUsdPerHour),
            priceSources: [...new Set(group.flatMap(s => s.priceSources))],
          }),
          samples: group.length,
        };
      },
    );
    await this.#upsert('streaming_pipeline_hourly', pipelineRollups, [
      'pipeline_ref',
      'at',
    ]);

    const lag = (
      (await between(this.#db('streaming_lag_samples'))) as any[]
    ).map(rowToLagSample);
    const lagRollups = groupBy(lag, s => s.pipelineRef).map(group => {
      const mean = (f: (s: LagSample) => number | undefined) => {
        const values = group.map(f).filter((v): v is number => v !== undefined);
        return values.length
          ? values.reduce((a, b) => a + b, 0) / values.length
          : undefined;
      };
      const times = group
        .map(s => s.timeLagSeconds)
        .filter((v): v is number => v !== undefined);
      return {
        ...lagSampleToRow({
          pipelineRef: group[0].pipelineRef,
          at: hour,
          timeLagSeconds: mean(s => s.timeLagSeconds),
          maxOffsetLag: mean(s => s.maxOffsetLag),
          sumOffsetLag: mean(s => s.sumOffsetLag),
        }),
        max_time_lag_seconds: times.length ? Math.max(...times) : null,
        samples: group.length,
      };
    });
    await this.#upsert('streaming_lag_hourly', lagRollups, [
      'pipeline_ref',
      'at',
    ]);

    const pools = (
      (await between(this.#db('streaming_nodepool_samples'))) as any[]
    ).map(rowToPoolSample);
    const poolRollups = groupBy(
      pools,
      s => `${s.cluster}\u0000${s.nodePool}`,
    ).map(group => {
      const mean = (f: (s: NodePoolSample) => number) =>
        group.reduce((sum, s) => sum + f(s), 0) / group.length;
      return {
        ...poolSampleToRow({
          cluster: group[0].cluster,
          nodePool: group[0].nodePool,
          at: hour,
          nodesByCapacityType: {
            spot: mean(s => s.nodesByCapacityType.spot),
            'on-demand': mean(s => s.nodesByCapacityType['on-demand']),
            reserved: mean(s => s.nodesByCapacityType.reserved),
          },
          vcpuByCapacityType: {
            spot: mean(s => s.vcpuByCapacityType.spot),
            'on-demand': mean(s => s.vcpuByCapacityType['on-demand']),
            reserved: mean(s => s.vcpuByCapacityType.reserved),
          },
          costUsdPerHour: mean(s => s.costUsdPerHour),
          onDemandUsdPerHour: mean(s => s.onDemandUsdPerHour),
          idleUsdPerHour: mean(s => s.idleUsdPerHour),
        }),
        samples: group.length,
      };
    });
    await this.#upsert('streaming_nodepool_hourly', poolRollups, [
      'cluster',
      'node_pool',
      'at',
    ]);
    return pipelineRollups.length + lagRollups.length + poolRollups.length > 0;
  }

  async applyRetention(
    now: number,
    retention: RetentionSettings,
  ): Promise<number> {
    const minuteCutoff = now - retention.minuteSamplesMs;
    const hourCutoff = now - retention.hourlyRollupsMs;
    const eventCutoff = now - retention.eventsMs;
    let deleted = 0;
    for (const table of [
      'streaming_pipeline_samples',
      'streaming_lag_samples',
      'streaming_nodepool_samples',
    ]) {
      deleted += await this.#db(table).where('at', '<', minuteCutoff).delete();
    }
    for (const table of [
      'streaming_pipeline_hourly',
      'streaming_lag_hourly',
      'streaming_nodepool_hourly',
    ]) {
      deleted += await this.#db(table).where('at', '<', hourCutoff).delete();
    }
    deleted += await this.#db('streaming_events')
      .where('at', '<', eventCutoff)
      .delete();
    for (const table of [
      'streaming_pod_lifecycles',
      'streaming_nodeclaim_lifecycles',
    ]) {
      deleted += await this.#db(table)
        // Objects still alive stay, however old.
        .where('deleted_at', '<', eventCutoff)
        .delete();
    }
    return deleted;
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    let group = groups.get(k);
    if (!group) groups.set(k, (group = []));
    group.push(item);
  }
  return [...groups.values()];
}
