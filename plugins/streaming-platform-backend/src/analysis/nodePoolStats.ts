import { DurationStats } from '@internal/backstage-plugin-streaming-platform-common';
import { durationStats } from './durations';
import {
  AnalysisWindow,
  NodeClaimLifecycle,
  PodLifecycle,
  RecordedEvent,
} from './types';

/** An on-demand NodeClaim this soon after a spot shortage is its fallback. */
export const FALLBACK_WINDOW_MS = 60_000;

/** Disruption reasons that mean a spot interruption (the emulator writes `Interrupted`). */
const INTERRUPTION_REASONS = new Set([
  'Interrupted',
  'SpotInterrupted',
  'Interruption',
]);
const CONSOLIDATION_REASONS = new Set(['Underutilized', 'Empty']);

export interface NodePoolStatsInput {
  /** The NodePool's NodeClaims (or a cluster's, for cluster-wide figures). */
  nodeClaims: NodeClaimLifecycle[];
  /** Pods that ran (or waited to run) on the pool's nodes. */
  pods: PodLifecycle[];
  /** The pool's Karpenter events (NodeClaim, Node and NodePool events). */
  events: RecordedEvent[];
  window: AnalysisWindow;
}

export interface NodePoolStats {
  /** NodeClaim created → Ready, for claims created in the window. */
  nodeLaunchSeconds: DurationStats;
  /** Pod created → scheduled, for pods created in the window. */
  podPendingSeconds: DurationStats;
  /** NodeClaims interrupted by EC2 (spot), each once. */
  interruptions: number;
  /** On-demand NodeClaims launched because spot capacity was short. */
  onDemandFallbacks: number;
  /** NodeClaims removed by consolidation (`Underutilized` or `Empty`), each once. */
  consolidations: number;
}

function inWindow(at: number | undefined, window: AnalysisWindow): boolean {
  return at !== undefined && at >= window.from && at < window.to;
}

function claimKey(cluster: string, name: string): string {
  return `${cluster}/${name}`;
}

/**
 * Karpenter names NodeClaims `<nodepool>-<suffix>`; used for events about
 * claims that no longer exist when the event has no NodePool.
 */
function poolFromClaimName(name: string): string {
  const dash = name.lastIndexOf('-');
  return dash > 0 ? name.slice(0, dash) : name;
}

class ClaimDirectory {
  readonly #byName = new Map<string, NodeClaimLifecycle>();
  readonly #byNode = new Map<string, NodeClaimLifecycle>();

  constructor(claims: NodeClaimLifecycle[]) {
    for (const claim of claims) {
      this.#byName.set(claimKey(claim.cluster, claim.name), claim);
      if (claim.nodeName) {
        this.#byNode.set(claimKey(claim.cluster, claim.nodeName), claim);
      }
    }
  }

  byName(cluster: string, name: string) {
    return this.#byName.get(claimKey(cluster, name));
  }

  /**
   * The NodeClaim an event is about. Karpenter reports interruptions and
   * disruptions on the NodeClaim and again on its Node; a Node event counts
   * only through its claim, so each claim counts once.
   */
  keyOf(e: RecordedEvent): string | undefined {
    if (e.involvedKind === 'NodeClaim') {
      return claimKey(e.cluster, e.involvedName);
    }
    if (e.involvedKind === 'Node') {
      const claim = this.#byNode.get(claimKey(e.cluster, e.involvedName));
      return claim ? claimKey(claim.cluster, claim.name) : undefined;
    }
    return undefined;
  }
}

/**
 * Counts NodeClaims disrupted in a window, once each. A claim's disruption
 * time is its first matching event, else (when no event was recorded) its
 * deletion; a claim with neither is still being disrupted and counts once it
 * is deleted.
 */
function countDisruptedClaims(
  claims: NodeClaimLifecycle[],
  directory: ClaimDirectory,
  events: RecordedEvent[],
  eventMatches: (e: RecordedEvent) => boolean,
  reasons: Set<string>,
  window: AnalysisWindow,
): number {
  const disruptedAt = new Map<string, number>();
  for (const e of events) {
    if (!eventMatches(e)) continue;
    const key = directory.keyOf(e);
    if (key === undefined) continue;
    const earlier = disruptedAt.get(key);
    if (earlier === undefined || e.at < earlier) disruptedAt.set(key, e.at);
  }
  for (const claim of claims) {
    const key = claimKey(claim.cluster, claim.name);
    if (
      claim.disruptionReason !== undefined &&
      reasons.has(claim.disruptionReason) &&
      !disruptedAt.has(key) &&
      claim.deletedAt !== undefined
    ) {
      disruptedAt.set(key, claim.deletedAt);
    }
  }
  let count = 0;
  for (const at of disruptedAt.values()) if (inWindow(at, window)) count++;
  return count;
}

/** `Disrupting NodeClaim: Underutilized` → `Underutilized`. */
function disruptionReasonOf(message: string): string | undefined {
  const match = /:\s*([A-Za-z]+)\s*\.?\s*$/.exec(message);
  return match ? match[1] : undefined;
}

/**
 * On-demand fallbacks: an on-demand NodeClaim counts as one when it was
 * created within FALLBACK_WINDOW_MS after an `InsufficientCapacityError`
 * event for a spot NodeClaim of the same cluster and NodePool (Karpenter
 * tries spot first, caches the unavailable offering and relaunches within
 * seconds). A shortage event whose claim is not known is taken to be spot
 * (Karpenter's first choice), unless it is known to have been on-demand.
 * Each claim counts once, in the window it was created in.
 */
function countFallbacks(
  claims: NodeClaimLifecycle[],
  directory: ClaimDirectory,
  events: RecordedEvent[],
  window: AnalysisWindow,
): number {
  const shortages = new Map<string, number[]>();
  for (const e of events) {
    if (e.reason !== 'InsufficientCapacityError') continue;
    if (e.involvedKind !== 'NodeClaim') continue;
    const claim = directory.byName(e.cluster, e.involvedName);
    if (claim && claim.capacityType !== 'spot') continue;
    const pool =
      e.nodePool ?? claim?.nodePool ?? poolFromClaimName(e.involvedName);
    const key = claimKey(e.cluster, pool);
    shortages.set(key, [...(shortages.get(key) ?? []), e.at]);
  }
  let count = 0;
  for (const claim of claims) {
    if (claim.capacityType !== 'on-demand') continue;
    if (!inWindow(claim.createdAt, window)) continue;
    const times = shortages.get(claimKey(claim.cluster, claim.nodePool));
    if (
      times?.some(
        at =>
          claim.createdAt >= at && claim.createdAt <= at + FALLBACK_WINDOW_MS,
      )
    ) {
      count++;
    }
  }
  return count;
}

/**
 * A NodePool's provisioning and disruption figures over a window (PRODUCT.md
 * §2, platform overview): node launch latency, pod pending time, spot
 * interruptions, on-demand fallbacks and consolidations.
 */
export function nodePoolStats(input: NodePoolStatsInput): NodePoolStats {
  const { nodeClaims, pods, events, window } = input;
  const directory = new ClaimDirectory(nodeClaims);

  const launches = nodeClaims
    .filter(c => inWindow(c.createdAt, window) && c.readyAt !== undefined)
    .map(c => Math.max(0, c.readyAt! - c.createdAt) / 1000);
  const pending = pods
    .filter(p => inWindow(p.createdAt, window) && p.scheduledAt !== undefined)
    .map(p => Math.max(0, p.scheduledAt! - p.createdAt) / 1000);

  return {
    nodeLaunchSeconds: durationStats(launches),
    podPendingSeconds: durationStats(pending),
    interruptions: countDisruptedClaims(
      nodeClaims,
      directory,
      events,
      e => e.reason === 'SpotInterrupted',
      INTERRUPTION_REASONS,
      window,
    ),
    onDemandFallbacks: countFallbacks(nodeClaims, directory, events, window),
    consolidations: countDisruptedClaims(
      nodeClaims,
      directory,
      events,
      e =>
        e.reason === 'DisruptionTerminating' &&
        CONSOLIDATION_REASONS.has(disruptionReasonOf(e.message) ?? ''),
      CONSOLIDATION_REASONS,
      window,
    ),
  };
}
