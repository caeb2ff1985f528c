import { capacityTypeOf, readEvent, readNode, readPod } from './objects';

describe('capacityTypeOf', () => {
  it.each([
    [{ 'karpenter.sh/capacity-type': 'spot' }, 'spot'],
    [{ 'karpenter.sh/capacity-type': 'on-demand' }, 'on-demand'],
    [{ 'karpenter.sh/capacity-type': 'reserved' }, 'reserved'],
    [{ 'eks.amazonaws.com/capacityType': 'SPOT' }, 'spot'],
    [{ 'eks.amazonaws.com/capacityType': 'ON_DEMAND' }, 'on-demand'],
    [{}, undefined],
  ])('%p → %p', (labels, expected) => {
    expect(capacityTypeOf(labels as Record<string, string>)).toBe(expected);
  });
});

describe('readPod', () => {
  const taskManager = {
    metadata: {
      name: 'orders-taskmanager-1-3',
      namespace: 'payments',
      uid: 'u1',
      labels: { app: 'orders', component: 'taskmanager' },
      creationTimestamp: '2026-11-28T10:00:00Z',
    },
    spec: {
      nodeName: 'ip-10-0-1-1.eu-west-1.compute.internal',
      containers: [
        { resources: { requests: { cpu: '1', memory: '3Gi' } } },
        { resources: { requests: { cpu: '250m', memory: '512Mi' } } },
      ],
    },
    status: {
      phase: 'Running',
      conditions: [
        {
          type: 'PodScheduled',
          status: 'True',
          lastTransitionTime: '2026-11-28T10:00:05Z',
        },
        {
          type: 'Ready',
          status: 'True',
          lastTransitionTime: '2026-11-28T10:00:40Z',
        },
      ],
    },
  };

  it('reads a TaskManager: its pipeline by labels, summed requests, times', () => {
    expect(readPod(taskManager)).toEqual({
      namespace: 'payments',
      name: 'orders-taskmanager-1-3',
      uid: 'u1',
      pipelineKey: 'payments/orders',
      role: 'taskmanager',
      nodeName: 'ip-10-0-1-1.eu-west-1.compute.internal',
      cpuMillis: 1250,
      memoryMiB: 3584,
      phase: 'Running',
      ready: true,
      active: true,
      createdAt: Date.parse('2026-11-28T10:00:00Z'),
      scheduledAt: Date.parse('2026-11-28T10:00:05Z'),
      readyAt: Date.parse('2026-11-28T10:00:40Z'),
      deletingAt: undefined,
    });
  });

  it('does not count finished or unbound pods against a node', () => {
    expect(
      readPod({ ...taskManager, status: { phase: 'Succeeded' } })?.active,
    ).toBe(false);
    expect(readPod({ ...taskManager, spec: { containers: [] } })?.active).toBe(
      false,
    );
  });

  it('leaves pods that are not Flink pods without a pipeline', () => {
    const pod = readPod({
      ...taskManager,
      metadata: { ...taskManager.metadata, labels: { app: 'orders' } },
    });
    expect(pod?.pipelineKey).toBeUndefined();
  });
});

describe('readNode', () => {
  it('reads a Karpenter node and a managed node-group node', () => {
    const karpenter = readNode({
      metadata: {
        name: 'n1',
        labels: {
          'karpenter.sh/capacity-type': 'spot',
          'karpenter.sh/nodepool': 'flink-spot-first',
          'node.kubernetes.io/instance-type': 'm6i.xlarge',
          'topology.kubernetes.io/zone': 'eu-west-1a',
          'topology.kubernetes.io/region': 'eu-west-1',
        },
      },
      status: { capacity: { cpu: '4', memory: '16Gi' } },
    });
    expect(karpenter).toMatchObject({
      capacityType: 'spot',
      nodePool: 'flink-spot-first',
      nodePoolKind: 'karpenter',
      cpuMillis: 4000,
      memoryMiB: 16384,
    });
    const nodeGroup = readNode({
      metadata: {
        name: 'n2',
        labels: {
          'eks.amazonaws.com/capacityType': 'ON_DEMAND',
          'eks.amazonaws.com/nodegroup': 'ng-flink',
        },
      },
    });
    expect(nodeGroup).toMatchObject({
      capacityType: 'on-demand',
      nodePool: 'ng-flink',
      nodePoolKind: 'node-group',
      instanceType: 'unknown',
    });
  });
});

describe('readEvent', () => {
  it.each([
    [
      'core/v1 with count',
      {
        metadata: { name: 'e1', namespace: 'payments', uid: 'e-uid' },
        involvedObject: {
          kind: 'FlinkDeployment',
          name: 'orders',
          namespace: 'payments',
        },
        reason: 'ScalingReport',
        type: 'Normal',
        message: 'Scaling execution enabled',
        source: { component: 'Operator' },
        lastTimestamp: '2026-11-28T10:00:00Z',
        count: 3,
      },
      {
        uid: 'e-uid',
        count: 3,
        component: 'Operator',
        at: Date.parse('2026-11-28T10:00:00Z'),
      },
    ],
    [
      'events.k8s.io/v1 with series',
      {
        metadata: { name: 'e2', uid: 'e2-uid' },
        regarding: { kind: 'NodeClaim', name: 'flink-spot-abc' },
        reason: 'SpotInterrupted',
        type: 'Warning',
        note: 'Spot interruption warning was triggered',
        reportingController: 'karpenter',
        eventTime: '2026-11-28T09:00:00.000000Z',
        series: { count: 2, lastObservedTime: '2026-11-28T09:05:00.000000Z' },
      },
      {
        uid: 'e2-uid',
        count: 2,
        component: 'karpenter',
        at: Date.parse('2026-11-28T09:05:00Z'),
        type: 'Warning',
      },
    ],
  ])('%s', (_name, object, expected) => {
    expect(readEvent('c1', object as any)).toMatchObject(expected);
  });
});
