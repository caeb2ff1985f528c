import { capacityShares, windowCost } from './windowFigures';

describe('windowCost', () => {
  it('holds each hourly rate for one step and states the savings', () => {
    const cost = windowCost(
      [
        { at: 'a', costPerHourUsd: 0.2, onDemandEquivalentPerHourUsd: 0.5 },
        { at: 'b', costPerHourUsd: 0.4, onDemandEquivalentPerHourUsd: 1.0 },
        { at: 'c' },
      ],
      1800,
    );
    expect(cost.usd).toBeCloseTo(0.3);
    expect(cost.onDemandEquivalentUsd).toBeCloseTo(0.75);
    expect(cost.savingsUsd).toBeCloseTo(0.45);
    expect(cost.savingsShare).toBeCloseTo(0.6);
    expect(cost.points).toBe(2);
  });

  it('says when no point has cost', () => {
    const cost = windowCost([{ at: 'a', parallelism: 2 }], 60);
    expect(cost.points).toBe(0);
    expect(cost.savingsShare).toBeUndefined();
  });
});

describe('capacityShares', () => {
  it('weights each point by one step', () => {
    const { shares, vcpuHours } = capacityShares(
      [
        {
          at: 'a',
          vcpuByCapacityType: { spot: 3, 'on-demand': 1, reserved: 0 },
        },
        {
          at: 'b',
          vcpuByCapacityType: { spot: 7, 'on-demand': 1, reserved: 0 },
        },
        { at: 'c' },
      ],
      3600,
    );
    expect(shares.spot).toBeCloseTo(10 / 12);
    expect(shares['on-demand']).toBeCloseTo(2 / 12);
    expect(shares.reserved).toBe(0);
    expect(vcpuHours).toBe(12);
  });

  it('is all zero without samples', () => {
    expect(capacityShares([], 60)).toEqual({
      shares: { spot: 0, 'on-demand': 0, reserved: 0 },
      vcpuHours: 0,
    });
  });
});
