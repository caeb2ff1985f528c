import { hashUniform } from '../random';

/**
 * The input rate of a pipeline's topic over time: a daily cycle, regular
 * bursts and occasional sharp spikes (the case study's "unpredictable traffic
 * spikes"), with per-minute noise.
 */
export interface TrafficProfile {
  /** Mean records per second over a day. */
  baseRate: number;
  /** Relative swing of the daily cycle: 0.6 = ±60 % around the base. */
  dailyAmplitude: number;
  /** Where in the day the peak falls, 0–1 (0.5 = midday). */
  peakPhase: number;
  /** A spike every this many ms on average; 0 = none. */
  spikeEveryMs: number;
  /** Rate multiplier during a spike. */
  spikeFactor: number;
  spikeDurationMs: number;
  /** Relative per-minute noise, e.g. 0.05. */
  noise: number;
}

/**
 * How long a "day" of the traffic pattern lasts. A real day normally; the
 * demo compresses its patterns (not its clock) so a visitor sees a cycle in
 * minutes.
 */
export interface TrafficTimeScale {
  dayMs: number;
}

export const REAL_DAY: TrafficTimeScale = { dayMs: 24 * 60 * 60 * 1000 };

/**
 * Records per second at `atMs`. Pure: the same inputs give the same rate, so
 * the past can be recomputed. `seed` separates pipelines.
 */
export function trafficRate(
  profile: TrafficProfile,
  scale: TrafficTimeScale,
  seed: string,
  atMs: number,
): number {
  const phase = (atMs % scale.dayMs) / scale.dayMs;
  const daily =
    1 +
    profile.dailyAmplitude *
      Math.cos(2 * Math.PI * (phase - profile.peakPhase));
  const minute = Math.floor(atMs / 60_000);
  const noise =
    1 + profile.noise * (2 * hashUniform(seed, 'noise', minute) - 1);
  return Math.max(
    0,
    profile.baseRate * daily * noise * spikeFactorAt(profile, seed, atMs),
  );
}

/**
 * Spikes: time is cut into slots of `spikeEveryMs`; each slot holds one spike
 * at a seeded offset, so spikes come irregularly at the average frequency.
 */
export function spikeFactorAt(
  profile: TrafficProfile,
  seed: string,
  atMs: number,
): number {
  if (profile.spikeEveryMs <= 0) return 1;
  const slot = Math.floor(atMs / profile.spikeEveryMs);
  // Check this slot and the previous one: a spike may run over a slot boundary.
  for (const s of [slot, slot - 1]) {
    const latest = profile.spikeEveryMs - profile.spikeDurationMs;
    const start =
      s * profile.spikeEveryMs +
      Math.max(0, latest) * hashUniform(seed, 'spike', s);
    if (atMs >= start && atMs < start + profile.spikeDurationMs) {
      // Ramp up and down over the first and last fifth of the spike.
      const into = (atMs - start) / profile.spikeDurationMs;
      const ramp = Math.min(1, into / 0.2, (1 - into) / 0.2);
      return 1 + (profile.spikeFactor - 1) * ramp;
    }
  }
  return 1;
}

/** Records produced in [fromMs, toMs), by the midpoint rule per minute. */
export function recordsProduced(
  profile: TrafficProfile,
  scale: TrafficTimeScale,
  seed: string,
  fromMs: number,
  toMs: number,
): number {
  const step = 15_000;
  let total = 0;
  for (let t = fromMs; t < toMs; t += step) {
    const end = Math.min(toMs, t + step);
    total +=
      trafficRate(profile, scale, seed, (t + end) / 2) * ((end - t) / 1000);
  }
  return total;
}
