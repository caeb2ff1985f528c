import {
  CloudWatchClient,
  GetMetricDataCommand,
  GetMetricDataCommandInput,
  ListMetricsCommand,
  MetricDataQuery,
  MetricDataResult,
  paginateListMetrics,
} from '@aws-sdk/client-cloudwatch';
import { Faults } from '../faults';
import { PriceBook } from '../model/prices';
import { HOUR, MINUTE, T0, credentials, mskLagKey } from './__testUtils__/aws';
import { MetricStore } from './MetricStore';
import { AwsServer, AwsServerOptions, startAwsServer } from './server';

const prices = new PriceBook({ seed: 'test', region: 'us-east-1' });

async function start(
  metrics: MetricStore,
  options: Partial<AwsServerOptions> = {},
): Promise<AwsServer> {
  return startAwsServer({
    metrics,
    prices,
    clock: { now: () => T0 + 2 * HOUR },
    ...options,
  });
}

const clientFor = (server: AwsServer, maxAttempts = 1) =>
  new CloudWatchClient({
    endpoint: server.url,
    region: 'eu-west-1',
    credentials,
    maxAttempts,
  });

const lagQuery = (
  id: string,
  group: string,
  stat: string,
  period = 60,
  metricName: 'SumOffsetLag' | 'MaxOffsetLag' = 'SumOffsetLag',
): MetricDataQuery => ({
  Id: id,
  MetricStat: {
    Metric: {
      Namespace: 'AWS/Kafka',
      MetricName: metricName,
      Dimensions: mskLagKey(metricName, group).dimensions,
    },
    Period: period,
    Stat: stat,
  },
});

/** Every page of a GetMetricData call, values merged by query id. */
async function allPages(
  client: CloudWatchClient,
  input: GetMetricDataCommandInput,
) {
  const values = new Map<string, number[]>();
  const pages = [];
  let NextToken: string | undefined;
  do {
    const page = await client.send(
      new GetMetricDataCommand({ ...input, NextToken }),
    );
    pages.push(page);
    for (const result of page.MetricDataResults ?? []) {
      values.set(result.Id!, [
        ...(values.get(result.Id!) ?? []),
        ...result.Values!,
      ]);
    }
    NextToken = page.NextToken;
  } while (NextToken);
  return { pages, values };
}

describe('CloudWatch over the AWS SDK', () => {
  const faults = new Faults();
  const metrics = new MetricStore();
  let server: AwsServer;
  let cloudWatch: CloudWatchClient;

  beforeAll(async () => {
    // Two hours of lag: group a's SumOffsetLag is the minute's index, b's ten times it.
    for (let m = 0; m < 120; m++) {
      const at = T0 + m * MINUTE;
      metrics.put(mskLagKey('SumOffsetLag', 'a'), at, m, 'Count');
      metrics.put(mskLagKey('SumOffsetLag', 'b'), at, m * 10, 'Count');
      metrics.put(mskLagKey('MaxOffsetLag', 'a'), at, m % 7, 'Count');
      metrics.put(mskLagKey('EstimatedMaxTimeLag', 'a'), at, 30, 'Seconds');
    }
    server = await start(metrics, { faults });
    cloudWatch = clientFor(server);
  });
  afterAll(() => server.close());
  afterEach(() => faults.reset());

  describe('GetMetricData', () => {
    it('answers several queries with their periods and statistics', async () => {
      const out = await cloudWatch.send(
        new GetMetricDataCommand({
          StartTime: new Date(T0),
          EndTime: new Date(T0 + 10 * MINUTE),
          ScanBy: 'TimestampAscending',
          MetricDataQueries: [
            lagQuery('a1', 'a', 'Maximum'),
            { ...lagQuery('b5', 'b', 'Average', 300), Label: 'b, 5 min' },
            lagQuery('maxA', 'a', 'Maximum', 300, 'MaxOffsetLag'),
            lagQuery('countA', 'a', 'SampleCount', 600),
            lagQuery('sumB', 'b', 'Sum', 600),
            lagQuery('minB', 'b', 'Minimum', 300),
            { ...lagQuery('hidden', 'a', 'Sum'), ReturnData: false },
            lagQuery('nobody', 'nobody', 'Sum'),
          ],
        }),
      );
      const byId: Record<string, MetricDataResult> = Object.fromEntries(
        out.MetricDataResults!.map(r => [r.Id, r]),
      );
      expect(Object.keys(byId)).toEqual([
        'a1',
        'b5',
        'maxA',
        'countA',
        'sumB',
        'minB',
        'nobody',
      ]);
      expect(byId.a1).toMatchObject({
        Label: 'SumOffsetLag',
        StatusCode: 'Complete',
        Values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      });
      expect(byId.a1.Timestamps!.map(t => t.getTime())).toEqual(
        Array.from({ length: 10 }, (_, i) => T0 + i * MINUTE),
      );
      expect(byId.b5).toMatchObject({ Label: 'b, 5 min', Values: [20, 70] });
      expect(byId.b5.Timestamps!.map(t => t.getTime())).toEqual([
        T0,
        T0 + 5 * MINUTE,
      ]);
      expect(byId.maxA.Values).toEqual([4, 6]);
      expect(byId.countA.Values).toEqual([10]);
      expect(byId.sumB.Values).toEqual([450]);
      expect(byId.minB.Values).toEqual([0, 50]);
      expect(byId.nobody).toMatchObject({
        Values: [],
        Timestamps: [],
        StatusCode: 'Complete',
      });
      expect(out.NextToken).toBeUndefined();
      expect(out.Messages).toEqual([]);
    });

    it('returns newest first by default, and rounds the start down to the minute', async () => {
      const out = await cloudWatch.send(
        new GetMetricDataCommand({
          StartTime: new Date(T0 + 100 * MINUTE + 25_000),
          EndTime: new Date(T0 + 105 * MINUTE),
          MetricDataQueries: [lagQuery('a', 'a', 'Maximum')],
        }),
      );
      expect(out.MetricDataResults![0].Values).toEqual([
        104, 103, 102, 101, 100,
      ]);
    });

    it('matches only the unit asked for', async () => {
      const query = lagQuery('a', 'a', 'Maximum');
      const withUnit = (Unit: 'Count' | 'Seconds') =>
        cloudWatch.send(
          new GetMetricDataCommand({
            StartTime: new Date(T0),
            EndTime: new Date(T0 + 2 * MINUTE),
            MetricDataQueries: [
              { ...query, MetricStat: { ...query.MetricStat!, Unit } },
            ],
          }),
        );
      expect((await withUnit('Count')).MetricDataResults![0].Values).toEqual([
        1, 0,
      ]);
      expect((await withUnit('Seconds')).MetricDataResults![0].Values).toEqual(
        [],
      );
    });

    it('pages past MaxDatapoints with NextToken, in both scan orders', async () => {
      for (const ScanBy of [
        'TimestampDescending',
        'TimestampAscending',
      ] as const) {
        const { pages, values } = await allPages(cloudWatch, {
          StartTime: new Date(T0),
          EndTime: new Date(T0 + 2 * HOUR),
          ScanBy,
          MaxDatapoints: 100,
          MetricDataQueries: [
            lagQuery('a', 'a', 'Maximum'),
            lagQuery('b', 'b', 'Maximum'),
          ],
        });
        expect(pages).toHaveLength(3);
        expect(pages[0].MetricDataResults!.map(r => r.StatusCode)).toEqual([
          'PartialData',
          'PartialData',
        ]);
        expect(pages[0].MetricDataResults![0].Values).toHaveLength(100);
        expect(pages[2].NextToken).toBeUndefined();
        const minutes = Array.from({ length: 120 }, (_, i) => i);
        if (ScanBy === 'TimestampDescending') minutes.reverse();
        expect(values.get('a')).toEqual(minutes);
        expect(values.get('b')).toEqual(minutes.map(m => m * 10));
      }
    });

    it('refuses a NextToken from another request', async () => {
      const input = {
        StartTime: new Date(T0),
        EndTime: new Date(T0 + 2 * HOUR),
        MaxDatapoints: 10,
        MetricDataQueries: [lagQuery('a', 'a', 'Maximum')],
      };
      const first = await cloudWatch.send(new GetMetricDataCommand(input));
      await expect(
        cloudWatch.send(
          new GetMetricDataCommand({
            ...input,
            EndTime: new Date(T0 + HOUR),
            NextToken: first.NextToken,
          }),
        ),
      ).rejects.toMatchObject({ name: 'InvalidNextToken' });
    });

    it('accepts 500 queries and refuses 501 with InvalidParameterValue', async () => {
      const queries = (n: number) =>
        Array.from({ length: n }, (_, i) => lagQuery(`q${i}`, 'a', 'Maximum'));
      const input = {
        StartTime: new Date(T0),
        EndTime: new Date(T0 + MINUTE),
      };
      const ok = await cloudWatch.send(
        new GetMetricDataCommand({ ...input, MetricDataQueries: queries(500) }),
      );
      expect(ok.MetricDataResults).toHaveLength(500);
      const error = await cloudWatch
        .send(
          new GetMetricDataCommand({
            ...input,
            MetricDataQueries: queries(501),
          }),
        )
        .catch(e => e);
      expect(error).toMatchObject({
        name: 'InvalidParameterValueException',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
        Error: { Code: 'InvalidParameterValue', Type: 'Sender' },
      });
      expect(error.message).toBe(
        'The collection MetricDataQueries must not have a size greater than 500.',
      );
    });

    it.each([
      [
        'an id not starting with a lowercase letter',
        { Id: 'Bad' },
        /member\.1\.Id is not valid/,
      ],
      ['an id with a dash', { Id: 'a-b' }, /member\.1\.Id is not valid/],
      [
        'a metric math expression',
        { Expression: 'SUM(METRICS())' },
        /Expression is not supported/,
      ],
      ['a period of 90 s', { period: 90 }, /Period must be a multiple of 60/],
      ['a period of 10 s', { period: 10 }, /Period must be a multiple of 60/],
      ['an extended statistic', { stat: 'p99' }, /p99 .* extended statistic/],
      [
        'an unknown statistic',
        { stat: 'Median' },
        /Median .* not a valid statistic/,
      ],
    ])('refuses %s', async (_, change, message) => {
      const { period, stat, ...fields } = change as {
        period?: number;
        stat?: string;
      } & Partial<MetricDataQuery>;
      const query = {
        ...lagQuery('a', 'a', stat ?? 'Maximum', period),
        ...fields,
      };
      const error = await cloudWatch
        .send(
          new GetMetricDataCommand({
            StartTime: new Date(T0),
            EndTime: new Date(T0 + HOUR),
            MetricDataQueries: [query],
          }),
        )
        .catch(e => e);
      expect(error.name).toBe('InvalidParameterValueException');
      expect(error.message).toMatch(message);
    });

    it('refuses duplicate ids and a start not before the end', async () => {
      await expect(
        cloudWatch.send(
          new GetMetricDataCommand({
            StartTime: new Date(T0),
            EndTime: new Date(T0 + HOUR),
            MetricDataQueries: [
              lagQuery('a', 'a', 'Maximum'),
              lagQuery('a', 'b', 'Maximum'),
            ],
          }),
        ),
      ).rejects.toThrow(/not unique: a/);
      await expect(
        cloudWatch.send(
          new GetMetricDataCommand({
            StartTime: new Date(T0 + HOUR),
            EndTime: new Date(T0 + HOUR),
            MetricDataQueries: [lagQuery('a', 'a', 'Maximum')],
          }),
        ),
      ).rejects.toMatchObject({
        name: 'InvalidParameterValueException',
        message:
          'The parameter StartTime must be less than the parameter EndTime.',
      });
    });
  });

  describe('faults', () => {
    const oneQuery = new GetMetricDataCommand({
      StartTime: new Date(T0),
      EndTime: new Date(T0 + MINUTE),
      MetricDataQueries: [lagQuery('a', 'a', 'Maximum')],
    });

    it('throttles when told to; the SDK treats it as throttling and retries with back-off', async () => {
      faults.set({ cloudWatchThrottling: true });
      server.resetCalls();
      const error = await clientFor(server, 2)
        .send(oneQuery)
        .catch(e => e);
      expect(error).toMatchObject({
        name: 'Throttling',
        message: 'Rate exceeded',
        $fault: 'client',
        $metadata: { httpStatusCode: 400, attempts: 2 },
      });
      expect(server.calls.GetMetricData).toBe(2);
      // Other client errors are not retried.
      faults.reset();
      await expect(
        clientFor(server, 2).send(
          new GetMetricDataCommand({
            ...oneQuery.input,
            MetricDataQueries: [lagQuery('Bad', 'a', 'Maximum')],
          }),
        ),
      ).rejects.toMatchObject({
        name: 'InvalidParameterValueException',
        $metadata: { attempts: 1 },
      });
    });

    it('throttles ListMetrics too', async () => {
      faults.set({ cloudWatchThrottling: true });
      await expect(
        cloudWatch.send(new ListMetricsCommand({ Namespace: 'AWS/Kafka' })),
      ).rejects.toMatchObject({
        name: 'Throttling',
        $metadata: { attempts: 1 },
      });
    });

    it('fails with 500 InternalServiceFault when told to, which the SDK retries', async () => {
      faults.set({ cloudWatchErrors: true });
      server.resetCalls();
      await expect(clientFor(server, 2).send(oneQuery)).rejects.toMatchObject({
        name: 'InternalServiceFault',
        message: 'Internal service error',
        $fault: 'server',
        $metadata: { httpStatusCode: 500, attempts: 2 },
      });
      expect(server.calls.GetMetricData).toBe(2);
    });

    it('recovers once the fault is lifted', async () => {
      faults.set({ cloudWatchErrors: true });
      setTimeout(() => faults.reset(), 20);
      const out = await clientFor(server, 5).send(oneQuery);
      expect(out.MetricDataResults![0].Values).toEqual([0]);
    });

    it('answers slowly when told to', async () => {
      faults.set({ slowResponsesMs: 150 });
      const started = performance.now();
      await cloudWatch.send(oneQuery);
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    });
  });

  describe('ListMetrics', () => {
    it('filters by namespace, metric name and dimensions', async () => {
      const ofGroupA = await cloudWatch.send(
        new ListMetricsCommand({
          Namespace: 'AWS/Kafka',
          Dimensions: [{ Name: 'Consumer Group', Value: 'a' }],
        }),
      );
      expect(ofGroupA.Metrics!.map(m => m.MetricName).sort()).toEqual([
        'EstimatedMaxTimeLag',
        'MaxOffsetLag',
        'SumOffsetLag',
      ]);
      expect(ofGroupA.Metrics![0].Dimensions).toEqual(
        mskLagKey('SumOffsetLag', 'a').dimensions,
      );
      const sums = await cloudWatch.send(
        new ListMetricsCommand({
          MetricName: 'SumOffsetLag',
          Dimensions: [{ Name: 'Topic' }],
        }),
      );
      expect(sums.Metrics).toHaveLength(2);
      expect(sums.NextToken).toBeUndefined();
      const none = await cloudWatch.send(
        new ListMetricsCommand({ Namespace: 'AWS/EC2' }),
      );
      expect(none.Metrics).toEqual([]);
    });

    it('lists only recently active metrics with RecentlyActive PT3H', async () => {
      const store = new MetricStore();
      store.put(mskLagKey('SumOffsetLag', 'old'), T0 - 2 * HOUR, 1, 'Count');
      store.put(mskLagKey('SumOffsetLag', 'new'), T0 + HOUR, 1, 'Count');
      const other = await start(store);
      try {
        const out = await clientFor(other).send(
          new ListMetricsCommand({
            Namespace: 'AWS/Kafka',
            RecentlyActive: 'PT3H',
          }),
        );
        expect(out.Metrics!.map(m => m.Dimensions![1].Value)).toEqual(['new']);
        await expect(
          clientFor(other).send(
            new ListMetricsCommand({ RecentlyActive: 'PT1H' as 'PT3H' }),
          ),
        ).rejects.toMatchObject({ name: 'InvalidParameterValueException' });
      } finally {
        await other.close();
      }
    });
  });
});

describe('CloudWatch at scale', () => {
  const metrics = new MetricStore();
  let server: AwsServer;

  beforeAll(async () => {
    // 71 consumer groups × 24 h of 1-minute data: 102,240 datapoints.
    for (let g = 0; g < 71; g++) {
      for (let m = 0; m < 24 * 60; m++) {
        metrics.put(
          mskLagKey('MaxOffsetLag', `g${g}`),
          T0 - 24 * HOUR + m * MINUTE,
          g,
          'Count',
        );
      }
    }
    // And 600 pipelines' series for ListMetrics pages.
    for (let p = 0; p < 600; p++) {
      metrics.put(mskLagKey('SumOffsetLag', `p${p}`, 'events'), T0, p, 'Count');
    }
    server = await start(metrics);
  });
  afterAll(() => server.close());

  it('returns at most 100,800 datapoints a call, then PartialData and a NextToken', async () => {
    const client = clientFor(server);
    const input = {
      StartTime: new Date(T0 - 24 * HOUR),
      EndTime: new Date(T0),
      MetricDataQueries: Array.from({ length: 71 }, (_, g) =>
        lagQuery(`g${g}`, `g${g}`, 'Maximum', 60, 'MaxOffsetLag'),
      ),
    };
    const { pages, values } = await allPages(client, input);
    expect(pages).toHaveLength(2);
    const [first, second] = pages;
    const returned = (page: (typeof pages)[number]) =>
      page.MetricDataResults!.reduce((n, r) => n + r.Values!.length, 0);
    expect(returned(first)).toBe(100_800);
    expect(first.MetricDataResults!.slice(-2).map(r => r.StatusCode)).toEqual([
      'Complete',
      'PartialData',
    ]);
    expect(first.NextToken).toEqual(expect.any(String));
    expect(second.MetricDataResults!.map(r => [r.Id, r.StatusCode])).toEqual([
      ['g70', 'Complete'],
    ]);
    expect(returned(second)).toBe(1440);
    for (let g = 0; g < 71; g++) {
      expect(values.get(`g${g}`)).toEqual(new Array(1440).fill(g));
    }
  });

  it('lists 500 metrics a page', async () => {
    const client = clientFor(server);
    const first = await client.send(
      new ListMetricsCommand({
        Namespace: 'AWS/Kafka',
        Dimensions: [{ Name: 'Topic', Value: 'events' }],
      }),
    );
    expect(first.Metrics).toHaveLength(500);
    expect(first.NextToken).toEqual(expect.any(String));
    const groups = new Set<string>();
    for await (const page of paginateListMetrics(
      { client },
      {
        Namespace: 'AWS/Kafka',
        Dimensions: [{ Name: 'Topic', Value: 'events' }],
      },
    )) {
      for (const metric of page.Metrics ?? []) {
        groups.add(metric.Dimensions![1].Value!);
      }
    }
    expect(groups.size).toBe(600);
  });

  it('enforces a configured rate quota with Throttling, which the SDK rides out', async () => {
    const limited = await start(metrics, { cloudWatchTps: { ListMetrics: 1 } });
    try {
      const once = () =>
        clientFor(limited).send(new ListMetricsCommand({ MetricName: 'None' }));
      // One token a second: of four calls at once, the first passes and the
      // rest are throttled (on a loaded machine a token may refill meanwhile).
      const results = await Promise.allSettled([
        once(),
        once(),
        once(),
        once(),
      ]);
      const statuses = results.map(r => r.status);
      expect(
        statuses.filter(s => s === 'fulfilled').length,
      ).toBeGreaterThanOrEqual(1);
      expect(
        statuses.filter(s => s === 'rejected').length,
      ).toBeGreaterThanOrEqual(2);
      expect(
        (results.find(r => r.status === 'rejected') as PromiseRejectedResult)
          .reason,
      ).toMatchObject({ name: 'Throttling' });
      // With retries, the standard strategy backs off until a token is free.
      const before = limited.calls.ListMetrics;
      const patient = clientFor(limited, 10);
      await Promise.all(
        Array.from({ length: 2 }, () =>
          patient.send(new ListMetricsCommand({ MetricName: 'None' })),
        ),
      );
      // Both got through, at least one of them after a throttled attempt.
      expect(limited.calls.ListMetrics - before).toBeGreaterThan(2);
    } finally {
      await limited.close();
    }
    // The SDK's throttling back-off starts at about a second per retry.
  }, 30_000);
});
