import {
  teamSummary,
  TeamPipelineFixture,
} from '../../__testUtils__/teamFixtures';
import { TeamRow, toRows, totalsOf } from './rows';
import { filterRows, NO_FILTER, sortRows } from './sortFilter';
import { barsPath, linePath } from './sparkPath';

const pipelines: TeamPipelineFixture[] = [
  {
    ref: 'eks-a/ns/big',
    spotNow: 0.9,
    vcpuNow: 90,
    spot24h: 0.8,
    vcpuHours24h: 2000,
    cost: { usd: 100, onDemandUsd: 200 },
  },
  {
    ref: 'eks-a/ns/small',
    spotNow: 0,
    vcpuNow: 10,
    spot24h: 0,
    vcpuHours24h: 240,
    cost: { usd: 20, onDemandUsd: 20 },
  },
];

function rowsOf(fixtures = pipelines): TeamRow[] {
  return toRows(teamSummary('group:default/t', fixtures), new Map());
}

describe('team rows', () => {
  it('weights spot shares by requested vCPU, not by pipeline', () => {
    const totals = totalsOf(rowsOf());
    // (0.9·90 + 0·10) / 100, not (0.9 + 0) / 2.
    expect(totals.spotNow).toBeCloseTo(0.81, 10);
    // (0.8·2000 + 0·240) / 2240
    expect(totals.spot24h).toBeCloseTo(1600 / 2240, 10);
    expect(totals.costPerDay).toBe(120);
    expect(totals.savings).toBeCloseTo(1 - 120 / 220, 10);
    expect(totals.savedPerDay).toBe(100);
  });

  it('costs a day at the current rate, not by the few recorded minutes', () => {
    const summary = teamSummary('group:default/t', pipelines);
    // A backend that started recording ten minutes ago.
    summary.figures['eks-a/ns/big'].cost24h = {
      usd: 0.7,
      onDemandEquivalentUsd: 1.4,
      priceSources: ['price-list'],
    };
    const [big] = toRows(summary, new Map());
    expect(big.costPerDay).toBeCloseTo(100, 10);
    expect(big.savings).toBeCloseTo(0.5, 10);
  });

  it('gives no cost total when any row withholds cost', () => {
    const [big, small] = pipelines;
    const { cost: _, ...withheld } = small;
    const totals = totalsOf(rowsOf([big, withheld]));
    expect(totals.costWithheld).toBe(true);
    expect(totals.costPerDay).toBeUndefined();
    expect(totals.savings).toBeUndefined();
    expect(totals.spotNow).toBeCloseTo(0.81, 10);
  });

  it('sorts unknown values last both ways and breaks ties by ref', () => {
    const rows = rowsOf([
      { ref: 'c/n/b', lagSeconds: 5 },
      { ref: 'c/n/a' },
      { ref: 'c/n/c', lagSeconds: 5 },
      { ref: 'c/n/d', lagSeconds: 50 },
    ]);
    const refs = (order: 'asc' | 'desc') =>
      sortRows(rows, { key: 'lagSeconds', direction: order }).map(r => r.ref);
    expect(refs('asc')).toEqual(['c/n/b', 'c/n/c', 'c/n/d', 'c/n/a']);
    expect(refs('desc')).toEqual(['c/n/d', 'c/n/b', 'c/n/c', 'c/n/a']);
  });

  it('filters by every word, case-insensitively', () => {
    const rows = rowsOf([
      { ref: 'eks-prod/payments/card-auth' },
      { ref: 'eks-prod/risk/fraud' },
      { ref: 'eks-test/payments/card-auth', jobState: 'FAILED' },
    ]);
    const refs = (text: string) =>
      filterRows(rows, { ...NO_FILTER, text }).map(r => r.ref);
    expect(refs('PAYMENTS prod')).toEqual(['eks-prod/payments/card-auth']);
    expect(refs('failed')).toEqual(['eks-test/payments/card-auth']);
    expect(refs('  ')).toHaveLength(3);
  });
});

describe('sparkline paths', () => {
  it('draws a line with gaps where values are unknown', () => {
    expect(linePath([0, 10, undefined, 5], 30, 10, 10)).toBe(
      'M0.0 10.0L10.0 0.0M30.0 5.0',
    );
    expect(linePath([], 30, 10, 10)).toBe('');
  });

  it('draws one bar per value, a sliver for tiny ones', () => {
    expect(barsPath([10, 0.001], 20, 10, 10)).toBe(
      'M1.0 10v-10.0h8.0v10.0zM11.0 10v-1.0h8.0v1.0z',
    );
  });
});
