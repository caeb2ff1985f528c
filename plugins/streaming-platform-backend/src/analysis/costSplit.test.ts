import { DEFAULT_CPU_TO_MEMORY_PRICE_RATIO, splitNodePrice } from './costSplit';
import { NodeShape } from './types';

const node = (cpuMillis: number, memoryMiB: number): NodeShape => ({
  capacityType: 'on-demand',
  cpuMillis,
  memoryMiB,
});

describe('splitNodePrice', () => {
  it('uses OpenCost default prices for its default ratio', () => {
    expect(DEFAULT_CPU_TO_MEMORY_PRICE_RATIO).toBeCloseTo(7.460703327826, 9);
  });

  it.each([
    // m6i.xlarge (4 vCPU, 16 GiB) on-demand in eu-west-1, $0.214/h, ratio 8:
    // weight = 8·4 + 16 = 48 GiB-units → mem = 0.214/48, cpu = 8·0.214/48.
    ['m6i.xlarge, ratio 8', node(4000, 16384), 0.214, 8, 0.214 / 6, 0.214 / 48],
    // The same at OpenCost's defaults: the default prices scaled to the node,
    // 4·0.031611 + 16·0.004237 = 0.194236 → factor 0.214 / 0.194236.
    // cpu = 0.031611 · 0.214 / 0.194236 = 0.034827498507
    // mem = 0.004237 · 0.214 / 0.194236 = 0.004668125373
    [
      'm6i.xlarge, default ratio',
      node(4000, 16384),
      0.214,
      DEFAULT_CPU_TO_MEMORY_PRICE_RATIO,
      0.034827498507,
      0.004668125373,
    ],
    // r6i.large (2 vCPU, 16 GiB) $0.141/h: 2·0.031611 + 16·0.004237 = 0.131014
    // cpu = 0.031611 · 0.141 / 0.131014 = 0.034020417665
    // mem = 0.004237 · 0.141 / 0.131014 = 0.004559947792
    [
      'r6i.large, default ratio',
      node(2000, 16384),
      0.141,
      DEFAULT_CPU_TO_MEMORY_PRICE_RATIO,
      0.034020417665,
      0.004559947792,
    ],
    // Ratio 1 on 2 cores and 2 GiB: each unit costs $1/4.
    ['ratio 1', node(2000, 2048), 1, 1, 0.25, 0.25],
    // Ratio 0: memory carries the whole price, 16 GiB → $0.0125 per GiB-hour.
    ['ratio 0', node(4000, 16384), 0.2, 0, 0, 0.0125],
    // A node without memory puts it all on CPU: $1 / 4 cores; the rates
    // still stand 8 : 1 (weight 8·4 = 32, mem = 1/32).
    ['no memory', node(4000, 0), 1, 8, 0.25, 0.03125],
    ['no capacity', node(0, 0), 1, 8, 0, 0],
    ['no price', node(4000, 16384), 0, 8, 0, 0],
    ['negative price', node(4000, 16384), -1, 8, 0, 0],
  ])('%s', (_, shape, price, ratio, cpuRate, memRate) => {
    const rates = splitNodePrice(shape, price, {
      cpuToMemoryPriceRatio: ratio,
    });
    expect(rates.usdPerCpuCoreHour).toBeCloseTo(cpuRate, 9);
    expect(rates.usdPerMemoryGiBHour).toBeCloseTo(memRate, 9);
  });

  it.each([
    [node(4000, 16384), 0.214],
    [node(2000, 16384), 0.141],
    [node(96000, 786432), 6.048],
    [node(250, 512), 0.0104],
  ])('charges the whole node price back: %j at $%s', (shape, price) => {
    const ratio = DEFAULT_CPU_TO_MEMORY_PRICE_RATIO;
    const rates = splitNodePrice(shape, price, {
      cpuToMemoryPriceRatio: ratio,
    });
    expect(
      (shape.cpuMillis / 1000) * rates.usdPerCpuCoreHour +
        (shape.memoryMiB / 1024) * rates.usdPerMemoryGiBHour,
    ).toBeCloseTo(price, 12);
    expect(rates.usdPerCpuCoreHour / rates.usdPerMemoryGiBHour).toBeCloseTo(
      ratio,
      9,
    );
  });

  it.each([[-1], [NaN], [Infinity]])('rejects the ratio %s', ratio => {
    expect(() =>
      splitNodePrice(node(4000, 16384), 0.214, {
        cpuToMemoryPriceRatio: ratio,
      }),
    ).toThrow(expect.objectContaining({ name: 'InputError' }));
  });
});
