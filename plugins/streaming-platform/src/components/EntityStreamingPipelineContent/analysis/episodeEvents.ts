import {
  ScalingEpisode,
  ScalingEvent,
  ScalingEventSource,
} from '@internal/backstage-plugin-streaming-platform-common';

/** How the timeline of an episode is grouped: by who reported the event. */
export type EventGroup = 'Flink' | 'Pods' | 'Karpenter' | 'Platform';

const GROUP_OF: Record<ScalingEventSource, EventGroup> = {
  'flink-operator': 'Flink',
  scheduler: 'Pods',
  kubelet: 'Pods',
  karpenter: 'Karpenter',
  'streaming-platform': 'Platform',
};

/** Display order: the scaling story runs Flink → pods → nodes. */
const GROUP_ORDER: EventGroup[] = ['Flink', 'Pods', 'Karpenter', 'Platform'];

/** The events behind one episode, grouped, each group oldest first. */
export interface EpisodeEvents {
  /** The last instant counted to the episode (ms since epoch); open-ended when absent. */
  until?: number;
  groups: Array<{ group: EventGroup; events: ScalingEvent[] }>;
  count: number;
}

const latest = (...isos: Array<string | undefined>): number | undefined => {
  const times = isos.filter((x): x is string => !!x).map(Date.parse);
  return times.length ? Math.max(...times) : undefined;
};

/**
 * Joins recorded events to the episodes they explain: an event belongs to an
 * episode when it happened between the episode's trigger and its end — the
 * latest of recovery, job running and TaskManagers ready, or the next
 * episode's trigger when the episode is still open. An episode never reaches
 * past the next one's trigger, so no event is counted twice.
 */
export function joinEpisodeEvents(
  episodes: ReadonlyArray<ScalingEpisode>,
  events: ReadonlyArray<ScalingEvent>,
): Map<string, EpisodeEvents> {
  const byTrigger = [...episodes].sort(
    (a, b) => Date.parse(a.triggerAt) - Date.parse(b.triggerAt),
  );
  const joined = new Map<string, EpisodeEvents>();
  byTrigger.forEach((episode, i) => {
    const from = Date.parse(episode.triggerAt);
    const next = byTrigger[i + 1];
    const nextTrigger = next ? Date.parse(next.triggerAt) : undefined;
    const end =
      latest(
        episode.recoveredAt,
        episode.runningAt,
        episode.taskManagersReadyAt,
      ) ?? nextTrigger;
    // Before the next trigger, exclusive; the episode's own end, inclusive.
    const until =
      nextTrigger !== undefined && (end === undefined || end >= nextTrigger)
        ? nextTrigger - 1
        : end;
    const mine = events.filter(event => {
      const at = Date.parse(event.at);
      return at >= from && (until === undefined || at <= until);
    });
    joined.set(episode.id, {
      until,
      groups: groupEvents(mine),
      count: mine.length,
    });
  });
  return joined;
}

/** Events grouped by source (Flink, pods, Karpenter, platform), oldest first. */
export function groupEvents(
  events: ReadonlyArray<ScalingEvent>,
): EpisodeEvents['groups'] {
  const sorted = [...events].sort(
    (a, b) => Date.parse(a.at) - Date.parse(b.at),
  );
  return GROUP_ORDER.map(group => ({
    group,
    events: sorted.filter(e => (GROUP_OF[e.source] ?? 'Platform') === group),
  })).filter(g => g.events.length > 0);
}
