import {
  parseFlinkDuration,
  pipelineSpecFromFlinkDeployment,
} from './fromFlinkDeployment';

describe('parseFlinkDuration', () => {
  it.each([
    ['30 s', 30_000],
    ['30s', 30_000],
    ['5min', 300_000],
    ['5 m', 300_000],
    ['1 h', 3_600_000],
    ['2d', 172_800_000],
    ['100ms', 100],
    ['250', 250],
    ['1.5 min', 90_000],
    ['soon', undefined],
    [undefined, undefined],
  ])('%s is %s ms', (value, ms) => expect(parseFlinkDuration(value)).toBe(ms));
});

describe('pipelineSpecFromFlinkDeployment', () => {
  const object = {
    apiVersion: 'flink.apache.org/v1beta1',
    kind: 'FlinkDeployment',
    metadata: {
      name: 'orders-enricher',
      namespace: 'orders',
      labels: { 'streaming-platform.io/team': 'team-orders' },
      annotations: { 'streaming-platform.io/source-partitions': '24' },
    },
    spec: {
      image: 'registry.example.com/orders-enricher:1.4.2',
      flinkVersion: 'v1_20',
      flinkConfiguration: {
        'taskmanager.numberOfTaskSlots': '2',
        'job.autoscaler.enabled': 'true',
        'job.autoscaler.utilization.target': '0.6',
        'job.autoscaler.stabilization.interval': '1m',
        'job.autoscaler.metrics.window': '5m',
        'kubernetes.operator.job.autoscaler.scale-down.interval': '30 min',
        'job.autoscaler.vertex.max-parallelism': '64',
        'kafka.source.topic': 'orders',
        'kafka.source.group-id': 'orders-enricher',
        'execution.checkpointing.interval': '30 s',
      },
      jobManager: { resource: { cpu: 0.5, memory: '1536m' } },
      taskManager: { resource: { cpu: 1, memory: '4g' } },
      job: {
        jarURI: 'local:///opt/flink/usrlib/job.jar',
        parallelism: 4,
        upgradeMode: 'last-state',
      },
    },
  };

  it('takes the settings from the spec, the Flink configuration and the annotations', () => {
    const spec = pipelineSpecFromFlinkDeployment(object, 'seed');
    expect(spec).toMatchObject({
      namespace: 'orders',
      name: 'orders-enricher',
      team: 'team-orders',
      topic: 'orders',
      consumerGroup: 'orders-enricher',
      partitions: 24,
      taskSlots: 2,
      taskManager: { cpuMillis: 1000, memoryMiB: 4096 },
      jobManager: { cpuMillis: 500, memoryMiB: 1536 },
      initialParallelism: 4,
      checkpointIntervalMs: 30_000,
      capacityProfile: 'spot-first',
      autoscaler: {
        enabled: true,
        utilizationTarget: 0.6,
        utilizationMin: expect.closeTo(0.3, 6),
        utilizationMax: expect.closeTo(0.9, 6),
        stabilizationMs: 60_000,
        metricsWindowMs: 300_000,
        scaleDownIntervalMs: 1_800_000,
        maxParallelism: 24,
      },
    });
    // Sized so the initial parallelism runs at 45-75 %.
    expect(spec.traffic.baseRate).toBeGreaterThanOrEqual(4 * 1500 * 0.45);
    expect(spec.traffic.baseRate).toBeLessThanOrEqual(4 * 1500 * 0.75);
  });

  it('falls back to the operator defaults and derived names', () => {
    const spec = pipelineSpecFromFlinkDeployment(
      {
        apiVersion: 'flink.apache.org/v1beta1',
        kind: 'FlinkDeployment',
        metadata: { name: 'x', namespace: 'ns' },
        spec: {},
      },
      'seed',
    );
    expect(spec).toMatchObject({
      topic: 'x',
      consumerGroup: 'ns.x',
      team: 'ns',
      partitions: 12,
      taskSlots: 1,
      initialParallelism: 1,
      autoscaler: {
        enabled: false,
        stabilizationMs: 300_000,
        metricsWindowMs: 900_000,
        maxParallelism: 12,
      },
    });
  });
});
