import {
  fallbackOnDemandPrice,
  newestSpotPrices,
  onDemandUsdPerHour,
  priceListFilters,
} from './priceParsing';

const product = (
  usd: string,
  options: { unit?: string; marketoption?: string } = {},
) =>
  JSON.stringify({
    product: {
      attributes: {
        instanceType: 'm5.large',
        ...(options.marketoption ? { marketoption: options.marketoption } : {}),
      },
    },
    terms: {
      OnDemand: {
        'SKU.JRTCKXETXF': {
          priceDimensions: {
            'SKU.JRTCKXETXF.6YS6EN2CT7': {
              unit: options.unit ?? 'Hrs',
              pricePerUnit: { USD: usd },
            },
          },
        },
      },
    },
  });

describe('priceListFilters', () => {
  it('selects Linux, shared tenancy, no software, used capacity', () => {
    expect(priceListFilters('eu-west-1', 'm5.large')).toEqual([
      { Type: 'TERM_MATCH', Field: 'instanceType', Value: 'm5.large' },
      { Type: 'TERM_MATCH', Field: 'regionCode', Value: 'eu-west-1' },
      { Type: 'TERM_MATCH', Field: 'operatingSystem', Value: 'Linux' },
      { Type: 'TERM_MATCH', Field: 'tenancy', Value: 'Shared' },
      { Type: 'TERM_MATCH', Field: 'preInstalledSw', Value: 'NA' },
      { Type: 'TERM_MATCH', Field: 'capacitystatus', Value: 'Used' },
    ]);
  });
});

describe('onDemandUsdPerHour', () => {
  it.each([
    ['one product', [product('0.1070000000')], 0.107],
    ['no products', [], undefined],
    ['a price per other unit', [product('5', { unit: 'Quantity' })], undefined],
    ['a zero price', [product('0.0000000000')], undefined],
    ['a document that is not JSON', ['{not json', product('0.2')], 0.2],
    [
      'an on-demand market and a capacity block',
      [
        product('0.05', { marketoption: 'CapacityBlock' }),
        product('0.096', { marketoption: 'OnDemand' }),
      ],
      0.096,
    ],
    ['two matches: the lower', [product('0.3'), product('0.2')], 0.2],
  ])('%s → %s', (_, priceList, expected) => {
    expect(onDemandUsdPerHour(priceList)).toBe(expected);
  });
});

describe('newestSpotPrices', () => {
  const t = (h: number) => new Date(Date.UTC(2026, 0, 1, h));
  it('keeps the newest valid price per instance type and zone', () => {
    expect(
      newestSpotPrices([
        {
          InstanceType: 'm5.large',
          AvailabilityZone: 'eu-west-1a',
          SpotPrice: '0.040000',
          Timestamp: t(4),
        },
        {
          InstanceType: 'm5.large',
          AvailabilityZone: 'eu-west-1a',
          SpotPrice: '0.030000',
          Timestamp: t(8),
        },
        {
          InstanceType: 'm5.large',
          AvailabilityZone: 'eu-west-1b',
          SpotPrice: '0.035000',
          Timestamp: t(2),
        },
        {
          InstanceType: 'm5.large',
          AvailabilityZone: 'eu-west-1c',
          SpotPrice: 'n/a',
          Timestamp: t(9),
        },
        {
          InstanceType: 'c5.large',
          AvailabilityZone: 'eu-west-1a',
          SpotPrice: '0.02',
        },
      ]),
    ).toEqual([
      {
        instanceType: 'm5.large',
        zone: 'eu-west-1a',
        usdPerHour: 0.03,
        effectiveAt: t(8).getTime(),
      },
      {
        instanceType: 'm5.large',
        zone: 'eu-west-1b',
        usdPerHour: 0.035,
        effectiveAt: t(2).getTime(),
      },
    ]);
  });
});

describe('fallbackOnDemandPrice', () => {
  it.each([
    ['us-east-1', 'm5.large', 0.096],
    ['eu-west-1', 'c6i.2xlarge', 0.3648],
    ['eu-west-1', 't3.large', undefined],
    ['ap-south-1', 'm5.large', undefined],
  ])('%s %s → %s', (region, type, usd) => {
    expect(fallbackOnDemandPrice(region, type)?.usdPerHour).toBe(usd);
  });
});
