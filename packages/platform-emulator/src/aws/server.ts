import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Clock, wallClock } from '../clock';
import { Faults } from '../faults';
import {
  AwsHandler,
  AwsResponse,
  RequestTooLargeError,
  readBody,
  signedRegion,
  writeAwsResponse,
} from './awsHttp';
import {
  CLOUDWATCH_TARGET_PREFIX,
  CloudWatchOperation,
  createCloudWatchHandler,
} from './cloudWatchServer';
import { createEc2Handler } from './ec2Server';
import { MetricStore } from './MetricStore';
import { PRICING_TARGET_PREFIX, createPricingHandler } from './pricingServer';
import { PriceSource } from './types';

export interface AwsServerOptions {
  /** CloudWatch's datapoints. */
  metrics: MetricStore;
  /** Prices for the Price List API and EC2 spot price history, one per region. */
  prices: PriceSource | readonly PriceSource[];
  faults?: Faults;
  /** "Now" for spot price history and `RecentlyActive`; default the wall clock. */
  clock?: Clock;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /**
   * CloudWatch rate quotas, requests a second per operation, beyond which
   * calls get `Throttling` (`CLOUDWATCH_TPS_QUOTAS` has the real ones); off
   * when unset.
   */
  cloudWatchTps?: Partial<Record<CloudWatchOperation, number>>;
}

export interface AwsServer {
  /** The endpoint for every AWS SDK client: CloudWatch, Pricing and EC2. */
  readonly url: string;
  readonly port: number;
  /**
   * Calls received per operation, e.g. `{ GetMetricData: 3 }`, including
   * throttled and failed ones. A live view; `resetCalls` zeroes it.
   */
  readonly calls: Readonly<Record<string, number>>;
  resetCalls(): void;
  close(): Promise<void>;
}

const EC2_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/**
 * One loopback endpoint for the AWS APIs the portal's backend uses:
 * CloudWatch (JSON 1.0) and the Price List API (JSON 1.1), told apart by
 * `X-Amz-Target`, and EC2 (query protocol: a form with `Action`), so every
 * SDK client's `endpoint` can point here.
 *
 * Signatures are not verified: any credentials are accepted, and the region
 * is read from the SigV4 credential scope only to scope EC2 to its region.
 * Nothing of a request is logged.
 */
export async function startAwsServer(
  options: AwsServerOptions,
): Promise<AwsServer> {
  const faults = options.faults ?? new Faults();
  const clock = options.clock ?? wallClock;
  const sources: readonly PriceSource[] = Array.isArray(options.prices)
    ? options.prices
    : [options.prices as PriceSource];
  const handlers = {
    [CLOUDWATCH_TARGET_PREFIX]: createCloudWatchHandler({
      metrics: options.metrics,
      faults,
      clock,
      tps: options.cloudWatchTps,
    }),
    [PRICING_TARGET_PREFIX]: createPricingHandler(sources),
  } as Record<string, AwsHandler | undefined>;
  const ec2 = createEc2Handler({ sources, clock });
  const calls: Record<string, number> = {};

  async function answer(request: IncomingMessage): Promise<AwsResponse> {
    const body = await readBody(request);
    const region = signedRegion(request.headers.authorization);
    const target = request.headers['x-amz-target'];
    let handler: AwsHandler | undefined;
    let operation: string;
    if (typeof target === 'string') {
      const [service, name = ''] = target.split('.');
      handler = handlers[service];
      operation = name;
    } else if (request.headers['content-type']?.startsWith(EC2_CONTENT_TYPE)) {
      handler = ec2;
      operation = new URLSearchParams(body).get('Action') ?? '';
    } else {
      operation = '';
    }
    if (!handler || request.method !== 'POST') {
      return {
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({
          __type: 'UnknownOperationException',
          message: `No AWS operation served here for ${
            request.method
          } with target ${String(target)}.`,
        }),
      };
    }
    calls[operation] = (calls[operation] ?? 0) + 1;
    const delayMs = faults.state.slowResponsesMs;
    if (delayMs > 0) await sleep(delayMs);
    return handler({ operation, body, region });
  }

  function serve(request: IncomingMessage, response: ServerResponse) {
    answer(request)
      .then(result => writeAwsResponse(response, result))
      .catch(error => {
        if (response.headersSent) {
          response.destroy();
          return;
        }
        const tooLarge = error instanceof RequestTooLargeError;
        writeAwsResponse(response, {
          status: tooLarge ? 413 : 500,
          contentType: 'application/json',
          body: JSON.stringify({
            __type: tooLarge
              ? 'RequestEntityTooLargeException'
              : 'InternalFailure',
            message: tooLarge
              ? 'Request too large'
              : 'The emulator failed to process the request.',
          }),
        });
      });
  }

  const server = createServer(serve);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    calls,
    resetCalls() {
      for (const operation of Object.keys(calls)) delete calls[operation];
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close(error => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
