import {
  DescribeServicesCommand,
  GetAttributeValuesCommand,
  GetProductsCommand,
  PricingClient,
  paginateGetProducts,
} from '@aws-sdk/client-pricing';
import { PriceBook } from '../model/prices';
import { credentials } from './__testUtils__/aws';
import { MetricStore } from './MetricStore';
import { PriceListProduct } from './priceListProduct';
import { AwsServer, startAwsServer } from './server';

const linuxOnDemand = (field: string, value: string) => [
  { Type: 'TERM_MATCH' as const, Field: 'instanceType', Value: 'm5.large' },
  { Type: 'TERM_MATCH' as const, Field: field, Value: value },
  { Type: 'TERM_MATCH' as const, Field: 'operatingSystem', Value: 'Linux' },
  { Type: 'TERM_MATCH' as const, Field: 'tenancy', Value: 'Shared' },
  { Type: 'TERM_MATCH' as const, Field: 'preInstalledSw', Value: 'NA' },
  { Type: 'TERM_MATCH' as const, Field: 'capacitystatus', Value: 'Used' },
];

describe('the Price List API over the AWS SDK', () => {
  const usEast1 = new PriceBook({ seed: 'test', region: 'us-east-1' });
  const euWest1 = new PriceBook({ seed: 'test', region: 'eu-west-1' });
  let server: AwsServer;
  let pricing: PricingClient;

  beforeAll(async () => {
    server = await startAwsServer({
      metrics: new MetricStore(),
      prices: [usEast1, euWest1],
    });
    // The real Price List endpoints are in us-east-1 and a few others; any works here.
    pricing = new PricingClient({
      endpoint: server.url,
      region: 'us-east-1',
      credentials,
      maxAttempts: 1,
    });
  });
  afterAll(() => server.close());

  it('answers GetProducts for m5.large in us-east-1 with one parseable product', async () => {
    const out = await pricing.send(
      new GetProductsCommand({
        ServiceCode: 'AmazonEC2',
        FormatVersion: 'aws_v1',
        Filters: linuxOnDemand('regionCode', 'us-east-1'),
      }),
    );
    expect(out.FormatVersion).toBe('aws_v1');
    expect(out.PriceList).toHaveLength(1);
    expect(out.NextToken).toBeUndefined();
    const document: PriceListProduct = JSON.parse(String(out.PriceList![0]));
    expect(document).toMatchObject({
      serviceCode: 'AmazonEC2',
      product: {
        productFamily: 'Compute Instance',
        sku: expect.stringMatching(/^[A-Z0-9]{16}$/),
        attributes: {
          instanceType: 'm5.large',
          vcpu: '2',
          memory: '8 GiB',
          regionCode: 'us-east-1',
          location: 'US East (N. Virginia)',
          operatingSystem: 'Linux',
          tenancy: 'Shared',
          preInstalledSw: 'NA',
          capacitystatus: 'Used',
          usagetype: 'BoxUsage:m5.large',
        },
      },
    });
    const sku = document.product.sku;
    const term = document.terms.OnDemand[`${sku}.JRTCKXETXF`];
    expect(term).toMatchObject({ sku, offerTermCode: 'JRTCKXETXF' });
    const rate = term.priceDimensions[`${sku}.JRTCKXETXF.6YS6EN2CT7`];
    expect(rate).toMatchObject({
      unit: 'Hrs',
      pricePerUnit: { USD: '0.0960000000' },
      description: '$0.096 per On Demand Linux m5.large Instance Hour',
    });
    expect(Number(rate.pricePerUnit.USD)).toBe(
      usEast1.onDemandUsdPerHour('m5.large'),
    );
  });

  it('finds a region by its Price List location name', async () => {
    const out = await pricing.send(
      new GetProductsCommand({
        ServiceCode: 'AmazonEC2',
        Filters: linuxOnDemand('location', 'EU (Ireland)'),
      }),
    );
    const document: PriceListProduct = JSON.parse(String(out.PriceList![0]));
    expect(document.product.attributes).toMatchObject({
      regionCode: 'eu-west-1',
      usagetype: 'EU-BoxUsage:m5.large',
    });
    const [term] = Object.values(document.terms.OnDemand);
    const [rate] = Object.values(term.priceDimensions);
    expect(rate.pricePerUnit.USD).toBe('0.1070000000');
  });

  it('pages through every product of a region', async () => {
    const skus: string[] = [];
    let pages = 0;
    for await (const page of paginateGetProducts(
      { client: pricing, pageSize: 10 },
      {
        ServiceCode: 'AmazonEC2',
        Filters: [
          { Type: 'TERM_MATCH', Field: 'regionCode', Value: 'us-east-1' },
        ],
      },
    )) {
      pages++;
      for (const item of page.PriceList ?? []) {
        skus.push(JSON.parse(String(item)).product.sku);
      }
    }
    expect(skus).toHaveLength(usEast1.instanceTypes().length);
    expect(new Set(skus).size).toBe(skus.length);
    expect(pages).toBe(Math.ceil(skus.length / 10));
  });

  it('supports the other filter types', async () => {
    const out = await pricing.send(
      new GetProductsCommand({
        ServiceCode: 'AmazonEC2',
        Filters: [
          {
            Type: 'ANY_OF',
            Field: 'instanceType',
            Value: 'm5.large,c6g.xlarge',
          },
          { Type: 'CONTAINS', Field: 'location', Value: 'Ireland' },
          { Type: 'NONE_OF', Field: 'instanceType', Value: 'c6g.xlarge' },
          { Type: 'EQUALS', Field: 'operatingSystem', Value: 'Linux' },
        ],
      }),
    );
    expect(
      (out.PriceList as string[]).map(p => JSON.parse(p).product.attributes),
    ).toEqual([
      expect.objectContaining({
        instanceType: 'm5.large',
        regionCode: 'eu-west-1',
      }),
    ]);
  });

  it('describes the service and lists attribute values', async () => {
    const services = await pricing.send(
      new DescribeServicesCommand({ ServiceCode: 'AmazonEC2' }),
    );
    expect(services.Services![0]).toMatchObject({ ServiceCode: 'AmazonEC2' });
    expect(services.Services![0].AttributeNames).toEqual(
      expect.arrayContaining(['instanceType', 'regionCode', 'vcpu', 'memory']),
    );
    const regions = await pricing.send(
      new GetAttributeValuesCommand({
        ServiceCode: 'AmazonEC2',
        AttributeName: 'regionCode',
      }),
    );
    expect(regions.AttributeValues).toEqual([
      { Value: 'eu-west-1' },
      { Value: 'us-east-1' },
    ]);
  });

  it('refuses bad input with InvalidParameterException', async () => {
    await expect(
      pricing.send(
        new GetProductsCommand({
          ServiceCode: 'AmazonEC2',
          Filters: [
            { Type: 'LIKE' as 'TERM_MATCH', Field: 'vcpu', Value: '2' },
          ],
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringMatching(/Filter type LIKE is not valid/),
      $metadata: { httpStatusCode: 400 },
    });
    await expect(
      pricing.send(
        new GetProductsCommand({ ServiceCode: 'AmazonEC2', MaxResults: 101 }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await expect(
      pricing.send(
        new GetProductsCommand({ ServiceCode: 'AmazonEC2', NextToken: 'x' }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidNextTokenException' });
  });
});
