import { breachSeconds, lagBreaches } from './lagBreaches';

const at = (minute: number) =>
  new Date(Date.UTC(2026, 10, 28, 12, minute)).toISOString();
const ms = (minute: number) => Date.UTC(2026, 10, 28, 12, minute);

describe('lagBreaches', () => {
  it('finds each run above target, from its first step to the end of its last', () => {
    const lags = [40, 130, 164, 90, 121, 60];
    const points = lags.map((timeLagSeconds, i) => ({
      at: at(i),
      timeLagSeconds,
    }));
    const runs = lagBreaches(points, 120, 60);
    expect(runs).toEqual([
      { from: ms(1), to: ms(3), maxSeconds: 164 },
      { from: ms(4), to: ms(5), maxSeconds: 121 },
    ]);
    expect(breachSeconds(runs)).toBe(180);
  });

  it('does not count a reading equal to the target', () => {
    expect(lagBreaches([{ at: at(0), timeLagSeconds: 120 }], 120, 60)).toEqual(
      [],
    );
  });

  it('ends a run at a missing reading or a gap in the samples', () => {
    const points = [
      { at: at(0), timeLagSeconds: 200 },
      { at: at(1) },
      { at: at(2), timeLagSeconds: 200 },
      { at: at(5), timeLagSeconds: 200 },
    ];
    expect(lagBreaches(points, 120, 60)).toEqual([
      { from: ms(0), to: ms(1), maxSeconds: 200 },
      { from: ms(2), to: ms(3), maxSeconds: 200 },
      { from: ms(5), to: ms(6), maxSeconds: 200 },
    ]);
  });

  it('finds nothing in an empty series', () => {
    expect(lagBreaches([], 120, 60)).toEqual([]);
    expect(breachSeconds([])).toBe(0);
  });
});
