import { EventQueue } from './EventQueue';
import { createRandom } from '../random';

describe('EventQueue', () => {
  it('pops in time order, ties in insertion order', () => {
    const q = new EventQueue();
    const seen: string[] = [];
    q.schedule(30, () => seen.push('c'));
    q.schedule(10, () => seen.push('a1'));
    q.schedule(20, () => seen.push('b'));
    q.schedule(10, () => seen.push('a2'));
    expect(q.peekTime()).toBe(10);
    while (q.size) q.pop()!.run();
    expect(seen).toEqual(['a1', 'a2', 'b', 'c']);
    expect(q.peekTime()).toBe(Infinity);
  });

  it('keeps order over many random entries', () => {
    const q = new EventQueue();
    const random = createRandom('queue');
    const times = Array.from({ length: 5000 }, () => random.int(0, 1000));
    times.forEach(t => q.schedule(t, () => {}));
    const popped: number[] = [];
    while (q.size) popped.push(q.pop()!.atMs);
    expect(popped).toEqual([...times].sort((a, b) => a - b));
  });
});
