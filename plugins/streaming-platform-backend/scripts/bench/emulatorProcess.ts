/*
 * The benchmark's platform emulator, in its own process so the backend's
 * memory is measured alone. Manual clock: the parent says when to advance.
 * Messages in:  { advance: ms } | { calls: true } | { stop: true }
 * Messages out: { ready, clusters, awsUrl, token, now } | { advanced, now } | { calls }
 */
import { PlatformEmulator } from '@internal/platform-emulator';

const MINUTE = 60_000;

async function main() {
  const scenario = process.argv[2] ?? 'fleet-L';
  const warmupMinutes = Number(process.argv[3] ?? 60);
  const token = 'bench-token';
  const startMs =
    Math.floor(Date.now() / MINUTE) * MINUTE - warmupMinutes * MINUTE;
  const emulator = await PlatformEmulator.start({
    scenario,
    clock: 'manual',
    startMs,
    token,
    // The benchmark's watches may fall minutes behind during a burst.
    watchHistoryMaxAgeMs: 30 * MINUTE,
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
      emulator.runUntil(now() + message.advance);
      process.send!({ advanced: true, now: now() });
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
