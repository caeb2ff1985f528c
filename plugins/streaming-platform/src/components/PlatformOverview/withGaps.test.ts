import { withGaps } from './withGaps';

describe('withGaps', () => {
  it('breaks the line where steps are missing, and only there', () => {
    const step = 60_000;
    const data = [0, 1, 2, 5, 6].map(i => ({ t: i * step, v: i }));
    expect(withGaps(data, step)).toEqual([
      { t: 0, v: 0 },
      { t: step, v: 1 },
      { t: 2 * step, v: 2 },
      { t: 3 * step },
      { t: 5 * step, v: 5 },
      { t: 6 * step, v: 6 },
    ]);
  });

  it('leaves an unbroken series alone', () => {
    const data = [{ t: 0 }, { t: 60_000 }];
    expect(withGaps(data, 60_000)).toEqual(data);
  });
});
