/**
 * Seeded randomness. Every stream is derived from the scenario's seed and a
 * label (e.g. a pipeline's name), so a run is reproducible and adding one
 * pipeline does not change what happens to the others.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Standard normal. */
  normal(): number;
  /** Log-normal with the given median and sigma (of the underlying normal). */
  logNormal(median: number, sigma: number): number;
  /** Exponential with the given mean. */
  exponential(mean: number): number;
  pick<T>(items: readonly T[]): T;
  /** An independent stream for a sub-part. */
  fork(label: string): Random;
}

/** 32-bit FNV-1a hash of a string; used to derive seeds from labels. */
export function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A uniform value in [0, 1) that depends only on its inputs: for quantities
 * that must be the same whenever they are asked for (a price at a time).
 */
export function hashUniform(...parts: Array<string | number>): number {
  let h = hashString(parts.join('\u0000'));
  // One round of a 32-bit mixer to spread nearby inputs apart.
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** mulberry32: small, fast, good enough for simulation. */
export function createRandom(seed: string | number): Random {
  let state = typeof seed === 'number' ? seed >>> 0 : hashString(seed);
  const label = String(seed);
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: p => next() < p,
    normal: () => {
      // Box-Muller; 1 - next() avoids log(0).
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    logNormal: (median, sigma) => median * Math.exp(sigma * random.normal()),
    exponential: mean => -mean * Math.log(1 - next()),
    pick: items => items[Math.floor(next() * items.length)],
    fork: sub => createRandom(`${label}/${sub}`),
  };
  return random;
}
