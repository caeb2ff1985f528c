import { MetricSeriesKey } from '../types';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** Midnight UTC, 28 November 2026: the tests' "today". */
export const T0 = Date.UTC(2026, 10, 28);

/** Dummy static credentials: the emulator does not check signatures. */
export const credentials = {
  accessKeyId: 'AKIDEMULATOR',
  secretAccessKey: 'not-a-secret',
};

/** An Amazon MSK consumer-lag series, dimensioned as MSK publishes it. */
export function mskLagKey(
  metricName: 'SumOffsetLag' | 'MaxOffsetLag' | 'EstimatedMaxTimeLag',
  consumerGroup: string,
  topic = 'orders',
  cluster = 'orders-msk',
): MetricSeriesKey {
  return {
    namespace: 'AWS/Kafka',
    metricName,
    dimensions: [
      { Name: 'Cluster Name', Value: cluster },
      { Name: 'Consumer Group', Value: consumerGroup },
      { Name: 'Topic', Value: topic },
    ],
  };
}
