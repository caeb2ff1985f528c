import { formatAge, formatDuration, formatPercent, formatUsd } from './format';

describe('format', () => {
  it.each([
    [undefined, '—'],
    [0, '$0.00'],
    [12.345, '$12.35'],
    [9999.5, '$9,999.50'],
    [12_345, '$12.3K'],
  ])('formatUsd(%p) = %p', (usd, text) => {
    expect(formatUsd(usd)).toBe(text);
  });

  it.each([
    [undefined, '—'],
    [0, '0 %'],
    [0.956, '96 %'],
    [1, '100 %'],
  ])('formatPercent(%p) = %p', (share, text) => {
    expect(formatPercent(share)).toBe(text);
  });

  it.each([
    [45, '45 s'],
    [60, '1 min'],
    [185, '3 min 5 s'],
    [7440, '2 h 4 min'],
    [3 * 86_400 + 7200, '3 d 2 h'],
    [3630, '1 h'],
    [2 * 86_400 + 1180, '2 d'],
  ])('formatDuration(%p) = %p', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('says how old data is', () => {
    const now = Date.parse('2026-11-28T12:00:00Z');
    expect(formatAge('2026-11-28T11:59:50Z', now)).toBe('just now');
    expect(formatAge('2026-11-28T11:57:00Z', now)).toBe('3 min ago');
    expect(formatAge('2026-11-28T11:20:48Z', now)).toBe('39 min ago');
    expect(formatAge('2026-11-28T09:54:30Z', now)).toBe('2 h 5 min ago');
    expect(formatAge(undefined, now)).toBe('never');
  });
});
