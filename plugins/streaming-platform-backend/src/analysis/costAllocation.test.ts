import {
  CostFigures,
  PriceSource,
} from '@internal/backstage-plugin-streaming-platform-common';
import { closeTo } from './__testUtils__/closeTo';
import {
  allocatePodCost,
  costFigures,
  nodeIdleCost,
  sumCostFigures,
} from './costAllocation';
import { NodePrice, NodeShape, PodRequests } from './types';

/*
 * An m6i.xlarge (4 vCPU, 16 GiB) spot node in eu-west-1a at $0.0856/h, whose
 * on-demand price is $0.214/h. With a CPU:memory ratio of 8 the node weighs
 * 8·4 + 16 = 48 GiB-units, so a pod of c cores and g GiB pays (8c + g)/48 of
 * the node's price.
 */
const options = { cpuToMemoryPriceRatio: 8 };
const m6iXlarge: NodeShape = {
  capacityType: 'spot',
  cpuMillis: 4000,
  memoryMiB: 16384,
};
const spotPrice: NodePrice = {
  usdPerHour: 0.0856,
  source: 'spot-price-history',
  onDemandUsdPerHour: 0.214,
  onDemandSource: 'price-list',
};
const pod = (cpuMillis: number, memoryMiB: number): PodRequests => ({
  cpuMillis,
  memoryMiB,
});

describe('allocatePodCost', () => {
  it.each([
    // (8 + 4)/48 = 1/4: 0.0856/4 = 0.0214, 0.214/4 = 0.0535
    ['1 core, 4 GiB', pod(1000, 4096), 0.0214, 0.0535],
    // (16 + 8)/48 = 1/2
    ['2 cores, 8 GiB', pod(2000, 8192), 0.0428, 0.107],
    // (4 + 1)/48 = 5/48: 0.0856·5/48 = 0.008916666667, 0.214·5/48 = 0.022291666667
    ['500m, 1 GiB', pod(500, 1024), 0.008916666667, 0.022291666667],
    // Capped at the node: 4 cores, 16 GiB = the whole node
    ['more than the node', pod(8000, 65536), 0.0856, 0.214],
    // CPU capped at 4 cores, memory 1 GiB: (32 + 1)/48 = 33/48 = 0.6875
    // 0.0856·0.6875 = 0.05885, 0.214·0.6875 = 0.147125
    ['CPU above the node', pod(8000, 1024), 0.05885, 0.147125],
    ['nothing requested', pod(0, 0), 0, 0],
    ['negative requests', pod(-1000, -1024), 0, 0],
  ])('%s', (_, requests, usd, onDemandUsd) => {
    const cost = allocatePodCost(requests, m6iXlarge, spotPrice, options);
    expect(cost.usdPerHour).toBeCloseTo(usd, 9);
    expect(cost.onDemandUsdPerHour).toBeCloseTo(onDemandUsd, 9);
  });
});

describe('nodeIdleCost', () => {
  it.each([
    // 1/4 + 1/2 allocated: idle 0.0856/4 = 0.0214; on-demand 0.214/4 = 0.0535
    ['half-used', [pod(1000, 4096), pod(2000, 8192)], 0.0214, 0.0535, 0.0642],
    // 3 × 1/2 = 1.5 nodes' worth charged (1.5 · 0.0856 = 0.1284): never below 0
    [
      'over-allocated',
      [pod(2000, 8192), pod(2000, 8192), pod(2000, 8192)],
      0,
      0,
      0.1284,
    ],
    // exactly full: 2 + 1 + 1 cores, 8 + 4 + 4 GiB
    ['full', [pod(2000, 8192), pod(1000, 4096), pod(1000, 4096)], 0, 0, 0.0856],
    ['empty', [], 0.0856, 0.214, 0],
  ])('%s', (_, pods, idle, onDemandIdle, allocated) => {
    const cost = nodeIdleCost(m6iXlarge, spotPrice, pods, options);
    expect(cost.usdPerHour).toBeCloseTo(idle, 9);
    expect(cost.onDemandUsdPerHour).toBeCloseTo(onDemandIdle, 9);
    expect(cost.allocatedUsdPerHour).toBeCloseTo(allocated, 9);
  });
});

describe('costFigures', () => {
  it.each<[number, number, PriceSource[], CostFigures]>([
    // 1 − 0.0856/0.214 = 1 − 0.4 = 0.6
    [
      0.0856,
      0.214,
      ['spot-price-history', 'price-list'],
      {
        usd: 0.0856,
        onDemandEquivalentUsd: 0.214,
        spotSavings: 0.6,
        priceSources: ['price-list', 'spot-price-history'],
      },
    ],
    // All on-demand: no savings
    [
      0.5,
      0.5,
      ['price-list', 'price-list'],
      {
        usd: 0.5,
        onDemandEquivalentUsd: 0.5,
        spotSavings: 0,
        priceSources: ['price-list'],
      },
    ],
    // A spot node priced from the fallback table (no spot price known) costs
    // its on-demand price: 0 savings, not negative ones.
    [
      0.214,
      0.214,
      ['unknown', 'fallback-table', 'fallback-table'],
      {
        usd: 0.214,
        onDemandEquivalentUsd: 0.214,
        spotSavings: 0,
        priceSources: ['fallback-table', 'unknown'],
      },
    ],
    // Nothing costed: savings are left out, not NaN
    [0, 0, [], { usd: 0, onDemandEquivalentUsd: 0, priceSources: [] }],
  ])('$%s of $%s on-demand', (usd, onDemand, sources, expected) => {
    expect(costFigures(usd, onDemand, sources)).toEqual(closeTo(expected));
  });

  it('takes any iterable of sources', () => {
    const sources = new Set<PriceSource>(['price-list']);
    expect(costFigures(1, 2, sources).priceSources).toEqual(['price-list']);
  });
});

describe('sumCostFigures', () => {
  it.each<[string, CostFigures[], CostFigures]>([
    [
      'two pipelines',
      [
        costFigures(0.107, 0.18725, ['spot-price-history', 'price-list']),
        costFigures(0.07763333333, 0.08833333333, [
          'fallback-table',
          'spot-price-history',
        ]),
      ],
      // usd: 0.107 + 0.07763333333 = 0.18463333333
      // on-demand: 0.18725 + 0.08833333333 = 0.27558333333
      // savings: 1 − 0.18463333333/0.27558333333 = 0.330027215002
      {
        usd: 0.18463333333,
        onDemandEquivalentUsd: 0.27558333333,
        spotSavings: 0.330027215002,
        priceSources: ['fallback-table', 'price-list', 'spot-price-history'],
      },
    ],
    ['nothing', [], { usd: 0, onDemandEquivalentUsd: 0, priceSources: [] }],
  ])('%s', (_, figures, expected) => {
    expect(sumCostFigures(figures)).toEqual(closeTo(expected));
  });
});
