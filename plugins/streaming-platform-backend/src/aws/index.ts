export * from './types';
export type { AwsConnectionOptions, AwsCredentials } from './clientConfig';
export { awsClientConfig } from './clientConfig';
export type { AwsFailureKind } from './awsFailure';
export { classifyAwsError, describeAwsFailure } from './awsFailure';
export type { LagField, LagQuery } from './lagQueries';
export {
  buildLagQueries,
  chunk,
  groupByRegion,
  LAG_METRICS,
  LAG_PERIOD_SECONDS,
  MAX_QUERIES_PER_CALL,
  mergeLagResults,
} from './lagQueries';
export type { LagPollerOptions } from './LagPoller';
export { DEFAULT_LAG_REQUEST_TIMEOUT_MS, LagPoller } from './LagPoller';
export type { SpotQuote } from './priceParsing';
export {
  fallbackOnDemandPrice,
  newestSpotPrices,
  onDemandUsdPerHour,
  priceListFilters,
} from './priceParsing';
export type {
  NodePriceQuote,
  PriceRefreshResult,
  PriceServiceOptions,
  PriceSourceId,
} from './PriceService';
export {
  DEFAULT_PRICE_REQUEST_TIMEOUT_MS,
  PRICE_LIST_REGION,
  PriceService,
} from './PriceService';
export { SourceHealth } from './SourceHealth';
