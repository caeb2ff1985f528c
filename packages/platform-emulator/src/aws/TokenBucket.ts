/**
 * A token bucket: `ratePerSecond` requests a second on average, bursts of
 * up to `burst`. Counts in real time, since quotas limit real request rates.
 */
export class TokenBucket {
  readonly #ratePerSecond: number;
  readonly #burst: number;
  readonly #now: () => number;
  #tokens: number;
  #lastMs: number;

  constructor(options: {
    ratePerSecond: number;
    burst?: number;
    now?: () => number;
  }) {
    this.#ratePerSecond = options.ratePerSecond;
    this.#burst = options.burst ?? options.ratePerSecond;
    this.#now = options.now ?? (() => performance.now());
    this.#tokens = this.#burst;
    this.#lastMs = this.#now();
  }

  /** Takes a token when one is left; false means "throttle this request". */
  tryTake(): boolean {
    const nowMs = this.#now();
    this.#tokens = Math.min(
      this.#burst,
      this.#tokens + ((nowMs - this.#lastMs) / 1000) * this.#ratePerSecond,
    );
    this.#lastMs = nowMs;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
