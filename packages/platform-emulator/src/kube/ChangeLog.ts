import { KubeObject } from './types';

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One write to the store, as watchers and the history see it. */
export interface StoreChange {
  type: ChangeType;
  /** The new state; for DELETED the last state, carrying the deletion's resourceVersion. */
  object: KubeObject;
  /** The state before the write (MODIFIED and DELETED). */
  previous?: KubeObject;
  resourceVersion: number;
}

/** A change as the history keeps it: where it happened and when. */
export interface LoggedChange extends StoreChange {
  storageKey: string;
  /** '' for cluster-scoped objects. */
  namespace: string;
  atMs: number;
}

/**
 * The recent changes of the whole cluster in resourceVersion order, bounded
 * by count and age like etcd's compacted history, in a ring buffer so an
 * append is O(1).
 */
export class ChangeLog {
  readonly #limit: number;
  readonly #maxAgeMs: number;
  #entries: Array<LoggedChange | undefined> = [];
  #start = 0;
  #count = 0;
  #compactedRevision = 0;

  constructor(options: { limit: number; maxAgeMs: number }) {
    if (options.limit < 1) {
      throw new Error('The change history must hold at least one change');
    }
    this.#limit = options.limit;
    this.#maxAgeMs = options.maxAgeMs;
  }

  append(change: LoggedChange): void {
    this.compact(change.atMs);
    if (this.#count === this.#limit) {
      this.#dropOldest();
    }
    const index = (this.#start + this.#count) % this.#limit;
    if (index === this.#entries.length) {
      this.#entries.push(change);
    } else {
      this.#entries[index] = change;
    }
    this.#count++;
  }

  /** Forgets changes older than the age limit. */
  compact(nowMs: number): void {
    const oldestKept = nowMs - this.#maxAgeMs;
    while (this.#count > 0 && this.#at(0).atMs < oldestKept) {
      this.#dropOldest();
    }
  }

  /**
   * The newest resourceVersion whose change has been forgotten: a watch or
   * consistent read from an older resourceVersion cannot be served.
   */
  get compactedRevision(): number {
    return this.#compactedRevision;
  }

  get size(): number {
    return this.#count;
  }

  /**
   * The changes after `resourceVersion`, oldest first. The caller checks
   * `compactedRevision` first; this returns what is still held.
   */
  *since(resourceVersion: number): Generator<LoggedChange> {
    // Binary search for the first change newer than resourceVersion.
    let low = 0;
    let high = this.#count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.#at(middle).resourceVersion <= resourceVersion) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    for (let i = low; i < this.#count; i++) {
      yield this.#at(i);
    }
  }

  #at(offset: number): LoggedChange {
    return this.#entries[(this.#start + offset) % this.#limit]!;
  }

  #dropOldest() {
    const oldest = this.#at(0);
    this.#entries[this.#start] = undefined;
    this.#start = (this.#start + 1) % this.#limit;
    this.#count--;
    this.#compactedRevision = oldest.resourceVersion;
  }
}
