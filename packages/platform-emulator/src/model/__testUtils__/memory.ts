import { Dimension, MetricSeriesKey, MetricSink } from '../../aws/types';
import { KubeObject, KubeStore } from '../../kube/types';

/**
 * Minimal stand-ins for the emulator's object and metric stores, for tests of
 * the simulation alone: they keep the latest objects and every datapoint.
 */
export class MemoryStore implements KubeStore {
  readonly objects = new Map<string, Map<string, KubeObject>>();
  writes = 0;
  #rv = 0;
  #uid = 0;

  upsert(resourceKey: string, object: KubeObject): KubeObject {
    const map = this.objects.get(resourceKey) ?? new Map();
    this.objects.set(resourceKey, map);
    const id = `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
    const previous = map.get(id);
    const stored = {
      ...object,
      metadata: {
        ...object.metadata,
        uid:
          previous?.metadata.uid ?? object.metadata.uid ?? `uid-${++this.#uid}`,
        resourceVersion: String(++this.#rv),
      },
    };
    map.set(id, stored);
    this.writes++;
    return stored;
  }

  remove(resourceKey: string, namespace: string | undefined, name: string) {
    const map = this.objects.get(resourceKey);
    const id = `${namespace ?? ''}/${name}`;
    const previous = map?.get(id);
    map?.delete(id);
    if (previous) this.writes++;
    return previous;
  }

  get(resourceKey: string, namespace: string | undefined, name: string) {
    return this.objects.get(resourceKey)?.get(`${namespace ?? ''}/${name}`);
  }

  all(resourceKey: string, namespace?: string): KubeObject[] {
    return [...(this.objects.get(resourceKey)?.values() ?? [])].filter(
      o => namespace === undefined || o.metadata.namespace === namespace,
    );
  }

  resourceVersion() {
    return String(this.#rv);
  }
}

export class MemoryMetrics implements MetricSink {
  readonly points: Array<{
    key: MetricSeriesKey;
    timestampMs: number;
    value: number;
    unit: string;
  }> = [];

  put(key: MetricSeriesKey, timestampMs: number, value: number, unit: string) {
    this.points.push({ key, timestampMs, value, unit });
  }

  series(metricName: string, dimension: Dimension) {
    return this.points.filter(
      p =>
        p.key.metricName === metricName &&
        p.key.dimensions.some(
          d => d.Name === dimension.Name && d.Value === dimension.Value,
        ),
    );
  }
}
