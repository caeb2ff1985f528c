import { invalidParameterValue, missingParameter } from './cloudWatchErrors';
import { STATISTICS, Statistic } from './MetricStore';
import { Dimension, MetricSeriesKey } from './types';

/** CloudWatch's limit on MetricDataQueries in one GetMetricData call. */
export const MAX_QUERIES_PER_CALL = 500;

const ID_PATTERN = /^[a-z][a-zA-Z0-9_]*$/;
const ID_MAX_LENGTH = 255;
const MAX_DIMENSIONS = 30;
/** Percentiles, trimmed means and the like: `p99`, `tm90`, `TM(10%:90%)`, `IQM`. */
const EXTENDED_STATISTIC = /^(?:p|tm|wm|tc|ts|pr)[\d.(]|^IQM$/i;

/** One validated `MetricStat` query of a GetMetricData call. */
export interface MetricDataQuery {
  id: string;
  label: string;
  key: MetricSeriesKey;
  periodMs: number;
  statistic: Statistic;
  unit?: string;
  returnData: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The queries of a GetMetricData call, checked as CloudWatch checks them:
 * at most 500, unique ids of the documented form, periods in whole minutes.
 * Metric math (`Expression`) and extended statistics are refused: this
 * emulator computes only the five basic statistics.
 */
export function parseMetricDataQueries(value: unknown): MetricDataQuery[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw missingParameter('The parameter MetricDataQueries is required.');
  }
  if (value.length > MAX_QUERIES_PER_CALL) {
    throw invalidParameterValue(
      `The collection MetricDataQueries must not have a size greater than ${MAX_QUERIES_PER_CALL}.`,
    );
  }
  const ids = new Set<string>();
  return value.map((query, index) => {
    const where = `MetricDataQueries.member.${index + 1}`;
    if (!isRecord(query)) {
      throw invalidParameterValue(
        `The parameter ${where} must be a structure.`,
      );
    }
    const id = parseId(query.Id, where);
    if (ids.has(id)) {
      throw invalidParameterValue(
        `The values for parameter Id in MetricDataQueries are not unique: ${id}.`,
      );
    }
    ids.add(id);
    if (query.Expression !== undefined) {
      throw invalidParameterValue(
        `The parameter ${where}.Expression is not supported by this emulator (no metric math or search); use MetricStat.`,
      );
    }
    if (!isRecord(query.MetricStat)) {
      throw missingParameter(
        `The parameter ${where}.MetricStat is required when Expression is not given.`,
      );
    }
    const stat = query.MetricStat;
    const metric = stat.Metric;
    if (
      !isRecord(metric) ||
      typeof metric.Namespace !== 'string' ||
      typeof metric.MetricName !== 'string'
    ) {
      throw missingParameter(
        `The parameters ${where}.MetricStat.Metric.Namespace and MetricName are required.`,
      );
    }
    return {
      id,
      label: typeof query.Label === 'string' ? query.Label : metric.MetricName,
      key: {
        namespace: metric.Namespace,
        metricName: metric.MetricName,
        dimensions: parseDimensions(
          metric.Dimensions,
          `${where}.MetricStat.Metric.Dimensions`,
        ),
      },
      periodMs: parsePeriod(stat.Period, `${where}.MetricStat.Period`) * 1000,
      statistic: parseStatistic(stat.Stat, `${where}.MetricStat.Stat`),
      unit: typeof stat.Unit === 'string' ? stat.Unit : undefined,
      returnData: query.ReturnData !== false,
    };
  });
}

function parseId(value: unknown, where: string): string {
  if (typeof value !== 'string' || value === '') {
    throw missingParameter(`The parameter ${where}.Id is required.`);
  }
  if (value.length > ID_MAX_LENGTH || !ID_PATTERN.test(value)) {
    throw invalidParameterValue(
      `The value ${value} for parameter ${where}.Id is not valid: it must start with a lowercase letter and contain only letters, numbers and underscores (at most ${ID_MAX_LENGTH} characters).`,
    );
  }
  return value;
}

function parseDimensions(value: unknown, where: string): Dimension[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > MAX_DIMENSIONS) {
    throw invalidParameterValue(
      `The parameter ${where} must be a list of at most ${MAX_DIMENSIONS} dimensions.`,
    );
  }
  return value.map((dimension, index) => {
    if (
      !isRecord(dimension) ||
      typeof dimension.Name !== 'string' ||
      typeof dimension.Value !== 'string'
    ) {
      throw missingParameter(
        `The parameters ${where}.member.${
          index + 1
        }.Name and Value are required.`,
      );
    }
    return { Name: dimension.Name, Value: dimension.Value };
  });
}

function parsePeriod(value: unknown, where: string): number {
  if (typeof value !== 'number') {
    throw missingParameter(`The parameter ${where} is required.`);
  }
  if (!Number.isInteger(value) || value < 60 || value % 60 !== 0) {
    throw invalidParameterValue(
      `The parameter ${where} must be a multiple of 60: this emulator holds 1-minute data only.`,
    );
  }
  return value;
}

function parseStatistic(value: unknown, where: string): Statistic {
  if (typeof value !== 'string') {
    throw missingParameter(`The parameter ${where} is required.`);
  }
  if (STATISTICS.includes(value as Statistic)) return value as Statistic;
  if (EXTENDED_STATISTIC.test(value)) {
    throw invalidParameterValue(
      `The value ${value} for parameter ${where} is an extended statistic, which this emulator does not compute; use one of ${STATISTICS.join(
        ', ',
      )}.`,
    );
  }
  throw invalidParameterValue(
    `The value ${value} for parameter ${where} is not a valid statistic.`,
  );
}
