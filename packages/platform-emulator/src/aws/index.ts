export * from './types';
export { MetricStore, DEFAULT_RETENTION_MS, STATISTICS } from './MetricStore';
export type {
  Statistic,
  Datapoint,
  SeriesQuery,
  SeriesFilter,
} from './MetricStore';
export { startAwsServer } from './server';
export type { AwsServer, AwsServerOptions } from './server';
export { CLOUDWATCH_TPS_QUOTAS } from './cloudWatchServer';
export type { CloudWatchOperation } from './cloudWatchServer';
export { MAX_QUERIES_PER_CALL } from './metricDataQueries';
export { MAX_DATAPOINTS_PER_CALL } from './getMetricData';
export { LIST_METRICS_PAGE_SIZE } from './listMetrics';
