import {
  ScalingEpisode,
  ScalingEvent,
} from '@internal/backstage-plugin-streaming-platform-common';
import { scalingMarkers } from './scalingMarkers';

const ms = (minute: number) => Date.UTC(2026, 10, 28, 12, minute);
const at = (minute: number) => new Date(ms(minute)).toISOString();

const episode = (minute: number): ScalingEpisode => ({
  id: `e${minute}`,
  pipelineRef: 'eks/ns/p',
  direction: 'up',
  triggerAt: at(minute - 1),
  decidedAt: at(minute),
  parallelismBefore: 4,
  parallelismAfter: 8,
  taskManagerDelta: 2,
  nodesLaunched: { spot: 1, 'on-demand': 0, reserved: 0 },
  phases: {},
  state: 'complete',
});

const report = (
  minute: number,
  vertexChanges?: ScalingEvent['vertexChanges'],
): ScalingEvent => ({
  id: `r${minute}`,
  at: at(minute),
  source: 'flink-operator',
  reason: 'ScalingReport',
  type: 'Normal',
  message: 'Scaling vertices',
  object: 'FlinkDeployment/p',
  vertexChanges,
});

describe('scalingMarkers', () => {
  const window = { from: ms(0), to: ms(59) };

  it('marks each episode once, even with its ScalingReport', () => {
    expect(scalingMarkers([episode(10)], [report(10)], window)).toEqual([
      { at: ms(10), direction: 'up', label: '4 → 8' },
    ]);
  });

  it('marks reports no episode accounts for, oldest first', () => {
    const markers = scalingMarkers(
      [episode(30)],
      [
        report(20, [
          { vertex: 'source', from: 8, to: 4 },
          { vertex: 'sink', from: 2, to: 2 },
        ]),
        report(25),
      ],
      window,
    );
    expect(markers).toEqual([
      { at: ms(20), direction: 'down', label: '8 → 4' },
      { at: ms(25), direction: 'unknown', label: 'Scaling vertices' },
      { at: ms(30), direction: 'up', label: '4 → 8' },
    ]);
  });

  it('leaves out decisions outside the window', () => {
    expect(
      scalingMarkers([episode(10)], [report(50)], { from: ms(20), to: ms(40) }),
    ).toEqual([]);
  });
});
