import {
  REAL_DAY,
  TrafficProfile,
  recordsProduced,
  spikeFactorAt,
  trafficRate,
} from './traffic';

const flat: TrafficProfile = {
  baseRate: 1000,
  dailyAmplitude: 0,
  peakPhase: 0.5,
  spikeEveryMs: 0,
  spikeFactor: 1,
  spikeDurationMs: 0,
  noise: 0,
};
const t0 = Date.UTC(2026, 10, 1);
const HOUR = 3_600_000;

describe('traffic', () => {
  it('is flat without cycle, spikes or noise', () => {
    expect(trafficRate(flat, REAL_DAY, 's', t0)).toBe(1000);
    expect(recordsProduced(flat, REAL_DAY, 's', t0, t0 + 60_000)).toBeCloseTo(
      60_000,
      6,
    );
  });

  it('follows the daily cycle: peak at peakPhase, trough half a day later', () => {
    const p = { ...flat, dailyAmplitude: 0.5, peakPhase: 0.5 };
    expect(trafficRate(p, REAL_DAY, 's', t0 + 12 * HOUR)).toBeCloseTo(1500, 6);
    expect(trafficRate(p, REAL_DAY, 's', t0)).toBeCloseTo(500, 6);
    expect(trafficRate(p, REAL_DAY, 's', t0 + 6 * HOUR)).toBeCloseTo(1000, 6);
  });

  it('compresses the cycle with the time scale', () => {
    const p = { ...flat, dailyAmplitude: 0.5, peakPhase: 0.5 };
    const demo = { dayMs: HOUR };
    expect(trafficRate(p, demo, 's', t0 + HOUR / 2)).toBeCloseTo(1500, 6);
  });

  it('keeps noise within its bound and the same for the same minute', () => {
    const p = { ...flat, noise: 0.1 };
    for (let m = 0; m < 500; m++) {
      const r = trafficRate(p, REAL_DAY, 's', t0 + m * 60_000);
      expect(r).toBeGreaterThanOrEqual(900);
      expect(r).toBeLessThanOrEqual(1100);
      expect(trafficRate(p, REAL_DAY, 's', t0 + m * 60_000 + 59_000)).toBe(r);
    }
  });

  it('has one spike of the given length per slot, ramped, reaching its factor', () => {
    const p = {
      ...flat,
      spikeEveryMs: HOUR,
      spikeFactor: 3,
      spikeDurationMs: 10 * 60_000,
    };
    let inSpike = 0;
    let max = 0;
    for (let t = t0; t < t0 + 24 * HOUR; t += 10_000) {
      const f = spikeFactorAt(p, 'seed', t);
      if (f > 1) inSpike += 10_000;
      max = Math.max(max, f);
    }
    // 24 spikes of 10 minutes, minus the zero points at the ramp ends.
    expect(inSpike / 60_000).toBeGreaterThan(24 * 9.5);
    expect(inSpike / 60_000).toBeLessThanOrEqual(24 * 10);
    expect(max).toBeCloseTo(3, 1);
    // Different seeds put the spikes elsewhere.
    const other = Array.from({ length: 24 }, (_, h) =>
      spikeFactorAt(p, 'other', t0 + h * HOUR + 5 * 60_000),
    );
    const mine = Array.from({ length: 24 }, (_, h) =>
      spikeFactorAt(p, 'seed', t0 + h * HOUR + 5 * 60_000),
    );
    expect(other).not.toEqual(mine);
  });
});
