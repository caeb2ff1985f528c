import { ManualClock } from '../clock';
import {
  KEYS,
  PIPELINE_NAMESPACE,
  coreEvent,
  flinkDeployment,
  flinkPod,
  karpenterNode,
} from './__testUtils__/fixtures';
import {
  ObjectStore,
  ResourceVersionExpiredError,
  StoreChange,
} from './ObjectStore';

const T0 = Date.UTC(2026, 10, 1, 10, 0, 0);

describe('ObjectStore', () => {
  it('assigns one cluster-wide, increasing resourceVersion, a uid, a creationTimestamp and a generation', () => {
    const clock = new ManualClock(T0 + 1234);
    const store = new ObjectStore({ clock });
    const node = store.upsert(
      KEYS.nodes,
      karpenterNode('ip-10-0-1-23.ec2.internal'),
    );
    const pod = store.upsert(KEYS.pods, flinkPod('orders', 'taskmanager', 1));

    expect(node.metadata.resourceVersion).toBe('1');
    expect(pod.metadata.resourceVersion).toBe('2');
    expect(store.resourceVersion()).toBe('2');
    expect(pod.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(pod.metadata.uid).not.toBe(node.metadata.uid);
    expect(pod.metadata.creationTimestamp).toBe('2026-11-01T10:00:01Z');
    expect(pod.metadata.generation).toBe(1);

    clock.advance(60_000);
    const moved = store.upsert(KEYS.pods, {
      ...flinkPod('orders', 'taskmanager', 1),
      status: { phase: 'Running' },
    });
    expect(moved.metadata.resourceVersion).toBe('3');
    expect(moved.metadata.uid).toBe(pod.metadata.uid);
    expect(moved.metadata.creationTimestamp).toBe(
      pod.metadata.creationTimestamp,
    );
    // Only a change of spec moves generation.
    expect(moved.metadata.generation).toBe(1);

    const rescheduled = store.upsert(
      KEYS.pods,
      flinkPod('orders', 'taskmanager', 1, {
        nodeName: 'ip-10-0-1-23.ec2.internal',
      }),
    );
    expect(rescheduled.metadata.generation).toBe(2);
  });

  it('keeps objects by resource, namespace and name', () => {
    const store = new ObjectStore();
    store.upsert(KEYS.pods, flinkPod('orders', 'jobmanager', 1));
    store.upsert(KEYS.pods, {
      ...flinkPod('orders', 'jobmanager', 1),
      metadata: { name: 'orders-6d8f7b9c4-x1kq', namespace: 'team-risk' },
    });
    expect(store.all(KEYS.pods)).toHaveLength(2);
    expect(store.all(KEYS.pods, PIPELINE_NAMESPACE)).toHaveLength(1);
    expect(store.count(KEYS.pods, 'team-risk')).toBe(1);
    expect(
      store.get(KEYS.pods, 'team-risk', 'orders-6d8f7b9c4-x1kq'),
    ).toBeDefined();
    expect(
      store.get(KEYS.pods, 'team-growth', 'orders-6d8f7b9c4-x1kq'),
    ).toBeUndefined();

    const removed = store.remove(
      KEYS.pods,
      'team-risk',
      'orders-6d8f7b9c4-x1kq',
    );
    expect(removed?.metadata.resourceVersion).toBe('3');
    expect(
      store.remove(KEYS.pods, 'team-risk', 'orders-6d8f7b9c4-x1kq'),
    ).toBeUndefined();
    expect(store.all(KEYS.pods)).toHaveLength(1);
  });

  it('refuses objects whose scope does not fit their resource', () => {
    const store = new ObjectStore();
    expect(() =>
      store.upsert(KEYS.pods, {
        ...flinkPod('orders', 'jobmanager', 1),
        metadata: { name: 'no-namespace' },
      }),
    ).toThrow(/without a namespace/);
    expect(() =>
      store.upsert(KEYS.nodes, {
        ...karpenterNode('n1'),
        metadata: { name: 'n1', namespace: 'default' },
      }),
    ).toThrow(/cluster-scoped/);
  });

  it('tells subscribers of their resource and namespace only, in order', () => {
    const store = new ObjectStore();
    const everywhere: StoreChange[] = [];
    const inRisk: StoreChange[] = [];
    store.subscribe(KEYS.pods, {}, change => everywhere.push(change));
    const stop = store.subscribe(
      KEYS.pods,
      { namespace: 'team-risk' },
      change => inRisk.push(change),
    );
    store.upsert(KEYS.nodes, karpenterNode('n1'));
    store.upsert(KEYS.pods, flinkPod('orders', 'taskmanager', 1));
    store.upsert(
      KEYS.pods,
      flinkPod('orders', 'taskmanager', 1, { nodeName: 'n1' }),
    );
    store.remove(KEYS.pods, PIPELINE_NAMESPACE, 'orders-taskmanager-1-1');

    expect(everywhere.map(c => [c.type, c.resourceVersion])).toEqual([
      ['ADDED', 2],
      ['MODIFIED', 3],
      ['DELETED', 4],
    ]);
    expect(everywhere[1].previous?.metadata.resourceVersion).toBe('2');
    expect(everywhere[2].object.metadata.resourceVersion).toBe('4');
    expect(inRisk).toEqual([]);

    stop();
    store.upsert(KEYS.pods, {
      ...flinkPod('orders', 'taskmanager', 1),
      metadata: { name: 'x', namespace: 'team-risk' },
    });
    expect(inRisk).toEqual([]);
    expect(everywhere).toHaveLength(4);
  });

  it('replays history after a resourceVersion and answers 410 for one older than it holds', () => {
    const store = new ObjectStore({ historyLimit: 3 });
    for (let i = 1; i <= 5; i++) {
      store.upsert(KEYS.pods, flinkPod('orders', 'taskmanager', i));
    }
    // Holds changes 3, 4, 5: resuming from 2 or later works.
    expect(store.compactedRevision()).toBe(2);
    expect(
      store.changesSince(KEYS.pods, 2).map(c => c.resourceVersion),
    ).toEqual([3, 4, 5]);
    expect(
      store.changesSince(KEYS.pods, 4).map(c => c.resourceVersion),
    ).toEqual([5]);
    expect(store.changesSince(KEYS.nodes, 2)).toEqual([]);
    expect(() => store.changesSince(KEYS.pods, 1)).toThrow(
      ResourceVersionExpiredError,
    );
  });

  it('forgets history older than its age limit', () => {
    const clock = new ManualClock(T0);
    const store = new ObjectStore({ clock, historyMaxAgeMs: 60_000 });
    store.upsert(KEYS.pods, flinkPod('orders', 'taskmanager', 1));
    clock.advance(30_000);
    store.upsert(KEYS.pods, flinkPod('orders', 'taskmanager', 2));
    expect(store.compactedRevision()).toBe(0);
    clock.advance(45_000);
    expect(store.compactedRevision()).toBe(1);
    expect(() => store.changesSince(KEYS.pods, 0)).toThrow(
      /too old resource version: 0 \(1\)/,
    );
    expect(store.changesSince(KEYS.pods, 1)).toHaveLength(1);
  });

  it('rebuilds the objects as they were at a past resourceVersion', () => {
    const store = new ObjectStore();
    store.upsert(KEYS.pods, flinkPod('orders', 'taskmanager', 1));
    store.upsert(KEYS.pods, flinkPod('orders', 'taskmanager', 2));
    const at2 = store.resourceVersion();
    store.upsert(
      KEYS.pods,
      flinkPod('orders', 'taskmanager', 1, { nodeName: 'n1' }),
    );
    store.remove(KEYS.pods, PIPELINE_NAMESPACE, 'orders-taskmanager-1-2');
    store.upsert(KEYS.pods, flinkPod('orders', 'taskmanager', 3));

    const past = store.allAt(KEYS.pods, Number(at2));
    expect(
      past.map(p => [p.metadata.name, p.metadata.resourceVersion]).sort(),
    ).toEqual([
      ['orders-taskmanager-1-1', '1'],
      ['orders-taskmanager-1-2', '2'],
    ]);
  });

  describe('Events', () => {
    const involved = {
      kind: 'FlinkDeployment',
      name: 'orders',
      apiVersion: 'flink.apache.org/v1beta1',
      uid: '0b9f3a4e-1111-4c3b-9a53-6f1c2d3e4f50',
    };

    it('stores one Event and serves it as core/v1 and as events.k8s.io/v1', () => {
      const store = new ObjectStore();
      store.upsert(KEYS.events, {
        ...coreEvent(
          'orders.1',
          involved,
          'ScalingReport',
          'Parallelism 2 -> 4',
          'Operator',
          {
            count: 2,
          },
        ),
        reportingInstance: 'flink-kubernetes-operator-7d9c8b-abcde',
      });
      const core = store.get(KEYS.events, PIPELINE_NAMESPACE, 'orders.1')!;
      const v1 = store.get(KEYS.eventsV1, PIPELINE_NAMESPACE, 'orders.1')!;
      expect(core.apiVersion).toBe('v1');
      expect(v1).toEqual({
        kind: 'Event',
        apiVersion: 'events.k8s.io/v1',
        metadata: core.metadata,
        eventTime: null,
        reportingController: 'Operator',
        reportingInstance: 'flink-kubernetes-operator-7d9c8b-abcde',
        reason: 'ScalingReport',
        regarding: { ...involved, namespace: PIPELINE_NAMESPACE },
        note: 'Parallelism 2 -> 4',
        type: 'Normal',
        deprecatedSource: { component: 'Operator' },
        deprecatedFirstTimestamp: '2026-11-01T10:00:00Z',
        deprecatedLastTimestamp: '2026-11-01T10:05:00Z',
        deprecatedCount: 2,
      });
      expect(store.all(KEYS.eventsV1)).toEqual([v1]);
    });

    it('accepts events.k8s.io/v1 Events and tells subscribers of both views', () => {
      const store = new ObjectStore();
      const coreChanges: StoreChange[] = [];
      const v1Changes: StoreChange[] = [];
      store.subscribe(KEYS.events, {}, c => coreChanges.push(c));
      store.subscribe(KEYS.eventsV1, { namespace: PIPELINE_NAMESPACE }, c =>
        v1Changes.push(c),
      );
      store.upsert(KEYS.eventsV1, {
        apiVersion: 'events.k8s.io/v1',
        kind: 'Event',
        metadata: { name: 'n1.abc', namespace: PIPELINE_NAMESPACE },
        eventTime: '2026-11-01T10:00:00.000000Z',
        reportingController: 'karpenter',
        reportingInstance: 'karpenter-5f7d8-xyz',
        action: 'Launched',
        reason: 'Launched',
        regarding: {
          kind: 'NodeClaim',
          name: 'flink-x7k2p',
          apiVersion: 'karpenter.sh/v1',
        },
        note: 'Status condition transitioned',
        type: 'Normal',
      });
      expect(coreChanges[0].object).toMatchObject({
        apiVersion: 'v1',
        involvedObject: { kind: 'NodeClaim', name: 'flink-x7k2p' },
        message: 'Status condition transitioned',
        reportingComponent: 'karpenter',
        eventTime: '2026-11-01T10:00:00.000000Z',
      });
      expect(v1Changes[0].object).toMatchObject({
        apiVersion: 'events.k8s.io/v1',
        regarding: { kind: 'NodeClaim' },
        note: 'Status condition transitioned',
      });
    });

    it('expires Events an hour after their last write, telling watchers', () => {
      const clock = new ManualClock(T0);
      const store = new ObjectStore({ clock });
      const deleted: string[] = [];
      store.subscribe(KEYS.eventsV1, {}, change => {
        if (change.type === 'DELETED')
          deleted.push(change.object.metadata.name);
      });
      store.upsert(
        KEYS.events,
        coreEvent('a', involved, 'ScalingReport', 'one', 'Operator'),
      );
      clock.advance(20 * 60_000);
      store.upsert(
        KEYS.events,
        coreEvent('b', involved, 'ScalingReport', 'two', 'Operator'),
      );
      clock.advance(20 * 60_000);
      // `a` is written again: its hour starts over.
      store.upsert(
        KEYS.events,
        coreEvent('a', involved, 'ScalingReport', 'one', 'Operator', {
          count: 2,
        }),
      );

      clock.advance(30 * 60_000);
      expect(store.expireEvents()).toBe(0);
      clock.advance(15 * 60_000);
      expect(store.expireEvents()).toBe(1);
      expect(deleted).toEqual(['b']);
      clock.advance(20 * 60_000);
      expect(store.expireEvents()).toBe(1);
      expect(store.all(KEYS.events)).toEqual([]);
      expect(deleted).toEqual(['b', 'a']);
    });
  });

  it('keeps a FlinkDeployment generation in step with its spec', () => {
    const store = new ObjectStore();
    const created = store.upsert(
      KEYS.flinkdeployments,
      flinkDeployment('orders'),
    );
    const withStatus = store.upsert(KEYS.flinkdeployments, {
      ...flinkDeployment('orders'),
      status: { lifecycleState: 'STABLE', jobStatus: { state: 'RUNNING' } },
    });
    const rescaled = store.upsert(
      KEYS.flinkdeployments,
      flinkDeployment('orders', { parallelism: 8 }),
    );
    expect(
      [created, withStatus, rescaled].map(o => o.metadata.generation),
    ).toEqual([1, 1, 2]);
  });
});
