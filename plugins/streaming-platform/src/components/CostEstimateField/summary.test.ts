import {
  CostEstimateResponse,
  CostFigures,
} from '@internal/backstage-plugin-streaming-platform-common';
import { monthlySaving, monthlyUsd } from './monthly';
import { costEstimateSummary } from './summary';
import { CostEstimates } from './useCostEstimates';

const perHour = (usd: number): CostFigures => ({
  usd,
  onDemandEquivalentUsd: usd,
  priceSources: ['price-list'],
});

const answer = (
  min: number,
  max: number,
  typical?: number,
): CostEstimateResponse => ({
  min: perHour(min),
  ...(typical !== undefined ? { typical: perHour(typical) } : {}),
  max: perHour(max),
  assumedSpotShare: 0.5,
  assumptions: [],
  sources: [],
});

const estimates = (spotFirst: CostEstimateResponse): CostEstimates => ({
  key: '{}',
  request: {
    cluster: 'eks-test',
    taskManager: { cpuCores: 1, memoryGiB: 4 },
    jobManager: { cpuCores: 1, memoryGiB: 2 },
    taskSlots: 2,
    parallelism: { min: 1, typical: 2, max: 4 },
  },
  spotFirst,
  onDemand: answer(0.5, 2, 1),
});

describe('monthly figures', () => {
  it('counts a month as 730 hours', () => {
    expect(monthlyUsd(perHour(0.1))).toBeCloseTo(73);
    expect(monthlyUsd(undefined)).toBeUndefined();
  });

  it('says what spot-first saves, and no negative saving', () => {
    expect(monthlySaving(perHour(0.1), perHour(0.25))).toEqual({
      usd: expect.closeTo(109.5),
      share: expect.closeTo(0.6),
    });
    expect(monthlySaving(perHour(0.3), perHour(0.25))).toEqual({
      usd: 0,
      share: 0,
    });
    expect(monthlySaving(perHour(0), perHour(0))).toBeUndefined();
    expect(monthlySaving(undefined, perHour(1))).toBeUndefined();
  });
});

describe('costEstimateSummary', () => {
  it('keeps the selected profile in whole dollars a month', () => {
    const e = estimates(answer(0.1, 0.4, 0.2));
    expect(costEstimateSummary(e, 'spot-first')).toEqual({
      capacityProfile: 'spot-first',
      monthlyUsd: { min: 73, typical: 146, max: 292 },
    });
    expect(costEstimateSummary(e, 'on-demand')).toEqual({
      capacityProfile: 'on-demand',
      monthlyUsd: { min: 365, typical: 730, max: 1460 },
    });
  });

  it('keeps nothing without a selected profile', () => {
    expect(costEstimateSummary(estimates(answer(0.1, 0.4)), undefined)).toBe(
      undefined,
    );
  });

  it('leaves typical out when the backend did not price it', () => {
    expect(
      costEstimateSummary(estimates(answer(0.1, 0.4)), 'spot-first'),
    ).toEqual({
      capacityProfile: 'spot-first',
      monthlyUsd: { min: 73, max: 292 },
    });
  });
});
