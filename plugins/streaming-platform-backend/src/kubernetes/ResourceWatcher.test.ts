import { mockServices } from '@backstage/backend-test-utils';
import { PlatformEmulator } from '@internal/platform-emulator';
import { ClusterWatcher } from './ClusterWatcher';
import { ResourceWatcher, ResourceWatcherStatus } from './ResourceWatcher';
import { createKubeConfig } from './clusterAuth';
import { WatchedKind } from './types';
import { MapSink, converged, waitFor } from './__testUtils__/emulatorSink';

jest.setTimeout(60_000);

/*
 * A cluster provisioned by node groups (no NodePools or NodeClaims), with the
 * server's default bookmark interval (60 s), so that a watch of a kind
 * that does not change stays silent.
 */
describe('ResourceWatcher against a cluster without Karpenter', () => {
  let emulator: PlatformEmulator;
  const stoppers: Array<{ stop(): Promise<void> }> = [];

  const kubeConfig = () =>
    createKubeConfig({
      name: emulator.clusters[0].name,
      authProvider: 'serviceAccount',
      url: emulator.clusters[0].url,
      token: 'test-token',
      skipTLSVerify: true,
    });

  beforeAll(async () => {
    emulator = await PlatformEmulator.start({
      scenario: 'demo-node-groups',
      clock: 'manual',
      startMs: Date.UTC(2026, 10, 28, 8),
      token: 'test-token',
    });
    emulator.advance(10 * 60_000);
  });

  afterEach(async () => {
    await Promise.all(stoppers.splice(0).map(s => s.stop()));
  });

  afterAll(async () => {
    await emulator.stop();
  });

  it('mirrors a cluster whose Karpenter kinds are empty', async () => {
    const sink = new MapSink();
    const logger = mockServices.logger.mock();
    const watcher = new ClusterWatcher({
      cluster: emulator.clusters[0].name,
      kubeConfig: await kubeConfig(),
      sink,
      logger,
    });
    stoppers.push(watcher);
    watcher.start();
    await waitFor(() => watcher.health().state === 'ok', 'ok');
    expect(converged(sink, emulator.clusters[0].store)).toBe(true);
    expect(sink.objects.get('Node')!.size).toBeGreaterThan(0);
    expect(sink.objects.get('NodeClaim')!.size).toBe(0);
    expect(sink.objects.get('NodePool')!.size).toBe(0);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('treats Karpenter kinds the server does not serve (404) as not installed', async () => {
    // The emulator always serves karpenter.sh; under a path prefix it
    // answers 404 to every resource path, as a cluster without the CRDs
    // does to theirs.
    const sink = new MapSink();
    const logger = mockServices.logger.mock();
    const watcher = new ClusterWatcher({
      cluster: emulator.clusters[0].name,
      kubeConfig: await createKubeConfig({
        name: emulator.clusters[0].name,
        authProvider: 'serviceAccount',
        url: `${emulator.clusters[0].url}/without-karpenter`,
        token: 'test-token',
        skipTLSVerify: true,
      }),
      sink,
      logger,
      kinds: ['NodeClaim', 'NodePool'],
      notInstalledRecheckMs: 50,
    });
    stoppers.push(watcher);
    watcher.start();
    await waitFor(() => watcher.health().state === 'ok', 'ok');
    expect(sink.replaces).toBe(2);
    expect(sink.objects.get('NodePool')!.size).toBe(0);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining('does not serve NodePool (not installed)'),
    );

    // Looked for again, still without an error.
    await waitFor(
      () => watcher.health().counters.lists >= 6,
      'rechecks of the missing kinds',
    );
    const health = watcher.health();
    expect(health.state).toBe('ok');
    expect(health.error).toBeUndefined();
    expect(health.kinds.NodeClaim).toMatchObject({ state: 'ok' });
    expect(health.counters.restarts).toBe(0);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('fails a kind the cluster must serve when it answers 404', async () => {
    const watcher = new ClusterWatcher({
      cluster: emulator.clusters[0].name,
      kubeConfig: await createKubeConfig({
        name: emulator.clusters[0].name,
        authProvider: 'serviceAccount',
        url: `${emulator.clusters[0].url}/without-flink`,
        token: 'test-token',
        skipTLSVerify: true,
      }),
      sink: new MapSink(),
      logger: mockServices.logger.mock(),
      kinds: ['FlinkDeployment'],
      initialBackoffMs: 20,
    });
    stoppers.push(watcher);
    watcher.start();
    await waitFor(() => watcher.health().state === 'error', 'error');
    expect(watcher.health().error).toMatchObject({
      name: 'NotFoundError',
      message: expect.stringContaining('list FlinkDeployment in cluster'),
    });
  });

  it('resumes a silent watch from where it was, without listing again', async () => {
    const sink = new MapSink();
    const statuses: ResourceWatcherStatus['state'][] = [];
    const kind: WatchedKind = 'Pod';
    const watcher = new ResourceWatcher({
      cluster: emulator.clusters[0].name,
      kind,
      kubeConfig: await kubeConfig(),
      sink,
      idleTimeoutMs: 500,
      initialBackoffMs: 20,
      maxBackoffMs: 50,
      onStatusChange: status => statuses.push(status.state),
    });
    stoppers.push(watcher);
    watcher.start();
    await waitFor(() => watcher.counters.restarts >= 2, 'idle restarts');
    expect(watcher.counters.lists).toBe(1);
    expect(statuses).toContain('retrying');
    expect(watcher.status().error?.message).toMatch(
      /could not watch Pod in cluster .+: no event or bookmark for 0\.5 s/,
    );

    // Changes made meanwhile still arrive, and bring the watch back in sync.
    statuses.length = 0;
    emulator.advance(2 * 60_000);
    await waitFor(
      () => converged(sink, emulator.clusters[0].store, [kind]),
      'changes after idle restarts',
    );
    await waitFor(() => statuses.includes('ok'), 'in sync again');
    expect(watcher.counters.watchEvents).toBeGreaterThan(0);
    expect(watcher.counters.lists).toBe(1);
  });
});
