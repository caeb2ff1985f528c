import {
  CloudWatchClient,
  GetMetricDataCommand,
  ListMetricsCommand,
} from '@aws-sdk/client-cloudwatch';
import {
  DescribeSpotPriceHistoryCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { GetProductsCommand, PricingClient } from '@aws-sdk/client-pricing';
import { Faults } from '../faults';
import { PriceBook } from '../model/prices';
import { HOUR, MINUTE, T0, credentials, mskLagKey } from './__testUtils__/aws';
import { MetricStore } from './MetricStore';
import { AwsServer, startAwsServer } from './server';

interface SentRequest {
  headers: Record<string, string>;
  body: string | Uint8Array;
}

const bodyText = (body: string | Uint8Array) =>
  typeof body === 'string' ? body : new TextDecoder().decode(body);

describe('startAwsServer', () => {
  const faults = new Faults();
  const metrics = new MetricStore();
  let server: AwsServer;

  beforeAll(async () => {
    metrics.put(mskLagKey('SumOffsetLag', 'a'), T0, 42, 'Count');
    server = await startAwsServer({
      metrics,
      prices: new PriceBook({ seed: 'test', region: 'us-east-1' }),
      faults,
      clock: { now: () => T0 + HOUR },
    });
  });
  afterAll(() => server.close());
  afterEach(() => faults.reset());

  const post = (headers: Record<string, string>, body: string) =>
    fetch(server.url, { method: 'POST', headers, body });

  it('serves CloudWatch, the Price List API and EC2 on one endpoint, counting calls', async () => {
    server.resetCalls();
    const config = {
      endpoint: server.url,
      region: 'us-east-1',
      credentials,
      maxAttempts: 1,
    };
    const [listed, products, spot] = await Promise.all([
      new CloudWatchClient(config).send(
        new ListMetricsCommand({ Namespace: 'AWS/Kafka' }),
      ),
      new PricingClient(config).send(
        new GetProductsCommand({ ServiceCode: 'AmazonEC2', MaxResults: 1 }),
      ),
      new EC2Client(config).send(
        new DescribeSpotPriceHistoryCommand({ InstanceTypes: ['m5.large'] }),
      ),
    ]);
    expect(listed.Metrics).toHaveLength(1);
    expect(products.PriceList).toHaveLength(1);
    expect(spot.SpotPriceHistory).toHaveLength(3);
    expect(server.calls).toEqual({
      ListMetrics: 1,
      GetProducts: 1,
      DescribeSpotPriceHistory: 1,
    });
  });

  it('speaks JSON 1.0 to the CloudWatch SDK: target, content type, epoch-second timestamps', async () => {
    const client = new CloudWatchClient({
      endpoint: server.url,
      region: 'ap-south-2', // any region is accepted
      credentials,
      maxAttempts: 1,
    });
    let sent: SentRequest | undefined;
    client.middlewareStack.add(
      next => async args => {
        sent = args.request as SentRequest;
        return next(args);
      },
      { step: 'finalizeRequest' },
    );
    const out = await client.send(
      new GetMetricDataCommand({
        StartTime: new Date(T0),
        EndTime: new Date(T0 + MINUTE),
        MetricDataQueries: [
          {
            Id: 'a',
            MetricStat: {
              Metric: {
                Namespace: 'AWS/Kafka',
                MetricName: 'SumOffsetLag',
                Dimensions: mskLagKey('SumOffsetLag', 'a').dimensions,
              },
              Period: 60,
              Stat: 'Sum',
            },
          },
        ],
      }),
    );
    expect(sent!.headers).toMatchObject({
      'x-amz-target': 'GraniteServiceVersion20100801.GetMetricData',
      'content-type': 'application/x-amz-json-1.0',
      'x-amzn-query-mode': 'true',
    });
    expect(JSON.parse(bodyText(sent!.body))).toMatchObject({
      StartTime: T0 / 1000,
      EndTime: (T0 + MINUTE) / 1000,
    });
    expect(out.MetricDataResults![0]).toMatchObject({
      Timestamps: [new Date(T0)],
      Values: [42],
    });

    const raw = await post(
      {
        'X-Amz-Target': 'GraniteServiceVersion20100801.GetMetricData',
        'Content-Type': 'application/x-amz-json-1.0',
      },
      bodyText(sent!.body),
    );
    expect(raw.headers.get('content-type')).toBe('application/x-amz-json-1.0');
    expect((await raw.json()).MetricDataResults[0]).toEqual({
      Id: 'a',
      Label: 'SumOffsetLag',
      Timestamps: [T0 / 1000],
      Values: [42],
      StatusCode: 'Complete',
    });
  });

  it('sends errors as query-compatible JSON: __type, message, x-amzn-query-error', async () => {
    faults.set({ cloudWatchThrottling: true });
    const throttled = await post(
      {
        'X-Amz-Target': 'GraniteServiceVersion20100801.ListMetrics',
        'Content-Type': 'application/x-amz-json-1.0',
      },
      '{}',
    );
    expect(throttled.status).toBe(400);
    expect(throttled.headers.get('x-amzn-query-error')).toBe(
      'Throttling;Sender',
    );
    expect(await throttled.json()).toEqual({
      __type: 'com.amazon.coral.availability#ThrottlingException',
      message: 'Rate exceeded',
    });
    faults.set({ cloudWatchThrottling: false, cloudWatchErrors: true });
    const failed = await post(
      {
        'X-Amz-Target': 'GraniteServiceVersion20100801.ListMetrics',
        'Content-Type': 'application/x-amz-json-1.0',
      },
      '{}',
    );
    expect(failed.status).toBe(500);
    expect(failed.headers.get('x-amzn-query-error')).toBe(
      'InternalServiceError;Receiver',
    );
    expect(await failed.json()).toEqual({
      __type: 'com.amazonaws.cloudwatch#InternalServiceFault',
      Message: 'Internal service error',
    });
  });

  it('refuses what it does not serve', async () => {
    const unknownTarget = await post(
      {
        'X-Amz-Target': 'Logs_20140328.FilterLogEvents',
        'Content-Type': 'application/x-amz-json-1.1',
      },
      '{}',
    );
    expect(unknownTarget.status).toBe(400);
    expect((await unknownTarget.json()).__type).toBe(
      'UnknownOperationException',
    );
    const unknownOperation = await post(
      {
        'X-Amz-Target': 'GraniteServiceVersion20100801.PutMetricData',
        'Content-Type': 'application/x-amz-json-1.0',
      },
      '{}',
    );
    expect((await unknownOperation.json()).__type).toBe(
      'UnknownOperationException',
    );
    const badJson = await post(
      {
        'X-Amz-Target': 'GraniteServiceVersion20100801.ListMetrics',
        'Content-Type': 'application/x-amz-json-1.0',
      },
      '{',
    );
    expect((await badJson.json()).__type).toBe('SerializationException');
    const ec2Action = await post(
      { 'Content-Type': 'application/x-www-form-urlencoded' },
      'Action=RunInstances&Version=2016-11-15',
    );
    expect(ec2Action.status).toBe(400);
    expect(await ec2Action.text()).toContain('<Code>InvalidAction</Code>');
    expect((await fetch(server.url)).status).toBe(400);
  });
});
