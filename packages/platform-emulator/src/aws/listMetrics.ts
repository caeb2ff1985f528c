import {
  invalidNextToken,
  invalidParameterValue,
  missingParameter,
} from './cloudWatchErrors';
import { MetricStore, seriesId } from './MetricStore';
import { decodePageToken, encodePageToken } from './pageToken';
import { Dimension } from './types';

/** ListMetrics answers at most 500 metrics a page. */
export const LIST_METRICS_PAGE_SIZE = 500;

const MAX_DIMENSION_FILTERS = 10;
/** `RecentlyActive: PT3H`, the only value CloudWatch accepts. */
const RECENTLY_ACTIVE_MS = 3 * 60 * 60_000;

export interface ListMetricsOutput {
  Metrics: Array<{
    Namespace: string;
    MetricName: string;
    Dimensions: Dimension[];
  }>;
  NextToken?: string;
}

/**
 * ListMetrics over a MetricStore: filters by namespace, metric name and
 * dimensions (value optional), optionally only metrics with data in the last
 * three hours before `nowMs`; pages of 500 in a stable order.
 */
export function listMetrics(
  metrics: MetricStore,
  input: Record<string, unknown>,
  nowMs: number,
): ListMetricsOutput {
  const namespace = optionalString(input.Namespace, 'Namespace');
  const metricName = optionalString(input.MetricName, 'MetricName');
  const dimensions = parseDimensionFilters(input.Dimensions);
  if (input.RecentlyActive !== undefined && input.RecentlyActive !== 'PT3H') {
    throw invalidParameterValue(
      `The value ${String(
        input.RecentlyActive,
      )} for parameter RecentlyActive is not valid; the only valid value is PT3H.`,
    );
  }
  const after = continueAfter(input.NextToken);
  const all = metrics.list({
    namespace,
    metricName,
    dimensions,
    activeSinceMs:
      input.RecentlyActive === 'PT3H' ? nowMs - RECENTLY_ACTIVE_MS : undefined,
  });
  const start =
    after === undefined ? 0 : all.findIndex(key => seriesId(key) > after);
  const page =
    start < 0 ? [] : all.slice(start, start + LIST_METRICS_PAGE_SIZE);
  const more = start >= 0 && start + page.length < all.length;
  return {
    Metrics: page.map(key => ({
      Namespace: key.namespace,
      MetricName: key.metricName,
      Dimensions: key.dimensions,
    })),
    ...(more
      ? {
          NextToken: encodePageToken({
            after: seriesId(page[page.length - 1]),
          }),
        }
      : {}),
  };
}

function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  throw invalidParameterValue(`The parameter ${name} must be a string.`);
}

function parseDimensionFilters(
  value: unknown,
): Array<{ Name: string; Value?: string }> {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > MAX_DIMENSION_FILTERS) {
    throw invalidParameterValue(
      `The parameter Dimensions must be a list of at most ${MAX_DIMENSION_FILTERS} filters.`,
    );
  }
  return value.map((filter, index) => {
    const { Name, Value } = (filter ?? {}) as Record<string, unknown>;
    if (typeof Name !== 'string') {
      throw missingParameter(
        `The parameter Dimensions.member.${index + 1}.Name is required.`,
      );
    }
    return typeof Value === 'string' ? { Name, Value } : { Name };
  });
}

function continueAfter(token: unknown): string | undefined {
  if (token === undefined) return undefined;
  const state = typeof token === 'string' ? decodePageToken(token) : undefined;
  const after = (state as { after?: unknown } | undefined)?.after;
  if (typeof after !== 'string') throw invalidNextToken();
  return after;
}
