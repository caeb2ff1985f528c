/*
 * Kubernetes resource quantities, reduced to the units the index keeps:
 * millicores and MiB. Unparseable values count as 0 rather than failing a
 * whole watch: one odd object must not stop a cluster's ingest.
 */

const MEMORY_FACTORS_TO_MIB: Record<string, number> = {
  '': 1 / (1024 * 1024),
  k: 1000 / (1024 * 1024),
  Ki: 1 / 1024,
  M: 1_000_000 / (1024 * 1024),
  Mi: 1,
  G: 1_000_000_000 / (1024 * 1024),
  Gi: 1024,
  T: 1e12 / (1024 * 1024),
  Ti: 1024 * 1024,
  // A milli-byte suffix is legal (Kubernetes prints odd divisions that way).
  m: 1 / (1000 * 1024 * 1024),
};

const QUANTITY = /^([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)([a-zA-Z]*)$/;

/** `500m`, `2`, `1.5` → millicores. */
export function parseCpuMillis(value: unknown): number {
  if (typeof value === 'number') return value * 1000;
  if (typeof value !== 'string') return 0;
  const match = QUANTITY.exec(value.trim());
  if (!match) return 0;
  const n = Number(match[1]);
  if (!Number.isFinite(n)) return 0;
  switch (match[2]) {
    case '':
      return n * 1000;
    case 'm':
      return n;
    case 'k':
      return n * 1_000_000;
    default:
      return 0;
  }
}

/** `3Gi`, `3072Mi`, `3221225472`, `3G` → MiB. */
export function parseMemoryMiB(value: unknown): number {
  if (typeof value === 'number') return value / (1024 * 1024);
  if (typeof value !== 'string') return 0;
  const match = QUANTITY.exec(value.trim());
  if (!match) return 0;
  const n = Number(match[1]);
  const factor = MEMORY_FACTORS_TO_MIB[match[2]];
  if (!Number.isFinite(n) || factor === undefined) return 0;
  return n * factor;
}
