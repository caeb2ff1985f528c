import { mockServices } from '@backstage/backend-test-utils';
import { PlatformEmulator } from '@internal/platform-emulator';
import { createServer } from 'node:net';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { LagSample } from '../analysis/types';
import { awsClientConfig } from './clientConfig';
import { LagPoller, LagPollerOptions } from './LagPoller';
import { LagTarget } from './types';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 28, 8);
const credentials = {
  accessKeyId: 'AKIDTEST',
  secretAccessKey: 'not-a-secret',
};
const METRICS = [
  ['EstimatedMaxTimeLag', 'timeLagSeconds'],
  ['MaxOffsetLag', 'maxOffsetLag'],
  ['SumOffsetLag', 'sumOffsetLag'],
] as const;

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise(resolve => server.close(resolve));
  return port;
}

describe('LagPoller against the emulated CloudWatch', () => {
  let emulator: PlatformEmulator;
  let targets: LagTarget[];
  const window = { from: T0, to: T0 + 30 * MINUTE };
  const pollers: LagPoller[] = [];
  const poller = (options: Partial<LagPollerOptions> = {}) => {
    const made = new LagPoller({
      endpoint: emulator.aws.url,
      credentials,
      requestTimeoutMs: 5_000,
      logger: mockServices.logger.mock(),
      ...options,
    });
    pollers.push(made);
    return made;
  };

  /** What the emulator's MetricStore holds for a target, as samples. */
  function expectedSamples(target: LagTarget, ref = target.pipelineRef) {
    const byMinute = new Map<number, LagSample>();
    for (const [metricName, field] of METRICS) {
      const answer = emulator.metrics.query(
        {
          namespace: 'AWS/Kafka',
          metricName,
          dimensions: [
            { Name: 'Cluster Name', Value: target.mskClusterName },
            { Name: 'Consumer Group', Value: target.consumerGroup },
            { Name: 'Topic', Value: target.topic },
          ],
        },
        {
          startMs: window.from,
          endMs: window.to,
          periodMs: MINUTE,
          statistic: 'Maximum',
        },
      );
      for (const point of answer?.datapoints ?? []) {
        const sample = byMinute.get(point.timestampMs) ?? {
          pipelineRef: ref,
          at: point.timestampMs,
        };
        sample[field] = point.value;
        byMinute.set(point.timestampMs, sample);
      }
    }
    return [...byMinute.values()].sort((a, b) => a.at - b.at);
  }
  const samplesOf = (samples: LagSample[], ref: string) =>
    samples.filter(s => s.pipelineRef === ref);

  beforeAll(async () => {
    emulator = await PlatformEmulator.start({
      scenario: 'demo',
      clock: 'manual',
      startMs: T0,
    });
    emulator.advance(30 * MINUTE);
    targets = [...emulator.simulation.clusters.values()].flatMap(({ spec }) =>
      spec.pipelines.map(p => ({
        pipelineRef: `${spec.name}/${p.namespace}/${p.name}`,
        region: spec.region,
        mskClusterName: spec.mskClusterName,
        consumerGroup: p.consumerGroup,
        topic: p.topic,
      })),
    );
  });
  afterEach(() => {
    emulator.faults.reset();
    emulator.aws.resetCalls();
  });
  afterAll(async () => {
    for (const p of pollers) p.destroy();
    await emulator.stop();
  });

  it('reads every pipeline’s lag per minute as the emulator holds it', async () => {
    expect(targets).toHaveLength(12);
    emulator.aws.resetCalls();
    const lag = poller();
    expect(lag.health('eu-west-1')).toBeUndefined();
    const result = await lag.poll(targets, window);

    expect(result.queries).toBe(36);
    expect(result.calls).toBe(1);
    expect(emulator.aws.calls).toEqual({ GetMetricData: 1 });
    for (const target of targets) {
      const expected = expectedSamples(target);
      // Lag is published once a group committed: most of the half hour.
      expect(expected.length).toBeGreaterThanOrEqual(20);
      expect(samplesOf(result.samples, target.pipelineRef)).toEqual(expected);
    }
    const some = result.samples.find(s => (s.sumOffsetLag ?? 0) > 0);
    expect(some).toBeDefined();
    expect(lag.health('eu-west-1')).toEqual({
      state: 'ok',
      lastSuccessAt: expect.any(String),
    });
  });

  it('batches 600 pipelines (1,800 queries) into 4 calls of at most 500 queries', async () => {
    const many = Array.from({ length: 600 }, (_, i) => ({
      ...targets[i % targets.length],
      pipelineRef: `synthetic/${i}`,
    }));
    emulator.aws.resetCalls();
    const result = await poller().poll(many, window);

    expect(result).toMatchObject({ queries: 1800, calls: 4 });
    expect(emulator.aws.calls).toEqual({ GetMetricData: 4 });
    for (const i of [0, 1, 250, 499, 599]) {
      expect(samplesOf(result.samples, `synthetic/${i}`)).toEqual(
        expectedSamples(many[i], `synthetic/${i}`),
      );
    }
    const perPipeline = new Set(result.samples.map(s => s.pipelineRef));
    expect(perPipeline.size).toBe(600);
  });

  it('follows NextToken when an answer has more datapoints than a call returns', async () => {
    const whole = await poller().poll(targets, window);
    const datapoints = whole.samples.length * 3;
    emulator.aws.resetCalls();
    const paged = await poller({ maxDatapointsPerCall: 100 }).poll(
      targets,
      window,
    );

    expect(paged.calls).toBe(Math.ceil(datapoints / 100));
    expect(paged.calls).toBeGreaterThan(3);
    expect(emulator.aws.calls.GetMetricData).toBe(paged.calls);
    expect(paged.samples).toEqual(whole.samples);
  });

  it('reports throttling after the SDK’s retries, without throwing, and recovers', async () => {
    const lag = poller({ maxAttempts: 3 });
    emulator.faults.set({ cloudWatchThrottling: true });
    const throttled = await lag.poll(targets, window);

    expect(throttled).toEqual({ samples: [], queries: 36, calls: 1 });
    expect(emulator.aws.calls.GetMetricData).toBe(3);
    expect(lag.health('eu-west-1')).toEqual({
      state: 'error',
      error: {
        name: 'ServiceUnavailableError',
        code: 'Throttling',
        message:
          'CloudWatch GetMetricData throttled (Throttling) in eu-west-1 after 3 attempts',
      },
    });

    emulator.faults.set({ cloudWatchThrottling: false });
    const recovered = await lag.poll(targets, window);
    expect(recovered.samples.length).toBeGreaterThan(12 * 20);
    const ok = lag.health('eu-west-1');
    expect(ok?.state).toBe('ok');
    expect(ok?.error).toBeUndefined();

    emulator.faults.set({ cloudWatchThrottling: true });
    await lag.poll(targets, window);
    expect(lag.health('eu-west-1')).toMatchObject({
      state: 'stale',
      lastSuccessAt: ok?.lastSuccessAt,
      error: { code: 'Throttling' },
    });
  }, 30_000);

  it('reports 5xx answers as server errors after retries', async () => {
    const lag = poller({ maxAttempts: 2 });
    emulator.faults.set({ cloudWatchErrors: true });
    const result = await lag.poll(targets, window);

    expect(result.samples).toEqual([]);
    expect(emulator.aws.calls.GetMetricData).toBe(2);
    expect(lag.health('eu-west-1')).toEqual({
      state: 'error',
      error: {
        name: 'ServiceUnavailableError',
        code: 'InternalServiceFault',
        message:
          'CloudWatch GetMetricData failed with a server error (InternalServiceFault, HTTP 500) in eu-west-1 after 2 attempts',
      },
    });
  }, 30_000);

  it('gives up on a slow answer after the request timeout', async () => {
    const lag = poller({ requestTimeoutMs: 1_000, maxAttempts: 2 });
    emulator.faults.set({ slowResponsesMs: 5_000 });
    const started = Date.now();
    const result = await lag.poll(targets, window);
    const elapsed = Date.now() - started;

    expect(result.samples).toEqual([]);
    expect(elapsed).toBeGreaterThanOrEqual(2_000);
    expect(elapsed).toBeLessThan(5_000);
    expect(lag.health('eu-west-1')).toEqual({
      state: 'error',
      error: {
        name: 'ServiceUnavailableError',
        code: 'TimeoutError',
        message:
          'CloudWatch GetMetricData timed out (no answer within 1000 ms) in eu-west-1 after 2 attempts',
      },
    });
  }, 30_000);

  it('keeps the data of regions that answered when another fails', async () => {
    const unreachable = `http://127.0.0.1:${await closedPort()}`;
    const clients = new Map<string, CloudWatchClient>();
    const lag = poller({
      clientFor: region => {
        let client = clients.get(region);
        if (!client) {
          client = new CloudWatchClient(
            awsClientConfig(region, {
              endpoint: region === 'us-east-1' ? unreachable : emulator.aws.url,
              credentials,
              requestTimeoutMs: 2_000,
              maxAttempts: 1,
            }),
          );
          clients.set(region, client);
        }
        return client;
      },
    });
    const elsewhere = targets.slice(0, 3).map(t => ({
      ...t,
      pipelineRef: `us/${t.pipelineRef}`,
      region: 'us-east-1',
    }));
    try {
      const result = await lag.poll([...targets, ...elsewhere], window);
      expect(result).toMatchObject({ queries: 45, calls: 2 });
      for (const target of targets) {
        expect(samplesOf(result.samples, target.pipelineRef)).toEqual(
          expectedSamples(target),
        );
      }
      expect(result.samples.some(s => s.pipelineRef.startsWith('us/'))).toBe(
        false,
      );
      expect(lag.healthByRegion()).toEqual({
        'eu-west-1': { state: 'ok', lastSuccessAt: expect.any(String) },
        'us-east-1': {
          state: 'error',
          error: {
            name: 'ServiceUnavailableError',
            code: 'ECONNREFUSED',
            message:
              'CloudWatch GetMetricData endpoint unreachable (ECONNREFUSED) in us-east-1',
          },
        },
      });
    } finally {
      for (const client of clients.values()) client.destroy();
    }
  });

  it('makes no call for no targets or an empty window', async () => {
    const lag = poller();
    expect(await lag.poll([], window)).toEqual({
      samples: [],
      queries: 0,
      calls: 0,
    });
    expect(await lag.poll(targets, { from: window.to, to: window.to })).toEqual(
      { samples: [], queries: 36, calls: 0 },
    );
    expect(emulator.aws.calls).toEqual({});
    expect(lag.healthByRegion()).toEqual({});
  });
});
