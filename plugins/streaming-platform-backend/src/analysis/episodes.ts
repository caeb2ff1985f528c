import {
  CapacityType,
  ScalingEpisode,
  ScalingPhase,
} from '@internal/backstage-plugin-streaming-platform-common';
import { parseScalingReport, VertexParallelismChange } from './scalingReport';
import {
  LagSample,
  NodeClaimLifecycle,
  PodLifecycle,
  RecordedEvent,
} from './types';

const MINUTE_MS = 60_000;
/** How far back from a decision the lag rise that led to it is looked for. */
export const TRIGGER_LOOKBACK_MS = 30 * MINUTE_MS;
/** How long after a decision its TaskManagers and job restart are looked for. */
export const EPISODE_HORIZON_MS = 30 * MINUTE_MS;
/**
 * Pods and NodeClaims created this long before the decision still belong to
 * it: Kubernetes timestamps have whole seconds, and the operator may create
 * pods in the same second it records the event.
 */
const CREATION_TOLERANCE_MS = 5_000;
/**
 * Lag samples further apart than this break a run, and a sample older than
 * this is not "the lag at" a moment: the minute in between is unknown.
 */
const LAG_GAP_MS = 2 * MINUTE_MS;

export interface ScalingEpisodesInput {
  /** `<cluster>/<namespace>/<flinkdeployment>`. */
  pipelineRef: string;
  /** The pipeline's events (others are ignored). */
  events: RecordedEvent[];
  /** The pipeline's pods (others, and JobManagers, are ignored). */
  pods: PodLifecycle[];
  /** The cluster's NodeClaims. */
  nodeClaims: NodeClaimLifecycle[];
  /** The pipeline's lag samples. */
  lag: LagSample[];
  lagTargetSeconds: number;
  now: number;
}

interface Decision {
  at: number;
  direction: 'up' | 'down';
  parallelismBefore: number;
  parallelismAfter: number;
}

interface LagPoint {
  at: number;
  seconds: number;
}

const JOB_STATES =
  /\b(INITIALIZING|CREATED|RUNNING|FAILING|FAILED|CANCELLING|CANCELED|FINISHED|RESTARTING|SUSPENDED|RECONCILING)\b/g;

/** The state a `JobStatusChanged` message ("… from X to Y") changed to. */
export function jobStateAfter(message: string): string | undefined {
  const states = message.match(JOB_STATES);
  return states ? states[states.length - 1] : undefined;
}

function concernsPipeline(e: RecordedEvent, pipelineRef: string): boolean {
  if (e.pipelineRef !== undefined) return e.pipelineRef === pipelineRef;
  return (
    e.involvedKind === 'FlinkDeployment' &&
    `${e.cluster}/${e.involvedNamespace ?? e.namespace}/${e.involvedName}` ===
      pipelineRef
  );
}

function directionOf(vertices: VertexParallelismChange[]): 'up' | 'down' {
  const sum = (f: (v: VertexParallelismChange) => number) =>
    vertices.reduce((total, v) => total + f(v), 0);
  const before = sum(v => v.from);
  const after = sum(v => v.to);
  if (after !== before) return after > before ? 'up' : 'down';
  return vertices.some(v => v.to > v.from) ? 'up' : 'down';
}

/** The executed ScalingReports that changed something, once each, in time order. */
function decisionsOf(events: RecordedEvent[]): Decision[] {
  const seen = new Set<string>();
  const decisions: Decision[] = [];
  for (const e of events) {
    if (e.reason !== 'ScalingReport') continue;
    const key = `${e.cluster}/${e.uid}#${e.count}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const report = parseScalingReport(e.message);
    if (!report?.executed) continue;
    if (!report.vertices.some(v => v.from !== v.to)) continue;
    decisions.push({
      at: e.at,
      direction: directionOf(report.vertices),
      parallelismBefore: Math.max(...report.vertices.map(v => v.from)),
      parallelismAfter: Math.max(...report.vertices.map(v => v.to)),
    });
  }
  return decisions.sort((a, b) => a.at - b.at);
}

function lagSeries(samples: LagSample[]): LagPoint[] {
  const byMinute = new Map<number, number>();
  for (const s of samples) {
    if (s.timeLagSeconds !== undefined && Number.isFinite(s.timeLagSeconds)) {
      byMinute.set(s.at, s.timeLagSeconds);
    }
  }
  return [...byMinute.entries()]
    .map(([at, seconds]) => ({ at, seconds }))
    .sort((a, b) => a.at - b.at);
}

/** The index of the lag reading at a moment: the latest at or before it, if recent. */
function lagIndexAt(lag: LagPoint[], at: number): number | undefined {
  for (let i = lag.length - 1; i >= 0; i--) {
    if (lag[i].at > at) continue;
    return at - lag[i].at < LAG_GAP_MS ? i : undefined;
  }
  return undefined;
}

/**
 * When the lag rise that led to a scale-up began: the first sample of the
 * unbroken run, ending at the decision, of samples above the target — or,
 * when the lag at the decision is under the target, above the lag at the
 * previous decision. The run is looked for at most TRIGGER_LOOKBACK_MS back
 * and not before the previous decision (which answered the earlier rise).
 * Without such a run the trigger is the decision itself.
 */
function triggerOf(
  decision: Decision,
  previous: Decision | undefined,
  lag: LagPoint[],
  targetSeconds: number,
): number {
  const last = lagIndexAt(lag, decision.at);
  if (last === undefined) return decision.at;
  let threshold = targetSeconds;
  if (!(lag[last].seconds > targetSeconds)) {
    const atPrevious = previous ? lagIndexAt(lag, previous.at) : undefined;
    if (atPrevious === undefined) return decision.at;
    threshold = lag[atPrevious].seconds;
  }
  const limit = Math.max(
    decision.at - TRIGGER_LOOKBACK_MS,
    previous?.at ?? -Infinity,
  );
  let start: number | undefined;
  for (let i = last; i >= 0; i--) {
    const point = lag[i];
    if (point.at < limit || !(point.seconds > threshold)) break;
    if (i < last && lag[i + 1].at - point.at > LAG_GAP_MS) break;
    start = point.at;
  }
  return start ?? decision.at;
}

function isTaskManagerOf(pod: PodLifecycle, pipelineRef: string): boolean {
  return pod.pipelineRef === pipelineRef && pod.role === 'taskmanager';
}

/** A pod deleted before it was ever ready was replaced; its replacement counts instead. */
function mustBecomeReady(pod: PodLifecycle): boolean {
  return pod.readyAt !== undefined || pod.deletedAt === undefined;
}

/**
 * When all of these pods were ready: every pod that must become ready is,
 * and every pod lost before it was ready has a replacement among them
 * (created after the loss). Undefined until then.
 */
function allReadyAt(pods: PodLifecycle[]): number | undefined {
  const needed = pods.filter(mustBecomeReady);
  if (needed.length === 0 || needed.some(p => p.readyAt === undefined)) {
    return undefined;
  }
  const losses = pods
    .filter(p => !mustBecomeReady(p))
    .map(p => p.deletedAt!)
    .sort((a, b) => a - b);
  const creations = needed.map(p => p.createdAt).sort((a, b) => a - b);
  let next = 0;
  for (const lostAt of losses) {
    while (
      next < creations.length &&
      creations[next] < lostAt - CREATION_TOLERANCE_MS
    ) {
      next++;
    }
    if (next >= creations.length) return undefined;
    next++;
  }
  return Math.max(...needed.map(p => p.readyAt!));
}

/**
 * The TaskManagers a scale-up created: those created from the decision (less
 * a small tolerance) until the horizon, stopping at the first one created
 * after all earlier ones were ready (that is a later replacement, e.g. after
 * a spot interruption, not part of this scale-up).
 */
function newTaskManagers(
  taskManagers: PodLifecycle[],
  decidedAt: number,
  horizon: number,
): PodLifecycle[] {
  const group: PodLifecycle[] = [];
  const candidates = taskManagers
    .filter(
      p =>
        p.createdAt >= decidedAt - CREATION_TOLERANCE_MS &&
        p.createdAt < horizon,
    )
    .sort((a, b) => a.createdAt - b.createdAt);
  for (const pod of candidates) {
    const readyAt = group.length > 0 ? allReadyAt(group) : undefined;
    if (readyAt !== undefined && pod.createdAt > readyAt) break;
    group.push(pod);
  }
  return group;
}

function liveAt(pods: PodLifecycle[], at: number): number {
  return pods.filter(
    p => p.createdAt <= at && (p.deletedAt === undefined || p.deletedAt > at),
  ).length;
}

function firstRunningAt(
  events: RecordedEvent[],
  from: number,
  to: number,
): number | undefined {
  let first: number | undefined;
  for (const e of events) {
    if (e.reason !== 'JobStatusChanged' || e.at < from || e.at >= to) continue;
    if (jobStateAfter(e.message) !== 'RUNNING') continue;
    if (first === undefined || e.at < first) first = e.at;
  }
  return first;
}

function secondsBetween(
  from: number | undefined,
  to: number | undefined,
): number | undefined {
  return from === undefined || to === undefined
    ? undefined
    : Math.max(0, to - from) / 1000;
}

function iso(at: number | undefined): string | undefined {
  return at === undefined ? undefined : new Date(at).toISOString();
}

/** Drops undefined properties, so results compare and serialize cleanly. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

/**
 * A pipeline's scaling episodes (PRODUCT.md §3), one per executed
 * ScalingReport that changed parallelism, in decision order.
 *
 * Phases: decision = trigger → ScalingReport; capacity = ScalingReport →
 * the last NodeClaim launched for the new TaskManagers is Ready (or the last
 * new TaskManager is scheduled when no node was launched); start-up = end of
 * capacity → job RUNNING at the new parallelism (or all new TaskManagers
 * ready, when no RUNNING event follows); recovery = RUNNING → the first lag
 * sample back under the target (only when lag was above it at the decision).
 * Scale-downs (and scale-ups that fit in the TaskManagers' free slots) wait
 * for no TaskManagers: start-up runs from the decision to RUNNING. Only
 * scale-ups that added TaskManagers have a response time (trigger → all new
 * TaskManagers ready).
 */
export function detectScalingEpisodes(
  input: ScalingEpisodesInput,
): ScalingEpisode[] {
  const { pipelineRef, lagTargetSeconds: target, now } = input;
  const events = input.events.filter(e => concernsPipeline(e, pipelineRef));
  const decisions = decisionsOf(events);
  const lag = lagSeries(input.lag.filter(s => s.pipelineRef === pipelineRef));
  const taskManagers = input.pods.filter(p => isTaskManagerOf(p, pipelineRef));
  const cluster = pipelineRef.split('/')[0];
  const claims = input.nodeClaims.filter(c => c.cluster === cluster);

  return decisions.map((decision, index) => {
    const decidedAt = decision.at;
    const previous = index > 0 ? decisions[index - 1] : undefined;
    const next = decisions[index + 1];
    const horizon = Math.min(
      next?.at ?? Infinity,
      decidedAt + EPISODE_HORIZON_MS,
    );
    const up = decision.direction === 'up';
    const triggerAt = up
      ? triggerOf(decision, previous, lag, target)
      : decidedAt;
    const atDecision = lagIndexAt(lag, decidedAt);
    const breached =
      atDecision !== undefined && lag[atDecision].seconds > target;

    const nodesLaunched: Record<CapacityType, number> = {
      spot: 0,
      'on-demand': 0,
      reserved: 0,
    };
    let taskManagerDelta: number;
    let taskManagersReadyAt: number | undefined;
    let capacityEnd: number | undefined;
    let runningAt: number | undefined;

    if (up) {
      const created = newTaskManagers(taskManagers, decidedAt, horizon);
      const needed = created.filter(mustBecomeReady);
      taskManagerDelta = needed.length;
      taskManagersReadyAt = allReadyAt(created);
      const hosts = new Set(
        created.flatMap(p => (p.nodeName ? [p.nodeName] : [])),
      );
      const launchedUntil = taskManagersReadyAt ?? horizon;
      const launched = claims.filter(
        c =>
          c.nodeName !== undefined &&
          hosts.has(c.nodeName) &&
          c.createdAt >= decidedAt - CREATION_TOLERANCE_MS &&
          c.createdAt <= launchedUntil,
      );
      for (const claim of launched) nodesLaunched[claim.capacityType] += 1;
      if (launched.length > 0) {
        if (launched.every(c => c.readyAt !== undefined)) {
          capacityEnd = Math.max(...launched.map(c => c.readyAt!));
        }
      } else if (
        needed.length > 0 &&
        needed.every(p => p.scheduledAt !== undefined)
      ) {
        capacityEnd = Math.max(...needed.map(p => p.scheduledAt!));
      }
      if (created.length === 0) {
        // No TaskManager (yet): once the job runs at the new parallelism
        // without one, it fitted in the free slots of the TaskManagers there
        // (each has several) and there was no capacity to wait for.
        runningAt = firstRunningAt(events, decidedAt, horizon);
        if (runningAt !== undefined) capacityEnd = decidedAt;
      } else if (taskManagersReadyAt !== undefined) {
        // The job runs at the new parallelism only once its TaskManagers are
        // there; an earlier RUNNING is the old parallelism recovering.
        runningAt =
          firstRunningAt(
            events,
            taskManagersReadyAt - CREATION_TOLERANCE_MS,
            horizon,
          ) ?? taskManagersReadyAt;
      }
    } else {
      // Released TaskManagers: the live count before the next decision
      // (less the tolerance: its pods may share its second) against the
      // count at this one.
      const settled = Math.min(horizon - CREATION_TOLERANCE_MS, now);
      taskManagerDelta =
        liveAt(taskManagers, Math.max(decidedAt, settled)) -
        liveAt(taskManagers, decidedAt);
      capacityEnd = decidedAt;
      runningAt = firstRunningAt(events, decidedAt, horizon);
    }

    let recoveredAt: number | undefined;
    if (up && breached && runningAt !== undefined) {
      recoveredAt = lag.find(
        p =>
          p.at >= runningAt! &&
          p.at < (next?.at ?? Infinity) &&
          p.seconds <= target,
      )?.at;
    }

    const phases: Partial<Record<ScalingPhase, number>> = defined({
      decision: secondsBetween(triggerAt, decidedAt),
      capacity: up ? secondsBetween(decidedAt, capacityEnd) : undefined,
      startup: secondsBetween(capacityEnd, runningAt),
      recovery: secondsBetween(runningAt, recoveredAt),
    });
    const lastPhaseEnded = up && breached ? recoveredAt : runningAt;
    return defined<ScalingEpisode>({
      id: `${pipelineRef}@${new Date(decidedAt).toISOString()}`,
      pipelineRef,
      direction: decision.direction,
      triggerAt: new Date(triggerAt).toISOString(),
      decidedAt: new Date(decidedAt).toISOString(),
      taskManagersReadyAt: iso(taskManagersReadyAt),
      runningAt: iso(runningAt),
      recoveredAt: iso(recoveredAt),
      parallelismBefore: decision.parallelismBefore,
      parallelismAfter: decision.parallelismAfter,
      taskManagerDelta,
      nodesLaunched,
      phases,
      responseSeconds: up
        ? secondsBetween(triggerAt, taskManagersReadyAt)
        : undefined,
      state:
        next !== undefined || lastPhaseEnded !== undefined
          ? 'complete'
          : 'open',
    });
  });
}
