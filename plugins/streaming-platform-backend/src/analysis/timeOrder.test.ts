import { inTimeOrder } from './timeOrder';

describe('inTimeOrder', () => {
  it('hands back an array already in order as it is', () => {
    const items = [{ at: 1 }, { at: 1 }, { at: 2 }];
    expect(inTimeOrder(items)).toBe(items);
  });

  it('sorts a copy otherwise, keeping items of the same time in order', () => {
    const items = [
      { at: 2, k: 'a' },
      { at: 1, k: 'b' },
      { at: 2, k: 'c' },
      { at: 0, k: 'd' },
    ];
    expect(inTimeOrder(items).map(i => i.k)).toEqual(['d', 'b', 'a', 'c']);
    expect(items.map(i => i.k)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('takes any iterable', () => {
    expect(inTimeOrder(new Set([{ at: 3 }, { at: 1 }]))).toEqual([
      { at: 1 },
      { at: 3 },
    ]);
  });
});
