import { MetricSink } from '../aws/types';
import { ManualClock } from '../clock';
import { Faults } from '../faults';
import { KubeObject, KubeStore } from '../kube/types';
import { createRandom } from '../random';
import { ClusterSim } from './ClusterSim';
import { EventQueue } from './EventQueue';
import { PriceBook } from './prices';
import { ClusterSpec, ScenarioSpec } from './scenario';

export interface SimulationOptions {
  scenario: ScenarioSpec;
  /** When the simulated platform comes up. */
  startMs: number;
  /** The object store of each cluster, built on the simulation's clock. */
  storeFor: (cluster: ClusterSpec, clock: ManualClock) => KubeStore;
  metrics: MetricSink;
  faults?: Faults;
}

/**
 * The platform simulation: its clusters on one agenda of timed actions, run
 * as fast as asked (`runUntil`) on its own clock. Deterministic for a
 * scenario's seed and the same sequence of calls.
 */
export class Simulation {
  readonly clock: ManualClock;
  readonly scenario: ScenarioSpec;
  readonly faults: Faults;
  readonly clusters = new Map<
    string,
    { spec: ClusterSpec; sim: ClusterSim; store: KubeStore; prices: PriceBook }
  >();
  readonly #queue = new EventQueue();

  constructor(options: SimulationOptions) {
    this.scenario = options.scenario;
    this.clock = new ManualClock(options.startMs);
    this.faults = options.faults ?? new Faults();
    const random = createRandom(options.scenario.seed);
    for (const spec of options.scenario.clusters) {
      const store = options.storeFor(spec, this.clock);
      const prices = new PriceBook({
        seed: options.scenario.seed,
        region: spec.region,
      });
      const sim = new ClusterSim({
        scenario: options.scenario,
        spec,
        store,
        metrics: options.metrics,
        prices,
        faults: this.faults,
        queue: this.#queue,
        random: random.fork(`cluster/${spec.name}`),
        now: () => this.clock.now(),
      });
      this.clusters.set(spec.name, { spec, sim, store, prices });
    }
    for (const { sim } of this.clusters.values()) sim.start(options.startMs);
  }

  /** Runs every action due up to `ms`, then sets the clock to `ms`. */
  runUntil(ms: number): number {
    let actions = 0;
    while (this.#queue.peekTime() <= ms) {
      const entry = this.#queue.pop()!;
      if (entry.atMs > this.clock.now()) this.clock.set(entry.atMs);
      entry.run();
      actions++;
    }
    if (ms > this.clock.now()) this.clock.set(ms);
    return actions;
  }

  /** Runs for `ms` of simulated time. */
  runFor(ms: number): number {
    return this.runUntil(this.clock.now() + ms);
  }

  /** Tells a cluster of a FlinkDeployment write a client made through its API. */
  applyClientWrite(
    cluster: string,
    type: 'ADDED' | 'MODIFIED' | 'DELETED',
    object: KubeObject,
  ): void {
    this.cluster(cluster).onClientWrite(type, object);
  }

  cluster(name: string): ClusterSim {
    const entry = this.clusters.get(name);
    if (!entry) throw new Error(`No cluster '${name}'`);
    return entry.sim;
  }
}
