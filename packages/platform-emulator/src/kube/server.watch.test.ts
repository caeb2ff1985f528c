import {
  CoreV1Api,
  KubernetesObject,
  V1Pod,
  Watch,
  makeInformer,
} from '@kubernetes/client-node';
import {
  KEYS,
  PIPELINE_NAMESPACE,
  TestCluster,
  eventually,
  flinkPod,
  startTestCluster,
} from './__testUtils__/fixtures';

interface Received {
  type: string;
  object: any;
}

/** Opens a watch with client-node's Watch and collects what arrives until it ends. */
async function openWatch(
  cluster: TestCluster,
  path: string,
  query: Record<string, string | number | boolean>,
) {
  const events: Received[] = [];
  let ended: { error: unknown } | undefined;
  const controller = await new Watch(cluster.kubeConfig).watch(
    path,
    query,
    (type, object) => events.push({ type, object }),
    error => {
      ended = { error };
    },
  );
  return {
    events,
    ended: () => ended,
    abort: () => controller.abort(),
    summary: () =>
      events.map(e => `${e.type} ${e.object.metadata?.name ?? ''}`.trim()),
  };
}

describe('Kubernetes API server: watch', () => {
  let cluster: TestCluster;

  beforeEach(async () => {
    cluster = await startTestCluster({ bookmarkIntervalMs: 100 });
  });

  afterEach(async () => {
    await cluster.server.close();
  });

  it('streams the current state as ADDED, then every change in order', async () => {
    const watch = await openWatch(
      cluster,
      `/api/v1/namespaces/${PIPELINE_NAMESPACE}/pods`,
      {
        labelSelector: 'component=taskmanager',
      },
    );
    await eventually(() => watch.events.length === 3, 2000, 'initial state');
    expect(watch.summary()).toEqual([
      'ADDED payments-enricher-taskmanager-1-1',
      'ADDED payments-enricher-taskmanager-1-2',
      'ADDED payments-enricher-taskmanager-1-3',
    ]);

    const { store } = cluster;
    store.upsert(KEYS.pods, flinkPod('payments-enricher', 'taskmanager', 4));
    store.upsert(
      KEYS.pods,
      flinkPod('payments-enricher', 'taskmanager', 4, {
        nodeName: 'ip-10-0-1-23.ec2.internal',
      }),
    );
    store.remove(
      KEYS.pods,
      PIPELINE_NAMESPACE,
      'payments-enricher-taskmanager-1-4',
    );
    // Not watched: another component and another namespace.
    store.upsert(KEYS.pods, flinkPod('payments-enricher', 'jobmanager', 2));
    store.upsert(KEYS.pods, {
      ...flinkPod('orders', 'taskmanager', 1),
      metadata: {
        ...flinkPod('orders', 'taskmanager', 1).metadata,
        namespace: 'default',
      },
    });

    await eventually(() => watch.events.length === 6, 2000, 'changes');
    expect(watch.summary().slice(3)).toEqual([
      'ADDED payments-enricher-taskmanager-1-4',
      'MODIFIED payments-enricher-taskmanager-1-4',
      'DELETED payments-enricher-taskmanager-1-4',
    ]);
    const versions = watch.events
      .slice(3)
      .map(e => Number(e.object.metadata.resourceVersion));
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(watch.events[4].object.spec.nodeName).toBe(
      'ip-10-0-1-23.ec2.internal',
    );
    watch.abort();
  });

  it('sends DELETED when an object stops matching the selector and ADDED when it starts', async () => {
    const watch = await openWatch(cluster, '/api/v1/pods', {
      fieldSelector: 'status.phase=Pending',
      resourceVersion: cluster.store.resourceVersion(),
    });
    cluster.store.upsert(
      KEYS.pods,
      flinkPod('payments-enricher', 'taskmanager', 3, {
        nodeName: 'ip-10-0-1-23.ec2.internal',
      }),
    );
    cluster.store.upsert(
      KEYS.pods,
      flinkPod('payments-enricher', 'taskmanager', 1, { phase: 'Pending' }),
    );
    await eventually(() => watch.events.length === 2, 2000, 'transitions');
    expect(watch.summary()).toEqual([
      'DELETED payments-enricher-taskmanager-1-3',
      'ADDED payments-enricher-taskmanager-1-1',
    ]);
    // The DELETED carries the last matching state with the change's resourceVersion.
    expect(watch.events[0].object.status.phase).toBe('Pending');
    expect(watch.events[0].object.metadata.resourceVersion).toBe(
      String(Number(cluster.store.resourceVersion()) - 1),
    );
    watch.abort();
  });

  it('resumes from a resourceVersion without replaying the state', async () => {
    const { store } = cluster;
    const from = store.resourceVersion();
    store.upsert(KEYS.pods, flinkPod('payments-enricher', 'taskmanager', 7));
    store.remove(
      KEYS.pods,
      PIPELINE_NAMESPACE,
      'payments-enricher-taskmanager-1-1',
    );
    const watch = await openWatch(cluster, '/api/v1/pods', {
      resourceVersion: from,
    });
    await eventually(() => watch.events.length === 2, 2000, 'replay');
    expect(watch.summary()).toEqual([
      'ADDED payments-enricher-taskmanager-1-7',
      'DELETED payments-enricher-taskmanager-1-1',
    ]);
    store.upsert(KEYS.pods, flinkPod('payments-enricher', 'taskmanager', 8));
    await eventually(() => watch.events.length === 3, 2000, 'live change');
    watch.abort();
  });

  it('watches one object by name, also on the legacy /watch/ path', async () => {
    const watch = await openWatch(
      cluster,
      `/api/v1/watch/namespaces/${PIPELINE_NAMESPACE}/pods/payments-enricher-taskmanager-1-3`,
      {},
    );
    await eventually(() => watch.events.length === 1, 2000, 'the object');
    cluster.store.upsert(
      KEYS.pods,
      flinkPod('payments-enricher', 'taskmanager', 2, { phase: 'Failed' }),
    );
    cluster.store.upsert(
      KEYS.pods,
      flinkPod('payments-enricher', 'taskmanager', 3, {
        nodeName: 'ip-10-0-1-23.ec2.internal',
      }),
    );
    await eventually(() => watch.events.length === 2, 2000, 'its change');
    expect(watch.summary()).toEqual([
      'ADDED payments-enricher-taskmanager-1-3',
      'MODIFIED payments-enricher-taskmanager-1-3',
    ]);
    watch.abort();
  });

  it('ends the initial events of a watch-list with an annotated bookmark', async () => {
    const watch = await openWatch(cluster, '/api/v1/nodes', {
      sendInitialEvents: true,
      resourceVersionMatch: 'NotOlderThan',
      allowWatchBookmarks: true,
    });
    await eventually(() => watch.events.length === 3, 2000, 'initial events');
    expect(watch.events.map(e => e.type)).toEqual([
      'ADDED',
      'ADDED',
      'BOOKMARK',
    ]);
    expect(watch.events[2].object.metadata).toEqual({
      resourceVersion: cluster.store.resourceVersion(),
      annotations: { 'k8s.io/initial-events-end': 'true' },
    });
    watch.abort();
  });

  it('answers 410 to a watch from a resourceVersion of an earlier run, so informers list again', async () => {
    const watch = await openWatch(cluster, '/api/v1/pods', {
      resourceVersion: '987654',
    });
    await eventually(
      () => watch.ended() !== undefined,
      2000,
      'the watch to end',
    );
    expect(
      watch.events.map(e => [e.type, e.object.code, e.object.reason]),
    ).toEqual([['ERROR', 410, 'Expired']]);
  });

  it('sends periodic bookmarks carrying only the resourceVersion', async () => {
    const watch = await openWatch(cluster, '/apis/karpenter.sh/v1/nodeclaims', {
      allowWatchBookmarks: true,
      resourceVersion: cluster.store.resourceVersion(),
    });
    cluster.store.upsert(
      KEYS.pods,
      flinkPod('payments-enricher', 'taskmanager', 9),
    );
    await eventually(
      () => watch.events.some(e => e.type === 'BOOKMARK'),
      2000,
      'a bookmark',
    );
    const bookmark = watch.events.find(e => e.type === 'BOOKMARK')!;
    expect(bookmark.object).toEqual({
      kind: 'NodeClaim',
      apiVersion: 'karpenter.sh/v1',
      metadata: { resourceVersion: cluster.store.resourceVersion() },
    });
    watch.abort();

    const without = await openWatch(
      cluster,
      '/apis/karpenter.sh/v1/nodeclaims',
      {
        resourceVersion: cluster.store.resourceVersion(),
      },
    );
    await new Promise(resolve => setTimeout(resolve, 300));
    expect(without.events).toEqual([]);
    without.abort();
  });

  it('ends the watch after timeoutSeconds, cleanly', async () => {
    const watch = await openWatch(cluster, '/api/v1/nodes', {
      timeoutSeconds: 1,
    });
    await eventually(
      () => watch.ended() !== undefined,
      3000,
      'the server to end the watch',
    );
    expect(watch.ended()?.error).toBeNull();
    expect(watch.summary()).toHaveLength(2);
    await eventually(() => cluster.server.openWatches() === 0, 1000, 'cleanup');
  });

  it('answers a watch from a forgotten resourceVersion with one ERROR 410 Expired event', async () => {
    const small = await startTestCluster({ storeOptions: { historyLimit: 5 } });
    try {
      for (let i = 10; i < 20; i++) {
        small.store.upsert(
          KEYS.pods,
          flinkPod('payments-enricher', 'taskmanager', i),
        );
      }
      const watch = await openWatch(small, '/api/v1/pods', {
        resourceVersion: '3',
      });
      await eventually(
        () => watch.ended() !== undefined,
        2000,
        'the watch to end',
      );
      expect(watch.events).toEqual([
        {
          type: 'ERROR',
          object: {
            kind: 'Status',
            apiVersion: 'v1',
            metadata: {},
            status: 'Failure',
            message: expect.stringMatching(
              /^too old resource version: 3 \(\d+\)$/,
            ),
            reason: 'Expired',
            code: 410,
          },
        },
      ]);
    } finally {
      await small.server.close();
    }
  });

  it('expires every old resourceVersion while expireResourceVersions is set', async () => {
    const from = String(Number(cluster.store.resourceVersion()) - 1);
    cluster.faults.set({ expireResourceVersions: true });
    const watch = await openWatch(cluster, '/api/v1/pods', {
      resourceVersion: from,
    });
    await eventually(
      () => watch.ended() !== undefined,
      2000,
      'the watch to end',
    );
    expect(watch.events.map(e => [e.type, e.object.code])).toEqual([
      ['ERROR', 410],
    ]);
  });

  it('cuts open watches on dropWatchesNow, with dropWatches and when the server goes down', async () => {
    const first = await openWatch(cluster, '/api/v1/pods', {});
    await eventually(
      () => cluster.server.openWatches() === 1,
      2000,
      'the watch',
    );
    cluster.faults.dropWatchesNow();
    await eventually(() => first.ended() !== undefined, 2000, 'the drop');
    // A cut connection, not a clean end: the client sees an error.
    expect(first.ended()?.error).toBeTruthy();

    const server = cluster.server;
    const restarted = await startTestCluster({
      store: cluster.store,
      faults: cluster.faults,
      dropWatchesAfterMs: 200,
    });
    try {
      restarted.faults.set({ dropWatches: true });
      const second = await openWatch(restarted, '/api/v1/pods', {});
      await eventually(
        () => second.ended() !== undefined,
        2000,
        'the scheduled drop',
      );
      restarted.faults.set({ dropWatches: false });

      const third = await openWatch(restarted, '/api/v1/pods', {});
      await eventually(
        () => restarted.server.openWatches() === 1,
        2000,
        'the third watch',
      );
      restarted.faults.set({ apiServerDown: true });
      await eventually(() => third.ended() !== undefined, 2000, 'the outage');
      expect(restarted.server.openWatches()).toBe(0);
    } finally {
      restarted.faults.reset();
      await restarted.server.close();
      await server.close();
    }
  });

  it('serves watches of the events.k8s.io/v1 view from the same Events', async () => {
    const watch = await openWatch(
      cluster,
      `/apis/events.k8s.io/v1/namespaces/${PIPELINE_NAMESPACE}/events`,
      { fieldSelector: 'regarding.kind=FlinkDeployment' },
    );
    await eventually(() => watch.events.length === 1, 2000, 'initial event');
    expect(watch.events[0].object).toMatchObject({
      apiVersion: 'events.k8s.io/v1',
      reason: 'ScalingReport',
      regarding: { name: 'payments-enricher' },
    });
    cluster.store.remove(
      KEYS.events,
      PIPELINE_NAMESPACE,
      'payments-enricher.1873a1b2c3d4e5f6',
    );
    await eventually(() => watch.events.length === 2, 2000, 'the deletion');
    expect(watch.events[1].type).toBe('DELETED');
    expect(watch.events[1].object.apiVersion).toBe('events.k8s.io/v1');
    watch.abort();
  });

  it('keeps an informer cache equal to the store across a 410 and a dropped connection', async () => {
    const { store, faults, kubeConfig } = cluster;
    const core = kubeConfig.makeApiClient(CoreV1Api);
    let lists = 0;
    const informer = makeInformer<V1Pod>(kubeConfig, '/api/v1/pods', () => {
      lists++;
      return core.listPodForAllNamespaces();
    });
    let errors = 0;
    let stopped = false;
    informer.on('error', () => {
      // client-node's informer stops on errors; a consumer restarts it.
      errors++;
      setTimeout(() => {
        if (!stopped) void informer.start();
      }, 50);
    });
    const inStore = () =>
      store
        .all(KEYS.pods)
        .map(p => `${p.metadata.name}@${p.metadata.resourceVersion}`)
        .sort();
    const inCache = () =>
      informer
        .list()
        .map(
          (p: KubernetesObject) =>
            `${p.metadata!.name}@${p.metadata!.resourceVersion}`,
        )
        .sort();
    const converged = () =>
      JSON.stringify(inCache()) === JSON.stringify(inStore());

    await informer.start();
    await eventually(converged, 3000, 'the first list');

    // A 410: the watch is answered with ERROR Expired and the informer re-lists.
    faults.set({ expireResourceVersions: true });
    faults.dropWatchesNow();
    store.upsert(KEYS.pods, flinkPod('payments-enricher', 'taskmanager', 20));
    store.remove(
      KEYS.pods,
      PIPELINE_NAMESPACE,
      'payments-enricher-taskmanager-1-2',
    );
    await eventually(() => errors >= 1, 3000, 'the cut to be noticed');
    await eventually(converged, 5000, 'the cache after the 410');
    faults.set({ expireResourceVersions: false });
    // The 410 made it list again.
    expect(lists).toBe(2);

    // A dropped connection while changes happen: the restarted watch resumes.
    faults.dropWatchesNow();
    store.upsert(
      KEYS.pods,
      flinkPod('payments-enricher', 'taskmanager', 20, {
        nodeName: 'ip-10-0-1-23.ec2.internal',
      }),
    );
    const added = store.upsert(
      KEYS.pods,
      flinkPod('payments-enricher', 'taskmanager', 21),
    );
    store.remove(
      KEYS.pods,
      PIPELINE_NAMESPACE,
      'payments-enricher-taskmanager-1-3',
    );
    await eventually(converged, 5000, 'the cache after the drop');
    expect(inCache()).toContain(
      `payments-enricher-taskmanager-1-21@${added.metadata.resourceVersion}`,
    );
    // A plain drop resumes the watch from its resourceVersion, without a list.
    expect(lists).toBe(2);

    // And live changes keep flowing.
    store.upsert(KEYS.pods, flinkPod('payments-enricher', 'taskmanager', 22));
    await eventually(converged, 3000, 'a live change');
    stopped = true;
    await informer.stop();
  });
});
