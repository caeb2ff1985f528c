import {
  ScalingEpisode,
  ScalingEvent,
} from '@internal/backstage-plugin-streaming-platform-common';

/** A scaling decision to mark on a chart. */
export interface ScalingMarker {
  /** When it was decided (ms since epoch). */
  at: number;
  direction: 'up' | 'down' | 'unknown';
  /** What changed, in words: `4 → 8`, or the operator's message. */
  label: string;
}

/** A ScalingReport within this of an episode's decision is that decision. */
const SAME_DECISION_MS = 60_000;

/**
 * The scaling decisions in a window: each episode's decision, plus any
 * ScalingReport the episodes do not account for (an episode is only built
 * once the backend has seen enough of it). Oldest first.
 */
export function scalingMarkers(
  episodes: ReadonlyArray<ScalingEpisode>,
  events: ReadonlyArray<ScalingEvent>,
  window: { from: number; to: number },
): ScalingMarker[] {
  const markers: ScalingMarker[] = episodes.map(e => ({
    at: Date.parse(e.decidedAt),
    direction: e.direction,
    label: `${e.parallelismBefore} → ${e.parallelismAfter}`,
  }));
  const decided = markers.map(m => m.at);
  for (const event of events) {
    if (event.reason !== 'ScalingReport') continue;
    const at = Date.parse(event.at);
    if (decided.some(d => Math.abs(d - at) <= SAME_DECISION_MS)) continue;
    markers.push({ at, ...describeReport(event) });
  }
  return markers
    .filter(m => m.at >= window.from && m.at <= window.to)
    .sort((a, b) => a.at - b.at);
}

function describeReport(
  event: ScalingEvent,
): Pick<ScalingMarker, 'direction' | 'label'> {
  const changes = event.vertexChanges ?? [];
  if (!changes.length) return { direction: 'unknown', label: event.message };
  const before = Math.max(...changes.map(c => c.from));
  const after = Math.max(...changes.map(c => c.to));
  return {
    direction: after >= before ? 'up' : 'down',
    label: `${before} → ${after}`,
  };
}
