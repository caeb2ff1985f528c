/*
 * The streaming platform's history: recorded Kubernetes events, pod and
 * NodeClaim lifecycles, 1-minute samples and their hourly rollups. Times are
 * epoch milliseconds (bigint), the same on SQLite and PostgreSQL.
 */

// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('streaming_events', table => {
    table.comment('Kubernetes events, recorded once per (cluster, uid, count)');
    table.string('cluster', 100).notNullable();
    table.string('uid', 255).notNullable();
    table.integer('count').notNullable();
    table.string('namespace', 255).nullable();
    table.string('involved_kind', 100).notNullable();
    table.string('involved_name', 255).notNullable();
    table.string('involved_namespace', 255).nullable();
    table.string('reason', 255).notNullable();
    table.string('type', 20).notNullable();
    table.text('message').notNullable();
    table.string('component', 255).nullable();
    table.bigInteger('at').notNullable();
    table.string('pipeline_ref', 500).nullable();
    table.string('node_pool', 255).nullable();
    table.unique(['cluster', 'uid', 'count'], {
      indexName: 'streaming_events_key',
    });
    table.index(['pipeline_ref', 'at'], 'streaming_events_pipeline_at');
    table.index(['cluster', 'node_pool', 'at'], 'streaming_events_pool_at');
    table.index(['cluster', 'reason', 'at'], 'streaming_events_reason_at');
    table.index(['at'], 'streaming_events_at');
  });

  await knex.schema.createTable('streaming_pod_lifecycles', table => {
    table.comment('Flink pods: created, scheduled, ready, deleted');
    table.string('cluster', 100).notNullable();
    table.string('uid', 255).notNullable();
    table.string('namespace', 255).notNullable();
    table.string('name', 255).notNullable();
    table.string('pipeline_ref', 500).nullable();
    table.string('role', 20).nullable();
    table.string('node_name', 255).nullable();
    table.string('node_pool', 255).nullable();
    table.string('capacity_type', 20).nullable();
    table.double('cpu_millis').notNullable();
    table.double('memory_mib').notNullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('scheduled_at').nullable();
    table.bigInteger('ready_at').nullable();
    table.bigInteger('deleted_at').nullable();
    table.primary(['cluster', 'uid']);
    table.index(['pipeline_ref', 'created_at'], 'streaming_pods_pipeline');
    table.index(['cluster', 'created_at'], 'streaming_pods_created');
  });

  await knex.schema.createTable('streaming_nodeclaim_lifecycles', table => {
    table.comment('Karpenter NodeClaims: created, launched … ready, deleted');
    table.string('cluster', 100).notNullable();
    table.string('uid', 255).notNullable();
    table.string('name', 255).notNullable();
    table.string('node_pool', 255).notNullable();
    table.string('node_name', 255).nullable();
    table.string('capacity_type', 20).notNullable();
    table.string('instance_type', 100).notNullable();
    table.string('zone', 100).notNullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('launched_at').nullable();
    table.bigInteger('registered_at').nullable();
    table.bigInteger('initialized_at').nullable();
    table.bigInteger('ready_at').nullable();
    table.bigInteger('deleted_at').nullable();
    table.string('disruption_reason', 255).nullable();
    table.primary(['cluster', 'uid']);
    table.index(['cluster', 'created_at'], 'streaming_nodeclaims_created');
  });

  /** @param {import('knex').Knex.CreateTableBuilder} table */
  const pipelineColumns = table => {
    table.string('pipeline_ref', 500).notNullable();
    table.bigInteger('at').notNullable();
    table.double('parallelism').notNullable();
    table.double('task_managers').notNullable();
    table.double('vcpu_spot').notNullable();
    table.double('vcpu_on_demand').notNullable();
    table.double('vcpu_reserved').notNullable();
    table.double('cost_usd_per_hour').notNullable();
    table.double('on_demand_usd_per_hour').notNullable();
    table.string('price_sources', 255).notNullable();
    table.primary(['pipeline_ref', 'at']);
    table.index(['at']);
  };
  /** @param {import('knex').Knex.CreateTableBuilder} table */
  const lagColumns = table => {
    table.string('pipeline_ref', 500).notNullable();
    table.bigInteger('at').notNullable();
    table.double('time_lag_seconds').nullable();
    table.double('max_offset_lag').nullable();
    table.double('sum_offset_lag').nullable();
    table.primary(['pipeline_ref', 'at']);
    table.index(['at']);
  };
  /** @param {import('knex').Knex.CreateTableBuilder} table */
  const poolColumns = table => {
    table.string('cluster', 100).notNullable();
    table.string('node_pool', 255).notNullable();
    table.bigInteger('at').notNullable();
    for (const prefix of ['nodes', 'vcpu']) {
      table.double(`${prefix}_spot`).notNullable();
      table.double(`${prefix}_on_demand`).notNullable();
      table.double(`${prefix}_reserved`).notNullable();
    }
    table.double('cost_usd_per_hour').notNullable();
    table.double('on_demand_usd_per_hour').notNullable();
    table.double('idle_usd_per_hour').notNullable();
    table.primary(['cluster', 'node_pool', 'at']);
    table.index(['at']);
  };

  await knex.schema.createTable('streaming_pipeline_samples', pipelineColumns);
  await knex.schema.createTable('streaming_lag_samples', lagColumns);
  await knex.schema.createTable('streaming_nodepool_samples', poolColumns);
  await knex.schema.createTable('streaming_pipeline_hourly', table => {
    pipelineColumns(table);
    table.integer('samples').notNullable();
  });
  await knex.schema.createTable('streaming_lag_hourly', table => {
    lagColumns(table);
    table.double('max_time_lag_seconds').nullable();
    table.integer('samples').notNullable();
  });
  await knex.schema.createTable('streaming_nodepool_hourly', table => {
    poolColumns(table);
    table.integer('samples').notNullable();
  });
  await knex.schema.createTable('streaming_rollup_state', table => {
    table.comment('Up to when minute samples are rolled up into hours');
    table.string('name', 100).primary();
    table.bigInteger('rolled_until').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of [
    'streaming_rollup_state',
    'streaming_nodepool_hourly',
    'streaming_lag_hourly',
    'streaming_pipeline_hourly',
    'streaming_nodepool_samples',
    'streaming_lag_samples',
    'streaming_pipeline_samples',
    'streaming_nodeclaim_lifecycles',
    'streaming_pod_lifecycles',
    'streaming_events',
  ]) {
    await knex.schema.dropTable(table);
  }
};
