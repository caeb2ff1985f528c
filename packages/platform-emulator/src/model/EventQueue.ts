/** An action due at a time; equal times run in the order they were added. */
interface Entry {
  atMs: number;
  seq: number;
  run: () => void;
}

const before = (a: Entry, b: Entry) =>
  a.atMs < b.atMs || (a.atMs === b.atMs && a.seq < b.seq);

/** A binary min-heap of timed actions: the simulation's agenda. */
export class EventQueue {
  readonly #heap: Entry[] = [];
  #seq = 0;

  get size(): number {
    return this.#heap.length;
  }

  /** The time of the next action, or Infinity when there is none. */
  peekTime(): number {
    return this.#heap.length ? this.#heap[0].atMs : Infinity;
  }

  schedule(atMs: number, run: () => void): void {
    const entry = { atMs, seq: this.#seq++, run };
    const heap = this.#heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }

  /** Removes and returns the next action. */
  pop(): Entry | undefined {
    const heap = this.#heap;
    if (heap.length === 0) return undefined;
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l], heap[m])) m = l;
        if (r < heap.length && before(heap[r], heap[m])) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
    return top;
  }
}
