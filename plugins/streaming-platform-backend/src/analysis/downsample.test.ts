import { chooseStep, downsample, meanOf } from './downsample';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 5, 1, 12, 0);

interface Point {
  at: number;
  value?: number;
}

/** Merges a bucket into its start with the mean value and the point count. */
const mean = (bucket: Point[], bucketStart: number): Point => ({
  at: bucketStart,
  value: meanOf(bucket.map(p => p.value)),
});

describe('downsample', () => {
  const points: Point[] = Array.from({ length: 10 }, (_, i) => ({
    at: T0 + i * MIN,
    value: i,
  }));

  it.each<[string, Point[], { from: number; to: number }, number, Point[]]>([
    // 5-minute buckets of 0…4 and 5…9: means 2 and 7
    [
      'two buckets',
      points,
      { from: T0, to: T0 + 10 * MIN },
      5 * MIN,
      [
        { at: T0, value: 2 },
        { at: T0 + 5 * MIN, value: 7 },
      ],
    ],
    // 3-minute buckets: 0 1 2 | 3 4 5 | 6 7 8 | 9 → 1, 4, 7, 9
    [
      'a partial last bucket',
      points,
      { from: T0, to: T0 + 10 * MIN },
      3 * MIN,
      [
        { at: T0, value: 1 },
        { at: T0 + 3 * MIN, value: 4 },
        { at: T0 + 6 * MIN, value: 7 },
        { at: T0 + 9 * MIN, value: 9 },
      ],
    ],
    // Points outside [from, to) are dropped: 2…6 → buckets [2,3] [4,5] [6]
    [
      'clipped to the window',
      points,
      { from: T0 + 2 * MIN, to: T0 + 7 * MIN },
      2 * MIN,
      [
        { at: T0 + 2 * MIN, value: 2.5 },
        { at: T0 + 4 * MIN, value: 4.5 },
        { at: T0 + 6 * MIN, value: 6 },
      ],
    ],
    // Minutes 3…6 missing: the bucket [4, 6) is left out, not zero;
    // [6, 8) holds only 7
    [
      'gaps stay gaps',
      points.filter(p => p.value! < 3 || p.value! > 6),
      { from: T0, to: T0 + 10 * MIN },
      2 * MIN,
      [
        { at: T0, value: 0.5 },
        { at: T0 + 2 * MIN, value: 2 },
        { at: T0 + 6 * MIN, value: 7 },
        { at: T0 + 8 * MIN, value: 8.5 },
      ],
    ],
    // Unsorted input comes out in order
    [
      'unsorted input',
      [...points].reverse(),
      { from: T0, to: T0 + 10 * MIN },
      5 * MIN,
      [
        { at: T0, value: 2 },
        { at: T0 + 5 * MIN, value: 7 },
      ],
    ],
    ['nothing', [], { from: T0, to: T0 + HOUR }, MIN, []],
  ])('%s', (_, input, window, step, expected) => {
    expect(downsample(input, window, step, mean)).toEqual(expected);
  });

  it('passes each bucket in time order', () => {
    const seen: number[][] = [];
    downsample(
      [...points].reverse(),
      { from: T0, to: T0 + 10 * MIN },
      5 * MIN,
      (bucket, start) => {
        seen.push(bucket.map(p => p.value!));
        return { at: start };
      },
    );
    expect(seen).toEqual([
      [0, 1, 2, 3, 4],
      [5, 6, 7, 8, 9],
    ]);
  });
});

describe('chooseStep', () => {
  it.each<
    [
      string,
      { from: number; to: number },
      number | undefined,
      number | undefined,
      number | undefined,
      number,
    ]
  >([
    // 1 hour at the default 1 minute: 60 points
    [
      'an hour',
      { from: T0, to: T0 + HOUR },
      undefined,
      undefined,
      undefined,
      MIN,
    ],
    // 14 days ÷ 500 = 2419.2 s → rounded up to 41 minutes (2460 s): 492 points
    [
      '14 days',
      { from: T0 - 14 * DAY, to: T0 },
      undefined,
      undefined,
      undefined,
      41 * MIN,
    ],
    // A requested 5 minutes over a day: 288 points, kept
    [
      'requested 5 minutes',
      { from: T0 - DAY, to: T0 },
      5 * MIN,
      undefined,
      undefined,
      5 * MIN,
    ],
    // A requested 1 minute over 14 days would be 20160 points: widened
    [
      'requested too fine',
      { from: T0 - 14 * DAY, to: T0 },
      MIN,
      undefined,
      undefined,
      41 * MIN,
    ],
    // 90 s is rounded up to 2 minutes
    [
      'requested 90 s',
      { from: T0 - HOUR, to: T0 },
      90_000,
      undefined,
      undefined,
      2 * MIN,
    ],
    // Below the minimum step: raised to it
    [
      'requested 10 s',
      { from: T0 - HOUR, to: T0 },
      10_000,
      undefined,
      undefined,
      MIN,
    ],
    // 1 day in at most 100 points: 864 s → 15 minutes (96 points)
    [
      '100 points',
      { from: T0 - DAY, to: T0 },
      undefined,
      100,
      undefined,
      15 * MIN,
    ],
    // A 1-hour minimum
    [
      'an hourly minimum',
      { from: T0 - DAY, to: T0 },
      undefined,
      undefined,
      HOUR,
      HOUR,
    ],
    [
      'an empty window',
      { from: T0, to: T0 },
      undefined,
      undefined,
      undefined,
      MIN,
    ],
    [
      'a negative request',
      { from: T0 - HOUR, to: T0 },
      -5,
      undefined,
      undefined,
      MIN,
    ],
  ])('%s', (_, window, requested, maxPoints, minStep, expected) => {
    const step = chooseStep(window, requested, maxPoints, minStep);
    expect(step).toBe(expected);
    expect(Math.ceil((window.to - window.from) / step)).toBeLessThanOrEqual(
      maxPoints ?? 500,
    );
  });
});

describe('meanOf', () => {
  it.each<[Array<number | undefined>, number | undefined]>([
    [[1, 2, 3, 4], 2.5],
    [[undefined, 4, undefined, 8], 6],
    [[NaN, 2], 2],
    [[undefined], undefined],
    [[], undefined],
    [[0], 0],
  ])('%j → %s', (values, expected) => {
    expect(meanOf(values)).toBe(expected);
  });
});
