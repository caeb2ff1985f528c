/*
 * How figures read on every surface. One place, so "$1.2k/day" or "3 min
 * ago" looks the same on the entity page, the team dashboard and the fleet.
 */

const usdFormat = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 2,
});
const usdCompact = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 1,
});

/** `$12.34`, or `$12.3K` from ten thousand up; `—` when unknown. */
export function formatUsd(usd: number | undefined): string {
  if (usd === undefined || !Number.isFinite(usd)) return '—';
  return Math.abs(usd) >= 10_000
    ? usdCompact.format(usd)
    : usdFormat.format(usd);
}

/** A share 0..1 as `42 %`; `—` when unknown. */
export function formatPercent(share: number | undefined): string {
  if (share === undefined || !Number.isFinite(share)) return '—';
  return `${Math.round(share * 100)} %`;
}

/** Seconds as `45 s`, `3 min 5 s`, `2 h 4 min`, `3 d 2 h`. */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.round(Math.abs(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) {
    const rest = s % 60;
    return rest ? `${Math.floor(s / 60)} min ${rest} s` : `${s / 60} min`;
  }
  if (s < 86_400) {
    const rest = Math.floor((s % 3600) / 60);
    return rest
      ? `${Math.floor(s / 3600)} h ${rest} min`
      : `${Math.floor(s / 3600)} h`;
  }
  const rest = Math.floor((s % 86_400) / 3600);
  // Whole units only: 2 d and 20 minutes reads "2 d", not "2.0138 d".
  return rest
    ? `${Math.floor(s / 86_400)} d ${rest} h`
    : `${Math.floor(s / 86_400)} d`;
}

/**
 * How long ago an ISO instant was, as coarse as a reader needs it:
 * `just now`, `45 s ago`, `39 min ago`, `2 h 5 min ago`.
 */
export function formatAge(iso: string | undefined, now = Date.now()): string {
  if (!iso) return 'never';
  const seconds = (now - Date.parse(iso)) / 1000;
  if (!Number.isFinite(seconds)) return 'unknown';
  if (seconds < 30) return 'just now';
  if (seconds < 60) return `${Math.round(seconds)} s ago`;
  return `${formatDuration(Math.floor(seconds / 60) * 60)} ago`;
}

/** A count with thousands separators. */
export function formatCount(n: number | undefined): string {
  return n === undefined ? '—' : n.toLocaleString('en-US');
}

/** A timestamp in the reader's locale, short. */
export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
