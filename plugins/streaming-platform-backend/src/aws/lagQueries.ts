import { MetricDataQuery, MetricDataResult } from '@aws-sdk/client-cloudwatch';
import { LagSample } from '../analysis/types';
import { LagTarget } from './types';

/*
 * The GetMetricData queries of MSK consumer lag, and their answers merged
 * back into one sample per pipeline and minute. Pure: the poller does the I/O.
 */

/** CloudWatch's limit on MetricDataQueries in one GetMetricData call. */
export const MAX_QUERIES_PER_CALL = 500;

/** MSK publishes its metrics every minute; finer periods have nothing more. */
export const LAG_PERIOD_SECONDS = 60;

/** The LagSample field each metric fills. */
export type LagField = 'timeLagSeconds' | 'maxOffsetLag' | 'sumOffsetLag';

/**
 * The three free (`DEFAULT` level) lag metrics of a consumer group and topic.
 * All are read with `Maximum`: MSK publishes one value a minute per series,
 * already aggregated over partitions (SumOffsetLag is the sum, MaxOffsetLag
 * the largest), so `Maximum` of a 1-minute period is that value, while
 * `Sum` would add up any repeated datapoint of the minute.
 */
export const LAG_METRICS: ReadonlyArray<{
  metricName: string;
  field: LagField;
  /** Id suffix. */
  key: string;
  stat: 'Maximum';
}> = [
  {
    metricName: 'EstimatedMaxTimeLag',
    field: 'timeLagSeconds',
    key: 'time',
    stat: 'Maximum',
  },
  {
    metricName: 'MaxOffsetLag',
    field: 'maxOffsetLag',
    key: 'max',
    stat: 'Maximum',
  },
  {
    metricName: 'SumOffsetLag',
    field: 'sumOffsetLag',
    key: 'sum',
    stat: 'Maximum',
  },
];

/** One query and what its answer is of. */
export interface LagQuery {
  /** Matches `^[a-z][a-zA-Z0-9_]*$`, as CloudWatch requires: `t<index>_<metric>`. */
  id: string;
  region: string;
  pipelineRef: string;
  field: LagField;
  query: MetricDataQuery;
}

/**
 * Three queries per target (time lag, max and sum offset lag), dimensioned
 * as MSK publishes them: `Cluster Name`, `Consumer Group`, `Topic`. Ids are
 * built from the target's index, since pipeline refs contain characters ids
 * may not.
 */
export function buildLagQueries(
  targets: readonly LagTarget[],
  periodSeconds: number = LAG_PERIOD_SECONDS,
): LagQuery[] {
  return targets.flatMap((target, index) =>
    LAG_METRICS.map(metric => {
      const id = `t${index}_${metric.key}`;
      return {
        id,
        region: target.region,
        pipelineRef: target.pipelineRef,
        field: metric.field,
        query: {
          Id: id,
          MetricStat: {
            Metric: {
              Namespace: 'AWS/Kafka',
              MetricName: metric.metricName,
              Dimensions: [
                { Name: 'Cluster Name', Value: target.mskClusterName },
                { Name: 'Consumer Group', Value: target.consumerGroup },
                { Name: 'Topic', Value: target.topic },
              ],
            },
            Period: periodSeconds,
            Stat: metric.stat,
          },
          ReturnData: true,
        },
      };
    }),
  );
}

/** Consecutive slices of at most `size` items. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  }
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    chunks.push(items.slice(i, i + size));
  }
  return chunks;
}

/** Queries grouped by region, in first-seen order. */
export function groupByRegion(
  queries: readonly LagQuery[],
): Map<string, LagQuery[]> {
  const byRegion = new Map<string, LagQuery[]>();
  for (const query of queries) {
    const list = byRegion.get(query.region);
    if (list) list.push(query);
    else byRegion.set(query.region, [query]);
  }
  return byRegion;
}

/**
 * Merges GetMetricData results (of any number of calls and pages) into one
 * sample per pipeline and minute, ordered by pipeline and time. Results of
 * unknown ids are ignored; a timestamp and value pair fills its query's field.
 */
export function mergeLagResults(
  queries: readonly LagQuery[],
  results: readonly MetricDataResult[],
): LagSample[] {
  const byId = new Map(queries.map(q => [q.id, q]));
  const samples = new Map<string, LagSample>();
  for (const result of results) {
    const query = result.Id === undefined ? undefined : byId.get(result.Id);
    if (!query) continue;
    const timestamps = result.Timestamps ?? [];
    const values = result.Values ?? [];
    const count = Math.min(timestamps.length, values.length);
    for (let i = 0; i < count; i++) {
      const at = new Date(timestamps[i]).getTime();
      const value = values[i];
      if (!Number.isFinite(at) || !Number.isFinite(value)) continue;
      const key = `${query.pipelineRef}\u0000${at}`;
      let sample = samples.get(key);
      if (!sample) {
        sample = { pipelineRef: query.pipelineRef, at };
        samples.set(key, sample);
      }
      sample[query.field] = value;
    }
  }
  return [...samples.values()].sort(
    (a, b) => a.pipelineRef.localeCompare(b.pipelineRef) || a.at - b.at,
  );
}
