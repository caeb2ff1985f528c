import {
  cpuQuantity,
  memoryQuantity,
  microTimestamp,
  parseMemoryToMiB,
  timestamp,
} from './quantities';

describe('quantities', () => {
  it.each([
    [1000, '1'],
    [500, '500m'],
    [2500, '2500m'],
  ])('cpu %d millis is %s', (m, q) => expect(cpuQuantity(m)).toBe(q));

  it.each([
    [2048, '2Gi'],
    [1536, '1536Mi'],
  ])('memory %d MiB is %s', (m, q) => expect(memoryQuantity(m)).toBe(q));

  it.each([
    ['2048m', 2048],
    ['2g', 2048],
    ['4Gi', 4096],
    ['1536Mi', 1536],
    ['1024 mb', 1024],
    ['x', undefined],
  ])('parses Flink memory %s', (v, mib) =>
    expect(parseMemoryToMiB(v)).toBe(mib),
  );

  it('writes timestamps as Kubernetes does', () => {
    const ms = Date.UTC(2026, 10, 28, 5, 6, 7, 891);
    expect(timestamp(ms)).toBe('2026-11-28T05:06:07Z');
    expect(microTimestamp(ms)).toBe('2026-11-28T05:06:07.891000Z');
  });
});
