import {
  CostFigures,
  PriceSource,
} from '@internal/backstage-plugin-streaming-platform-common';
import {
  allocatePodCost,
  costFigures,
  nodeIdleCost,
  sumCostFigures,
} from './costAllocation';
import { spotMixOf } from './spotMix';
import { CostSplitOptions, NodePrice, NodeShape, PodRequests } from './types';

/*
 * A hand-checked hour, 12:00 → 13:00, in eu-west-1.
 *
 * Nodes (capacity; price; on-demand price of the type):
 *   A  m6i.xlarge spot, eu-west-1a   4 vCPU 16 GiB  $0.0856/h  (on-demand $0.214/h)
 *   B  m6i.xlarge on-demand          4 vCPU 16 GiB  $0.214/h
 *   C  r6i.large on-demand           2 vCPU 16 GiB  $0.141/h
 *
 * CPU:memory price ratio 8 (configurable; chosen so the split is easy to
 * check by hand). A node of c cores and g GiB weighs 8c + g GiB-units; a pod
 * pays its units' share of the node's price:
 *   m6i.xlarge: 8·4 + 16 = 48 units;  r6i.large: 8·2 + 16 = 32 units.
 *
 * Pods (pipeline; requests; node; time bound):
 *   P1 orders   TM  2 cores 8 GiB  A  60 min  → 24/48 = 1/2 of A
 *   P2 orders   TM  1 core  4 GiB  B  60 min  → 12/48 = 1/4 of B
 *   P3 orders   JM  1 core  4 GiB  A  30 min (12:00–12:30) → 1/4 of A
 *   P4 payments TM  1 core  8 GiB  C  60 min  → 16/32 = 1/2 of C
 *   P5 payments TM  1 core  4 GiB  A  20 min (12:00–12:20) → 1/4 of A
 * Node A is exactly full from 12:00 to 12:20 (2+1+1 cores, 8+4+4 GiB).
 */
const HOUR = 3_600_000;
const MIN = 60_000;
const options: CostSplitOptions = { cpuToMemoryPriceRatio: 8 };

interface HandNode {
  shape: NodeShape;
  price: NodePrice;
}
const A: HandNode = {
  shape: { capacityType: 'spot', cpuMillis: 4000, memoryMiB: 16384 },
  price: {
    usdPerHour: 0.0856,
    source: 'spot-price-history',
    onDemandUsdPerHour: 0.214,
    onDemandSource: 'price-list',
  },
};
const B: HandNode = {
  shape: { capacityType: 'on-demand', cpuMillis: 4000, memoryMiB: 16384 },
  price: {
    usdPerHour: 0.214,
    source: 'price-list',
    onDemandUsdPerHour: 0.214,
    onDemandSource: 'price-list',
  },
};
const C: HandNode = {
  shape: { capacityType: 'on-demand', cpuMillis: 2000, memoryMiB: 16384 },
  price: {
    usdPerHour: 0.141,
    source: 'fallback-table',
    onDemandUsdPerHour: 0.141,
    onDemandSource: 'fallback-table',
  },
};

interface HandPod {
  name: string;
  pipeline: 'orders' | 'payments';
  requests: PodRequests;
  node: HandNode;
  fromMs: number;
  toMs: number;
}
const pods: HandPod[] = [
  {
    name: 'P1',
    pipeline: 'orders',
    requests: { cpuMillis: 2000, memoryMiB: 8192 },
    node: A,
    fromMs: 0,
    toMs: 60 * MIN,
  },
  {
    name: 'P2',
    pipeline: 'orders',
    requests: { cpuMillis: 1000, memoryMiB: 4096 },
    node: B,
    fromMs: 0,
    toMs: 60 * MIN,
  },
  {
    name: 'P3',
    pipeline: 'orders',
    requests: { cpuMillis: 1000, memoryMiB: 4096 },
    node: A,
    fromMs: 0,
    toMs: 30 * MIN,
  },
  {
    name: 'P4',
    pipeline: 'payments',
    requests: { cpuMillis: 1000, memoryMiB: 8192 },
    node: C,
    fromMs: 0,
    toMs: 60 * MIN,
  },
  {
    name: 'P5',
    pipeline: 'payments',
    requests: { cpuMillis: 1000, memoryMiB: 4096 },
    node: A,
    fromMs: 0,
    toMs: 20 * MIN,
  },
];

/** A pipeline's cost over the hour: each pod's hourly charge × hours bound. */
function pipelineCost(pipeline: HandPod['pipeline']): CostFigures {
  let usd = 0;
  let onDemand = 0;
  const sources: PriceSource[] = [];
  for (const pod of pods.filter(p => p.pipeline === pipeline)) {
    const hours = (pod.toMs - pod.fromMs) / HOUR;
    const cost = allocatePodCost(
      pod.requests,
      pod.node.shape,
      pod.node.price,
      options,
    );
    usd += cost.usdPerHour * hours;
    onDemand += cost.onDemandUsdPerHour * hours;
    sources.push(pod.node.price.source, pod.node.price.onDemandSource);
  }
  return costFigures(usd, onDemand, sources);
}

function pipelineSpotMix(pipeline: HandPod['pipeline']) {
  return spotMixOf(
    pods
      .filter(p => p.pipeline === pipeline)
      .map(p => ({
        capacityType: p.node.shape.capacityType,
        vcpu: p.requests.cpuMillis / 1000,
        durationMs: p.toMs - p.fromMs,
      })),
  );
}

/** A node's idle cost over the hour, integrated over the stretches where its pods do not change. */
function idleOverHour(node: HandNode) {
  const edges = [
    ...new Set([0, 60 * MIN, ...pods.flatMap(p => [p.fromMs, p.toMs])]),
  ].sort((a, b) => a - b);
  let usd = 0;
  let onDemand = 0;
  let allocated = 0;
  for (let i = 0; i + 1 < edges.length; i++) {
    const [from, to] = [edges[i], edges[i + 1]];
    const bound = pods.filter(
      p => p.node === node && p.fromMs <= from && p.toMs >= to,
    );
    const idle = nodeIdleCost(
      node.shape,
      node.price,
      bound.map(p => p.requests),
      options,
    );
    const hours = (to - from) / HOUR;
    usd += idle.usdPerHour * hours;
    onDemand += idle.onDemandUsdPerHour * hours;
    allocated += idle.allocatedUsdPerHour * hours;
  }
  return { usd, onDemand, allocated };
}

describe('a hand-checked hour of two pipelines on three nodes', () => {
  it.each([
    // orders: spot vCPU-h P1 2·1 + P3 1·0.5 = 2.5; on-demand P2 1·1 = 1
    //   → 3.5 vCPU-h, spot 2.5/3.5 = 5/7, on-demand 2/7
    ['orders', { spot: 5 / 7, onDemand: 2 / 7, reserved: 0, vcpuHours: 3.5 }],
    // payments: spot P5 1·(1/3) = 1/3; on-demand P4 1·1 = 1
    //   → 4/3 vCPU-h, spot (1/3)/(4/3) = 1/4, on-demand 3/4
    ['payments', { spot: 0.25, onDemand: 0.75, reserved: 0, vcpuHours: 4 / 3 }],
  ] as const)('spot mix of %s', (pipeline, expected) => {
    const mix = pipelineSpotMix(pipeline);
    expect(mix.spot).toBeCloseTo(expected.spot, 9);
    expect(mix.onDemand).toBeCloseTo(expected.onDemand, 9);
    expect(mix.reserved).toBeCloseTo(expected.reserved, 9);
    expect(mix.vcpuHours).toBeCloseTo(expected.vcpuHours, 9);
  });

  it.each([
    [
      // P1 0.0856/2 = 0.0428; P2 0.214/4 = 0.0535; P3 0.0856/4 · 0.5 = 0.0107
      //   → 0.107. On-demand: 0.107 + 0.0535 + 0.214/4 · 0.5 (0.02675) = 0.18725.
      //   Savings 1 − 0.107/0.18725 = 1 − 4/7 = 3/7 = 0.428571428571.
      'orders',
      0.107,
      0.18725,
      3 / 7,
      ['price-list', 'spot-price-history'],
    ],
    [
      // P4 0.141/2 = 0.0705; P5 0.0856/4 · 1/3 = 0.0214/3 = 0.007133333333
      //   → 0.077633333333. On-demand: 0.0705 + 0.0535/3 (0.017833333333)
      //   = 0.088333333333. Savings 1 − 0.0776333…/0.0883333… = 0.0107/0.0883333…
      //   = 0.121132075472.
      'payments',
      0.077633333333,
      0.088333333333,
      0.121132075472,
      ['fallback-table', 'price-list', 'spot-price-history'],
    ],
  ] as const)('cost of %s', (pipeline, usd, onDemand, savings, sources) => {
    const figures = pipelineCost(pipeline);
    expect(figures.usd).toBeCloseTo(usd, 9);
    expect(figures.onDemandEquivalentUsd).toBeCloseTo(onDemand, 9);
    expect(figures.spotSavings).toBeCloseTo(savings, 9);
    expect(figures.priceSources).toEqual(sources);
  });

  it('adds the pipelines up for their team', () => {
    // 0.107 + 0.077633333333 = 0.184633333333; 0.18725 + 0.088333333333 =
    // 0.275583333333; savings 1 − 0.1846333…/0.2755833… = 0.330027214998
    const team = sumCostFigures([
      pipelineCost('orders'),
      pipelineCost('payments'),
    ]);
    expect(team.usd).toBeCloseTo(0.184633333333, 9);
    expect(team.onDemandEquivalentUsd).toBeCloseTo(0.275583333333, 9);
    expect(team.spotSavings).toBeCloseTo(0.330027214998, 9);
    expect(team.priceSources).toEqual([
      'fallback-table',
      'price-list',
      'spot-price-history',
    ]);
  });

  it.each([
    // A: 12:00–12:20 full (P1+P3+P5 = 1/2+1/4+1/4) → idle 0;
    //    12:20–12:30 P1+P3 = 3/4 → idle 0.0856/4 = 0.0214/h for 1/6 h = 0.003566666667;
    //    12:30–13:00 P1 = 1/2 → idle 0.0428/h for 1/2 h = 0.0214
    //    → 0.024966666667. On-demand: 0.0535/6 + 0.107/2 = 0.062416666667.
    //    Allocated 0.0428 + 0.0107 + 0.007133333333 = 0.060633333333.
    ['A (spot m6i.xlarge)', A, 0.024966666667, 0.062416666667, 0.060633333333],
    // B: P2 = 1/4 all hour → idle 3/4 · 0.214 = 0.1605
    ['B (on-demand m6i.xlarge)', B, 0.1605, 0.1605, 0.0535],
    // C: P4 = 1/2 all hour → idle 0.141/2 = 0.0705
    ['C (on-demand r6i.large)', C, 0.0705, 0.0705, 0.0705],
  ])('idle cost of node %s', (_, node, idle, onDemandIdle, allocated) => {
    const figures = idleOverHour(node);
    expect(figures.usd).toBeCloseTo(idle, 9);
    expect(figures.onDemand).toBeCloseTo(onDemandIdle, 9);
    expect(figures.allocated).toBeCloseTo(allocated, 9);
    // Nothing is lost or counted twice: allocated + idle = the node's hour.
    expect(figures.allocated + figures.usd).toBeCloseTo(
      node.price.usdPerHour,
      12,
    );
  });
});
