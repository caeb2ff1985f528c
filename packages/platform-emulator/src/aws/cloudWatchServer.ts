import { Clock } from '../clock';
import { Faults } from '../faults';
import { AwsHandler } from './awsHttp';
import { answerJson, parseJsonInput } from './awsJson';
import {
  internalServiceFault,
  throttling,
  unknownOperation,
} from './cloudWatchErrors';
import { getMetricData } from './getMetricData';
import { listMetrics } from './listMetrics';
import { MetricStore } from './MetricStore';
import { TokenBucket } from './TokenBucket';

/** `X-Amz-Target: GraniteServiceVersion20100801.<Operation>` */
export const CLOUDWATCH_TARGET_PREFIX = 'GraniteServiceVersion20100801';
export const CLOUDWATCH_CONTENT_TYPE = 'application/x-amz-json-1.0';

export type CloudWatchOperation = 'GetMetricData' | 'ListMetrics';

/** CloudWatch's default rate quotas, requests a second per account and region. */
export const CLOUDWATCH_TPS_QUOTAS: Readonly<
  Record<CloudWatchOperation, number>
> = { GetMetricData: 50, ListMetrics: 25 };

export interface CloudWatchHandlerOptions {
  metrics: MetricStore;
  faults: Faults;
  /** "Now" for `RecentlyActive`. */
  clock: Clock;
  /** Requests a second allowed per operation before `Throttling`; none when unset. */
  tps?: Partial<Record<CloudWatchOperation, number>>;
}

/**
 * CloudWatch's `GetMetricData` and `ListMetrics` in the AWS JSON 1.0
 * protocol, with the faults `cloudWatchThrottling` (400 `Throttling`) and
 * `cloudWatchErrors` (500 `InternalServiceFault`), and optional rate quotas.
 */
export function createCloudWatchHandler(
  options: CloudWatchHandlerOptions,
): AwsHandler {
  const buckets = new Map<string, TokenBucket>(
    Object.entries(options.tps ?? {}).map(([operation, ratePerSecond]) => [
      operation,
      new TokenBucket({ ratePerSecond }),
    ]),
  );
  return request =>
    answerJson(CLOUDWATCH_CONTENT_TYPE, () => {
      const faults = options.faults.state;
      if (faults.cloudWatchThrottling) throw throttling();
      if (faults.cloudWatchErrors) throw internalServiceFault();
      if (buckets.get(request.operation)?.tryTake() === false) {
        throw throttling();
      }
      const input = parseJsonInput(request.body);
      switch (request.operation) {
        case 'GetMetricData':
          return getMetricData(options.metrics, input);
        case 'ListMetrics':
          return listMetrics(options.metrics, input, options.clock.now());
        default:
          throw unknownOperation(request.operation);
      }
    });
}
