import {
  AutoscalerSettings,
  MinuteSample,
  alignToPartitions,
  decideScaling,
  scalingReportMessage,
} from './autoscaler';

const MIN = 60_000;
const settings: AutoscalerSettings = {
  enabled: true,
  utilizationTarget: 0.7,
  utilizationMin: 0.5,
  utilizationMax: 0.85,
  stabilizationMs: 2 * MIN,
  metricsWindowMs: 5 * MIN,
  scaleDownIntervalMs: 10 * MIN,
  catchUpMs: 5 * MIN,
  backlogLagThresholdMs: 60_000,
  scaleUpMaxFactor: 100000,
  scaleDownMaxFactor: 0.6,
  minParallelism: 1,
  maxParallelism: 48,
};
const now = 100 * MIN;

/** Five minutes of samples at `parallelism` subtasks of 1000 records/s each. */
function samples(
  inputRate: number,
  parallelism: number,
  lagRecords = 0,
): MinuteSample[] {
  const capacity = parallelism * 1000;
  const processed = Math.min(inputRate, capacity);
  return Array.from({ length: 6 }, (_, i) => ({
    atMs: now - (5 - i) * MIN,
    inputRate,
    processedRate: processed,
    busy: processed / capacity,
    lagRecords,
  }));
}

const base = {
  nowMs: now,
  partitions: 48,
  runningSinceMs: now - 30 * MIN,
  settings,
};

describe('decideScaling', () => {
  it.each([
    ['disabled', { settings: { ...settings, enabled: false } }, 'disabled'],
    [
      'within the stabilization interval',
      { runningSinceMs: now - MIN },
      'stabilizing',
    ],
    [
      'before half a metrics window was seen',
      { runningSinceMs: now - 2.5 * MIN, samples: samples(3000, 4) },
      'collecting-metrics',
    ],
    ['busy inside [min, max]', {}, 'within-bounds'],
  ])('does nothing when %s', (_, override, why) => {
    expect(
      decideScaling({
        ...base,
        parallelism: 4,
        samples: samples(2800, 4),
        ...override,
      }),
    ).toEqual({ action: 'none', why });
  });

  it('scales up for the target utilization, aligned to the partitions', () => {
    // 6000 rec/s at 1000 per subtask and 70 % target → 8.57 → 9 → aligned to 12 (divides 48).
    const decision = decideScaling({
      ...base,
      parallelism: 4,
      samples: samples(6000, 4),
    });
    expect(decision).toMatchObject({ action: 'scale', from: 4, to: 12 });
  });

  it('adds the catch-up rate when the backlog is above the threshold', () => {
    // 3000 rec/s at busy 0.75 (in bounds), but 900k records behind: +3000 rec/s to drain in 5 min.
    const decision = decideScaling({
      ...base,
      parallelism: 4,
      samples: samples(3000, 4, 900_000),
    });
    expect(decision).toMatchObject({
      action: 'scale',
      to: 12,
      rates: {
        targetDataRate: expect.closeTo(6000, 6),
        trueProcessingRate: expect.closeTo(4000, 6),
      },
    });
  });

  it('waits scale-down.interval before scaling down, then shrinks at most by the max factor', () => {
    const quiet = samples(1000, 16); // busy 1/16
    const first = decideScaling({ ...base, parallelism: 16, samples: quiet });
    expect(first).toMatchObject({ action: 'scale-down-pending', sinceMs: now });
    const later = decideScaling({
      ...base,
      parallelism: 16,
      samples: quiet,
      scaleDownPendingSinceMs: now - 10 * MIN,
    });
    // Wanted 2, but 16 may only shrink by 60 % → 7 → aligned up to 8.
    expect(later).toMatchObject({ action: 'scale', from: 16, to: 8 });
  });

  it('is limited by the partitions and says so', () => {
    const decision = decideScaling({
      ...base,
      partitions: 12,
      parallelism: 12,
      samples: samples(20000, 12),
    });
    expect(decision).toEqual({ action: 'none', why: 'no-change' });
    const fromSix = decideScaling({
      ...base,
      partitions: 12,
      parallelism: 6,
      samples: samples(20000, 6),
    });
    expect(fromSix).toMatchObject({
      action: 'scale',
      to: 12,
      limited: { wanted: 29, upperBound: 12, lowerBound: 1 },
    });
  });
});

describe('alignToPartitions', () => {
  it.each([
    [5, 48, 48, 6],
    [7, 48, 48, 8],
    [13, 48, 48, 16],
    [25, 48, 48, 48],
    [25, 48, 30, 25],
    [3, 7, 7, 7],
  ])(
    'aligns %d with %d partitions under %d to %d',
    (p, partitions, upper, expected) => {
      expect(alignToPartitions(p, partitions, upper)).toBe(expected);
    },
  );
});

describe('scalingReportMessage', () => {
  it('parses back with the upstream regexes', () => {
    const message = scalingReportMessage([
      {
        vertexId: '0a448493b4782967b150582570326227',
        from: 2,
        to: 4,
        rates: {
          trueProcessingRate: 812.5,
          expectedProcessingRate: 1625,
          targetDataRate: 1300,
        },
      },
    ]);
    expect(message).toBe(
      'Scaling execution enabled, begin scaling vertices:{ Vertex ID 0a448493b4782967b150582570326227 | Parallelism 2 -> 4 | Processing capacity 812.50 -> 1625.00 | Target data rate 1300.00}',
    );
    const blocks = [...message.matchAll(/\{(.+?)\}/g)].map(m => m[1]);
    const parsed =
      /Vertex ID (.*?) \| Parallelism (.*?) -> (.*?) \| Processing capacity (.*?) -> (.*?) \| Target data rate (.*)/.exec(
        blocks[0],
      );
    expect(parsed?.slice(1)).toEqual([
      '0a448493b4782967b150582570326227',
      '2',
      '4',
      '812.50',
      '1625.00',
      '1300.00',
    ]);
  });
});
