import { priceSourceLabel, priceSourcesText } from './priceSources';

describe('priceSourcesText', () => {
  it('lists each source once, exactly named, for a pipeline', () => {
    expect(
      priceSourcesText([
        'spot-price-history',
        'price-list',
        'spot-price-history',
      ]),
    ).toBe('EC2 spot price history, AWS Price List (on-demand)');
    expect(priceSourcesText(['fallback-table', 'unknown'])).toBe(
      'the shipped fallback price table, no known price (costed at zero)',
    );
  });

  it('reads as a sentence in prose, for the platform', () => {
    expect(
      priceSourcesText(['spot-price-history', 'price-list'], 'prose'),
    ).toBe('EC2 spot price history and AWS Price List');
    expect(
      priceSourcesText(['price-list', 'fallback-table', 'unknown'], 'prose'),
    ).toBe(
      'AWS Price List, the shipped price table and no known price for some instance types (costed at zero)',
    );
    expect(priceSourcesText(['fallback-table'], 'prose')).toBe(
      'the shipped price table',
    );
  });

  it('says "node prices" when it knows no source', () => {
    expect(priceSourcesText(undefined)).toBe('node prices');
    expect(priceSourcesText([], 'prose')).toBe('node prices');
  });

  it('names a single source', () => {
    expect(priceSourceLabel('price-list')).toBe('AWS Price List (on-demand)');
    expect(priceSourceLabel('price-list', 'prose')).toBe('AWS Price List');
  });
});
