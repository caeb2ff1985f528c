/*
 * Benchmark: how long the emulator takes to simulate 24 hours of the fleet-L
 * scenario (3 clusters, 600 pipelines, ~2,400 nodes, ~48,000 pods), with the
 * real object stores (watch history included) and metric store, and how much
 * memory it holds. Run: yarn workspace @internal/platform-emulator bench
 */
import { MetricStore } from '../src/aws';
import { ObjectStore } from '../src/kube';
import { Simulation } from '../src/model/Simulation';
import { fleetLScenario } from '../src/scenarios';

const HOUR = 3_600_000;
const hours = Number(process.argv[2] ?? 24);
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;

const stores: ObjectStore[] = [];
const metrics = new MetricStore();
const built = Date.now();
const simulation = new Simulation({
  scenario: fleetLScenario(),
  startMs: Date.UTC(2026, 10, 1),
  metrics,
  storeFor: (_cluster, clock) => {
    const store = new ObjectStore({ clock });
    stores.push(store);
    return store;
  },
});
const started = Date.now();
let peakRss = process.memoryUsage().rss;
console.log(
  `fleet-L: ${
    simulation.clusters.size
  } clusters, ${simulation.scenario.clusters.reduce(
    (n, c) => n + c.pipelines.length,
    0,
  )} pipelines; set-up ${started - built} ms`,
);
console.log(
  'sim time | wall time | nodes | spot | pods | pending | running jobs | objects | rss',
);
for (let h = 0; h < hours; h += 3) {
  // As the emulator does: ten simulated minutes a step, then expire Events (EKS keeps them an hour).
  for (let m = 0; m < 18; m++) {
    simulation.runFor(10 * 60_000);
    for (const store of stores) store.expireEvents();
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const stats = [...simulation.clusters.values()].map(c => c.sim.stats());
  const sum = (f: (s: (typeof stats)[number]) => number) =>
    stats.reduce((n, s) => n + f(s), 0);
  const objects = stores.reduce(
    (n, s) =>
      n +
      ['v1/pods', 'v1/nodes', 'v1/events', 'karpenter.sh/v1/nodeclaims'].reduce(
        (m, k) => m + s.count(k),
        0,
      ),
    0,
  );
  console.log(
    `${String(h + 3).padStart(6)} h | ${((Date.now() - started) / 1000)
      .toFixed(1)
      .padStart(7)} s | ${sum(s => s.nodes)} | ${sum(s => s.spotNodes)} | ${sum(
      s => s.pods,
    )} | ${sum(s => s.pendingPods)} | ${sum(
      s => s.runningPipelines,
    )} | ${objects} | ${mb(process.memoryUsage().rss)}`,
  );
}
const elapsed = (Date.now() - started) / 1000;
gc?.();
const heap = process.memoryUsage().heapUsed;
console.log(
  `\nsimulated ${hours} h of fleet-L in ${elapsed.toFixed(
    1,
  )} s (target: 24 h in ≤ 60 s)`,
);
console.log(
  `peak RSS ${mb(peakRss)}; heap after GC ${
    gc ? mb(heap) : 'n/a (run with --expose-gc)'
  }; CloudWatch series ${metrics.seriesCount}; resourceVersions written ${stores
    .map(s => s.revision())
    .join(' + ')}`,
);
