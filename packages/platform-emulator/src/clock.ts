/**
 * The emulator's notion of now, in milliseconds since the epoch. With the
 * portal it is the wall clock; tests and benchmarks drive a manual one as
 * fast as they like.
 */
export interface Clock {
  now(): number;
}

/** The real time. */
export const wallClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told to. */
export class ManualClock implements Clock {
  #now: number;

  constructor(startMs: number) {
    this.#now = startMs;
  }

  now(): number {
    return this.#now;
  }

  /** Moves to `ms`; time never runs backwards. */
  set(ms: number): void {
    if (ms < this.#now) {
      throw new Error(`Clock cannot go back from ${this.#now} to ${ms}`);
    }
    this.#now = ms;
  }

  advance(ms: number): void {
    this.set(this.#now + ms);
  }
}
