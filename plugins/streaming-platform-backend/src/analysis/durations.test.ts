import { DurationStats } from '@internal/backstage-plugin-streaming-platform-common';
import { durationStats } from './durations';

describe('durationStats', () => {
  it.each<[string, number[], DurationStats]>([
    ['none', [], { count: 0 }],
    ['one', [42], { count: 1, p50: 42, p95: 42, max: 42 }],
    // n = 2: p50 rank ⌈1⌉ = 1st, p95 rank ⌈1.9⌉ = 2nd
    ['two', [30, 10], { count: 2, p50: 10, p95: 30, max: 30 }],
    // n = 5 (sorted 5 10 20 40 80): p50 rank ⌈2.5⌉ = 3rd = 20, p95 ⌈4.75⌉ = 5th
    [
      'five, unsorted',
      [40, 5, 80, 20, 10],
      { count: 5, p50: 20, p95: 80, max: 80 },
    ],
    // n = 20 (1…20): p50 rank 10 → 10, p95 rank 19 → 19, max 20
    [
      'twenty',
      Array.from({ length: 20 }, (_, i) => 20 - i),
      { count: 20, p50: 10, p95: 19, max: 20 },
    ],
    // n = 100 (1…100): p50 50, p95 95
    [
      'a hundred',
      Array.from({ length: 100 }, (_, i) => i + 1),
      { count: 100, p50: 50, p95: 95, max: 100 },
    ],
    // n = 60 (1…60): p95 rank ⌈57⌉ = 57 (0.95·60 in floating point is 56.99…)
    [
      'sixty',
      Array.from({ length: 60 }, (_, i) => i + 1),
      { count: 60, p50: 30, p95: 57, max: 60 },
    ],
    // Not-a-number values are left out
    [
      'with NaN and Infinity',
      [NaN, 3, Infinity, 1],
      { count: 2, p50: 1, p95: 3, max: 3 },
    ],
    [
      'fractions',
      [75.5, 110.25, 0.5],
      { count: 3, p50: 75.5, p95: 110.25, max: 110.25 },
    ],
  ])('%s', (_, seconds, expected) => {
    expect(durationStats(seconds)).toStrictEqual(expected);
  });
});
