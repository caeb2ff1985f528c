import fs from 'node:fs/promises';
import path from 'node:path';
import { AwsServer, MetricStore, startAwsServer } from './aws';
import { Faults } from './faults';
import {
  KubeApiServer,
  ObjectStore,
  startKubeApiServer,
  writeKubeconfig,
} from './kube';
import { ClusterStats } from './model/ClusterSim';
import { ScenarioSpec } from './model/scenario';
import { Simulation } from './model/Simulation';
import { scenarioByName } from './scenarios';

const MINUTE = 60_000;
/** Fast-forwards run in steps of this much simulated time, expiring events between. */
const STEP_MS = 10 * MINUTE;

export interface PlatformEmulatorOptions {
  /** A scenario name (`demo`, `demo-node-groups`, `fleet-L`) or spec; default `demo`. */
  scenario?: string | ScenarioSpec;
  /**
   * `wall` (default): the clock is the real one; the platform comes up
   * `warmupMs` ago and is fast-forwarded to now, then follows the wall clock.
   * `manual`: it starts at `startMs` and moves only on `advance`/`runUntil`.
   */
  clock?: 'wall' | 'manual';
  startMs?: number;
  /** Wall mode: history simulated before now (default 2 h; CloudWatch back-fill). */
  warmupMs?: number;
  /** Wall mode: how often the simulation catches up with the clock (default 1 s). */
  tickMs?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Kubernetes API port of the first cluster; others follow (default 0: any free port). */
  kubePort?: number;
  /** AWS endpoint port (default 0). */
  awsPort?: number;
  /** When set, the Kubernetes APIs require `Authorization: Bearer <token>`. */
  token?: string;
  /** Where kubeconfig files are written (`<cluster>.kubeconfig`, and `kubeconfig` for the first cluster). */
  kubeconfigDir?: string;
  faults?: Faults;
  /** Passed to the Kubernetes API servers (tests shorten it). */
  bookmarkIntervalMs?: number;
  dropWatchesAfterMs?: number;
  /** How long a change stays resumable by watches, in simulated time (default 5 min). */
  watchHistoryMaxAgeMs?: number;
  /** How many changes per cluster stay resumable by watches (default 100,000). */
  watchHistoryLimit?: number;
}

export interface EmulatedCluster {
  name: string;
  region: string;
  mskClusterName: string;
  url: string;
  store: ObjectStore;
  server: KubeApiServer;
  kubeconfigPath?: string;
}

/**
 * The platform emulator: the simulation, one Kubernetes API server per
 * cluster, one AWS endpoint (CloudWatch, Price List, EC2) and the faults,
 * started together in-process.
 */
export class PlatformEmulator {
  readonly simulation: Simulation;
  readonly faults: Faults;
  readonly metrics: MetricStore;
  readonly aws: AwsServer;
  readonly clusters: EmulatedCluster[];
  readonly #timer?: NodeJS.Timeout;

  private constructor(fields: {
    simulation: Simulation;
    faults: Faults;
    metrics: MetricStore;
    aws: AwsServer;
    clusters: EmulatedCluster[];
    tickMs?: number;
  }) {
    this.simulation = fields.simulation;
    this.faults = fields.faults;
    this.metrics = fields.metrics;
    this.aws = fields.aws;
    this.clusters = fields.clusters;
    if (fields.tickMs) {
      this.#timer = setInterval(() => this.runUntil(Date.now()), fields.tickMs);
      this.#timer.unref();
    }
  }

  static async start(
    options: PlatformEmulatorOptions = {},
  ): Promise<PlatformEmulator> {
    const scenario =
      typeof options.scenario === 'object'
        ? options.scenario
        : scenarioByName(options.scenario ?? 'demo');
    const wall = (options.clock ?? 'wall') === 'wall';
    const now = Date.now();
    const startMs = wall
      ? now - (options.warmupMs ?? 2 * 60 * MINUTE)
      : options.startMs ?? Math.floor(now / MINUTE) * MINUTE;
    const faults = options.faults ?? new Faults();
    const metrics = new MetricStore();
    const stores = new Map<string, ObjectStore>();
    const simulation = new Simulation({
      scenario,
      startMs,
      metrics,
      faults,
      storeFor: (cluster, clock) => {
        const store = new ObjectStore({
          clock,
          historyMaxAgeMs: options.watchHistoryMaxAgeMs,
          historyLimit: options.watchHistoryLimit,
        });
        stores.set(cluster.name, store);
        return store;
      },
    });
    const host = options.host ?? '127.0.0.1';
    const clusters: EmulatedCluster[] = [];
    for (const [index, spec] of scenario.clusters.entries()) {
      const store = stores.get(spec.name)!;
      const server = await startKubeApiServer({
        store,
        faults,
        clock: simulation.clock,
        host,
        port: options.kubePort ? options.kubePort + index : 0,
        token: options.token,
        bookmarkIntervalMs: options.bookmarkIntervalMs,
        dropWatchesAfterMs: options.dropWatchesAfterMs,
        gitVersion: 'v1.33.5-eks-3025e55',
        onWrite: write => {
          if (
            write.resourceKey === 'flink.apache.org/v1beta1/flinkdeployments'
          ) {
            simulation.applyClientWrite(spec.name, write.type, write.object);
          }
        },
      });
      let kubeconfigPath: string | undefined;
      if (options.kubeconfigDir) {
        await fs.mkdir(options.kubeconfigDir, { recursive: true });
        kubeconfigPath = path.join(
          options.kubeconfigDir,
          `${spec.name}.kubeconfig`,
        );
        const kubeconfig = {
          server: server.url,
          token: options.token,
          name: spec.name,
        };
        await writeKubeconfig(kubeconfigPath, kubeconfig);
        if (index === 0)
          await writeKubeconfig(
            path.join(options.kubeconfigDir, 'kubeconfig'),
            kubeconfig,
          );
      }
      clusters.push({
        name: spec.name,
        region: spec.region,
        mskClusterName: spec.mskClusterName,
        url: server.url,
        store,
        server,
        kubeconfigPath,
      });
    }
    const aws = await startAwsServer({
      metrics,
      prices: [...simulation.clusters.values()].map(c => c.prices),
      faults,
      clock: simulation.clock,
      host,
      port: options.awsPort ?? 0,
    });
    const emulator = new PlatformEmulator({
      simulation,
      faults,
      metrics,
      aws,
      clusters,
      tickMs: wall ? options.tickMs ?? 1000 : undefined,
    });
    if (wall) emulator.runUntil(Date.now());
    return emulator;
  }

  /** Simulates up to `ms`, in steps, expiring Events (EKS keeps them an hour). */
  runUntil(ms: number): void {
    while (this.simulation.clock.now() < ms) {
      this.simulation.runUntil(
        Math.min(ms, this.simulation.clock.now() + STEP_MS),
      );
      for (const cluster of this.clusters) cluster.store.expireEvents();
    }
  }

  /** Manual clock: simulates `ms` more. */
  advance(ms: number): void {
    this.runUntil(this.simulation.clock.now() + ms);
  }

  stats(): Record<string, ClusterStats> {
    return Object.fromEntries(
      [...this.simulation.clusters.entries()].map(([name, c]) => [
        name,
        c.sim.stats(),
      ]),
    );
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    await Promise.all([
      ...this.clusters.map(c => c.server.close()),
      this.aws.close(),
    ]);
  }
}
