import { MetricStore, SeriesQuery, seriesId } from './MetricStore';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 28);
const key = {
  namespace: 'AWS/Kafka',
  metricName: 'MaxOffsetLag',
  dimensions: [
    { Name: 'Cluster Name', Value: 'orders-msk' },
    { Name: 'Topic', Value: 'orders' },
    { Name: 'Consumer Group', Value: 'enricher' },
  ],
};
const range = (
  startMs: number,
  endMs: number,
  periodMs = MINUTE,
  statistic: SeriesQuery['statistic'] = 'Maximum',
): SeriesQuery => ({ startMs, endMs, periodMs, statistic });

describe('MetricStore', () => {
  it('identifies a series by its set of dimensions, in any order', () => {
    expect(seriesId(key)).toBe(
      seriesId({ ...key, dimensions: [...key.dimensions].reverse() }),
    );
    expect(seriesId(key)).not.toBe(
      seriesId({ ...key, dimensions: key.dimensions.slice(1) }),
    );
    const store = new MetricStore();
    store.put(key, T0, 1, 'Count');
    store.put(
      { ...key, dimensions: [...key.dimensions].reverse() },
      T0 + MINUTE,
      2,
      'Count',
    );
    expect(store.seriesCount).toBe(1);
  });

  it.each([
    ['Average', [2, 7]],
    ['Sum', [10, 35]],
    ['Minimum', [0, 5]],
    ['Maximum', [4, 9]],
    ['SampleCount', [5, 5]],
  ] as const)('aggregates %s over 5-minute periods', (statistic, values) => {
    const store = new MetricStore();
    for (let m = 0; m < 10; m++) {
      store.put(key, T0 + m * MINUTE + 30_000, m, 'Count');
    }
    expect(
      store
        .query(key, range(T0, T0 + 10 * MINUTE, 5 * MINUTE, statistic))
        ?.datapoints.map(d => d.value),
    ).toEqual(values);
  });

  it('starts periods at the start time and cuts the last one at the end time', () => {
    const store = new MetricStore();
    for (let m = 0; m < 10; m++) store.put(key, T0 + m * MINUTE, m, 'Count');
    expect(
      store.query(key, range(T0 + 2 * MINUTE, T0 + 9 * MINUTE, 3 * MINUTE))
        ?.datapoints,
    ).toEqual([
      { timestampMs: T0 + 2 * MINUTE, value: 4 },
      { timestampMs: T0 + 5 * MINUTE, value: 7 },
      { timestampMs: T0 + 8 * MINUTE, value: 8 },
    ]);
  });

  it('replaces a minute put twice, and leaves out periods without data', () => {
    const store = new MetricStore();
    store.put(key, T0, 1, 'Count');
    store.put(key, T0 + 10_000, 2, 'Count');
    store.put(key, T0 + 5 * MINUTE, 3, 'Count');
    expect(store.query(key, range(T0, T0 + 6 * MINUTE))?.datapoints).toEqual([
      { timestampMs: T0, value: 2 },
      { timestampMs: T0 + 5 * MINUTE, value: 3 },
    ]);
  });

  it('matches nothing when asked for another unit, and nothing for an unknown series', () => {
    const store = new MetricStore();
    store.put(key, T0, 1, 'Count');
    expect(
      store.query(key, { ...range(T0, T0 + MINUTE), unit: 'Seconds' })
        ?.datapoints,
    ).toEqual([]);
    expect(
      store.query(key, { ...range(T0, T0 + MINUTE), unit: 'Count' })
        ?.datapoints,
    ).toHaveLength(1);
    expect(
      store.query({ ...key, metricName: 'Nope' }, range(T0, T0 + MINUTE)),
    ).toBeUndefined();
  });

  it('accepts minutes written out of order, including before the first', () => {
    const store = new MetricStore();
    store.put(key, T0 + 600 * MINUTE, 600, 'Count');
    store.put(key, T0, 0, 'Count');
    store.put(key, T0 + 300 * MINUTE, 300, 'Count');
    expect(
      store
        .query(key, range(T0, T0 + 601 * MINUTE))
        ?.datapoints.map(d => d.value),
    ).toEqual([0, 300, 600]);
  });

  it('keeps only the retention window, counted from the newest minute of any series', () => {
    const store = new MetricStore({ retentionMs: 60 * MINUTE });
    for (let m = 0; m < 180; m++) store.put(key, T0 + m * MINUTE, m, 'Count');
    const points = store.query(key, range(T0, T0 + 180 * MINUTE))!.datapoints;
    expect(points).toHaveLength(60);
    expect(points[0]).toEqual({ timestampMs: T0 + 120 * MINUTE, value: 120 });
    expect(points[59].value).toBe(179);
    store.put(key, T0, -1, 'Count'); // too old to keep
    expect(store.query(key, range(T0, T0 + MINUTE))!.datapoints).toEqual([]);
  });

  it('frees expired data and forgets series without any', () => {
    const store = new MetricStore({ retentionMs: 24 * 60 * MINUTE });
    const other = { ...key, metricName: 'SumOffsetLag' };
    for (let m = 0; m < 24 * 60; m++) {
      store.put(key, T0 + m * MINUTE, m, 'Count');
      store.put(other, T0 + m * MINUTE, m, 'Count');
    }
    const perDay = store.bufferBytes;
    expect(perDay).toBe(2 * 24 * 60 * 8);
    // Only `key` goes on; a day later `other` has no data left.
    for (let m = 24 * 60; m < 3 * 24 * 60; m++) {
      store.put(key, T0 + m * MINUTE, m, 'Count');
    }
    expect(store.seriesCount).toBe(1);
    expect(store.list({ metricName: 'SumOffsetLag' })).toEqual([]);
    expect(store.bufferBytes).toBeLessThanOrEqual(perDay / 2 + 240 * 8);
  });

  it('allocates memory only around the minutes written', () => {
    const store = new MetricStore();
    store.put(key, T0, 1, 'Count');
    store.put(key, T0 + 10 * 24 * 60 * MINUTE, 2, 'Count');
    expect(store.bufferBytes).toBe(2 * 240 * 8);
  });

  it('lists series by namespace, name, dimension filters and recent activity', () => {
    const store = new MetricStore();
    store.put(key, T0, 1, 'Count');
    store.put(
      { ...key, metricName: 'SumOffsetLag' },
      T0 + 60 * MINUTE,
      1,
      'Count',
    );
    store.put({ ...key, namespace: 'AWS/EC2' }, T0, 1, 'Percent');
    expect(
      store.list({ namespace: 'AWS/Kafka', dimensions: [{ Name: 'Topic' }] }),
    ).toHaveLength(2);
    expect(store.list({ metricName: 'SumOffsetLag' })).toHaveLength(1);
    expect(
      store.list({ dimensions: [{ Name: 'Topic', Value: 'other' }] }),
    ).toHaveLength(0);
    expect(
      store
        .list({ namespace: 'AWS/Kafka', activeSinceMs: T0 + 30 * MINUTE })
        .map(k => k.metricName),
    ).toEqual(['SumOffsetLag']);
  });

  it('ignores values CloudWatch would refuse', () => {
    const store = new MetricStore();
    store.put(key, T0, NaN, 'Count');
    store.put(key, T0, Infinity, 'Count');
    expect(store.seriesCount).toBe(0);
  });
});
