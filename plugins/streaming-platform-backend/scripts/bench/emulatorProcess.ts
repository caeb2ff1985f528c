/*
 * The benchmark's platform emulator, in its own process so the backend's
 * memory is measured alone. Manual clock: the parent says when to advance.
 * Messages in:  { advance: ms, watched: storeKeys[] } | { calls: true } | { stop: true }
 * Messages out: { ready, clusters, awsUrl, token, now } | { advanced, now, changes } | { calls }
 * `changes`: how many objects of the watched kinds the advance created,
 * changed or deleted in every cluster — the watch events the backend's
 * watches (cluster-wide, no selectors) have to deliver.
 */
import { PlatformEmulator } from '@internal/platform-emulator';

const MINUTE = 60_000;

async function main() {
  const scenario = process.argv[2] ?? 'fleet-L';
  const warmupMinutes = Number(process.argv[3] ?? 60);
  // How long ago the simulated fleet starts (default: the warm-up's length,
  // so that it ends now). The parent may advance it further itself.
  const startMinutesAgo = Number(process.argv[4] ?? warmupMinutes);
  const token = 'bench-token';
  const startMs =
    Math.floor(Date.now() / MINUTE) * MINUTE - startMinutesAgo * MINUTE;
  const emulator = await PlatformEmulator.start({
    scenario,
    clock: 'manual',
    startMs,
    token,
    // The benchmark advances the fleet's first 15 minutes at once (~650,000
    // changes, over 200,000 a cluster), faster than any watch can take them:
    // the emulator closes a watch whose backlog passes 64 MiB, and the
    // backend resumes it from its last resourceVersion. Keep that resumable
    // (the default keeps 100,000 changes), as a real server's compaction
    // window would at the fleet's real pace, so that the ingest figure counts
    // watch events rather than a relist.
    watchHistoryMaxAgeMs: 30 * MINUTE,
    watchHistoryLimit: 1_000_000,
  });
  emulator.runUntil(startMs + warmupMinutes * MINUTE);
  const now = () => emulator.simulation.clock.now();
  process.send!({
    ready: true,
    clusters: emulator.clusters.map(c => ({
      name: c.name,
      url: c.url,
      region: c.region,
      mskClusterName: c.mskClusterName,
    })),
    awsUrl: emulator.aws.url,
    token,
    now: now(),
  });
  // Ends with the benchmark, however it ends.
  process.on('disconnect', () => process.exit(0));
  process.on('message', async (message: any) => {
    if (message.advance) {
      let changes = 0;
      const unsubscribe = emulator.clusters.flatMap(cluster =>
        (message.watched as string[]).map(key =>
          cluster.store.subscribe(key, {}, () => changes++),
        ),
      );
      emulator.runUntil(now() + message.advance);
      for (const stop of unsubscribe) stop();
      process.send!({ advanced: true, now: now(), changes });
    } else if (message.calls) {
      process.send!({ calls: { ...emulator.aws.calls } });
    } else if (message.stop) {
      await emulator.stop();
      process.exit(0);
    }
  });
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
