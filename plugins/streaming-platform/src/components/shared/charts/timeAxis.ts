import { formatTime } from '../format';

/** A span of time in ms since epoch, as the charts' X axes take it. */
export interface TimeWindow {
  from: number;
  to: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Tick spacings people read easily, shortest first. */
const SPACINGS = [
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  24 * HOUR,
  48 * HOUR,
];

/** The window a series answer covers (ISO `from` and `to`), in ms since epoch. */
export function seriesWindow(series: { from: string; to: string }): TimeWindow {
  return { from: Date.parse(series.from), to: Date.parse(series.to) };
}

/**
 * Ticks on round local times (every 10 min, every 2 h, every day at
 * midnight…), at most `max` of them. recharts would otherwise put a tick on
 * every point, unreadable and slow to draw.
 */
export function timeTicks(window: TimeWindow, max = 7): number[] {
  const span = window.to - window.from;
  const spacing =
    SPACINGS.find(s => span / s <= max) ?? SPACINGS[SPACINGS.length - 1];
  // Round in local time, so "every day" means at local midnight.
  const offset = new Date(window.from).getTimezoneOffset() * MINUTE;
  const first = Math.ceil((window.from - offset) / spacing) * spacing + offset;
  const ticks: number[] = [];
  for (let t = first; t <= window.to; t += spacing) ticks.push(t);
  return ticks;
}

/**
 * Props for a time X axis over a window: numbers (ms since epoch) on a time
 * scale, so a gap in the samples shows as a gap instead of being closed up.
 */
export function timeAxisProps(
  window: TimeWindow,
  options: {
    /**
     * Where the ticks go: `round` (the default) puts at most 7 on round
     * local times (`timeTicks`); `scale` leaves them to the time scale,
     * about 5 on its own round times.
     */
    ticks?: 'round' | 'scale';
  } = {},
) {
  // Up to a day, the hour tells the ticks apart; beyond, the date does.
  const format: Intl.DateTimeFormatOptions =
    window.to - window.from > 24 * HOUR
      ? { month: 'short', day: 'numeric' }
      : { hour: '2-digit', minute: '2-digit' };
  return {
    dataKey: 't',
    type: 'number' as const,
    scale: 'time' as const,
    domain: [window.from, window.to],
    ...(options.ticks === 'scale' ? {} : { ticks: timeTicks(window) }),
    tickFormatter: (ms: number) =>
      new Date(ms).toLocaleString(undefined, format),
  };
}

/** The tooltip's heading: the exact time of the point. */
export function tooltipTime(ms: unknown): string {
  return typeof ms === 'number' ? formatTime(new Date(ms).toISOString()) : '';
}
