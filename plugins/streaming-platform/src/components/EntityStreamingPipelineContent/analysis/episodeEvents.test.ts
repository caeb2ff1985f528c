import {
  ScalingEpisode,
  ScalingEvent,
  ScalingEventSource,
} from '@internal/backstage-plugin-streaming-platform-common';
import { groupEvents, joinEpisodeEvents } from './episodeEvents';

const at = (minute: number) =>
  new Date(Date.UTC(2026, 10, 28, 12, minute)).toISOString();

function episode(
  id: string,
  times: Partial<
    Pick<
      ScalingEpisode,
      'triggerAt' | 'recoveredAt' | 'runningAt' | 'taskManagersReadyAt'
    >
  > & { triggerAt: string },
): ScalingEpisode {
  return {
    id,
    pipelineRef: 'eks/ns/p',
    direction: 'up',
    decidedAt: times.triggerAt,
    parallelismBefore: 2,
    parallelismAfter: 4,
    taskManagerDelta: 1,
    nodesLaunched: { spot: 1, 'on-demand': 0, reserved: 0 },
    phases: {},
    state: 'complete',
    ...times,
  };
}

function event(
  id: string,
  minute: number,
  source: ScalingEventSource,
): ScalingEvent {
  return {
    id,
    at: at(minute),
    source,
    reason: id,
    type: 'Normal',
    message: id,
    object: 'x',
  };
}

describe('joinEpisodeEvents', () => {
  it('joins the events between trigger and recovery, and leaves the rest out', () => {
    const episodes = [
      episode('e1', { triggerAt: at(10), recoveredAt: at(20) }),
    ];
    const events = [
      event('before', 9, 'flink-operator'),
      event('report', 11, 'flink-operator'),
      event('launched', 12, 'karpenter'),
      event('scheduled', 13, 'scheduler'),
      event('ready', 14, 'kubelet'),
      event('last', 20, 'streaming-platform'),
      event('after', 21, 'flink-operator'),
    ];
    const joined = joinEpisodeEvents(episodes, events).get('e1')!;
    expect(joined.count).toBe(5);
    expect(joined.groups.map(g => [g.group, g.events.map(e => e.id)])).toEqual([
      ['Flink', ['report']],
      ['Pods', ['scheduled', 'ready']],
      ['Karpenter', ['launched']],
      ['Platform', ['last']],
    ]);
  });

  it('ends at the latest known phase when the episode did not breach', () => {
    const episodes = [
      episode('e1', {
        triggerAt: at(10),
        taskManagersReadyAt: at(14),
        runningAt: at(15),
      }),
    ];
    const events = [
      event('running', 15, 'flink-operator'),
      event('later', 16, 'flink-operator'),
    ];
    const joined = joinEpisodeEvents(episodes, events).get('e1')!;
    expect(joined.groups[0].events.map(e => e.id)).toEqual(['running']);
  });

  it('runs an open episode to the next trigger, and never past it', () => {
    const episodes = [
      // Newest first, as the backend sends them.
      episode('e3', { triggerAt: at(40) }),
      episode('e2', { triggerAt: at(20), recoveredAt: at(35) }),
      episode('e1', { triggerAt: at(10) }),
    ];
    const events = [
      event('a', 15, 'karpenter'),
      event('b', 20, 'karpenter'),
      event('c', 30, 'karpenter'),
      event('d', 39, 'karpenter'),
      event('e', 50, 'karpenter'),
    ];
    const joined = joinEpisodeEvents(episodes, events);
    const ids = (id: string) =>
      joined.get(id)!.groups.flatMap(g => g.events.map(e => e.id));
    expect(ids('e1')).toEqual(['a']);
    expect(ids('e2')).toEqual(['b', 'c']);
    expect(ids('e3')).toEqual(['e']);
    expect(joined.get('e3')!.until).toBeUndefined();
  });

  it('caps an episode whose recovery overlaps the next trigger', () => {
    const episodes = [
      episode('e1', { triggerAt: at(10), recoveredAt: at(30) }),
      episode('e2', { triggerAt: at(20) }),
    ];
    const events = [event('x', 20, 'flink-operator')];
    const joined = joinEpisodeEvents(episodes, events);
    expect(joined.get('e1')!.count).toBe(0);
    expect(joined.get('e2')!.count).toBe(1);
  });
});

describe('groupEvents', () => {
  it('leaves out empty groups and orders each oldest first', () => {
    const groups = groupEvents([
      event('late', 5, 'flink-operator'),
      event('early', 1, 'flink-operator'),
    ]);
    expect(groups).toEqual([
      {
        group: 'Flink',
        events: [
          expect.objectContaining({ id: 'early' }),
          expect.objectContaining({ id: 'late' }),
        ],
      },
    ]);
  });
});
