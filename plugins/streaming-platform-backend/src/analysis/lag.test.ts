import { LagReading } from '@internal/backstage-plugin-streaming-platform-common';
import {
  lagBreachCount,
  lagBreachSeconds,
  latestLag,
  maxLagPerStep,
} from './lag';
import { LagSample } from './types';

const MIN = 60_000;
const T0 = Date.UTC(2026, 5, 1, 12, 0);
const REF = 'eks-prod-eu-west-1/payments/card-auth';

/** One sample a minute from `start` (undefined: the minute has no time lag). */
function minutes(start: number, lags: Array<number | undefined>): LagSample[] {
  return lags.map((timeLagSeconds, i) => ({
    pipelineRef: REF,
    at: start + i * MIN,
    ...(timeLagSeconds === undefined ? {} : { timeLagSeconds }),
  }));
}

describe('lagBreachSeconds', () => {
  const window = { from: T0, to: T0 + 10 * MIN };
  it.each<
    [
      string,
      LagSample[],
      number,
      { from: number; to: number },
      number | undefined,
      number,
    ]
  >([
    // 12:02, 12:03, 12:04 above 60 s: 3 minutes
    [
      'three minutes above',
      minutes(T0, [10, 20, 61, 90, 300, 60, 5]),
      60,
      window,
      undefined,
      180,
    ],
    // Exactly at target is not a breach
    ['at the target', minutes(T0, [60, 60, 60]), 60, window, undefined, 0],
    // 12:01 and 12:02 are missing: unknown, not breach → 12:00, 12:03 = 120 s
    [
      'missing minutes',
      [...minutes(T0, [100]), ...minutes(T0 + 3 * MIN, [100])],
      60,
      window,
      undefined,
      120,
    ],
    // A sample without a time lag (only offsets) is unknown too
    ['no time lag', minutes(T0, [undefined, 100]), 60, window, undefined, 60],
    // Clipped: 11:59 counts nothing (it ends at the window's start), 12:09
    // counts 60 s, 12:10 is outside
    [
      'clipped to the window',
      minutes(T0 - MIN, [500, ...Array(10).fill(0), 500, 500]),
      60,
      window,
      undefined,
      0,
    ],
    [
      'the last minute of the window',
      minutes(T0 + 9 * MIN, [500, 500]),
      60,
      window,
      undefined,
      60,
    ],
    // A window starting at 12:00:30 takes half of 12:00's minute: 30 + 60
    [
      'a window starting mid-minute',
      minutes(T0, [100, 100]),
      60,
      { from: T0 + 30_000, to: T0 + 10 * MIN },
      undefined,
      90,
    ],
    // Unsorted, with a duplicate of 12:01: counted once → 12:01, 12:03 = 120 s
    [
      'unsorted and duplicated',
      [
        ...minutes(T0 + 3 * MIN, [100]),
        ...minutes(T0 + MIN, [100]),
        ...minutes(T0 + MIN, [100]),
        ...minutes(T0, [10]),
      ],
      60,
      window,
      undefined,
      120,
    ],
    // 5-minute samples: 12:00 and 12:05 above → 600 s, clipped to 10 min
    [
      '5-minute samples',
      [...minutes(T0, [100]), ...minutes(T0 + 5 * MIN, [100])],
      60,
      window,
      5 * MIN,
      600,
    ],
    ['no samples', [], 60, window, undefined, 0],
  ])('%s', (_, samples, target, w, sampleMs, expected) => {
    expect(lagBreachSeconds(samples, target, w, sampleMs)).toBe(expected);
  });
});

describe('lagBreachCount', () => {
  const window = { from: T0, to: T0 + 10 * MIN };
  it.each<[string, LagSample[], number]>([
    // 12:02 goes above, 12:05 back under, 12:07 above again: 2 breaches
    ['two breaches', minutes(T0, [10, 20, 61, 90, 70, 60, 5, 100, 30]), 2],
    // Exactly at the target is not above it
    ['at the target', minutes(T0, [60, 60, 60]), 0],
    ['never above', minutes(T0, [1, 2, 3]), 0],
    // Above all the time, nothing known before: one breach
    ['above from the first reading', minutes(T0, [100, 100, 100]), 1],
    // 11:58 and 11:59 were above already: the breach began before the window
    [
      'a breach that began before the window',
      minutes(T0 - 2 * MIN, [100, 100, 100, 100, 10, 100]),
      1,
    ],
    // 11:59 under, 12:00 above: it went above inside the window
    [
      'going above at the start of the window',
      minutes(T0 - MIN, [10, 100, 100]),
      1,
    ],
    // Minutes without a time lag, and missing minutes, are unknown: the
    // breach goes on through them (12:01 unknown, 12:02–12:04 missing)
    [
      'unknown minutes do not split a breach',
      [
        ...minutes(T0, [100, undefined]),
        ...minutes(T0 + 5 * MIN, [100, 10, 100]),
      ],
      2,
    ],
    // 12:10 is outside the window
    ['the end is exclusive', minutes(T0 + 9 * MIN, [10, 100]), 0],
    // In any order, with a duplicate: 12:00 under, 12:01 above, 12:03 above
    [
      'unsorted and duplicated',
      [
        ...minutes(T0 + 3 * MIN, [100]),
        ...minutes(T0 + MIN, [100]),
        ...minutes(T0 + MIN, [100]),
        ...minutes(T0, [10]),
      ],
      1,
    ],
    ['no samples', [], 0],
  ])('%s', (_, samples, expected) => {
    expect(lagBreachCount(samples, 60, window)).toBe(expected);
  });
});

describe('maxLagPerStep', () => {
  const HOUR = 60 * MIN;
  it('takes the highest reading of each step; a step without one has none', () => {
    const samples: LagSample[] = [
      ...minutes(T0, [5, 40, undefined, 12]),
      ...minutes(T0 + 2 * HOUR + 30 * MIN, [7]),
      // Outside the window
      ...minutes(T0 - MIN, [999]),
      ...minutes(T0 + 3 * HOUR, [999]),
    ];
    expect(
      maxLagPerStep(samples, { from: T0, to: T0 + 3 * HOUR }, HOUR),
    ).toStrictEqual([
      { at: T0, timeLagSeconds: 40 },
      { at: T0 + HOUR },
      { at: T0 + 2 * HOUR, timeLagSeconds: 7 },
    ]);
  });

  it.each<[string, { from: number; to: number }, number, number]>([
    ['24 hours of hours', { from: T0, to: T0 + 24 * HOUR }, HOUR, 24],
    // A partial last step is a step
    ['a partial last step', { from: T0, to: T0 + 90 * MIN }, HOUR, 2],
    ['an empty window', { from: T0, to: T0 }, HOUR, 0],
    ['no step', { from: T0, to: T0 + HOUR }, 0, 0],
  ])('%s', (_, window, stepMs, points) => {
    expect(maxLagPerStep([], window, stepMs)).toHaveLength(points);
  });
});

describe('latestLag', () => {
  it.each<[string, LagSample[], LagReading | undefined]>([
    [
      'the newest sample, whatever the order',
      [
        {
          pipelineRef: REF,
          at: T0 + MIN,
          timeLagSeconds: 42,
          maxOffsetLag: 1200,
          sumOffsetLag: 9000,
        },
        { pipelineRef: REF, at: T0, timeLagSeconds: 10 },
      ],
      {
        at: '2026-06-01T12:01:00.000Z',
        timeLagSeconds: 42,
        maxOffsetLag: 1200,
        sumOffsetLag: 9000,
      },
    ],
    [
      // A newer minute with no figures at all is skipped
      'skipping empty minutes',
      [
        { pipelineRef: REF, at: T0, sumOffsetLag: 500 },
        { pipelineRef: REF, at: T0 + MIN },
      ],
      { at: '2026-06-01T12:00:00.000Z', sumOffsetLag: 500 },
    ],
    ['nothing', [], undefined],
    ['only empty minutes', [{ pipelineRef: REF, at: T0 }], undefined],
  ])('%s', (_, samples, expected) => {
    expect(latestLag(samples)).toStrictEqual(expected);
  });
});
