/*
 * What the Streaming tab writes finer than the shared formats: hourly rates
 * are often cents (two decimals would show a $0.0594 spot node and a $0.0512
 * one as the same $0.06), and events of one episode are seconds apart.
 */
const rateFormat = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 4,
});

/** `$0.0594/h`; `—` when unknown. */
export function formatRate(usdPerHour: number | undefined): string {
  return usdPerHour === undefined || !Number.isFinite(usdPerHour)
    ? '—'
    : `${rateFormat.format(usdPerHour)}/h`;
}

/** A time of day with seconds, for events minutes apart. */
export function formatClock(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}
