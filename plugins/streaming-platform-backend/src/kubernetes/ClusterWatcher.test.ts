import { mockServices } from '@backstage/backend-test-utils';
import { PlatformEmulator } from '@internal/platform-emulator';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ClusterWatcher, ClusterWatcherOptions } from './ClusterWatcher';
import { createKubeConfig } from './clusterAuth';
import { WatchedKind } from './types';
import { WATCHED_KINDS } from './watchedKinds';
import {
  MapSink,
  converged as storeConverged,
  storeVersions as storeVersionsOf,
  waitFor,
} from './__testUtils__/emulatorSink';

jest.setTimeout(60_000);

describe('ClusterWatcher against the platform emulator', () => {
  let emulator: PlatformEmulator;
  let kubeconfigDir: string;
  const watchers: ClusterWatcher[] = [];

  const storeVersions = (kind: WatchedKind) =>
    storeVersionsOf(emulator.clusters[0].store, kind);
  const converged = (sink: MapSink, kinds = WATCHED_KINDS) =>
    storeConverged(sink, emulator.clusters[0].store, kinds);

  async function startWatcher(
    options: Partial<ClusterWatcherOptions> & { token?: string } = {},
  ) {
    const sink = new MapSink();
    const logger = mockServices.logger.mock();
    const { token, ...rest } = options;
    const watcher = new ClusterWatcher({
      cluster: emulator.clusters[0].name,
      kubeConfig: await createKubeConfig({
        name: emulator.clusters[0].name,
        authProvider: 'serviceAccount',
        url: emulator.clusters[0].url,
        token: token ?? 'test-token',
        skipTLSVerify: true,
      }),
      sink,
      logger,
      initialBackoffMs: 20,
      maxBackoffMs: 200,
      ...rest,
    });
    watchers.push(watcher);
    watcher.start();
    return { watcher, sink, logger };
  }

  beforeAll(async () => {
    kubeconfigDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kube-watch-'));
    emulator = await PlatformEmulator.start({
      scenario: 'demo',
      clock: 'manual',
      startMs: Date.UTC(2026, 10, 28, 8),
      token: 'test-token',
      bookmarkIntervalMs: 200,
      kubeconfigDir,
    });
    emulator.advance(10 * 60_000);
  });

  afterEach(async () => {
    emulator.faults.reset();
    await Promise.all(watchers.splice(0).map(w => w.stop()));
  });

  afterAll(async () => {
    await emulator.stop();
    await fs.rm(kubeconfigDir, { recursive: true, force: true });
  });

  it('converges to the cluster, then follows its changes', async () => {
    const { watcher, sink, logger } = await startWatcher();
    expect(watcher.health().state).toBe('starting');
    await waitFor(() => watcher.health().state === 'ok', 'ok');
    expect(converged(sink)).toBe(true);
    for (const kind of WATCHED_KINDS) {
      expect(sink.objects.get(kind)!.size).toBeGreaterThan(0);
    }
    const health = watcher.health();
    expect(health.counters.lists).toBe(6);
    expect(health.error).toBeUndefined();
    expect(Date.parse(health.lastSuccessAt!)).toBeGreaterThan(
      Date.now() - 5000,
    );
    expect(Object.keys(health.kinds).sort()).toEqual([...WATCHED_KINDS].sort());

    const before = storeVersions('Pod');
    emulator.advance(5 * 60_000);
    expect(storeVersions('Pod')).not.toEqual(before);
    await waitFor(() => converged(sink), 'changes after advance');
    const after = watcher.health();
    expect(after.counters.watchEvents).toBeGreaterThan(0);
    expect(after.counters.lists).toBe(6);
    expect(after.counters.restarts).toBe(0);
    expect(after.state).toBe('ok');
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('resumes dropped watches and converges', async () => {
    const { watcher, sink } = await startWatcher();
    await waitFor(() => watcher.health().state === 'ok', 'ok');
    emulator.faults.dropWatchesNow();
    emulator.advance(60_000);
    await waitFor(() => converged(sink), 'convergence after drop');
    emulator.advance(60_000);
    await waitFor(() => converged(sink), 'watching again after drop');
    expect(watcher.health().state).toBe('ok');
  });

  it('lists again at once on 410 Gone and converges', async () => {
    const { watcher, sink } = await startWatcher();
    await waitFor(() => watcher.health().state === 'ok', 'ok');
    emulator.faults.set({ expireResourceVersions: true });
    emulator.faults.dropWatchesNow();
    // Changes before the watches resume make their resourceVersion old.
    emulator.advance(60_000);
    await waitFor(
      () => watcher.health().counters.relistsAfterGone > 0 && converged(sink),
      'relist after 410',
    );
    const health = watcher.health();
    expect(health.counters.lists).toBeGreaterThan(6);
    expect(health.counters.restarts).toBe(0);
    expect(health.state).toBe('ok');
    emulator.advance(60_000);
    await waitFor(() => converged(sink), 'watching after relist');
  });

  it('lists again when the history no longer holds its resourceVersion', async () => {
    const { watcher, sink } = await startWatcher();
    await waitFor(() => watcher.health().state === 'ok', 'ok');
    // Cut the watches and, before they resume, move on further than the
    // server keeps changes (5 minutes of watch history).
    emulator.faults.dropWatchesNow();
    emulator.advance(20 * 60_000);
    await waitFor(
      () => watcher.health().counters.relistsAfterGone > 0 && converged(sink),
      'relist after the history expired',
    );
    const health = watcher.health();
    expect(health.counters.restarts).toBe(0);
    expect(health.state).toBe('ok');
  });

  it('goes stale while the API server is down, keeps its data, and recovers', async () => {
    const { watcher, sink, logger } = await startWatcher();
    await waitFor(() => watcher.health().state === 'ok', 'ok');
    const lastSuccessBefore = watcher.health().lastSuccessAt!;

    emulator.faults.set({ apiServerDown: true });
    await waitFor(() => watcher.health().state === 'stale', 'stale');
    const stale = watcher.health();
    expect(stale.error).toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringContaining(emulator.clusters[0].name),
    });
    expect(stale.error!.message).toMatch(/503|connection/);
    expect(Date.parse(stale.lastSuccessAt!)).toBeGreaterThanOrEqual(
      Date.parse(lastSuccessBefore),
    );
    expect(sink.objects.get('Pod')!.size).toBeGreaterThan(0);
    expect(stale.counters.restarts).toBeGreaterThan(0);

    // Half an hour passes unseen: pods and events go away meanwhile.
    emulator.advance(30 * 60_000);
    const vanished = () =>
      (['Pod', 'Event'] as const).reduce((count, kind) => {
        const theirs = storeVersions(kind);
        return (
          count +
          [...sink.versions(kind).keys()].filter(key => !theirs.has(key)).length
        );
      }, 0);
    expect(vanished()).toBeGreaterThan(0);
    expect(watcher.health().state).toBe('stale');

    emulator.faults.set({ apiServerDown: false });
    await waitFor(() => watcher.health().state === 'ok', 'recovery');
    await waitFor(() => converged(sink), 'convergence after recovery');
    expect(vanished()).toBe(0);
    expect(watcher.health().error).toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('HTTP 503'),
    );
  });

  it('reports a wrong token as an error naming 401, without the token', async () => {
    const { watcher, sink, logger } = await startWatcher({
      token: 'not-the-token',
    });
    await waitFor(() => watcher.health().state === 'error', 'error');
    const health = watcher.health();
    expect(health.error).toMatchObject({
      name: 'AuthenticationError',
      message: expect.stringContaining('401'),
    });
    expect(health.error!.message).toContain(emulator.clusters[0].name);
    expect(JSON.stringify(health)).not.toContain('not-the-token');
    expect(JSON.stringify(logger.warn.mock.calls)).not.toContain(
      'not-the-token',
    );
    expect(health.lastSuccessAt).toBeUndefined();
    expect(sink.replaces).toBe(0);
  });

  it('gives up on a list that takes longer than the request timeout', async () => {
    emulator.faults.set({ slowResponsesMs: 300 });
    const { watcher } = await startWatcher({
      requestTimeoutMs: 100,
      kinds: ['NodePool'],
    });
    await waitFor(() => watcher.health().state === 'error', 'error');
    expect(watcher.health().error).toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringContaining('timeout'),
    });
    emulator.faults.set({ slowResponsesMs: 0 });
    await waitFor(() => watcher.health().state === 'ok', 'ok after timeouts');
    expect(watcher.health().counters.restarts).toBeGreaterThan(0);
  });

  it('connects with the kubeconfig the emulator writes', async () => {
    const sink = new MapSink();
    const watcher = new ClusterWatcher({
      cluster: emulator.clusters[0].name,
      kubeConfig: await createKubeConfig({
        name: emulator.clusters[0].name,
        authProvider: 'kubeconfig',
        kubeconfigPath: emulator.clusters[0].kubeconfigPath,
        context: emulator.clusters[0].name,
      }),
      sink,
      logger: mockServices.logger.mock(),
      kinds: ['FlinkDeployment', 'NodePool'],
    });
    watchers.push(watcher);
    watcher.start();
    await waitFor(() => watcher.health().state === 'ok', 'ok');
    expect(converged(sink, ['FlinkDeployment', 'NodePool'])).toBe(true);
    expect(Object.keys(watcher.health().kinds).sort()).toEqual([
      'FlinkDeployment',
      'NodePool',
    ]);
  });

  it('rejects a kubeconfig context that does not exist', async () => {
    await expect(
      createKubeConfig({
        name: 'x',
        authProvider: 'kubeconfig',
        kubeconfigPath: emulator.clusters[0].kubeconfigPath,
        context: 'nope',
      }),
    ).rejects.toMatchObject({ name: 'InputError' });
  });
});
