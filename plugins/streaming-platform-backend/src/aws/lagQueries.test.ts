import {
  buildLagQueries,
  chunk,
  groupByRegion,
  MAX_QUERIES_PER_CALL,
  mergeLagResults,
} from './lagQueries';
import { LagTarget } from './types';

const target = (i: number, region = 'eu-west-1'): LagTarget => ({
  pipelineRef: `eks-a/team-${i % 7}/pipeline-${i}`,
  region,
  mskClusterName: 'msk-a',
  consumerGroup: `team-${i % 7}.pipeline-${i}`,
  topic: `topic-${i}`,
});
const targets = (n: number, region?: string) =>
  Array.from({ length: n }, (_, i) => target(i, region));

describe('buildLagQueries', () => {
  it('asks for the three lag metrics of each target, as MSK dimensions them', () => {
    const queries = buildLagQueries([target(3)]);
    expect(queries.map(q => [q.id, q.field])).toEqual([
      ['t0_time', 'timeLagSeconds'],
      ['t0_max', 'maxOffsetLag'],
      ['t0_sum', 'sumOffsetLag'],
    ]);
    expect(queries[2].query).toEqual({
      Id: 't0_sum',
      MetricStat: {
        Metric: {
          Namespace: 'AWS/Kafka',
          MetricName: 'SumOffsetLag',
          Dimensions: [
            { Name: 'Cluster Name', Value: 'msk-a' },
            { Name: 'Consumer Group', Value: 'team-3.pipeline-3' },
            { Name: 'Topic', Value: 'topic-3' },
          ],
        },
        Period: 60,
        Stat: 'Maximum',
      },
      ReturnData: true,
    });
    expect(queries.map(q => q.query.MetricStat?.Metric?.MetricName)).toEqual([
      'EstimatedMaxTimeLag',
      'MaxOffsetLag',
      'SumOffsetLag',
    ]);
  });

  it('makes unique ids of the form CloudWatch accepts', () => {
    const ids = buildLagQueries(targets(600)).map(q => q.id);
    expect(new Set(ids).size).toBe(1800);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z0-9_]*$/);
  });
});

describe('chunk', () => {
  it.each([
    [0, 500, []],
    [1, 500, [1]],
    [500, 500, [500]],
    [501, 500, [500, 1]],
    [1800, 500, [500, 500, 500, 300]],
    [7, 3, [3, 3, 1]],
  ])('%d items in chunks of %d have sizes %j', (n, size, sizes) => {
    const items = Array.from({ length: n }, (_, i) => i);
    const chunks = chunk(items, size);
    expect(chunks.map(c => c.length)).toEqual(sizes);
    expect(chunks.flat()).toEqual(items);
  });

  it.each([0, -1, 1.5])('refuses a chunk size of %d', size => {
    expect(() => chunk([1], size)).toThrow(RangeError);
  });
});

describe('queries per call', () => {
  it.each([
    // targets per region → calls per region (3 queries a target, ≤ 500 a call)
    [[1], [1]],
    [[166], [1]],
    [[167], [2]],
    [[600], [4]],
    [
      [200, 400],
      [2, 3],
    ],
    [
      [200, 200, 200],
      [2, 2, 2],
    ],
  ])('targets %j by region need %j calls', (perRegion, calls) => {
    const all = perRegion.flatMap((n, r) => targets(n, `region-${r}`));
    const byRegion = groupByRegion(buildLagQueries(all));
    expect(
      [...byRegion.values()].map(q => chunk(q, MAX_QUERIES_PER_CALL).length),
    ).toEqual(calls);
  });
});

describe('mergeLagResults', () => {
  const queries = buildLagQueries([target(0), target(1)]);
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));

  it('merges the three metrics into one sample per pipeline and minute', () => {
    const samples = mergeLagResults(queries, [
      { Id: 't0_time', Timestamps: [at(0), at(1)], Values: [12, 30] },
      { Id: 't0_max', Timestamps: [at(0), at(1)], Values: [1200, 3000] },
      // A later page of t0_sum carries the rest of its datapoints.
      { Id: 't0_sum', Timestamps: [at(0)], Values: [4000] },
      { Id: 't0_sum', Timestamps: [at(1)], Values: [9000] },
      { Id: 't1_sum', Timestamps: [at(1)], Values: [5] },
      { Id: 'unknown', Timestamps: [at(1)], Values: [1] },
    ]);
    expect(samples).toEqual([
      {
        pipelineRef: 'eks-a/team-0/pipeline-0',
        at: at(0).getTime(),
        timeLagSeconds: 12,
        maxOffsetLag: 1200,
        sumOffsetLag: 4000,
      },
      {
        pipelineRef: 'eks-a/team-0/pipeline-0',
        at: at(1).getTime(),
        timeLagSeconds: 30,
        maxOffsetLag: 3000,
        sumOffsetLag: 9000,
      },
      {
        pipelineRef: 'eks-a/team-1/pipeline-1',
        at: at(1).getTime(),
        sumOffsetLag: 5,
      },
    ]);
  });

  it('has no samples without datapoints', () => {
    expect(
      mergeLagResults(queries, [{ Id: 't0_time', Timestamps: [], Values: [] }]),
    ).toEqual([]);
  });
});
