/** A CloudWatch dimension. */
export interface Dimension {
  Name: string;
  Value: string;
}

/** Identifies one CloudWatch metric series. */
export interface MetricSeriesKey {
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
}

/**
 * Where the simulation writes CloudWatch datapoints (1-minute resolution, like
 * MSK's), and the CloudWatch server reads them.
 */
export interface MetricSink {
  /**
   * Records the value of a series for the minute containing `timestampMs`
   * (floored to the minute); a second value for the same minute replaces the
   * first.
   */
  put(
    key: MetricSeriesKey,
    timestampMs: number,
    value: number,
    unit: string,
  ): void;
}

/** One spot price, valid from `timestampMs` until the next one. */
export interface SpotPricePoint {
  timestampMs: number;
  usdPerHour: number;
}

/**
 * Prices of one region, as the AWS Price List API and EC2's spot price history
 * publish them. Deterministic for a seed: the same question gets the same
 * answer, for the past as for now.
 */
export interface PriceSource {
  readonly region: string;
  readonly zones: readonly string[];
  /** Instance types with an on-demand price in this region. */
  instanceTypes(): string[];
  onDemandUsdPerHour(instanceType: string): number | undefined;
  /** The spot price in force at `atMs`. */
  spotUsdPerHour(
    instanceType: string,
    zone: string,
    atMs: number,
  ): number | undefined;
  /**
   * Price changes in [fromMs, toMs], oldest first, preceded by the price in
   * force at `fromMs` (as DescribeSpotPriceHistory answers).
   */
  spotPriceHistory(
    instanceType: string,
    zone: string,
    fromMs: number,
    toMs: number,
  ): SpotPricePoint[];
}
