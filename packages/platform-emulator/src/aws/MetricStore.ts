import { MetricSeriesKey, MetricSink } from './types';

const MINUTE_MS = 60_000;

/**
 * Minutes per storage chunk: 4 hours, 1,920 bytes of Float64. Series grow by
 * whole chunks only where data is written, and expire by whole chunks.
 */
const CHUNK_MINUTES = 240;

/** CloudWatch keeps 1-minute datapoints for 15 days. */
export const DEFAULT_RETENTION_MS = 15 * 24 * 60 * MINUTE_MS;

/** The statistics CloudWatch computes for any metric. */
export type Statistic =
  | 'Average'
  | 'Sum'
  | 'Minimum'
  | 'Maximum'
  | 'SampleCount';

export const STATISTICS: readonly Statistic[] = [
  'Average',
  'Sum',
  'Minimum',
  'Maximum',
  'SampleCount',
];

/** One datapoint of a query: the start of its period and the statistic. */
export interface Datapoint {
  timestampMs: number;
  value: number;
}

/** What `MetricStore.query` aggregates, and how. */
export interface SeriesQuery {
  /** Inclusive; periods start here, so it should fall on a minute. */
  startMs: number;
  /** Exclusive. */
  endMs: number;
  /** A multiple of one minute. */
  periodMs: number;
  statistic: Statistic;
  /** When given and different from the series' unit, nothing matches (as in CloudWatch). */
  unit?: string;
}

/** Which series `MetricStore.list` returns; every given part must match. */
export interface SeriesFilter {
  namespace?: string;
  metricName?: string;
  /** The series has each named dimension, with the value when one is given. */
  dimensions?: ReadonlyArray<{ Name: string; Value?: string }>;
  /** Only series with a datapoint at or after this time. */
  activeSinceMs?: number;
}

interface Series {
  readonly id: string;
  readonly key: MetricSeriesKey;
  unit: string;
  /** Chunk number (minute / CHUNK_MINUTES) → its minutes' values; NaN where nothing was put. */
  readonly chunks: Map<number, Float64Array>;
  lastMinute: number;
}

/**
 * The identity of a series, as CloudWatch has it: namespace, metric name and
 * the exact set of dimensions, in any order. Also the order series are
 * listed in.
 */
export function seriesId(key: MetricSeriesKey): string {
  const dimensions = key.dimensions
    .map(d => `${d.Name}\u0002${d.Value}`)
    .sort()
    .join('\u0001');
  return `${key.namespace}\u0000${key.metricName}\u0000${dimensions}`;
}

/**
 * CloudWatch's store of 1-minute datapoints. Memory is 8 bytes a minute
 * written, allocated in 4-hour chunks per series; chunks older than the
 * retention (counted back from the newest minute written to any series, the
 * store's "now") are dropped, and series left without data disappear, as
 * CloudWatch stops listing metrics without recent data.
 */
export class MetricStore implements MetricSink {
  readonly #series = new Map<string, Series>();
  /**
   * Writers put the same key objects minute after minute; remembering the
   * series of each object spares building its id on every put.
   */
  readonly #byKeyObject = new WeakMap<MetricSeriesKey, Series>();
  readonly #retentionMinutes: number;
  #newestMinute = -Infinity;
  #sweptBeforeChunk = -Infinity;

  constructor(options: { retentionMs?: number } = {}) {
    this.#retentionMinutes = Math.max(
      1,
      Math.floor((options.retentionMs ?? DEFAULT_RETENTION_MS) / MINUTE_MS),
    );
  }

  get seriesCount(): number {
    return this.#series.size;
  }

  /** Bytes held by datapoint buffers (bookkeeping objects not included). */
  get bufferBytes(): number {
    let chunks = 0;
    for (const series of this.#series.values()) chunks += series.chunks.size;
    return chunks * CHUNK_MINUTES * Float64Array.BYTES_PER_ELEMENT;
  }

  put(
    key: MetricSeriesKey,
    timestampMs: number,
    value: number,
    unit: string,
  ): void {
    // CloudWatch refuses NaN and infinite values; here NaN means "no data".
    if (!Number.isFinite(value) || !Number.isFinite(timestampMs)) return;
    const minute = Math.floor(timestampMs / MINUTE_MS);
    if (minute > this.#newestMinute) this.#advanceTo(minute);
    if (minute < this.#oldestKeptMinute()) return;

    let series = this.#seriesOf(key);
    if (!series) {
      const id = seriesId(key);
      series = {
        id,
        key: {
          namespace: key.namespace,
          metricName: key.metricName,
          dimensions: key.dimensions.map(d => ({
            Name: d.Name,
            Value: d.Value,
          })),
        },
        unit,
        chunks: new Map(),
        lastMinute: minute,
      };
      this.#series.set(id, series);
      this.#byKeyObject.set(key, series);
    }
    const chunkNumber = Math.floor(minute / CHUNK_MINUTES);
    let chunk = series.chunks.get(chunkNumber);
    if (!chunk) {
      chunk = new Float64Array(CHUNK_MINUTES).fill(NaN);
      series.chunks.set(chunkNumber, chunk);
    }
    chunk[minute - chunkNumber * CHUNK_MINUTES] = value;
    series.unit = unit;
    series.lastMinute = Math.max(series.lastMinute, minute);
  }

  /** The series matching a filter, in `seriesId` order. */
  list(filter: SeriesFilter = {}): MetricSeriesKey[] {
    const activeSinceMinute =
      filter.activeSinceMs === undefined
        ? -Infinity
        : Math.floor(filter.activeSinceMs / MINUTE_MS);
    const matching: Series[] = [];
    for (const series of this.#series.values()) {
      const { key } = series;
      if (filter.namespace !== undefined && key.namespace !== filter.namespace)
        continue;
      if (
        filter.metricName !== undefined &&
        key.metricName !== filter.metricName
      )
        continue;
      if (series.lastMinute < activeSinceMinute) continue;
      const hasDimensions = (filter.dimensions ?? []).every(f =>
        key.dimensions.some(
          d =>
            d.Name === f.Name && (f.Value === undefined || d.Value === f.Value),
        ),
      );
      if (hasDimensions) matching.push(series);
    }
    return matching
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map(series => series.key);
  }

  /**
   * The statistic of a series in periods of `periodMs` from `startMs`,
   * oldest first. Periods without data are left out, as CloudWatch does.
   * Undefined when no such series exists.
   */
  query(
    key: MetricSeriesKey,
    query: SeriesQuery,
  ): { datapoints: Datapoint[]; unit: string } | undefined {
    const series = this.#series.get(seriesId(key));
    if (!series) return undefined;
    const { startMs, endMs, periodMs, statistic, unit } = query;
    if (unit !== undefined && unit !== series.unit) {
      return { datapoints: [], unit };
    }
    const datapoints: Datapoint[] = [];
    const firstMinute = Math.max(
      this.#oldestKeptMinute(),
      Math.ceil(startMs / MINUTE_MS),
    );
    const lastMinute = Math.min(
      series.lastMinute,
      Math.ceil(endMs / MINUTE_MS) - 1,
    );
    // One pass over the minutes written, closing a period when the next begins.
    let period = -1;
    let count = 0;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    const close = () => {
      if (count === 0) return;
      datapoints.push({
        timestampMs: startMs + period * periodMs,
        value: statisticOf(statistic, count, sum, min, max),
      });
      count = 0;
      sum = 0;
      min = Infinity;
      max = -Infinity;
    };
    const lastChunk = Math.floor(lastMinute / CHUNK_MINUTES);
    for (
      let chunkNumber = Math.floor(firstMinute / CHUNK_MINUTES);
      chunkNumber <= lastChunk;
      chunkNumber++
    ) {
      const chunk = series.chunks.get(chunkNumber);
      if (!chunk) continue;
      const chunkStart = chunkNumber * CHUNK_MINUTES;
      const to = Math.min(lastMinute, chunkStart + CHUNK_MINUTES - 1);
      for (
        let minute = Math.max(firstMinute, chunkStart);
        minute <= to;
        minute++
      ) {
        const value = chunk[minute - chunkStart];
        if (Number.isNaN(value)) continue;
        const at = Math.floor((minute * MINUTE_MS - startMs) / periodMs);
        if (at !== period) {
          close();
          period = at;
        }
        count++;
        sum += value;
        if (value < min) min = value;
        if (value > max) max = value;
      }
    }
    close();
    return { datapoints, unit: series.unit };
  }

  #seriesOf(key: MetricSeriesKey): Series | undefined {
    const known = this.#byKeyObject.get(key);
    // Still stored, and the key object unchanged since (as copied on first put)?
    if (
      known &&
      this.#series.get(known.id) === known &&
      known.key.namespace === key.namespace &&
      known.key.metricName === key.metricName &&
      known.key.dimensions.length === key.dimensions.length &&
      known.key.dimensions.every(
        (d, i) =>
          d.Name === key.dimensions[i].Name &&
          d.Value === key.dimensions[i].Value,
      )
    ) {
      return known;
    }
    const series = this.#series.get(seriesId(key));
    if (series) this.#byKeyObject.set(key, series);
    return series;
  }

  #oldestKeptMinute(): number {
    return this.#newestMinute - this.#retentionMinutes + 1;
  }

  // Drops expired chunks, at most once per chunk's worth of time.
  #advanceTo(minute: number) {
    this.#newestMinute = minute;
    const keepFromChunk = Math.floor(this.#oldestKeptMinute() / CHUNK_MINUTES);
    if (keepFromChunk <= this.#sweptBeforeChunk) return;
    this.#sweptBeforeChunk = keepFromChunk;
    for (const [id, series] of this.#series) {
      for (const chunkNumber of series.chunks.keys()) {
        if (chunkNumber < keepFromChunk) series.chunks.delete(chunkNumber);
      }
      if (series.chunks.size === 0) this.#series.delete(id);
    }
  }
}

function statisticOf(
  statistic: Statistic,
  count: number,
  sum: number,
  min: number,
  max: number,
): number {
  switch (statistic) {
    case 'Average':
      return sum / count;
    case 'Sum':
      return sum;
    case 'Minimum':
      return min;
    case 'Maximum':
      return max;
    default:
      return count; // SampleCount
  }
}
