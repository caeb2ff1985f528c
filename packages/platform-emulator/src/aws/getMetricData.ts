import { createHash } from 'node:crypto';
import {
  invalidNextToken,
  invalidParameterValue,
  missingParameter,
} from './cloudWatchErrors';
import { MetricDataQuery, parseMetricDataQueries } from './metricDataQueries';
import { Datapoint, MetricStore } from './MetricStore';
import { decodePageToken, encodePageToken } from './pageToken';

/** CloudWatch's limit on datapoints returned by one GetMetricData call. */
export const MAX_DATAPOINTS_PER_CALL = 100_800;

const MINUTE_MS = 60_000;

export interface MetricDataResult {
  Id: string;
  Label: string;
  /** Epoch seconds: the JSON protocol's timestamp format. */
  Timestamps: number[];
  Values: number[];
  StatusCode: 'Complete' | 'PartialData';
}

export interface GetMetricDataOutput {
  MetricDataResults: MetricDataResult[];
  /** Messages about the call as a whole; none from this emulator. */
  Messages: Array<{ Code: string; Value: string }>;
  NextToken?: string;
}

interface PageState {
  /** Datapoints already returned, counted over the queries in order. */
  offset: number;
  /** Ties the token to the request it continues. */
  request: string;
}

/**
 * GetMetricData over a MetricStore. Datapoints of all queries are returned
 * in query order; once `MaxDatapoints` (at most 100,800) are in a page, the
 * rest of that query and the queries after it are `PartialData` and a
 * `NextToken` continues from there. Later pages carry only the queries that
 * still have datapoints to return.
 */
export function getMetricData(
  metrics: MetricStore,
  input: Record<string, unknown>,
): GetMetricDataOutput {
  const queries = parseMetricDataQueries(input.MetricDataQueries);
  const startMs = epochSeconds(input.StartTime, 'StartTime');
  const endMs = epochSeconds(input.EndTime, 'EndTime');
  if (startMs >= endMs) {
    throw invalidParameterValue(
      'The parameter StartTime must be less than the parameter EndTime.',
    );
  }
  const scanBy = input.ScanBy ?? 'TimestampDescending';
  if (scanBy !== 'TimestampDescending' && scanBy !== 'TimestampAscending') {
    throw invalidParameterValue(
      `The value ${String(
        scanBy,
      )} for parameter ScanBy is not valid; use TimestampDescending or TimestampAscending.`,
    );
  }
  const maxDatapoints = parseMaxDatapoints(input.MaxDatapoints);
  // CloudWatch rounds a start within the last 15 days down to the minute.
  const fromMs = Math.floor(startMs / MINUTE_MS) * MINUTE_MS;
  const request = fingerprint(queries, fromMs, endMs, scanBy);
  const offset = pageOffset(input.NextToken, request);

  const answers = queries
    .filter(query => query.returnData)
    .map(query => {
      const points =
        metrics.query(query.key, {
          startMs: fromMs,
          endMs,
          periodMs: query.periodMs,
          statistic: query.statistic,
          unit: query.unit,
        })?.datapoints ?? [];
      return {
        query,
        points: scanBy === 'TimestampDescending' ? points.reverse() : points,
      };
    });

  let skip = offset;
  let room = maxDatapoints;
  let returned = 0;
  let partial = false;
  const results: MetricDataResult[] = [];
  for (const { query, points } of answers) {
    if (offset > 0 && skip >= points.length) {
      skip -= points.length; // finished on an earlier page
      continue;
    }
    const from = skip;
    skip = 0;
    const page = points.slice(from, from + room);
    room -= page.length;
    returned += page.length;
    const complete = from + page.length === points.length;
    partial ||= !complete;
    results.push(toResult(query, page, complete));
  }
  return {
    MetricDataResults: results,
    Messages: [],
    ...(partial
      ? {
          NextToken: encodePageToken({
            offset: offset + returned,
            request,
          } satisfies PageState),
        }
      : {}),
  };
}

function toResult(
  query: MetricDataQuery,
  points: Datapoint[],
  complete: boolean,
): MetricDataResult {
  return {
    Id: query.id,
    Label: query.label,
    Timestamps: points.map(point => point.timestampMs / 1000),
    Values: points.map(point => point.value),
    StatusCode: complete ? 'Complete' : 'PartialData',
  };
}

function epochSeconds(value: unknown, name: string): number {
  if (value === undefined) {
    throw missingParameter(`The parameter ${name} is required.`);
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalidParameterValue(
      `The parameter ${name} must be a timestamp (epoch seconds in the JSON protocol).`,
    );
  }
  return Math.round(value * 1000);
}

function parseMaxDatapoints(value: unknown): number {
  if (value === undefined) return MAX_DATAPOINTS_PER_CALL;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw invalidParameterValue(
      'The parameter MaxDatapoints must be a positive integer.',
    );
  }
  return Math.min(value, MAX_DATAPOINTS_PER_CALL);
}

function fingerprint(
  queries: MetricDataQuery[],
  fromMs: number,
  endMs: number,
  scanBy: string,
): string {
  return createHash('sha256')
    .update(JSON.stringify([queries, fromMs, endMs, scanBy]))
    .digest('base64url')
    .slice(0, 16);
}

function pageOffset(token: unknown, request: string): number {
  if (token === undefined) return 0;
  const state = typeof token === 'string' ? decodePageToken(token) : undefined;
  const { offset, request: tokenRequest } = (state ?? {}) as Partial<PageState>;
  if (
    tokenRequest !== request ||
    typeof offset !== 'number' ||
    !Number.isInteger(offset) ||
    offset < 0
  ) {
    throw invalidNextToken();
  }
  return offset;
}
