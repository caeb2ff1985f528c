import { SerializedError } from '@backstage/errors';
import { AwsSourceHealth } from './types';

/**
 * The health of one AWS source: `starting` until its first answer, `ok`
 * after a success, and after a failure `stale` when it had succeeded before
 * (its last data is still served) or `error` when it never had.
 */
export class SourceHealth {
  #lastSuccessAt?: string;
  #error?: SerializedError;
  #state: AwsSourceHealth['state'] = 'starting';

  succeeded(at: number): void {
    this.#state = 'ok';
    this.#lastSuccessAt = new Date(at).toISOString();
    this.#error = undefined;
  }

  failed(error: SerializedError): void {
    this.#state = this.#lastSuccessAt ? 'stale' : 'error';
    this.#error = error;
  }

  get(): AwsSourceHealth {
    return {
      state: this.#state,
      ...(this.#lastSuccessAt ? { lastSuccessAt: this.#lastSuccessAt } : {}),
      ...(this.#error ? { error: this.#error } : {}),
    };
  }
}
