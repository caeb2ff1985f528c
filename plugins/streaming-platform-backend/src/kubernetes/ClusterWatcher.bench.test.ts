import { mockServices } from '@backstage/backend-test-utils';
import { PlatformEmulator } from '@internal/platform-emulator';
import { ClusterWatcher } from './ClusterWatcher';
import { createKubeConfig } from './clusterAuth';
import { KubeObject, WatchSink, WatchedKind } from './types';

/*
 * Throughput of one cluster of `fleet-L` (about 16,000 pods): the initial
 * list of every kind, then the watch events of a simulated fast-forward.
 * Slow (the simulation dominates), so it runs only with
 * KUBE_WATCH_BENCH=1.
 */
const bench = process.env.KUBE_WATCH_BENCH ? describe : describe.skip;

/** Counts what arrives, as cheaply as a sink can. */
class CountingSink implements WatchSink {
  listed = new Map<WatchedKind, number>();
  applied = 0;
  lastApplyAt = 0;
  replace(_cluster: string, kind: WatchedKind, objects: KubeObject[]) {
    this.listed.set(kind, objects.length);
  }
  apply() {
    this.applied++;
    this.lastApplyAt = performance.now();
  }
}

bench('ClusterWatcher throughput (fleet-L, one cluster)', () => {
  jest.setTimeout(20 * 60_000);

  it('lists every kind and keeps up with the watch events', async () => {
    let t = performance.now();
    const emulator = await PlatformEmulator.start({
      scenario: 'fleet-L',
      clock: 'manual',
      startMs: Date.UTC(2026, 10, 28, 8),
      token: 'test-token',
    });
    emulator.advance(30 * 60_000);
    const cluster = emulator.clusters[0];
    // eslint-disable-next-line no-console
    console.log(
      `emulator ready in ${Math.round(performance.now() - t)} ms: ${
        cluster.store.count('v1/pods')
      } pods, ${cluster.store.count('v1/nodes')} nodes, ${cluster.store.count(
        'v1/events',
      )} events`,
    );
    const sink = new CountingSink();
    const watcher = new ClusterWatcher({
      cluster: cluster.name,
      kubeConfig: await createKubeConfig({
        name: cluster.name,
        authProvider: 'serviceAccount',
        url: cluster.url,
        token: 'test-token',
        skipTLSVerify: true,
      }),
      sink,
      logger: mockServices.logger.mock(),
    });
    try {
      t = performance.now();
      watcher.start();
      while (watcher.health().state !== 'ok') {
        await new Promise(resolve => setTimeout(resolve, 5));
      }
      const listMs = performance.now() - t;
      // eslint-disable-next-line no-console
      console.log(
        `initial list of all kinds: ${Math.round(listMs)} ms`,
        Object.fromEntries(sink.listed),
      );
      expect(listMs).toBeLessThan(15_000);

      for (const minutes of [5, 15]) {
        t = performance.now();
        emulator.advance(minutes * 60_000);
        const advanceEnd = performance.now();
        const before = sink.applied;
        // Done when nothing arrived for half a second.
        let last = sink.applied;
        do {
          last = sink.applied;
          await new Promise(resolve => setTimeout(resolve, 500));
        } while (sink.applied !== last);
        const events = sink.applied - before;
        const ms = sink.lastApplyAt - advanceEnd;
        // eslint-disable-next-line no-console
        console.log(
          `advance ${minutes} min: simulated in ${Math.round(
            advanceEnd - t,
          )} ms; ${events} watch events received in ${Math.round(
            ms,
          )} ms after = ${Math.round(events / (ms / 1000))} events/s`,
        );
      }
      const health = watcher.health();
      // eslint-disable-next-line no-console
      console.log(health.state, health.counters);
      expect(health.state).toBe('ok');
      expect(health.counters.restarts).toBe(0);
    } finally {
      await watcher.stop();
      await emulator.stop();
    }
  });
});
