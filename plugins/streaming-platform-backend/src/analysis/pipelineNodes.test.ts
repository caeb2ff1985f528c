import { PipelineNodeSpan, pipelineNodeSpans } from './pipelineNodes';
import { NodeClaimLifecycle, PodLifecycle } from './types';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.UTC(2026, 5, 1, 12, 0);
const WINDOW = { from: T0, to: T0 + 6 * HOUR };
const REF = 'c1/payments/orders';

const pod = (uid: string, extra: Partial<PodLifecycle> = {}): PodLifecycle => ({
  cluster: 'c1',
  namespace: 'payments',
  name: `orders-taskmanager-${uid}`,
  uid,
  pipelineRef: REF,
  role: 'taskmanager',
  nodeName: 'n1',
  nodePool: 'flink-spot',
  capacityType: 'spot',
  cpuMillis: 1000,
  memoryMiB: 2048,
  createdAt: T0 + HOUR,
  scheduledAt: T0 + HOUR + 30_000,
  ...extra,
});

const claim = (
  uid: string,
  extra: Partial<NodeClaimLifecycle> = {},
): NodeClaimLifecycle => ({
  cluster: 'c1',
  name: `flink-spot-${uid}`,
  uid,
  nodePool: 'flink-spot',
  nodeName: 'n1',
  capacityType: 'spot',
  instanceType: 'm6g.xlarge',
  zone: 'eu-west-1a',
  createdAt: T0 + HOUR - 2 * MIN,
  ...extra,
});

describe('pipelineNodeSpans', () => {
  it.each<[string, PodLifecycle[], NodeClaimLifecycle[], PipelineNodeSpan[]]>([
    [
      // Two pods on n1, one still running: from the first bound, no end
      'pods on a node, one still running',
      [
        pod('a'),
        pod('b', { scheduledAt: T0 + 2 * HOUR, deletedAt: T0 + 3 * HOUR }),
      ],
      [claim('c1')],
      [
        {
          nodeName: 'n1',
          from: T0 + HOUR + 30_000,
          pods: 2,
          claim: claim('c1'),
          nodePool: 'flink-spot',
          capacityType: 'spot',
        },
      ],
    ],
    [
      // Both ended: the later end. Bound before the window: clipped to it
      'clipped to the window',
      [
        pod('a', { scheduledAt: T0 - HOUR, deletedAt: T0 + HOUR }),
        pod('b', { scheduledAt: T0 - HOUR, deletedAt: T0 + 7 * HOUR }),
      ],
      [],
      [
        {
          nodeName: 'n1',
          from: T0,
          to: T0 + 6 * HOUR,
          pods: 2,
          nodePool: 'flink-spot',
          capacityType: 'spot',
        },
      ],
    ],
    [
      // Never bound; gone before the window; bound after it
      'pods not on a node in the window',
      [
        pod('pending', { nodeName: undefined }),
        pod('before', { scheduledAt: T0 - 2 * HOUR, deletedAt: T0 }),
        pod('after', { createdAt: T0 + 6 * HOUR, scheduledAt: undefined }),
      ],
      [],
      [],
    ],
    [
      // No scheduledAt recorded: from its creation. A node group's node has
      // no claim; the pod record names its pool and capacity type
      'a node-group node, from creation',
      [
        pod('a', {
          nodeName: 'ng-1',
          scheduledAt: undefined,
          nodePool: 'system',
          capacityType: 'on-demand',
        }),
      ],
      [claim('other', { nodeName: 'n9' })],
      [
        {
          nodeName: 'ng-1',
          from: T0 + HOUR,
          pods: 1,
          nodePool: 'system',
          capacityType: 'on-demand',
        },
      ],
    ],
    [
      // n1's name was used by an older node, deleted before the pod came
      'a reused node name takes the claim alive at the time',
      [pod('a')],
      [
        claim('old', { createdAt: T0 - 5 * HOUR, deletedAt: T0 - HOUR }),
        claim('new'),
        claim('later', { createdAt: T0 + 9 * HOUR }),
      ],
      [
        {
          nodeName: 'n1',
          from: T0 + HOUR + 30_000,
          pods: 1,
          claim: claim('new'),
          nodePool: 'flink-spot',
          capacityType: 'spot',
        },
      ],
    ],
    [
      // The same pod from history and from the index: the later record wins
      'a pod recorded twice counts once',
      [
        pod('a'),
        pod('a', { deletedAt: T0 + 2 * HOUR }),
        pod('b', { nodeName: 'n0', scheduledAt: T0 + HOUR }),
      ],
      [],
      [
        {
          nodeName: 'n0',
          from: T0 + HOUR,
          pods: 1,
          nodePool: 'flink-spot',
          capacityType: 'spot',
        },
        {
          nodeName: 'n1',
          from: T0 + HOUR + 30_000,
          to: T0 + 2 * HOUR,
          pods: 1,
          nodePool: 'flink-spot',
          capacityType: 'spot',
        },
      ],
    ],
    ['nothing', [], [], []],
  ])('%s', (_, pods, claims, expected) => {
    expect(pipelineNodeSpans(pods, claims, WINDOW)).toStrictEqual(expected);
  });
});
