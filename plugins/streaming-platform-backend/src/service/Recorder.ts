import { LoggerService } from '@backstage/backend-plugin-api';
import { SerializedError, serializeError } from '@backstage/errors';
import {
  NodeClaimLifecycle,
  PodLifecycle,
  RecordedEvent,
} from '../analysis/types';
import { HistoryStore } from '../history/types';
import { IndexRecorder } from '../index/PlatformIndex';

/** At most this many records wait for the database; beyond, the oldest go. */
const MAX_PENDING = 500_000;

/**
 * Buffers what the index sees and writes it to the history in batches, so a
 * burst of watch events costs one insert per table rather than one per
 * event. When the database fails, records wait and are written on the next
 * flush: a database outage shorter than the buffer loses nothing.
 */
export class Recorder implements IndexRecorder {
  readonly #history: HistoryStore;
  readonly #logger: LoggerService;
  #events: RecordedEvent[] = [];
  // Keyed, so a pod that changed five times between flushes is written once.
  #pods = new Map<string, PodLifecycle>();
  #claims = new Map<string, NodeClaimLifecycle>();
  /** Pods being written now: in neither the buffer nor yet the database. */
  #writingPods: PodLifecycle[] = [];
  #flushing?: Promise<void>;
  #dropped = 0;
  #lastSuccessAt?: number;
  #lastError?: SerializedError;
  /** Events newly recorded (not seen before), for logs and tests. */
  newEvents = 0;

  constructor(options: { history: HistoryStore; logger: LoggerService }) {
    this.#history = options.history;
    this.#logger = options.logger;
  }

  event(event: RecordedEvent): void {
    this.#events.push(event);
    this.#bound();
  }

  pod(pod: PodLifecycle): void {
    const key = `${pod.cluster}/${pod.uid}`;
    const previous = this.#pods.get(key);
    // Keep every timestamp either version knew.
    this.#pods.set(key, previous ? mergeDefined(previous, pod) : pod);
    this.#bound();
  }

  nodeClaim(claim: NodeClaimLifecycle): void {
    const key = `${claim.cluster}/${claim.uid}`;
    const previous = this.#claims.get(key);
    this.#claims.set(key, previous ? mergeDefined(previous, claim) : claim);
    this.#bound();
  }

  /** A pipeline's pods recorded but not yet written, oldest records first. */
  unwrittenPods(pipelineRef: string): PodLifecycle[] {
    const pods: PodLifecycle[] = [];
    for (const pod of this.#writingPods) {
      if (pod.pipelineRef === pipelineRef) pods.push(pod);
    }
    for (const pod of this.#pods.values()) {
      if (pod.pipelineRef === pipelineRef) pods.push(pod);
    }
    return pods;
  }

  get pending(): number {
    return this.#events.length + this.#pods.size + this.#claims.size;
  }

  health(): {
    lastSuccessAt?: number;
    error?: SerializedError;
    pending: number;
    dropped: number;
  } {
    return {
      lastSuccessAt: this.#lastSuccessAt,
      error: this.#lastError,
      pending: this.pending,
      dropped: this.#dropped,
    };
  }

  /** Writes what is pending; concurrent calls share one write. */
  flush(): Promise<void> {
    if (!this.#flushing) {
      this.#flushing = this.#flush().finally(() => {
        this.#flushing = undefined;
      });
    }
    return this.#flushing;
  }

  async #flush(): Promise<void> {
    const events = this.#events;
    const pods = [...this.#pods.values()];
    const claims = [...this.#claims.values()];
    this.#events = [];
    this.#pods = new Map();
    this.#claims = new Map();
    this.#writingPods = pods;
    try {
      if (events.length)
        this.newEvents += await this.#history.recordEvents(events);
      if (pods.length) await this.#history.recordPodLifecycles(pods);
      if (claims.length) await this.#history.recordNodeClaimLifecycles(claims);
      this.#lastSuccessAt = Date.now();
      if (this.#lastError) {
        this.#logger.info('Recording history works again');
        this.#lastError = undefined;
      }
    } catch (error) {
      // Put them back in front of what arrived meanwhile; writes are idempotent.
      this.#events = events.concat(this.#events);
      for (const pod of pods) {
        const key = `${pod.cluster}/${pod.uid}`;
        const newer = this.#pods.get(key);
        this.#pods.set(key, newer ? mergeDefined(pod, newer) : pod);
      }
      for (const claim of claims) {
        const key = `${claim.cluster}/${claim.uid}`;
        const newer = this.#claims.get(key);
        this.#claims.set(key, newer ? mergeDefined(claim, newer) : claim);
      }
      this.#bound();
      if (!this.#lastError) {
        this.#logger.warn(
          `Recording history failed; ${this.pending} records wait for the next try: ${error}`,
        );
      }
      this.#lastError = serializeError(error as Error);
    } finally {
      this.#writingPods = [];
    }
  }

  #bound() {
    const excess = this.#events.length - MAX_PENDING;
    if (excess > 0) {
      this.#events.splice(0, excess);
      this.#dropped += excess;
    }
  }
}

function mergeDefined<T extends object>(older: T, newer: T): T {
  const merged = { ...older } as Record<string, unknown>;
  for (const [key, value] of Object.entries(newer)) {
    if (value !== undefined) merged[key] = value;
  }
  return merged as T;
}
