import {
  DescribeSpotPriceHistoryCommand,
  EC2Client,
  paginateDescribeSpotPriceHistory,
} from '@aws-sdk/client-ec2';
import { PriceBook } from '../model/prices';
import { HOUR, T0, credentials } from './__testUtils__/aws';
import { MetricStore } from './MetricStore';
import { AwsServer, startAwsServer } from './server';

describe('EC2 spot price history over the AWS SDK', () => {
  const usEast1 = new PriceBook({ seed: 'test', region: 'us-east-1' });
  const euWest1 = new PriceBook({ seed: 'test', region: 'eu-west-1' });
  const now = T0 + 6 * HOUR;
  let server: AwsServer;
  const ec2 = (region = 'us-east-1') =>
    new EC2Client({
      endpoint: server.url,
      region,
      credentials,
      maxAttempts: 1,
    });

  beforeAll(async () => {
    server = await startAwsServer({
      metrics: new MetricStore(),
      prices: [usEast1, euWest1],
      clock: { now: () => now },
    });
  });
  afterAll(() => server.close());

  it("answers the price book's history for a range, newest first", async () => {
    const start = T0 - 48 * HOUR;
    const out = await ec2().send(
      new DescribeSpotPriceHistoryCommand({
        InstanceTypes: ['m6i.xlarge'],
        ProductDescriptions: ['Linux/UNIX'],
        AvailabilityZone: 'us-east-1b',
        StartTime: new Date(start),
        EndTime: new Date(T0),
      }),
    );
    const expected = usEast1
      .spotPriceHistory('m6i.xlarge', 'us-east-1b', start, T0)
      .reverse();
    expect(expected.length).toBeGreaterThan(10);
    expect(out.SpotPriceHistory).toEqual(
      expected.map(point => ({
        AvailabilityZone: 'us-east-1b',
        InstanceType: 'm6i.xlarge',
        ProductDescription: 'Linux/UNIX',
        SpotPrice: point.usdPerHour.toFixed(6),
        Timestamp: new Date(point.timestampMs),
      })),
    );
    expect(out.NextToken ?? '').toBe('');
  });

  it('answers only up to now, and the price in force now without times', async () => {
    const future = await ec2().send(
      new DescribeSpotPriceHistoryCommand({
        InstanceTypes: ['m5.large'],
        AvailabilityZone: 'us-east-1a',
        StartTime: new Date(now - HOUR),
        EndTime: new Date(now + 48 * HOUR),
      }),
    );
    for (const item of future.SpotPriceHistory!) {
      expect(item.Timestamp!.getTime()).toBeLessThanOrEqual(now);
    }
    const current = await ec2().send(
      new DescribeSpotPriceHistoryCommand({
        InstanceTypes: ['m5.large'],
        AvailabilityZone: 'us-east-1a',
      }),
    );
    expect(current.SpotPriceHistory!.map(p => Number(p.SpotPrice))).toEqual([
      usEast1.spotUsdPerHour('m5.large', 'us-east-1a', now),
    ]);
  });

  it('pages with MaxResults and NextToken through every type and zone', async () => {
    const start = T0 - 24 * HOUR;
    const items = [];
    let pages = 0;
    for await (const page of paginateDescribeSpotPriceHistory(
      { client: ec2(), pageSize: 50 },
      {
        StartTime: new Date(start),
        EndTime: new Date(T0),
        ProductDescriptions: ['Linux/UNIX'],
      },
    )) {
      pages++;
      items.push(...page.SpotPriceHistory!);
    }
    const expected = usEast1
      .instanceTypes()
      .flatMap(type =>
        usEast1.zones.flatMap(
          zone => usEast1.spotPriceHistory(type, zone, start, T0).length,
        ),
      )
      .reduce((a, b) => a + b, 0);
    expect(items).toHaveLength(expected);
    expect(pages).toBe(Math.ceil(expected / 50));
    const times = items.map(i => i.Timestamp!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("answers for the signed region's zones only", async () => {
    const out = await ec2('eu-west-1').send(
      new DescribeSpotPriceHistoryCommand({ InstanceTypes: ['m5.large'] }),
    );
    expect(out.SpotPriceHistory!.map(p => p.AvailabilityZone)).toEqual([
      'eu-west-1a',
      'eu-west-1b',
      'eu-west-1c',
    ]);
    await expect(
      ec2('eu-west-1').send(
        new DescribeSpotPriceHistoryCommand({ AvailabilityZone: 'us-east-1a' }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValue',
      message: 'Invalid availability zone: [us-east-1a]',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('has no prices for other operating systems', async () => {
    const out = await ec2().send(
      new DescribeSpotPriceHistoryCommand({
        InstanceTypes: ['m5.large'],
        ProductDescriptions: ['Windows'],
      }),
    );
    expect(out.SpotPriceHistory).toEqual([]);
  });

  it('refuses bad parameters with EC2 errors', async () => {
    await expect(
      ec2().send(new DescribeSpotPriceHistoryCommand({ MaxResults: 0 })),
    ).rejects.toMatchObject({ name: 'InvalidParameterValue' });
    await expect(
      ec2().send(new DescribeSpotPriceHistoryCommand({ NextToken: 'nope' })),
    ).rejects.toMatchObject({ name: 'InvalidPaginationToken' });
  });
});
