import { parseCpuMillis, parseMemoryMiB } from './quantities';

describe('parseCpuMillis', () => {
  it.each([
    ['500m', 500],
    ['1', 1000],
    ['1.5', 1500],
    ['0.25', 250],
    [2, 2000],
    ['', 0],
    ['abc', 0],
    [undefined, 0],
  ])('%p → %p millicores', (value, expected) => {
    expect(parseCpuMillis(value)).toBe(expected);
  });
});

describe('parseMemoryMiB', () => {
  it.each([
    ['3Gi', 3072],
    ['1536Mi', 1536],
    ['1048576Ki', 1024],
    ['1073741824', 1024],
    ['1G', 1_000_000_000 / 1048576],
    ['128974848000m', 123],
    ['lots', 0],
    [null, 0],
  ])('%p → %p MiB', (value, expected) => {
    expect(parseMemoryMiB(value)).toBeCloseTo(expected as number, 9);
  });
});
