import { ScalingEpisode } from '@internal/backstage-plugin-streaming-platform-common';
import {
  detectScalingEpisodes,
  jobStateAfter,
  ScalingEpisodesInput,
} from './episodes';
import {
  LagSample,
  NodeClaimLifecycle,
  PodLifecycle,
  RecordedEvent,
} from './types';

const S = 1000;
const MIN = 60 * S;
const CLUSTER = 'eks-prod-eu-west-1';
const REF = `${CLUSTER}/payments/card-auth`;
const OTHER_REF = `${CLUSTER}/payments/refunds`;
const VERTEX_A = '0a448493b4782967b150582570326227';
const VERTEX_B = 'ea632d67b7d595e5b851708ae9ad79d6';
/** The decision of most cases: 12:00:00. */
const T0 = Date.UTC(2026, 5, 1, 12, 0, 0);
const iso = (at: number) => new Date(at).toISOString();

let uid = 0;
function event(
  at: number,
  reason: string,
  message: string,
  extra: Partial<RecordedEvent> = {},
): RecordedEvent {
  return {
    cluster: CLUSTER,
    uid: `uid-${++uid}`,
    count: 1,
    namespace: 'payments',
    involvedKind: 'FlinkDeployment',
    involvedName: 'card-auth',
    involvedNamespace: 'payments',
    reason,
    type: 'Normal',
    message,
    component: 'Operator',
    at,
    pipelineRef: REF,
    ...extra,
  };
}

/** A ScalingReport as the operator writes it, both vertices scaled alike. */
function report(
  at: number,
  from: number,
  to: number,
  header = 'Scaling execution enabled, begin scaling vertices:',
  extra: Partial<RecordedEvent> = {},
) {
  const block = (id: string) =>
    `{ Vertex ID ${id} | Parallelism ${from} -> ${to} | Processing capacity 812.50 -> 1625.00 | Target data rate 1300.00}`;
  return event(
    at,
    'ScalingReport',
    `${header}${block(VERTEX_A)}${block(VERTEX_B)}`,
    extra,
  );
}

function jobStatus(at: number, from: string, to: string) {
  return event(
    at,
    'JobStatusChanged',
    `Job status changed from ${from} to ${to}`,
    {
      component: 'Job',
    },
  );
}

function tm(
  name: string,
  createdAt: number,
  life: Partial<PodLifecycle> = {},
): PodLifecycle {
  return {
    cluster: CLUSTER,
    namespace: 'payments',
    name,
    uid: `pod-${name}`,
    pipelineRef: REF,
    role: 'taskmanager',
    cpuMillis: 2000,
    memoryMiB: 8192,
    createdAt,
    ...life,
  };
}

function claim(
  name: string,
  capacityType: NodeClaimLifecycle['capacityType'],
  createdAt: number,
  life: Partial<NodeClaimLifecycle> = {},
): NodeClaimLifecycle {
  return {
    cluster: CLUSTER,
    name,
    uid: `claim-${name}`,
    nodePool: 'flink',
    capacityType,
    instanceType: 'm6i.xlarge',
    zone: 'eu-west-1a',
    createdAt,
    ...life,
  };
}

/** One lag sample a minute from `start`, in seconds (undefined: no data). */
function lag(start: number, seconds: Array<number | undefined>): LagSample[] {
  return seconds.map((timeLagSeconds, i) => ({
    pipelineRef: REF,
    at: start + i * MIN,
    ...(timeLagSeconds === undefined ? {} : { timeLagSeconds }),
  }));
}

/** An episode with nothing known but its decision; cases override the rest. */
function episode(
  decidedAt: number,
  overrides: Partial<ScalingEpisode>,
): ScalingEpisode {
  return {
    id: `${REF}@${iso(decidedAt)}`,
    pipelineRef: REF,
    direction: 'up',
    triggerAt: iso(decidedAt),
    decidedAt: iso(decidedAt),
    parallelismBefore: 2,
    parallelismAfter: 4,
    taskManagerDelta: 0,
    nodesLaunched: { spot: 0, 'on-demand': 0, reserved: 0 },
    phases: { decision: 0 },
    state: 'open',
    ...overrides,
  };
}

/*
 * The running example: card-auth (target lag 60 s) runs 1 TaskManager on an
 * existing node. Lag rises above 60 s from 11:56; at 12:00:00 (T0) the
 * autoscaler scales 2 → 4. The operator creates tm-2 and tm-3 at T0+1s;
 * tm-3 fits on the existing node (scheduled T0+2s, ready T0+20s), tm-2 waits
 * for a new spot NodeClaim (created T0+3s, Ready T0+75s; scheduled T0+76s,
 * ready T0+110s). The job restarts at T0+111s and is RUNNING at T0+140s;
 * lag is back under 60 s in the 12:05 sample.
 */
const existingNode = claim('flink-old', 'spot', T0 - 60 * MIN, {
  nodeName: 'ip-10-0-1-1',
  readyAt: T0 - 59 * MIN,
});
const runningExample: ScalingEpisodesInput = {
  pipelineRef: REF,
  lagTargetSeconds: 60,
  now: T0 + 30 * MIN,
  events: [
    report(T0, 2, 4),
    // RUNNING appears in the first message too: only the new state counts.
    jobStatus(T0 + 111 * S, 'RUNNING', 'RESTARTING'),
    jobStatus(T0 + 140 * S, 'RESTARTING', 'RUNNING'),
  ],
  pods: [
    tm('tm-1', T0 - 60 * MIN, {
      nodeName: 'ip-10-0-1-1',
      scheduledAt: T0 - 60 * MIN,
      readyAt: T0 - 59 * MIN,
    }),
    tm('tm-2', T0 + 1 * S, {
      nodeName: 'ip-10-0-2-2',
      scheduledAt: T0 + 76 * S,
      readyAt: T0 + 110 * S,
    }),
    tm('tm-3', T0 + 1 * S, {
      nodeName: 'ip-10-0-1-1',
      scheduledAt: T0 + 2 * S,
      readyAt: T0 + 20 * S,
    }),
    // The JobManager is not a TaskManager.
    {
      ...tm('jm', T0 + 2 * S, { nodeName: 'ip-10-0-9-9' }),
      role: 'jobmanager',
    },
  ],
  nodeClaims: [
    existingNode,
    claim('flink-x7k2p', 'spot', T0 + 3 * S, {
      nodeName: 'ip-10-0-2-2',
      launchedAt: T0 + 6 * S,
      registeredAt: T0 + 40 * S,
      readyAt: T0 + 75 * S,
    }),
    // Launched meanwhile for another pipeline's pod: not this episode's.
    claim('flink-q9z8w', 'on-demand', T0 + 10 * S, {
      nodeName: 'ip-10-0-3-3',
      readyAt: T0 + 70 * S,
    }),
  ],
  // 11:54 … 12:06
  lag: lag(
    T0 - 6 * MIN,
    [20, 30, 75, 120, 180, 240, 300, 330, 340, 200, 90, 45, 30],
  ),
};

/** The running example's episode: figures worked out in the comments. */
const runningEpisode = episode(T0, {
  // The run of samples above 60 s ending at the decision starts at 11:56.
  triggerAt: iso(T0 - 4 * MIN),
  taskManagersReadyAt: iso(T0 + 110 * S),
  runningAt: iso(T0 + 140 * S),
  // First sample ≤ 60 s at or after 12:02:20: 12:05 (45 s).
  recoveredAt: iso(T0 + 5 * MIN),
  taskManagerDelta: 2,
  nodesLaunched: { spot: 1, 'on-demand': 0, reserved: 0 },
  phases: {
    decision: 240, // 11:56:00 → 12:00:00
    capacity: 75, // decision → the new node Ready at T0+75s
    startup: 65, // T0+75s → RUNNING at T0+140s
    recovery: 160, // 12:02:20 → 12:05:00
  },
  responseSeconds: 350, // 4 min + 110 s: trigger → last new TaskManager ready
  state: 'complete',
});

describe('detectScalingEpisodes', () => {
  it.each<[string, ScalingEpisodesInput, ScalingEpisode[]]>([
    [
      'a scale-up onto a new spot node, lag breached',
      runningExample,
      [runningEpisode],
    ],
    [
      // Lag never above target: the trigger is the decision; nothing to
      // recover, so the episode ends at RUNNING.
      'a scale-up without a lag breach',
      {
        ...runningExample,
        lag: lag(T0 - 6 * MIN, [10, 10, 12, 15, 14, 20, 25]),
      },
      [
        {
          ...runningEpisode,
          triggerAt: iso(T0),
          recoveredAt: undefined,
          phases: { decision: 0, capacity: 75, startup: 65 },
          responseSeconds: 110,
        },
      ],
    ],
    [
      // Samples missing at 11:57 and 11:58: the run breaks at the gap, so the
      // trigger is 11:59 (60 s before the decision). Response 60 + 110.
      'a gap in the lag samples',
      {
        ...runningExample,
        lag: lag(T0 - 6 * MIN, [
          20,
          30,
          75,
          undefined,
          undefined,
          240,
          300,
          330,
          340,
          200,
          90,
          45,
        ]),
      },
      [
        {
          ...runningEpisode,
          triggerAt: iso(T0 - 1 * MIN),
          phases: { ...runningEpisode.phases, decision: 60 },
          responseSeconds: 170,
        },
      ],
    ],
    [
      // Lag above target for over an hour: the trigger is looked for 30 min
      // back at most (11:30). Response 1800 + 110.
      'a long breach',
      {
        ...runningExample,
        lag: lag(T0 - 70 * MIN, [...Array(75).fill(500), 30]),
      },
      [
        {
          ...runningEpisode,
          triggerAt: iso(T0 - 30 * MIN),
          // 12:05 is the first sample back under 60 s.
          recoveredAt: iso(T0 + 5 * MIN),
          phases: { ...runningEpisode.phases, decision: 1800 },
          responseSeconds: 1910,
        },
      ],
    ],
    [
      // Still going at T0+60s: tm-2 is pending for a node that is not up.
      // Nothing after the decision is known yet.
      'an episode in progress',
      {
        ...runningExample,
        now: T0 + 60 * S,
        events: [report(T0, 2, 4)],
        pods: [
          runningExample.pods[0],
          tm('tm-2', T0 + 1 * S),
          tm('tm-3', T0 + 1 * S, {
            nodeName: 'ip-10-0-1-1',
            scheduledAt: T0 + 2 * S,
            readyAt: T0 + 20 * S,
          }),
        ],
        nodeClaims: [
          existingNode,
          claim('flink-x7k2p', 'spot', T0 + 3 * S, { launchedAt: T0 + 6 * S }),
        ],
        lag: lag(T0 - 6 * MIN, [20, 30, 75, 120, 180, 240, 300]),
      },
      [
        episode(T0, {
          triggerAt: iso(T0 - 4 * MIN),
          taskManagerDelta: 2,
          phases: { decision: 240 },
        }),
      ],
    ],
    [
      // Spot was short: Karpenter's spot claim failed (no node) and an
      // on-demand one (created T0+20s, Ready T0+80s) took tm-2, ready T0+115s.
      'a fallback to on-demand',
      {
        ...runningExample,
        pods: [
          runningExample.pods[0],
          tm('tm-2', T0 + 1 * S, {
            nodeName: 'ip-10-0-4-4',
            scheduledAt: T0 + 81 * S,
            readyAt: T0 + 115 * S,
          }),
          runningExample.pods[2],
        ],
        nodeClaims: [
          existingNode,
          claim('flink-spot1', 'spot', T0 + 3 * S, { deletedAt: T0 + 8 * S }),
          claim('flink-od001', 'on-demand', T0 + 20 * S, {
            nodeName: 'ip-10-0-4-4',
            readyAt: T0 + 80 * S,
          }),
        ],
        events: [
          report(T0, 2, 4),
          jobStatus(T0 + 116 * S, 'RUNNING', 'RESTARTING'),
          jobStatus(T0 + 150 * S, 'RESTARTING', 'RUNNING'),
        ],
      },
      [
        {
          ...runningEpisode,
          taskManagersReadyAt: iso(T0 + 115 * S),
          runningAt: iso(T0 + 150 * S),
          nodesLaunched: { spot: 0, 'on-demand': 1, reserved: 0 },
          // capacity T0 → T0+80s; startup T0+80s → T0+150s; recovery
          // 12:02:30 → 12:05:00
          phases: { decision: 240, capacity: 80, startup: 70, recovery: 150 },
          responseSeconds: 355,
        },
      ],
    ],
    [
      // Both new TaskManagers fit on existing nodes: capacity ends when the
      // last is scheduled (T0+4s). No RUNNING event (in-place rescale):
      // running = TaskManagers ready (T0+30s).
      'a scale-up onto existing nodes, no job status event',
      {
        ...runningExample,
        events: [report(T0, 2, 4)],
        pods: [
          runningExample.pods[0],
          tm('tm-2', T0 + 1 * S, {
            nodeName: 'ip-10-0-1-1',
            scheduledAt: T0 + 4 * S,
            readyAt: T0 + 30 * S,
          }),
          runningExample.pods[2],
        ],
        lag: [],
      },
      [
        episode(T0, {
          taskManagersReadyAt: iso(T0 + 30 * S),
          runningAt: iso(T0 + 30 * S),
          taskManagerDelta: 2,
          phases: { decision: 0, capacity: 4, startup: 26 },
          responseSeconds: 30,
          state: 'complete',
        }),
      ],
    ],
    [
      // tm-2's spot node is interrupted before it is ready (deleted T0+50s);
      // its replacement tm-4 (T0+51s) lands on a new on-demand node and is
      // ready at T0+150s. A later replacement at T0+20min (after all were
      // ready) is not part of the scale-up.
      'a TaskManager replaced before it was ready',
      {
        ...runningExample,
        events: [
          report(T0, 2, 4),
          jobStatus(T0 + 180 * S, 'RESTARTING', 'RUNNING'),
        ],
        pods: [
          runningExample.pods[0],
          tm('tm-2', T0 + 1 * S, {
            nodeName: 'ip-10-0-2-2',
            scheduledAt: T0 + 40 * S,
            deletedAt: T0 + 50 * S,
          }),
          runningExample.pods[2],
          tm('tm-4', T0 + 51 * S, {
            nodeName: 'ip-10-0-5-5',
            scheduledAt: T0 + 121 * S,
            readyAt: T0 + 150 * S,
          }),
          tm('tm-5', T0 + 20 * MIN, {
            nodeName: 'ip-10-0-6-6',
            scheduledAt: T0 + 21 * MIN,
          }),
        ],
        nodeClaims: [
          existingNode,
          claim('flink-x7k2p', 'spot', T0 + 3 * S, {
            nodeName: 'ip-10-0-2-2',
            readyAt: T0 + 35 * S,
            deletedAt: T0 + 55 * S,
            disruptionReason: 'Interrupted',
          }),
          claim('flink-od002', 'on-demand', T0 + 55 * S, {
            nodeName: 'ip-10-0-5-5',
            readyAt: T0 + 120 * S,
          }),
          claim('flink-later', 'spot', T0 + 19 * MIN, {
            nodeName: 'ip-10-0-6-6',
            readyAt: T0 + 20 * MIN,
          }),
        ],
      },
      [
        {
          ...runningEpisode,
          taskManagersReadyAt: iso(T0 + 150 * S),
          runningAt: iso(T0 + 180 * S),
          nodesLaunched: { spot: 1, 'on-demand': 1, reserved: 0 },
          // capacity T0 → T0+120s (last node Ready); startup → T0+180s;
          // recovery 12:03:00 → 12:05:00
          phases: { decision: 240, capacity: 120, startup: 60, recovery: 120 },
          responseSeconds: 390,
        },
      ],
    ],
    [
      // 4 → 6 fits in the free slots of tm-1: no new pods, no capacity
      // wait; start-up is decision → RUNNING (T0+45s).
      'a scale-up that needs no new TaskManagers',
      {
        ...runningExample,
        events: [
          report(T0, 4, 6),
          jobStatus(T0 + 45 * S, 'RESTARTING', 'RUNNING'),
        ],
        pods: [runningExample.pods[0]],
        lag: [],
      },
      [
        episode(T0, {
          parallelismBefore: 4,
          parallelismAfter: 6,
          runningAt: iso(T0 + 45 * S),
          phases: { decision: 0, capacity: 0, startup: 45 },
          state: 'complete',
        }),
      ],
    ],
    [
      // 4 → 2: the job restarts (RUNNING at T0+55s) and releases tm-2 and tm-3
      // 30 s later. No TaskManagers to wait for, no response time.
      'a scale-down',
      {
        ...runningExample,
        events: [
          report(T0, 4, 2),
          jobStatus(T0 + 20 * S, 'RUNNING', 'RESTARTING'),
          jobStatus(T0 + 55 * S, 'RESTARTING', 'RUNNING'),
        ],
        pods: [
          runningExample.pods[0],
          tm('tm-2', T0 - 50 * MIN, {
            readyAt: T0 - 49 * MIN,
            deletedAt: T0 + 85 * S,
          }),
          tm('tm-3', T0 - 50 * MIN, {
            readyAt: T0 - 49 * MIN,
            deletedAt: T0 + 85 * S,
          }),
        ],
        lag: lag(T0 - 6 * MIN, [5, 4, 5, 3, 4, 5, 4]),
      },
      [
        episode(T0, {
          direction: 'down',
          parallelismBefore: 4,
          parallelismAfter: 2,
          runningAt: iso(T0 + 55 * S),
          taskManagerDelta: -2, // 3 live at the decision, 1 at now
          phases: { decision: 0, startup: 55 },
          state: 'complete',
        }),
      ],
    ],
    [
      // Lag stays above 60 s; a second scale-up follows at T0+10min. The
      // first is complete (a later decision exists) though lag never
      // recovered before it; the second's trigger is not looked for before
      // the first decision, so it is T0 (the 12:00 sample).
      'two scale-ups in a row',
      {
        ...runningExample,
        events: [
          report(T0, 2, 4),
          jobStatus(T0 + 140 * S, 'RESTARTING', 'RUNNING'),
          report(T0 + 10 * MIN, 4, 8),
        ],
        pods: runningExample.pods.slice(0, 3),
        lag: lag(T0 - 6 * MIN, [
          20,
          30,
          75,
          120,
          180,
          240,
          ...Array(12).fill(300),
        ]),
      },
      [
        {
          ...runningEpisode,
          recoveredAt: undefined,
          phases: { decision: 240, capacity: 75, startup: 65 },
        },
        episode(T0 + 10 * MIN, {
          triggerAt: iso(T0),
          parallelismBefore: 4,
          parallelismAfter: 8,
          phases: { decision: 600 },
        }),
      ],
    ],
    [
      // The 12:00 lag (40 s) is under the 60 s target but above the 5 s at
      // the previous decision (a scale-down at 11:40): the rise above 5 s
      // began at 11:54. Response 6 min + 110 s = 470 s.
      'a load-driven scale-up under the lag target',
      {
        ...runningExample,
        events: [report(T0 - 20 * MIN, 4, 2), ...runningExample.events],
        lag: lag(T0 - 20 * MIN, [
          5,
          5,
          4,
          5,
          3,
          5,
          4,
          5,
          5,
          4,
          5,
          5,
          4,
          5, // 11:40 … 11:53
          12,
          18,
          22,
          28,
          31,
          35,
          40, // 11:54 … 12:00
        ]),
      },
      [
        episode(T0 - 20 * MIN, {
          direction: 'down',
          parallelismBefore: 4,
          parallelismAfter: 2,
          state: 'complete',
        }),
        {
          ...runningEpisode,
          triggerAt: iso(T0 - 6 * MIN),
          recoveredAt: undefined,
          phases: { decision: 360, capacity: 75, startup: 65 },
          responseSeconds: 470,
        },
      ],
    ],
    [
      // Only executed reports count, each recorded (uid, count) once, and only
      // this pipeline's.
      'recommendations, duplicates and other pipelines',
      (() => {
        const executed = report(T0, 2, 4);
        return {
          ...runningExample,
          events: [
            report(
              T0 - 5 * MIN,
              2,
              4,
              'Scaling execution disabled by config job.autoscaler.scaling.enabled:false, recommended parallelism change:',
            ),
            executed,
            { ...executed },
            report(T0 + 1 * MIN, 2, 6, undefined, {
              pipelineRef: OTHER_REF,
              involvedName: 'refunds',
            }),
            event(T0 + 2 * MIN, 'ScalingReport', 'garbled'),
            ...runningExample.events.slice(1),
          ],
        };
      })(),
      [runningEpisode],
    ],
    [
      // Events recorded before the pipeline was known carry no pipelineRef;
      // the FlinkDeployment they are about identifies it.
      'events identified by their FlinkDeployment',
      {
        ...runningExample,
        events: runningExample.events.map(e => ({
          ...e,
          pipelineRef: undefined,
        })),
      },
      [runningEpisode],
    ],
    ['no decisions', { ...runningExample, events: [] }, []],
  ])('%s', (_, input, expected) => {
    expect(detectScalingEpisodes(input)).toEqual(expected);
  });

  it('orders episodes by decision time, whatever the input order', () => {
    const decisions = [
      report(T0 + 40 * MIN, 4, 2),
      report(T0, 2, 4),
      report(T0 + 20 * MIN, 4, 6),
    ];
    const episodes = detectScalingEpisodes({
      ...runningExample,
      events: decisions,
      pods: [],
      lag: [],
    });
    expect(episodes.map(e => [e.decidedAt, e.direction])).toEqual([
      [iso(T0), 'up'],
      [iso(T0 + 20 * MIN), 'up'],
      [iso(T0 + 40 * MIN), 'down'],
    ]);
    // The last has no later decision and no RUNNING: still open.
    expect(episodes.map(e => e.state)).toEqual([
      'complete',
      'complete',
      'open',
    ]);
  });

  it.each([
    // Direction from the sum over vertices; parallelism is the max.
    [
      [
        [2, 4],
        [6, 5],
      ],
      'up',
      6,
      5,
    ],
    [
      [
        [8, 4],
        [2, 3],
      ],
      'down',
      8,
      4,
    ],
    [
      [
        [3, 4],
        [4, 3],
      ],
      'up',
      4,
      4,
    ],
  ])('vertices %j scale %s (%d → %d)', (changes, direction, before, after) => {
    const message = `Scaling execution enabled, begin scaling vertices:${changes
      .map(
        ([from, to], i) =>
          `{ Vertex ID v${i} | Parallelism ${from} -> ${to} | Processing capacity 1.00 -> 1.00 | Target data rate 1.00}`,
      )
      .join('')}`;
    const [found] = detectScalingEpisodes({
      ...runningExample,
      events: [event(T0, 'ScalingReport', message)],
    });
    expect([
      found.direction,
      found.parallelismBefore,
      found.parallelismAfter,
    ]).toEqual([direction, before, after]);
  });
});

describe('jobStateAfter', () => {
  it.each([
    ['Job status changed from RUNNING to RESTARTING', 'RESTARTING'],
    ['Job status changed from RESTARTING to RUNNING', 'RUNNING'],
    ['Job status changed from CREATED to RUNNING', 'RUNNING'],
    ['Job status changed from RUNNING to FAILED', 'FAILED'],
    ['RUNNING', 'RUNNING'],
    ['Job is running', undefined],
  ])('%s → %s', (message, state) => {
    expect(jobStateAfter(message)).toBe(state);
  });
});
