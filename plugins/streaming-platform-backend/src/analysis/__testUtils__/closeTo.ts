/**
 * The value with every number replaced by `expect.closeTo(n, 9)` (within
 * 5e-10), for `toEqual` on figures computed in floating point.
 */
export function closeTo<T>(value: T): T {
  if (typeof value === 'number') {
    return expect.closeTo(value, 9) as unknown as T;
  }
  if (Array.isArray(value)) return value.map(closeTo) as unknown as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [key, closeTo(v)]),
    ) as T;
  }
  return value;
}
