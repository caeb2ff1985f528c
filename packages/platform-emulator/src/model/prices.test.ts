import { PriceBook, SPOT_PRICE_PERIOD_MS } from './prices';

describe('PriceBook', () => {
  const book = new PriceBook({ seed: 'test', region: 'us-east-1' });
  const t0 = Date.UTC(2026, 10, 1);

  it('quotes on-demand from the shipped list', () => {
    expect(book.onDemandUsdPerHour('m5.large')).toBe(0.096);
    expect(book.onDemandUsdPerHour('t3.nano')).toBeUndefined();
    expect(book.instanceTypes()).toHaveLength(48);
    expect(book.zones).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
  });

  it('quotes spot 58-74 % (±8 %) below on-demand, the same for the same question', () => {
    for (const type of book.instanceTypes()) {
      for (const zone of book.zones) {
        const spot = book.spotUsdPerHour(type, zone, t0)!;
        const ratio = spot / book.onDemandUsdPerHour(type)!;
        expect(ratio).toBeGreaterThan((1 - 0.74) * 0.92 - 0.001);
        expect(ratio).toBeLessThan((1 - 0.58) * 1.08 + 0.001);
        expect(book.spotUsdPerHour(type, zone, t0)).toBe(spot);
      }
    }
    expect(
      new PriceBook({ seed: 'test', region: 'us-east-1' }).spotUsdPerHour(
        'm5.large',
        'us-east-1a',
        t0,
      ),
    ).toBe(book.spotUsdPerHour('m5.large', 'us-east-1a', t0));
  });

  it('differs by zone and moves over time', () => {
    const prices = new Set(
      book.zones.map(z => book.spotUsdPerHour('m6i.xlarge', z, t0)),
    );
    expect(prices.size).toBeGreaterThan(1);
    const overDay = new Set(
      Array.from({ length: 12 }, (_, i) =>
        book.spotUsdPerHour(
          'm6i.xlarge',
          'us-east-1a',
          t0 + (i * SPOT_PRICE_PERIOD_MS) / 2,
        ),
      ),
    );
    expect(overDay.size).toBeGreaterThan(3);
  });

  it('answers history as DescribeSpotPriceHistory does: the price in force at the start, then each change', () => {
    const from = t0;
    const to = t0 + 24 * 60 * 60 * 1000;
    const history = book.spotPriceHistory('c6i.large', 'us-east-1b', from, to);
    expect(history[0].timestampMs).toBeLessThanOrEqual(from);
    expect(history[0].usdPerHour).toBe(
      book.spotUsdPerHour('c6i.large', 'us-east-1b', from),
    );
    for (let i = 1; i < history.length; i++) {
      expect(history[i].timestampMs).toBeGreaterThan(from);
      expect(history[i].timestampMs).toBeLessThanOrEqual(to);
      expect(history[i].timestampMs).toBeGreaterThan(
        history[i - 1].timestampMs,
      );
      // Each point is the price in force from its timestamp on.
      expect(
        book.spotUsdPerHour('c6i.large', 'us-east-1b', history[i].timestampMs),
      ).toBe(history[i].usdPerHour);
      expect(
        book.spotUsdPerHour(
          'c6i.large',
          'us-east-1b',
          history[i].timestampMs - 1,
        ),
      ).toBe(history[i - 1].usdPerHour);
    }
    // About six changes a day.
    expect(history.length).toBeGreaterThanOrEqual(6);
    expect(history.length).toBeLessThanOrEqual(8);
  });

  it('knows no spot price outside its list and zones', () => {
    expect(book.spotUsdPerHour('t3.nano', 'us-east-1a', t0)).toBeUndefined();
    expect(book.spotUsdPerHour('m5.large', 'eu-west-1a', t0)).toBeUndefined();
    expect(book.spotPriceHistory('m5.large', 'eu-west-1a', t0, t0 + 1)).toEqual(
      [],
    );
  });
});
