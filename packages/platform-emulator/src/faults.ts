import { EventEmitter } from 'node:events';

/**
 * The faults the emulator can inject, each switchable at run time (by tests,
 * through the admin API, or from the CLI).
 */
export interface FaultState {
  /** The Kubernetes API answers every request with 503 and closes watches. */
  apiServerDown: boolean;
  /** Watch connections are closed a few seconds after they open. */
  dropWatches: boolean;
  /** Every watch or list from an old resourceVersion gets 410 Gone. */
  expireResourceVersions: boolean;
  /** Extra latency added to every Kubernetes and AWS response, in ms. */
  slowResponsesMs: number;
  /** CloudWatch answers with ThrottlingException (HTTP 400). */
  cloudWatchThrottling: boolean;
  /** CloudWatch answers with InternalServiceError (HTTP 500). */
  cloudWatchErrors: boolean;
  /** Zones where no instance type has spot capacity. */
  noSpotCapacityZones: string[];
  /** Spot interruptions arrive many times more often than usual. */
  interruptionStorm: boolean;
}

export const NO_FAULTS: FaultState = {
  apiServerDown: false,
  dropWatches: false,
  expireResourceVersions: false,
  slowResponsesMs: 0,
  cloudWatchThrottling: false,
  cloudWatchErrors: false,
  noSpotCapacityZones: [],
  interruptionStorm: false,
};

/**
 * The current faults. Emits `change` with the new state after every set, and
 * `drop-watches` when tests ask for open watches to be cut right now.
 */
export class Faults extends EventEmitter {
  #state: FaultState = { ...NO_FAULTS, noSpotCapacityZones: [] };

  get state(): Readonly<FaultState> {
    return this.#state;
  }

  set(changes: Partial<FaultState>): void {
    this.#state = { ...this.#state, ...changes };
    this.emit('change', this.#state);
  }

  reset(): void {
    this.set({ ...NO_FAULTS, noSpotCapacityZones: [] });
  }

  /** Closes every open watch connection once. */
  dropWatchesNow(): void {
    this.emit('drop-watches');
  }
}
