import { KubeObject, KubeStore } from '../kube/types';
import { timestamp } from './quantities';
import { hashString } from '../random';

export const EVENTS_KEY = 'v1/events';

/** What an event is about. */
export interface InvolvedObject {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  uid: string;
}

export interface EventInput {
  involved: InvolvedObject;
  reason: string;
  message: string;
  type: 'Normal' | 'Warning';
  /** `source.component`: Operator, Job, karpenter, default-scheduler, … */
  component: string;
  /** Repeats within this window bump `count` instead of adding an event. */
  dedupeWindowMs: number;
}

interface Recorded {
  name: string;
  namespace: string;
  firstMs: number;
  lastMs: number;
  count: number;
}

/**
 * Records core/v1 Events the way client-go's recorder does: one object per
 * (object, reason, message, source), with `count` and `lastTimestamp` bumped
 * on repeats inside the dedupe window. Events about cluster-scoped objects
 * (Nodes, NodeClaims, NodePools) go to the `default` namespace.
 */
export class EventRecorder {
  readonly #store: KubeStore;
  readonly #recent = new Map<string, Recorded>();
  #sequence = 0;

  constructor(store: KubeStore) {
    this.#store = store;
  }

  record(input: EventInput, nowMs: number): void {
    const namespace = input.involved.namespace ?? 'default';
    const key = `${input.involved.uid}\u0000${input.reason}\u0000${input.message}\u0000${input.component}`;
    const previous = this.#recent.get(key);
    if (previous && nowMs - previous.lastMs <= input.dedupeWindowMs) {
      previous.count += 1;
      previous.lastMs = nowMs;
      this.#write(input, previous, namespace);
      return;
    }
    this.#sequence += 1;
    const suffix =
      input.component === 'Operator' || input.component === 'Job'
        ? // The Flink operator names its events Operator.<hash>.
          undefined
        : (
            hashString(`${key}/${this.#sequence}`) * 0x10000 +
            (this.#sequence & 0xffff)
          )
            .toString(16)
            .padStart(16, '0')
            .slice(-16);
    const name =
      suffix === undefined
        ? `Operator.${hashString(`${key}/${this.#sequence}`)}`
        : `${input.involved.name}.${suffix}`;
    const recorded = {
      name,
      namespace,
      firstMs: nowMs,
      lastMs: nowMs,
      count: 1,
    };
    this.#recent.set(key, recorded);
    this.#write(input, recorded, namespace);
  }

  /** Forgets dedupe state older than `maxAgeMs`, keeping memory bounded. */
  prune(nowMs: number, maxAgeMs: number): void {
    for (const [key, recorded] of this.#recent) {
      if (nowMs - recorded.lastMs > maxAgeMs) this.#recent.delete(key);
    }
  }

  #write(input: EventInput, recorded: Recorded, namespace: string) {
    const event: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: recorded.name, namespace },
      involvedObject: {
        apiVersion: input.involved.apiVersion,
        kind: input.involved.kind,
        name: input.involved.name,
        ...(input.involved.namespace
          ? { namespace: input.involved.namespace }
          : {}),
        uid: input.involved.uid,
      },
      reason: input.reason,
      message: input.message,
      type: input.type,
      source: { component: input.component },
      firstTimestamp: timestamp(recorded.firstMs),
      lastTimestamp: timestamp(recorded.lastMs),
      count: recorded.count,
      eventTime: null,
      reportingComponent: input.component,
      reportingInstance: '',
    };
    this.#store.upsert(EVENTS_KEY, event);
  }
}
