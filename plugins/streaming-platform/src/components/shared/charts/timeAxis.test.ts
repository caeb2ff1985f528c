import { seriesWindow, timeAxisProps, timeTicks } from './timeAxis';

const MINUTE = 60_000;

describe('timeTicks', () => {
  it.each([
    [1, 5 * MINUTE],
    [6, 60 * MINUTE],
    [24, 4 * 60 * MINUTE],
    [7 * 24, 24 * 60 * MINUTE],
    [14 * 24, 48 * 60 * MINUTE],
  ])(
    'puts at most 7 ticks, evenly spaced, on a %p h window',
    (hours, spacing) => {
      const to = Date.UTC(2026, 10, 28, 12, 7, 30);
      const ticks = timeTicks({ from: to - hours * 60 * MINUTE, to });
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(ticks.length).toBeLessThanOrEqual(7);
      for (let i = 1; i < ticks.length; i++) {
        expect(ticks[i] - ticks[i - 1]).toBeGreaterThanOrEqual(
          Math.min(spacing, ticks[1] - ticks[0]),
        );
      }
      // On round times: whole minutes at least.
      expect(ticks.every(t => t % MINUTE === 0)).toBe(true);
    },
  );
});

describe('timeAxisProps', () => {
  const window = seriesWindow({
    from: '2026-11-27T12:00:00Z',
    to: '2026-11-28T12:00:00Z',
  });

  it('takes the window of a series answer', () => {
    expect(window).toEqual({
      from: Date.UTC(2026, 10, 27, 12),
      to: Date.UTC(2026, 10, 28, 12),
    });
  });

  it('puts the ticks on round times by default', () => {
    const props = timeAxisProps(window);
    expect(props).toMatchObject({
      dataKey: 't',
      type: 'number',
      scale: 'time',
      domain: [window.from, window.to],
    });
    expect(props.ticks).toEqual(timeTicks(window));
  });

  it('leaves the ticks to the time scale when asked', () => {
    expect(timeAxisProps(window, { ticks: 'scale' })).not.toHaveProperty(
      'ticks',
    );
  });
});
