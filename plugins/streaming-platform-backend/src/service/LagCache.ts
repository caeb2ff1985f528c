import { LagSample } from '../analysis/types';

/**
 * The newest lag reading of each pipeline. Fed by this instance's polls and,
 * because the poll runs on one replica only, refreshed from the database on
 * the others.
 */
export class LagCache {
  readonly #latest = new Map<string, LagSample>();
  #newestAt?: number;

  update(samples: Iterable<LagSample>): void {
    for (const sample of samples) {
      const current = this.#latest.get(sample.pipelineRef);
      if (!current || sample.at >= current.at) {
        this.#latest.set(sample.pipelineRef, sample);
      }
      if (this.#newestAt === undefined || sample.at > this.#newestAt) {
        this.#newestAt = sample.at;
      }
    }
  }

  get(pipelineRef: string): LagSample | undefined {
    return this.#latest.get(pipelineRef);
  }

  /** The minute of the newest reading of any pipeline. */
  get newestAt(): number | undefined {
    return this.#newestAt;
  }
}
