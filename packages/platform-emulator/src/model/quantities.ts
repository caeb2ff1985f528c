/** Kubernetes quantity strings for the units the simulation keeps. */
export const cpuQuantity = (millis: number) =>
  millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`;

export const memoryQuantity = (mib: number) =>
  mib % 1024 === 0 ? `${mib / 1024}Gi` : `${mib}Mi`;

let lastSecond = NaN;
let lastTimestamp = '';

/** RFC 3339 with seconds, as Kubernetes writes timestamps. */
export function timestamp(ms: number): string {
  const second = Math.floor(ms / 1000);
  // Objects are written in bursts within one second: format it once.
  if (second !== lastSecond) {
    lastSecond = second;
    lastTimestamp = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
  }
  return lastTimestamp;
}

/** RFC 3339 with microseconds, as Kubernetes writes MicroTime (eventTime). */
export const microTimestamp = (ms: number) =>
  new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');

/** Parses `512Mi`, `2Gi`, `2048m` (Flink's memory) or a number of bytes, to MiB. */
export function parseMemoryToMiB(value: string | number): number | undefined {
  if (typeof value === 'number') return value / (1024 * 1024);
  const match = /^\s*([0-9.]+)\s*([a-zA-Z]*)\s*$/.exec(value);
  if (!match) return undefined;
  const n = Number(match[1]);
  const unit = match[2].toLowerCase();
  const factors: Record<string, number> = {
    '': 1 / (1024 * 1024),
    k: 1 / 1024,
    ki: 1 / 1024,
    kb: 1 / 1024,
    m: 1,
    mi: 1,
    mb: 1,
    g: 1024,
    gi: 1024,
    gb: 1024,
    t: 1024 * 1024,
    ti: 1024 * 1024,
  };
  const factor = factors[unit];
  return factor === undefined || Number.isNaN(n) ? undefined : n * factor;
}
