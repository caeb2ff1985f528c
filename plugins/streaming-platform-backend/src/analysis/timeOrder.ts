/**
 * The items in time order: the array itself when it is already in order (as
 * history reads are; checking is O(n)), else a sorted copy (a stable sort,
 * so items of the same time keep their order). Never changes its input.
 */
export function inTimeOrder<T extends { at: number }>(items: Iterable<T>): T[] {
  const list = Array.isArray(items) ? (items as T[]) : [...items];
  for (let i = 1; i < list.length; i++) {
    if (list[i].at < list[i - 1].at) {
      return [...list].sort((a, b) => a.at - b.at);
    }
  }
  return list;
}
