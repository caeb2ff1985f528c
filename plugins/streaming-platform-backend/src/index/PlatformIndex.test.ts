import {
  NodeClaimLifecycle,
  PodLifecycle,
  RecordedEvent,
} from '../analysis/types';
import { NodePriceLookup } from '../aws/types';
import { IndexRecorder, PlatformIndex } from './PlatformIndex';
import { pipelineSummary } from './views';

const prices: NodePriceLookup = {
  priceOf: ({ capacityType }) =>
    capacityType === 'spot'
      ? {
          usdPerHour: 0.08,
          source: 'spot-price-history',
          onDemandUsdPerHour: 0.2,
          onDemandSource: 'price-list',
        }
      : {
          usdPerHour: 0.2,
          source: 'price-list',
          onDemandUsdPerHour: 0.2,
          onDemandSource: 'price-list',
        },
};

function recorder() {
  const recorded = {
    events: [] as RecordedEvent[],
    pods: [] as PodLifecycle[],
    claims: [] as NodeClaimLifecycle[],
  };
  const sink: IndexRecorder = {
    event: e => recorded.events.push(e),
    pod: p => recorded.pods.push(p),
    nodeClaim: c => recorded.claims.push(c),
  };
  return { recorded, sink };
}

const flinkDeployment = (
  name: string,
  extra: Record<string, unknown> = {},
) => ({
  metadata: {
    name,
    namespace: 'payments',
    uid: `fd-${name}`,
    labels: { 'streaming-platform.io/team': 'team-payments' },
    annotations: { 'streaming-platform.io/lag-target-seconds': '60' },
  },
  spec: {
    job: { parallelism: 2 },
    flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '2' },
  },
  status: { jobStatus: { state: 'RUNNING' }, lifecycleState: 'STABLE' },
  ...extra,
});

const node = (name: string, capacityType: string) => ({
  metadata: {
    name,
    labels: {
      'karpenter.sh/capacity-type': capacityType,
      'karpenter.sh/nodepool': 'flink',
      'node.kubernetes.io/instance-type': 'm6i.xlarge',
      'topology.kubernetes.io/zone': 'eu-west-1a',
      'topology.kubernetes.io/region': 'eu-west-1',
    },
  },
  status: { capacity: { cpu: '4', memory: '16Gi' } },
});

const pod = (name: string, nodeName: string, role = 'taskmanager') => ({
  metadata: {
    name,
    namespace: 'payments',
    uid: `pod-${name}`,
    labels: { app: 'orders', component: role },
    creationTimestamp: '2026-11-28T10:00:00Z',
  },
  spec: {
    nodeName,
    containers: [{ resources: { requests: { cpu: '1', memory: '4Gi' } } }],
  },
  status: {
    phase: 'Running',
    conditions: [
      {
        type: 'Ready',
        status: 'True',
        lastTransitionTime: '2026-11-28T10:01:00Z',
      },
    ],
  },
});

function build() {
  const { recorded, sink } = recorder();
  const index = new PlatformIndex({
    clusters: [{ name: 'c1', region: 'eu-west-1' }],
    prices,
    recorder: sink,
    now: () => Date.parse('2026-11-28T12:00:00Z'),
  });
  index.replace('c1', 'Node', [
    node('spot-1', 'spot'),
    node('od-1', 'on-demand'),
  ]);
  index.replace('c1', 'FlinkDeployment', [flinkDeployment('orders')]);
  index.replace('c1', 'Pod', [
    pod('orders-jobmanager-0', 'od-1', 'jobmanager'),
    pod('orders-taskmanager-1-1', 'spot-1'),
    pod('orders-taskmanager-1-2', 'spot-1'),
  ]);
  return { index, recorded };
}

const options = {
  costSplit: { cpuToMemoryPriceRatio: 7.46 },
  defaultLagTargetSeconds: 120,
  includeCost: true,
};

describe('PlatformIndex', () => {
  it("joins a pipeline's pods and their nodes' capacity types", () => {
    const { index } = build();
    const summary = pipelineSummary(
      index.cluster('c1')!,
      index.pipeline('c1/payments/orders')!,
      undefined,
      options,
    );
    expect(summary).toMatchObject({
      ref: 'c1/payments/orders',
      team: 'team-payments',
      jobState: 'RUNNING',
      parallelism: 2,
      taskManagers: { ready: 2, total: 2 },
      lag: { targetSeconds: 60, breached: false },
    });
    expect(summary.spotMixNow).toEqual({
      spot: 2 / 3,
      onDemand: 1 / 3,
      reserved: 0,
      vcpuHours: 3,
    });
    expect(summary.costPerHour?.priceSources).toEqual([
      'price-list',
      'spot-price-history',
    ]);
  });

  it('moves a pod between nodes and forgets deleted ones', () => {
    const { index, recorded } = build();
    index.apply('c1', 'Pod', 'MODIFIED', pod('orders-taskmanager-1-2', 'od-1'));
    const cluster = index.cluster('c1')!;
    expect([...cluster.podsByNode.get('spot-1')!]).toEqual([
      'payments/orders-taskmanager-1-1',
    ]);
    expect(cluster.podsByNode.get('od-1')!.size).toBe(2);
    index.apply(
      'c1',
      'Pod',
      'DELETED',
      pod('orders-taskmanager-1-1', 'spot-1'),
    );
    expect(cluster.podsByNode.has('spot-1')).toBe(false);
    expect(recorded.pods.at(-1)).toMatchObject({
      name: 'orders-taskmanager-1-1',
      deletedAt: Date.parse('2026-11-28T12:00:00Z'),
      capacityType: 'spot',
      nodePool: 'flink',
    });
  });

  it('drops on re-list what vanished while the watch was down', () => {
    const { index, recorded } = build();
    index.replace('c1', 'Pod', [
      pod('orders-jobmanager-0', 'od-1', 'jobmanager'),
    ]);
    expect(
      index
        .cluster('c1')!
        .podsOfPipeline('payments/orders')
        .map(p => p.name),
    ).toEqual(['orders-jobmanager-0']);
    expect(
      recorded.pods
        .filter(p => p.deletedAt)
        .map(p => p.name)
        .sort(),
    ).toEqual(['orders-taskmanager-1-1', 'orders-taskmanager-1-2']);
  });

  it('takes parallelism from the newest executed ScalingReport, whatever the order', () => {
    const { index, recorded } = build();
    const report = (uid: string, at: string, to: number) => ({
      metadata: { name: uid, namespace: 'payments', uid },
      involvedObject: {
        kind: 'FlinkDeployment',
        name: 'orders',
        namespace: 'payments',
      },
      reason: 'ScalingReport',
      type: 'Normal',
      source: { component: 'Operator' },
      message: `Scaling execution enabled, begin scaling vertices:{ Vertex ID abc | Parallelism 2 -> ${to} | Processing capacity 1.00 -> 2.00 | Target data rate 1.00}`,
      lastTimestamp: at,
      count: 1,
    });
    index.replace('c1', 'Event', [
      report('newer', '2026-11-28T11:00:00Z', 6),
      report('older', '2026-11-28T10:00:00Z', 4),
    ]);
    expect(index.pipeline('c1/payments/orders')!.reportedParallelism).toBe(6);
    expect(recorded.events.map(e => e.pipelineRef)).toEqual([
      'c1/payments/orders',
      'c1/payments/orders',
    ]);
  });

  it('resolves the NodePool of NodeClaim events and records NodeClaim lives', () => {
    const { index, recorded } = build();
    index.apply('c1', 'NodeClaim', 'ADDED', {
      metadata: {
        name: 'flink-x1',
        uid: 'nc-1',
        creationTimestamp: '2026-11-28T10:00:00Z',
        labels: {
          'karpenter.sh/nodepool': 'flink',
          'karpenter.sh/capacity-type': 'spot',
        },
      },
      status: {
        conditions: [
          {
            type: 'Launched',
            status: 'True',
            lastTransitionTime: '2026-11-28T10:00:20Z',
          },
        ],
      },
    });
    index.apply('c1', 'Event', 'ADDED', {
      metadata: { name: 'ev', uid: 'ev-1' },
      involvedObject: { kind: 'NodeClaim', name: 'flink-x1' },
      reason: 'SpotInterrupted',
      type: 'Warning',
      message: 'Spot interruption warning was triggered',
      source: { component: 'karpenter' },
      lastTimestamp: '2026-11-28T11:00:00Z',
    });
    expect(recorded.events.at(-1)).toMatchObject({
      nodePool: 'flink',
      reason: 'SpotInterrupted',
    });
    expect(recorded.claims.at(-1)).toMatchObject({
      name: 'flink-x1',
      launchedAt: Date.parse('2026-11-28T10:00:20Z'),
    });
  });
});
