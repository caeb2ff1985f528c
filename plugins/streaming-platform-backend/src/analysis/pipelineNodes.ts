import { CapacityType } from '@internal/backstage-plugin-streaming-platform-common';
import { AnalysisWindow, NodeClaimLifecycle, PodLifecycle } from './types';

/** A node a pipeline's pods ran on in a window, from their lifecycles. */
export interface PipelineNodeSpan {
  nodeName: string;
  /** When the first of its pods there was bound, clipped to the window. */
  from: number;
  /** When the last of them ended, clipped to the window; undefined while one runs. */
  to?: number;
  /** How many of the pipeline's pods ran on it in the window. */
  pods: number;
  /** The NodeClaim that launched the node, when Karpenter did. */
  claim?: NodeClaimLifecycle;
  /** The NodePool and capacity type the pod records name (node groups have no claim). */
  nodePool?: string;
  capacityType?: CapacityType;
}

/**
 * The nodes a pipeline's pods were bound to in a window: a pod holds its
 * node from `scheduledAt` (else `createdAt`) until `deletedAt` (still there
 * when absent). Pods never bound, or not on a node in the window, are left
 * out. Each node is matched with the newest NodeClaim of its name created
 * before a pod was bound there and alive when the first one was. A pod recorded twice (e.g. from the history and
 * from the index now) counts once, by uid; the later record wins. Sorted by
 * `from`, then name.
 */
export function pipelineNodeSpans(
  pods: Iterable<PodLifecycle>,
  claims: Iterable<NodeClaimLifecycle>,
  window: AnalysisWindow,
): PipelineNodeSpan[] {
  const byUid = new Map<string, PodLifecycle>();
  for (const pod of pods) byUid.set(pod.uid, pod);
  type Span = PipelineNodeSpan & {
    running: boolean;
    firstStart: number;
    lastStart: number;
  };
  const spans = new Map<string, Span>();
  for (const pod of byUid.values()) {
    if (!pod.nodeName) continue;
    const start = pod.scheduledAt ?? pod.createdAt;
    const end = pod.deletedAt;
    if (!(start < window.to) || (end !== undefined && !(end > window.from))) {
      continue;
    }
    const from = Math.max(start, window.from);
    const to = end === undefined ? undefined : Math.min(end, window.to);
    const span = spans.get(pod.nodeName);
    if (!span) {
      spans.set(pod.nodeName, {
        nodeName: pod.nodeName,
        from,
        to,
        running: to === undefined,
        firstStart: start,
        lastStart: start,
        pods: 1,
        nodePool: pod.nodePool,
        capacityType: pod.capacityType,
      });
      continue;
    }
    span.pods++;
    span.from = Math.min(span.from, from);
    span.firstStart = Math.min(span.firstStart, start);
    span.lastStart = Math.max(span.lastStart, start);
    if (to === undefined) span.running = true;
    else span.to = Math.max(span.to ?? to, to);
    span.nodePool ??= pod.nodePool;
    span.capacityType ??= pod.capacityType;
  }
  const claimsByNode = new Map<string, NodeClaimLifecycle[]>();
  for (const claim of claims) {
    if (!claim.nodeName || !spans.has(claim.nodeName)) continue;
    const list = claimsByNode.get(claim.nodeName) ?? [];
    list.push(claim);
    claimsByNode.set(claim.nodeName, list);
  }
  return [...spans.values()]
    .map(({ running, firstStart, lastStart, ...span }) => {
      const to = running ? undefined : span.to;
      // A node name can come back (EC2 reuses private IPs): the newest claim
      // created before a pod was bound there and not deleted before the
      // first one was.
      const claim = (claimsByNode.get(span.nodeName) ?? [])
        .filter(
          c =>
            c.createdAt <= lastStart &&
            (c.deletedAt === undefined || c.deletedAt >= firstStart),
        )
        .sort((a, b) => b.createdAt - a.createdAt)[0];
      const result: PipelineNodeSpan = {
        nodeName: span.nodeName,
        from: span.from,
        pods: span.pods,
      };
      if (to !== undefined) result.to = to;
      if (claim) result.claim = claim;
      if (span.nodePool) result.nodePool = span.nodePool;
      if (span.capacityType) result.capacityType = span.capacityType;
      return result;
    })
    .sort(
      (a, b) =>
        a.from - b.from ||
        (a.nodeName < b.nodeName ? -1 : Number(a.nodeName > b.nodeName)),
    );
}
