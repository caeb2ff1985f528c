import { ScalingEvent } from '@internal/backstage-plugin-streaming-platform-common';
import { toScalingEvent } from './events';
import { RecordedEvent } from './types';

const AT = Date.UTC(2026, 5, 1, 12, 0, 5);

function recorded(overrides: Partial<RecordedEvent>): RecordedEvent {
  return {
    cluster: 'eks-prod-eu-west-1',
    uid: '5c1e8f0a-0000-4000-8000-000000000001',
    count: 1,
    involvedKind: 'FlinkDeployment',
    involvedName: 'card-auth',
    reason: 'JobStatusChanged',
    type: 'Normal',
    message: 'Job status changed from RESTARTING to RUNNING',
    component: 'Job',
    at: AT,
    ...overrides,
  };
}

const ID = '5c1e8f0a-0000-4000-8000-000000000001';

describe('toScalingEvent', () => {
  it.each<[string, Partial<RecordedEvent>, Partial<ScalingEvent>]>([
    [
      'a ScalingReport, with its vertex changes',
      {
        reason: 'ScalingReport',
        component: 'Operator',
        count: 3,
        message:
          'Scaling execution enabled, begin scaling vertices:{ Vertex ID 0a44 | Parallelism 2 -> 4 | Processing capacity 1.00 -> 2.00 | Target data rate 1.50}',
      },
      {
        id: `${ID}#3`,
        source: 'flink-operator',
        reason: 'ScalingReport',
        object: 'FlinkDeployment/card-auth',
        vertexChanges: [{ vertex: '0a44', from: 2, to: 4 }],
      },
    ],
    [
      'a recommendation keeps its vertex changes',
      {
        reason: 'ScalingReport',
        component: 'Operator',
        message:
          'Scaling execution disabled by config job.autoscaler.scaling.enabled:false, recommended parallelism change:{ Vertex ID 0a44 | Parallelism 4 -> 2 | Processing capacity 1.00 -> 0.50 | Target data rate 0.40}',
      },
      {
        source: 'flink-operator',
        vertexChanges: [{ vertex: '0a44', from: 4, to: 2 }],
      },
    ],
    ['a Job event', {}, { id: `${ID}#1`, source: 'flink-operator' }],
    [
      'a JobManagerDeployment event',
      { component: 'JobManagerDeployment', reason: 'SpecChanged' },
      { source: 'flink-operator' },
    ],
    [
      'a Karpenter NodeClaim event',
      {
        component: 'karpenter',
        involvedKind: 'NodeClaim',
        involvedName: 'flink-spot-x7k2p',
        reason: 'SpotInterrupted',
        type: 'Warning',
        message: 'Spot interruption warning was triggered',
      },
      {
        source: 'karpenter',
        object: 'NodeClaim/flink-spot-x7k2p',
        type: 'Warning',
      },
    ],
    [
      'a scheduler event',
      {
        component: 'default-scheduler',
        involvedKind: 'Pod',
        involvedName: 'card-auth-taskmanager-1-2',
        reason: 'Scheduled',
      },
      { source: 'scheduler', object: 'Pod/card-auth-taskmanager-1-2' },
    ],
    [
      'a kubelet event',
      {
        component: 'kubelet',
        involvedKind: 'Pod',
        involvedName: 'p',
        reason: 'Pulled',
      },
      { source: 'kubelet' },
    ],
    [
      'an unknown component on a NodeClaim: by kind',
      {
        component: 'some-controller',
        involvedKind: 'NodeClaim',
        involvedName: 'c',
      },
      { source: 'karpenter' },
    ],
    [
      'no component on a FlinkDeployment: by kind',
      { component: undefined },
      { source: 'flink-operator' },
    ],
    [
      'neither known: the platform',
      { component: 'toString', involvedKind: 'Pod', involvedName: 'p' },
      { source: 'streaming-platform' },
    ],
    [
      'a ScalingReport that cannot be parsed has no vertex changes',
      { reason: 'ScalingReport', component: 'Operator', message: 'truncated' },
      { source: 'flink-operator', vertexChanges: undefined },
    ],
  ])('%s', (_, overrides, expected) => {
    const e = recorded(overrides);
    const result = toScalingEvent(e);
    expect(result).toEqual({
      id: `${e.uid}#${e.count}`,
      at: '2026-06-01T12:00:05.000Z',
      reason: e.reason,
      type: e.type,
      message: e.message,
      object: `${e.involvedKind}/${e.involvedName}`,
      ...expected,
    });
    // Left out rather than undefined when there are none.
    expect('vertexChanges' in result).toBe(
      expected.vertexChanges !== undefined,
    );
  });
});
