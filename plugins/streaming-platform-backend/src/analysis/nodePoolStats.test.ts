import {
  nodePoolStats,
  NodePoolStats,
  NodePoolStatsInput,
} from './nodePoolStats';
import { NodeClaimLifecycle, PodLifecycle, RecordedEvent } from './types';

const S = 1000;
const MIN = 60 * S;
const CLUSTER = 'eks-prod-eu-west-1';
/** 12:00 → 13:00 */
const T0 = Date.UTC(2026, 5, 1, 12, 0);
const WINDOW = { from: T0, to: T0 + 60 * MIN };

function claim(
  name: string,
  capacityType: NodeClaimLifecycle['capacityType'],
  createdAt: number,
  life: Partial<NodeClaimLifecycle> = {},
): NodeClaimLifecycle {
  return {
    cluster: CLUSTER,
    name,
    uid: `uid-${name}`,
    nodePool: 'flink',
    nodeName: `node-of-${name}`,
    capacityType,
    instanceType: 'm6i.xlarge',
    zone: 'eu-west-1a',
    createdAt,
    ...life,
  };
}

function pod(
  name: string,
  createdAt: number,
  scheduledAt?: number,
): PodLifecycle {
  return {
    cluster: CLUSTER,
    namespace: 'payments',
    name,
    uid: `uid-${name}`,
    cpuMillis: 1000,
    memoryMiB: 4096,
    createdAt,
    ...(scheduledAt === undefined ? {} : { scheduledAt }),
  };
}

let count = 0;
function karpenterEvent(
  at: number,
  reason: string,
  involvedKind: 'NodeClaim' | 'Node',
  involvedName: string,
  message: string,
  extra: Partial<RecordedEvent> = {},
): RecordedEvent {
  return {
    cluster: CLUSTER,
    uid: `event-${++count}`,
    count: 1,
    involvedKind,
    involvedName,
    reason,
    type: 'Warning',
    message,
    component: 'karpenter',
    at,
    ...extra,
  };
}

/** Karpenter's pair of interruption events, on the NodeClaim and on its Node. */
const interrupted = (at: number, claimName: string) => [
  karpenterEvent(
    at,
    'SpotInterrupted',
    'NodeClaim',
    claimName,
    'Spot interruption warning was triggered',
  ),
  karpenterEvent(
    at,
    'SpotInterrupted',
    'Node',
    `node-of-${claimName}`,
    'Spot interruption warning was triggered',
  ),
  karpenterEvent(
    at,
    'TerminatingOnInterruption',
    'NodeClaim',
    claimName,
    'Interruption triggered termination for the NodeClaim',
  ),
];

/** The emulator's (and Karpenter's) insufficient-capacity event for a spot claim. */
const shortage = (
  at: number,
  claimName: string,
  extra: Partial<RecordedEvent> = {},
) =>
  karpenterEvent(
    at,
    'InsufficientCapacityError',
    'NodeClaim',
    claimName,
    `NodeClaim ${claimName} event: creating instance, insufficient capacity, with fleet error(s), InsufficientInstanceCapacity: We currently do not have sufficient m6i.xlarge capacity in the Availability Zone you requested (eu-west-1a).`,
    extra,
  );

/** DisruptionTerminating on the NodeClaim and its Node. */
const disrupting = (at: number, claimName: string, reason: string) => [
  karpenterEvent(
    at,
    'DisruptionTerminating',
    'Node',
    `node-of-${claimName}`,
    `Disrupting Node: ${reason}`,
    { type: 'Normal' },
  ),
  karpenterEvent(
    at,
    'DisruptionTerminating',
    'NodeClaim',
    claimName,
    `Disrupting NodeClaim: ${reason}`,
    { type: 'Normal' },
  ),
];

const none: NodePoolStats = {
  nodeLaunchSeconds: { count: 0 },
  podPendingSeconds: { count: 0 },
  interruptions: 0,
  onDemandFallbacks: 0,
  consolidations: 0,
};
const empty: NodePoolStatsInput = {
  nodeClaims: [],
  pods: [],
  events: [],
  window: WINDOW,
};

describe('nodePoolStats', () => {
  it.each<[string, Partial<NodePoolStatsInput>, Partial<NodePoolStats>]>([
    [
      // Created in the window and Ready: 50, 70, 60, 90 s → sorted 50 60 70
      // 90: p50 rank 2 = 60, p95 rank ⌈3.8⌉ = 4 = 90. A claim created at
      // 11:50 and one never Ready are left out.
      'node launch latency',
      {
        nodeClaims: [
          claim('a', 'spot', T0 + 1 * MIN, { readyAt: T0 + 1 * MIN + 50 * S }),
          claim('b', 'spot', T0 + 10 * MIN, {
            readyAt: T0 + 11 * MIN + 10 * S,
          }),
          claim('c', 'on-demand', T0 + 20 * MIN, { readyAt: T0 + 21 * MIN }),
          claim('d', 'on-demand', T0 + 40 * MIN, {
            readyAt: T0 + 41 * MIN + 30 * S,
          }),
          claim('e', 'spot', T0 - 10 * MIN, { readyAt: T0 - 9 * MIN }),
          claim('f', 'spot', T0 + 50 * MIN),
        ],
      },
      { nodeLaunchSeconds: { count: 4, p50: 60, p95: 90, max: 90 } },
    ],
    [
      // Created in the window and scheduled: 2, 55, 0 s → p50 2, p95 55.
      // Still pending, or created before the window: left out.
      'pod pending time',
      {
        pods: [
          pod('p1', T0 + 5 * MIN, T0 + 5 * MIN + 2 * S),
          pod('p2', T0 + 6 * MIN, T0 + 6 * MIN + 55 * S),
          pod('p3', T0 + 7 * MIN, T0 + 7 * MIN),
          pod('p4', T0 + 8 * MIN),
          pod('p5', T0 - 1 * MIN, T0 + 30 * S),
        ],
      },
      { podPendingSeconds: { count: 3, p50: 2, p95: 55, max: 55 } },
    ],
    [
      // Karpenter reports on the NodeClaim and the Node: one interruption.
      'an interruption, reported twice',
      {
        nodeClaims: [
          claim('s1', 'spot', T0 - 50 * MIN, { readyAt: T0 - 49 * MIN }),
        ],
        events: interrupted(T0 + 30 * MIN, 's1'),
      },
      { interruptions: 1 },
    ],
    [
      // A repeated notice (count 2) for the same claim counts once; another
      // claim's notice counts; one at 13:00 (outside) does not.
      'interruptions of several claims',
      {
        nodeClaims: [
          claim('s1', 'spot', T0 - 50 * MIN),
          claim('s2', 'spot', T0 - 50 * MIN),
          claim('s3', 'spot', T0 - 50 * MIN),
        ],
        events: [
          ...interrupted(T0 + 10 * MIN, 's1'),
          { ...interrupted(T0 + 11 * MIN, 's1')[0], count: 2 },
          ...interrupted(T0 + 20 * MIN, 's2'),
          ...interrupted(T0 + 60 * MIN, 's3'),
        ],
      },
      { interruptions: 2 },
    ],
    [
      // No event recorded, but the claim says it was interrupted (the
      // emulator's DisruptionReason `Interrupted`) and was deleted in the
      // window; one deleted after the window and one still draining do not
      // count here.
      'an interruption known from the NodeClaim only',
      {
        nodeClaims: [
          claim('s1', 'spot', T0 - 50 * MIN, {
            disruptionReason: 'Interrupted',
            deletedAt: T0 + 32 * MIN,
          }),
          claim('s2', 'spot', T0 - 50 * MIN, {
            disruptionReason: 'Interrupted',
            deletedAt: T0 + 61 * MIN,
          }),
          claim('s3', 'spot', T0 - 50 * MIN, {
            disruptionReason: 'Interrupted',
          }),
        ],
      },
      { interruptions: 1 },
    ],
    [
      // The notice at 12:59 puts it in this window even though it was
      // deleted at 13:01 (next window's deletion does not count it again).
      'an interruption across the window end',
      {
        nodeClaims: [
          claim('s1', 'spot', T0 - 50 * MIN, {
            disruptionReason: 'Interrupted',
            deletedAt: T0 + 61 * MIN,
          }),
        ],
        events: interrupted(T0 + 59 * MIN, 's1'),
      },
      { interruptions: 1 },
    ],
    [
      // A Node event for a node whose claim is unknown is not counted (its
      // NodeClaim event is what counts).
      'a Node-only notice',
      {
        events: [interrupted(T0 + 5 * MIN, 'gone')[1]],
      },
      { interruptions: 0 },
    ],
    [
      // Spot short at 12:20:00; the on-demand claim 5 s later is the
      // fallback. The on-demand claim at 12:40 (no shortage within 60 s
      // before) is not; nor is a spot claim after the shortage.
      'a fallback to on-demand',
      {
        nodeClaims: [
          claim('od1', 'on-demand', T0 + 20 * MIN + 5 * S),
          claim('od2', 'on-demand', T0 + 40 * MIN),
          claim('sp1', 'spot', T0 + 20 * MIN + 10 * S),
        ],
        events: [shortage(T0 + 20 * MIN, 'flink-ice01')],
      },
      { onDemandFallbacks: 1 },
    ],
    [
      // 61 s after the shortage is too late; exactly 60 s is in time.
      'the 60-second rule',
      {
        nodeClaims: [
          claim('od1', 'on-demand', T0 + 10 * MIN + 61 * S),
          claim('od2', 'on-demand', T0 + 30 * MIN + 60 * S),
        ],
        events: [
          shortage(T0 + 10 * MIN, 'flink-ice01'),
          shortage(T0 + 30 * MIN, 'flink-ice02'),
        ],
      },
      { onDemandFallbacks: 1 },
    ],
    [
      // The shortage was in another pool (by the event's NodePool, or by
      // the claim's name `<pool>-<suffix>` when it has none): no fallback
      // in `flink`.
      'a shortage in another pool',
      {
        nodeClaims: [
          claim('od1', 'on-demand', T0 + 10 * MIN + 5 * S),
          claim('od2', 'on-demand', T0 + 20 * MIN + 5 * S),
        ],
        events: [
          shortage(T0 + 10 * MIN, 'flink-ice01', { nodePool: 'batch' }),
          shortage(T0 + 20 * MIN, 'batch-ice02'),
        ],
      },
      { onDemandFallbacks: 0 },
    ],
    [
      // An on-demand claim that was itself short is not a spot shortage.
      'an on-demand shortage',
      {
        nodeClaims: [
          claim('flink-odice', 'on-demand', T0 + 9 * MIN),
          claim('od1', 'on-demand', T0 + 10 * MIN + 5 * S),
        ],
        events: [shortage(T0 + 10 * MIN, 'flink-odice')],
      },
      { onDemandFallbacks: 0 },
    ],
    [
      // One on-demand claim after two shortages counts once; a fallback
      // created at 13:00:10 belongs to the next window.
      'several shortages, one fallback',
      {
        nodeClaims: [
          claim('od1', 'on-demand', T0 + 10 * MIN + 20 * S),
          claim('od2', 'on-demand', T0 + 60 * MIN + 10 * S),
        ],
        events: [
          shortage(T0 + 10 * MIN, 'flink-ice01'),
          shortage(T0 + 10 * MIN + 10 * S, 'flink-ice02'),
          shortage(T0 + 59 * MIN + 50 * S, 'flink-ice03'),
        ],
      },
      { onDemandFallbacks: 1 },
    ],
    [
      // Underutilized (events on Node and NodeClaim, and the claim's
      // reason): 1; Empty, known from the claim and its deletion: 1; Drifted
      // is not consolidation; an Empty claim deleted after the window and
      // one being drained (no event, not deleted) are not counted here.
      'consolidations',
      {
        nodeClaims: [
          claim('u1', 'spot', T0 - 60 * MIN, {
            disruptionReason: 'Underutilized',
            deletedAt: T0 + 46 * MIN,
          }),
          claim('e1', 'on-demand', T0 - 60 * MIN, {
            disruptionReason: 'Empty',
            deletedAt: T0 + 55 * MIN,
          }),
          claim('d1', 'spot', T0 - 60 * MIN, {
            disruptionReason: 'Drifted',
            deletedAt: T0 + 20 * MIN,
          }),
          claim('e2', 'spot', T0 - 60 * MIN, {
            disruptionReason: 'Empty',
            deletedAt: T0 + 65 * MIN,
          }),
          claim('e3', 'spot', T0 - 60 * MIN, { disruptionReason: 'Empty' }),
        ],
        events: [
          ...disrupting(T0 + 45 * MIN, 'u1', 'Underutilized'),
          ...disrupting(T0 + 19 * MIN, 'd1', 'Drifted'),
        ],
      },
      { consolidations: 2 },
    ],
    [
      // Events alone (the claim's lifecycle was not recorded).
      'consolidations from events only',
      {
        events: [
          ...disrupting(T0 + 5 * MIN, 'x1', 'Empty'),
          ...disrupting(T0 + 6 * MIN, 'x2', 'Underutilized'),
        ],
      },
      { consolidations: 2 },
    ],
    ['nothing', {}, {}],
  ])('%s', (_, input, expected) => {
    expect(nodePoolStats({ ...empty, ...input })).toEqual({
      ...none,
      ...expected,
    });
  });
});
