import { closeTo } from './__testUtils__/closeTo';
import {
  DailyCost,
  dailyCostsFromSamples,
  mergeDailyCosts,
  utcDayStart,
} from './dailyCost';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const D0 = Date.UTC(2026, 5, 1);

const sample = (at: number, cost: number, onDemand = cost * 2) => ({
  at,
  costUsdPerHour: cost,
  onDemandUsdPerHour: onDemand,
});

describe('utcDayStart', () => {
  it.each([
    [D0, D0],
    [D0 + DAY - 1, D0],
    [D0 + DAY, D0 + DAY],
    [D0 + 13 * HOUR + 7 * MIN, D0],
  ])('%p is in the day of %p', (ms, day) => {
    expect(utcDayStart(ms)).toBe(day);
  });
});

describe('dailyCostsFromSamples', () => {
  it.each<[string, ReturnType<typeof sample>[], DailyCost[]]>([
    [
      // 60 minutes at $6/h = $6; 30 minutes at $12/h the next day = $6
      'minutes of two days',
      [
        ...Array.from({ length: 60 }, (_, i) => sample(D0 + i * MIN, 6)),
        ...Array.from({ length: 30 }, (_, i) =>
          sample(D0 + DAY + i * MIN, 12, 12),
        ),
      ],
      [
        { day: D0, usd: 6, onDemandUsd: 12, minutes: 60 },
        { day: D0 + DAY, usd: 6, onDemandUsd: 6, minutes: 30 },
      ],
    ],
    [
      // 23:59 and 00:00 fall on either side of midnight
      'midnight',
      [sample(D0 + DAY - MIN, 60), sample(D0 + DAY, 120)],
      [
        { day: D0, usd: 1, onDemandUsd: 2, minutes: 1 },
        { day: D0 + DAY, usd: 2, onDemandUsd: 4, minutes: 1 },
      ],
    ],
    [
      // A day without samples is left out, not $0
      'a day without samples',
      [sample(D0, 60), sample(D0 + 2 * DAY, 60)],
      [
        { day: D0, usd: 1, onDemandUsd: 2, minutes: 1 },
        { day: D0 + 2 * DAY, usd: 1, onDemandUsd: 2, minutes: 1 },
      ],
    ],
    [
      // Before the window and at its (exclusive) end
      'clipped to the window',
      [sample(D0 - MIN, 60), sample(D0 + 3 * DAY, 60)],
      [],
    ],
    ['no samples', [], []],
  ])('%s', (_, samples, expected) => {
    const costs = dailyCostsFromSamples(samples, {
      from: D0,
      to: D0 + 3 * DAY,
    });
    expect(costs).toEqual(closeTo(expected));
  });
});

describe('mergeDailyCosts', () => {
  const cost = (day: number, minutes: number, usd = minutes): DailyCost => ({
    day,
    usd,
    onDemandUsd: usd * 2,
    minutes,
  });
  it.each<[string, DailyCost[], DailyCost[], DailyCost[]]>([
    [
      'days of either, oldest first',
      [cost(D0 + DAY, 1440), cost(D0, 1440)],
      [cost(D0 + 2 * DAY, 10)],
      [cost(D0, 1440), cost(D0 + DAY, 1440), cost(D0 + 2 * DAY, 10)],
    ],
    [
      // Rollups of yesterday miss its last hour; the minutes have it all
      'the reading with more minutes wins',
      [cost(D0, 1380)],
      [cost(D0, 1440)],
      [cost(D0, 1440)],
    ],
    [
      // Minute samples past retention; the rollups still have the day
      'either way round',
      [cost(D0, 1440)],
      [cost(D0, 600)],
      [cost(D0, 1440)],
    ],
    [
      'a tie goes to the second',
      [cost(D0, 60, 1)],
      [cost(D0, 60, 2)],
      [cost(D0, 60, 2)],
    ],
    ['nothing', [], [], []],
  ])('%s', (_, first, second, expected) => {
    expect(mergeDailyCosts(first, second)).toEqual(expected);
  });
});
