import {
  CloudWatchClient,
  GetMetricDataCommand,
  MetricDataResult,
} from '@aws-sdk/client-cloudwatch';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  NotAllowedError,
  SerializedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { awsClientConfig, AwsConnectionOptions } from './clientConfig';
import { describeAwsFailure, sourceError } from './awsFailure';
import {
  buildLagQueries,
  chunk,
  groupByRegion,
  LagQuery,
  MAX_QUERIES_PER_CALL,
  mergeLagResults,
} from './lagQueries';
import { SourceHealth } from './SourceHealth';
import { AwsSourceHealth, LagPollResult, LagTarget } from './types';

/** A guard against a service that keeps answering with a NextToken. */
const MAX_PAGES_PER_BATCH = 1_000;

/** The limit on each GetMetricData attempt unless configured. */
export const DEFAULT_LAG_REQUEST_TIMEOUT_MS = 20_000;

export interface LagPollerOptions
  extends Omit<AwsConnectionOptions, 'requestTimeoutMs'> {
  /** The limit on each HTTP attempt (default 20 s). */
  requestTimeoutMs?: number;
  logger: LoggerService;
  /** The CloudWatch client of a region; by default one is made per region from the connection options. */
  clientFor?(region: string): CloudWatchClient;
  /**
   * `MaxDatapoints` of each GetMetricData call; unset, CloudWatch's own
   * limit (100,800) applies and larger answers come in pages.
   */
  maxDatapointsPerCall?: number;
  now?: () => number;
}

interface RegionPoll {
  results: MetricDataResult[];
  calls: number;
}

/**
 * Reads Amazon MSK consumer lag from CloudWatch (`AWS/Kafka`) with
 * GetMetricData: three queries per pipeline, grouped by region, at most 500
 * queries a call, pages followed by `NextToken`. A failed call costs only
 * its own batch: the others' data is returned and the region's health says
 * what failed. `poll` never throws for upstream failures.
 */
export class LagPoller {
  readonly #options: LagPollerOptions & { requestTimeoutMs: number };
  readonly #now: () => number;
  readonly #clients = new Map<string, CloudWatchClient>();
  readonly #health = new Map<string, SourceHealth>();

  constructor(options: LagPollerOptions) {
    this.#options = {
      ...options,
      requestTimeoutMs:
        options.requestTimeoutMs ?? DEFAULT_LAG_REQUEST_TIMEOUT_MS,
    };
    this.#now = options.now ?? Date.now;
  }

  /**
   * The lag of the targets in `[window.from, window.to)`, one sample per
   * pipeline and minute that CloudWatch has data for.
   */
  async poll(
    targets: readonly LagTarget[],
    window: { from: number; to: number },
  ): Promise<LagPollResult> {
    const queries = buildLagQueries(targets);
    if (queries.length === 0 || window.from >= window.to) {
      return { samples: [], queries: queries.length, calls: 0 };
    }
    const polls = await Promise.all(
      [...groupByRegion(queries)].map(([region, regionQueries]) =>
        this.#pollRegion(region, regionQueries, window),
      ),
    );
    return {
      samples: mergeLagResults(
        queries,
        polls.flatMap(p => p.results),
      ),
      queries: queries.length,
      calls: polls.reduce((sum, p) => sum + p.calls, 0),
    };
  }

  /** The health of a region; undefined before its first poll. */
  health(region: string): AwsSourceHealth | undefined {
    return this.#health.get(region)?.get();
  }

  /** The health of each region polled so far. */
  healthByRegion(): Record<string, AwsSourceHealth> {
    return Object.fromEntries(
      [...this.#health].map(([region, health]) => [region, health.get()]),
    );
  }

  /** Closes the HTTP connections of the clients this poller made. */
  destroy(): void {
    for (const client of this.#clients.values()) client.destroy();
    this.#clients.clear();
  }

  // Batches of a region go one after another: a poll of 600 pipelines is a
  // few calls, far below CloudWatch's 50 GetMetricData calls a second.
  async #pollRegion(
    region: string,
    queries: LagQuery[],
    window: { from: number; to: number },
  ): Promise<RegionPoll> {
    const results: MetricDataResult[] = [];
    let calls = 0;
    let failure: SerializedError | undefined;
    for (const batch of chunk(queries, MAX_QUERIES_PER_CALL)) {
      let nextToken: string | undefined;
      try {
        const client = this.#clientFor(region);
        for (let page = 0; page < MAX_PAGES_PER_BATCH; page++) {
          calls++;
          const output = await client.send(
            new GetMetricDataCommand({
              MetricDataQueries: batch.map(q => q.query),
              StartTime: new Date(window.from),
              EndTime: new Date(window.to),
              ScanBy: 'TimestampAscending',
              NextToken: nextToken,
              MaxDatapoints: this.#options.maxDatapointsPerCall,
            }),
          );
          results.push(...(output.MetricDataResults ?? []));
          nextToken = output.NextToken || undefined;
          if (!nextToken) break;
        }
      } catch (error) {
        failure ??= describeAwsFailure({
          call: 'CloudWatch GetMetricData',
          region,
          error,
          timeoutMs: this.#options.requestTimeoutMs,
        });
      }
    }
    failure ??= unansweredQueries(results, region);
    const health = this.#healthOf(region);
    if (failure) {
      health.failed(failure);
      this.#options.logger.warn(
        `Consumer lag poll incomplete: ${failure.message}`,
      );
    } else {
      health.succeeded(this.#now());
    }
    return { results, calls };
  }

  #clientFor(region: string): CloudWatchClient {
    if (this.#options.clientFor) return this.#options.clientFor(region);
    let client = this.#clients.get(region);
    if (!client) {
      client = new CloudWatchClient(awsClientConfig(region, this.#options));
      this.#clients.set(region, client);
    }
    return client;
  }

  #healthOf(region: string): SourceHealth {
    let health = this.#health.get(region);
    if (!health) {
      health = new SourceHealth();
      this.#health.set(region, health);
    }
    return health;
  }
}

/**
 * A call can succeed while some of its queries could not be answered
 * (`StatusCode` `Forbidden` or `InternalError`); that is a failure too.
 */
function unansweredQueries(
  results: readonly MetricDataResult[],
  region: string,
): SerializedError | undefined {
  const forbidden = results.filter(r => r.StatusCode === 'Forbidden').length;
  const failed = results.filter(r => r.StatusCode === 'InternalError').length;
  if (forbidden > 0) {
    return sourceError(
      new NotAllowedError(
        `CloudWatch GetMetricData was refused ${forbidden} queries (Forbidden) in ${region}; check the IAM permissions`,
      ),
      'Forbidden',
    );
  }
  if (failed > 0) {
    return sourceError(
      new ServiceUnavailableError(
        `CloudWatch GetMetricData could not answer ${failed} queries (InternalError) in ${region}`,
      ),
      'InternalError',
    );
  }
  return undefined;
}
