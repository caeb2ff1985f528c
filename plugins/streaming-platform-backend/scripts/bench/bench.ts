/*
 * Benchmark of the backend's data path on the emulator's fleet-L scenario
 * (3 clusters, 600 pipelines; ~3,100 nodes and ~68,000 pods at an hour
 * old), over the real protocols: watch ingest, index cold start, CloudWatch
 * calls per poll, backend memory, and p50/p95/p99 of the entity, team (40
 * pipelines) and platform endpoints at 50 concurrent clients — and the same
 * answers computed the naive way (listing from the Kubernetes API per
 * request).
 *
 * Run: yarn workspace @internal/backstage-plugin-streaming-platform-backend bench
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import {
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
} from '@kubernetes/client-node';
import express from 'express';
import knexFactory from 'knex';
import { LagPoller, PriceService } from '../../src/aws';
import { readStreamingPlatformConfig } from '../../src/config';
import { DatabaseHistoryStore } from '../../src/history/DatabaseHistoryStore';
import { PlatformIndex } from '../../src/index/PlatformIndex';
import { pipelineSummary } from '../../src/index/views';
import { ClusterWatcher, createKubeConfig } from '../../src/kubernetes';
import { WATCHED_RESOURCES } from '../../src/kubernetes/watchedKinds';
import { createRouter } from '../../src/router';
import { StreamingPlatform } from '../../src/service/StreamingPlatform';
import { ConfigReader } from '@backstage/config';

const MINUTE = 60_000;
const CONCURRENCY = 50;
/** The emulator's store keys of what the backend watches: `/api/v1/pods` → `v1/pods`. */
const WATCHED_STORE_KEYS = Object.values(WATCHED_RESOURCES).map(r =>
  r.path.replace(/^\/apis?\//, ''),
);
const ROUNDS = 3;
const gc = (globalThis as { gc?: () => void }).gc;
const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);

type EmulatorInfo = {
  clusters: Array<{
    name: string;
    url: string;
    region: string;
    mskClusterName: string;
  }>;
  awsUrl: string;
  token: string;
  now: number;
};

function startEmulator() {
  const child = fork(
    path.join(__dirname, 'emulatorProcess.ts'),
    // No warm-up: the fleet's start-up is the ingest burst. It starts an hour
    // ago; the benchmark runs it up to now.
    ['fleet-L', '0', '60'],
    {
      execArgv: [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      ],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const next = <T>(key: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (m: any) => {
        if (m[key] !== undefined) {
          child.off('message', onMessage);
          resolve(m);
        }
      };
      child.on('message', onMessage);
      child.once('exit', code => reject(new Error(`emulator exited ${code}`)));
    });
  return {
    ready: next<EmulatorInfo>('ready'),
    /** Runs the simulation on; `changes`: watch events it owes the backend. */
    advance: (ms: number) => {
      child.send({ advance: ms, watched: WATCHED_STORE_KEYS });
      return next<{ now: number; changes: number }>('advanced');
    },
    calls: async () => {
      child.send({ calls: true });
      return (await next<{ calls: Record<string, number> }>('calls')).calls;
    },
    stop: () => child.send({ stop: true }),
  };
}

/** Warnings and errors only: the benchmark's output is its table. */
function quietLogger(): LoggerService {
  const logger: LoggerService = {
    error: message => console.error(message),
    warn: message => console.error(message),
    info: () => {},
    debug: () => {},
    child: () => logger,
  };
  return logger;
}

// Every request is a signed-in user allowed everything: the benchmark
// measures the data path, not the auth services.
const benchCredentials = {
  $$type: '@backstage/BackstageCredentials',
  principal: { type: 'user', userEntityRef: 'user:default/bench' },
} as BackstageCredentials;
const benchHttpAuth = {
  credentials: async () => benchCredentials,
  issueUserCookie: async () => ({ expiresAt: new Date() }),
} as unknown as HttpAuthService;
const allowAll = {
  authorize: async (requests: unknown[]) =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  authorizeConditional: async (requests: unknown[]) =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
} as unknown as PermissionsService;

type Percentiles = ReturnType<typeof percentiles>;

/** The round with the median p95, and every round's p95 to show the spread. */
function medianRound(list: Percentiles[]) {
  const sorted = [...list].sort((a, b) => a.p95 - b.p95);
  return {
    ...sorted[Math.floor(sorted.length / 2)],
    n: list.reduce((n, r) => n + r.n, 0),
    p95s: list.map(r => r.p95.toFixed(1)).join(' / '),
  };
}

function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), n: sorted.length };
}

/** Runs `total` calls of `task` with `CONCURRENCY` in flight; latencies in ms. */
async function load(total: number, task: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const t = performance.now();
      await task(i);
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return percentiles(latencies);
}

async function main() {
  const emulator = startEmulator();
  const info = await emulator.ready;
  let emulatorNow = info.now;
  console.log(
    `fleet-L emulator ready: ${info.clusters.map(c => c.name).join(', ')}`,
  );

  // PostgreSQL when given (the several-replica setup: its work runs in its
  // own process), else a SQLite file in this process.
  const postgres = process.env.STREAMING_BENCH_POSTGRES;
  const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'streaming-bench-'));
  const knex = postgres
    ? knexFactory({ client: 'pg', connection: postgres })
    : knexFactory({
        client: 'better-sqlite3',
        connection: { filename: path.join(dbDir, 'history.sqlite') },
        useNullAsDefault: true,
        // As a tuned SQLite runs: write-ahead log, no fsync per transaction.
        pool: {
          afterCreate: (
            conn: any,
            done: (error: unknown, conn: unknown) => void,
          ) => {
            conn.pragma('journal_mode = WAL');
            conn.pragma('synchronous = NORMAL');
            done(null, conn);
          },
        },
      });
  console.log(
    `history database: ${postgres ? 'PostgreSQL' : 'SQLite (in this process)'}`,
  );
  const history = await DatabaseHistoryStore.create({
    database: { getClient: async () => knex },
  });
  const logger = quietLogger();
  const settings = readStreamingPlatformConfig(new ConfigReader({}));
  const credentials = { accessKeyId: 'AKIABENCH', secretAccessKey: 'bench' };

  // The catalog: 15 teams of 40 pipelines each.
  const refs: string[] = [];
  const entities: Entity[] = [];
  const kubeConfigs = new Map<string, KubeConfig>();
  for (const cluster of info.clusters) {
    kubeConfigs.set(
      cluster.name,
      await createKubeConfig({
        name: cluster.name,
        authProvider: 'serviceAccount',
        url: cluster.url,
        token: info.token,
        skipTLSVerify: true,
      }),
    );
  }

  let catalog = catalogServiceMock({ entities: [] });
  const priceService = new PriceService({
    endpoint: info.awsUrl,
    credentials,
    logger,
  });
  const createPlatform = () =>
    new StreamingPlatform({
      settings,
      logger,
      history,
      // Filled in below, once the fleet's pipelines are known.
      catalog: {
        getEntities: (request: any, options: any) =>
          catalog.getEntities(request, options),
      } as any,
      clusters: info.clusters,
      createWatcher: (cluster, sink) =>
        new ClusterWatcher({
          cluster: cluster.name,
          kubeConfig: kubeConfigs.get(cluster.name)!,
          sink,
          logger,
        }),
      lagPoller: new LagPoller({ endpoint: info.awsUrl, credentials, logger }),
      prices: priceService,
      origin: { emulatorScenario: 'fleet-L' },
      now: () => emulatorNow,
    });

  /**
   * Advances the simulation and waits until the watches have delivered
   * every change of the watched kinds (or 3 minutes pass): how many arrived,
   * how many were owed, and when the last one was applied.
   */
  const advanceAndDeliver = async (platform: StreamingPlatform, ms: number) => {
    const before = platform.index.applied;
    let lastCount = before;
    let lastAt = performance.now();
    // Every 5 ms, for the time of the last event; a timer, so it keeps
    // sampling while the simulation runs in the other process.
    const sampler = setInterval(() => {
      if (platform.index.applied !== lastCount) {
        lastCount = platform.index.applied;
        lastAt = performance.now();
      }
    }, 5);
    const advanced = await emulator.advance(ms);
    emulatorNow = advanced.now;
    const deadline = performance.now() + 180_000;
    while (
      platform.index.applied - before < advanced.changes &&
      performance.now() < deadline
    ) {
      await new Promise(r => setTimeout(r, 20));
    }
    clearInterval(sampler);
    if (platform.index.applied !== lastCount) lastAt = performance.now();
    return {
      delivered: platform.index.applied - before,
      owed: advanced.changes,
      lastAt,
    };
  };

  // Watch ingest: the fleet's first 15 minutes, as watch events — 600
  // pipelines starting: ~48,000 pods created, scheduled and started, nodes
  // and NodeClaims launched, and their Events — into the index and the
  // history recorder.
  // In a function of its own, so that nothing holds this first backend's
  // index once it stops: the cold start and memory below are a fresh one's.
  const measureIngest = async () => {
    const ingestPlatform = createPlatform();
    ingestPlatform.start();
    await ingestPlatform.waitForSync(120_000);
    const cpuBefore = process.cpuUsage();
    const t0 = performance.now();
    const burst = await advanceAndDeliver(ingestPlatform, 15 * MINUTE);
    const cpu = process.cpuUsage(cpuBefore);
    // Then the fleet runs on to an hour old, the watches keeping up.
    for (let minutes = 15; minutes < 60; minutes += 15) {
      await advanceAndDeliver(ingestPlatform, 15 * MINUTE);
    }
    await ingestPlatform.recorder.flush();
    await ingestPlatform.recorder.flush();
    await ingestPlatform.stop();
    return {
      ...burst,
      seconds: (burst.lastAt - t0) / 1000,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
    };
  };
  const ingest = await measureIngest();
  const ingested = ingest.delivered;
  const ingestSeconds = ingest.seconds;
  const ingestCpuSeconds = ingest.cpuSeconds;

  // Index cold start: a backend (re)starting against the running fleet,
  // with the history the first one recorded.
  gc?.();
  const rssBefore = process.memoryUsage().rss;
  const platform = createPlatform();
  const started = performance.now();
  platform.start();
  await platform.waitForSync(120_000);
  const coldStartMs = performance.now() - started;
  const listed = platform.index.applied;
  let pods = 0;
  let nodes = 0;
  let pipelines = 0;
  for (const cluster of platform.index.clusters()) {
    pods += cluster.pods.size;
    nodes += cluster.nodes.size;
    pipelines += cluster.pipelines.size;
    for (const p of cluster.pipelines.values()) refs.push(p.ref);
  }
  refs.sort();
  refs.forEach((ref, i) => {
    const [, namespace, name] = ref.split('/');
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: `${namespace}-${name}`,
        namespace: 'default',
        annotations: { 'streaming-platform.io/pipeline': ref },
      },
      spec: { type: 'streaming-pipeline', owner: `bench-team-${i % 15}` },
      relations: [
        { type: 'ownedBy', targetRef: `group:default/bench-team-${i % 15}` },
      ],
    });
  });
  catalog = catalogServiceMock({ entities });

  // CloudWatch: one poll for the fleet.
  await platform.refreshPrices();
  const callsBefore = (await emulator.calls()).GetMetricData ?? 0;
  const poll = await platform.pollLag();
  const callsAfter = (await emulator.calls()).GetMetricData ?? 0;
  for (let i = 0; i < 3; i++) {
    emulatorNow = (await emulator.advance(MINUTE)).now;
    await platform.recordMinuteSamples();
  }
  await platform.recordMinuteSamples();
  await platform.recordMinuteSamples();
  await platform.refreshFromHistory();
  gc?.();
  const rssAfter = process.memoryUsage().rss;

  // Writes to the history are done before the API is measured, as they
  // would be long done at the fleet's real pace.
  await platform.recorder.flush();
  await platform.recorder.flush();

  // The API, over HTTP, with the real router.
  const app = express();
  app.use(
    await createRouter({
      httpAuth: benchHttpAuth,
      permissions: allowAll,
      pipelines: platform.pipelines,
      platform: platform.platform,
    }),
  );
  const server = http.createServer(app);
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as any).port}`;
  const clients = fork(path.join(__dirname, 'loadProcess.ts'), [], {
    execArgv: [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const httpLoad = (urls: string[]) =>
    new Promise<ReturnType<typeof percentiles>>((resolve, reject) => {
      const onMessage = (m: any) => {
        if (!m?.latencies) return;
        clients.off('message', onMessage);
        if (m.failures.length)
          reject(new Error(`requests failed: ${m.failures.join('; ')}`));
        else resolve(percentiles(m.latencies));
      };
      clients.on('message', onMessage);
      clients.send({ base, urls, concurrency: CONCURRENCY });
    });
  const entityUrl = (i: number) =>
    `/pipelines/${refs[(i * 7919) % refs.length]}`;
  const teamUrl = (i: number) =>
    `/teams/summary?group=group:default/bench-team-${i % 15}`;
  // Warm the caches once, as a running backend has them.
  await httpLoad(Array.from({ length: 15 }, (_, t) => teamUrl(t)));
  // What one answer weighs, plain (as the load clients read it) and gzipped
  // (as browsers, which ask for gzip, get it).
  const answerSize = async (url: string) => {
    const sizeOf = async (encoding: string) =>
      Number(
        (
          await fetch(`${base}${url}`, {
            headers: { 'accept-encoding': encoding },
          })
        ).headers.get('content-length'),
      );
    return { plain: await sizeOf('identity'), gzip: await sizeOf('gzip') };
  };
  const teamSize = await answerSize(teamUrl(0));
  const entitySize = await answerSize(entityUrl(0));
  // Not pre-serialized: its gzip is left to the backend's compression
  // middleware, which the bench's bare express does not have.
  const podsSize = await answerSize(`${entityUrl(0)}/pods`);
  await httpLoad(refs.map(ref => `/pipelines/${ref}`));
  // Each endpoint is measured in ROUNDS rounds, interleaved so a noisy
  // moment of this shared machine hits every endpoint alike; the table
  // gives the median round (by p95) and every round's p95.
  const rounds = {
    health: [] as Percentiles[],
    entity: [] as Percentiles[],
    pods: [] as Percentiles[],
    team: [] as Percentiles[],
    overview: [] as Percentiles[],
  };
  // STREAMING_BENCH_PROFILE=<file>: a CPU profile of one extra entity
  // round, for Chrome DevTools or a script; not part of the figures.
  const profileFile = process.env.STREAMING_BENCH_PROFILE;
  if (profileFile) {
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    await httpLoad(
      Array.from({ length: 3000 }, (_, i) => entityUrl(i + 7 * 3000)),
    );
    const { profile } = await session.post('Profiler.stop');
    fs.writeFileSync(profileFile, JSON.stringify(profile));
    session.disconnect();
    console.log(`CPU profile of an entity round: ${profileFile}`);
  }
  for (let round = 0; round < ROUNDS; round++) {
    rounds.health.push(
      await httpLoad(Array.from({ length: 3000 }, () => '/health')),
    );
    rounds.entity.push(
      await httpLoad(
        Array.from({ length: 3000 }, (_, i) => entityUrl(i + round * 3000)),
      ),
    );
    rounds.pods.push(
      await httpLoad(
        Array.from({ length: 3000 }, (_, i) => `${entityUrl(i + round)}/pods`),
      ),
    );
    rounds.team.push(
      await httpLoad(Array.from({ length: 1500 }, (_, i) => teamUrl(i))),
    );
    rounds.overview.push(
      await httpLoad(Array.from({ length: 1500 }, () => '/platform/overview')),
    );
  }
  const health = medianRound(rounds.health);
  const entity = medianRound(rounds.entity);
  const podsRound = medianRound(rounds.pods);
  const team = medianRound(rounds.team);
  const overview = medianRound(rounds.overview);

  // The naive way: list from the Kubernetes API on every request.
  const core = new Map(
    [...kubeConfigs].map(([n, kc]) => [n, kc.makeApiClient(CoreV1Api)]),
  );
  const custom = new Map(
    [...kubeConfigs].map(([n, kc]) => [n, kc.makeApiClient(CustomObjectsApi)]),
  );
  const naiveIndex = (cluster: string) =>
    new PlatformIndex({
      clusters: [
        {
          name: cluster,
          region: info.clusters.find(c => c.name === cluster)!.region,
        },
      ],
      prices: priceService,
    });
  const naivePipelines = async (pipelineRefs: string[]) => {
    const byCluster = new Map<string, string[]>();
    for (const ref of pipelineRefs) {
      const cluster = ref.split('/')[0];
      byCluster.set(cluster, [...(byCluster.get(cluster) ?? []), ref]);
    }
    for (const [cluster, list] of byCluster) {
      const index = naiveIndex(cluster);
      const nodeList = await core.get(cluster)!.listNode();
      index.replace(cluster, 'Node', nodeList.items as any);
      const fds: any[] = [];
      const podItems: any[] = [];
      await Promise.all(
        list.map(async ref => {
          const [, namespace, name] = ref.split('/');
          fds.push(
            await custom.get(cluster)!.getNamespacedCustomObject({
              group: 'flink.apache.org',
              version: 'v1beta1',
              namespace,
              plural: 'flinkdeployments',
              name,
            }),
          );
          const podList = await core
            .get(cluster)!
            .listNamespacedPod({ namespace, labelSelector: `app=${name}` });
          podItems.push(...podList.items);
        }),
      );
      index.replace(cluster, 'FlinkDeployment', fds);
      index.replace(cluster, 'Pod', podItems);
      for (const ref of list) {
        pipelineSummary(
          index.cluster(cluster)!,
          index.pipeline(ref)!,
          undefined,
          {
            ...platform.context.viewOptions,
            includeCost: true,
          },
        );
      }
    }
  };
  const teamRefs = (t: number) => refs.filter((_, i) => i % 15 === t);
  const naiveEntity = await load(200, i =>
    naivePipelines([refs[(i * 7919) % refs.length]]),
  );
  const naiveTeam = await load(50, i => naivePipelines(teamRefs(i % 15)));
  const naiveOverview = await load(10, async () => {
    for (const cluster of info.clusters) {
      const index = naiveIndex(cluster.name);
      index.replace(
        cluster.name,
        'Node',
        (await core.get(cluster.name)!.listNode()).items as any,
      );
      index.replace(
        cluster.name,
        'Pod',
        (await core.get(cluster.name)!.listPodForAllNamespaces()).items as any,
      );
    }
  });

  const fmt = (ms: number) => ms.toFixed(1).padStart(7);
  const row = (
    name: string,
    fast: ReturnType<typeof medianRound>,
    naive?: Percentiles,
    target?: number,
    note = "the router's floor",
  ) =>
    console.log(
      `${name.padEnd(9)}${fmt(fast.p50)}${fmt(fast.p95)}${fmt(
        fast.p99,
      )}   ${fast.p95s.padEnd(20)} ${
        target ? `target p95 ≤ ${target} ms` : note
      }${
        naive
          ? `   naive p50 ${naive.p50.toFixed(0)} p95 ${naive.p95.toFixed(
              0,
            )} = ×${(naive.p95 / fast.p95).toFixed(0)} at p95, ×${(
              naive.p50 / fast.p50
            ).toFixed(0)} at p50`
          : ''
      }`,
    );
  console.log(
    `\nfleet-L: ${info.clusters.length} clusters, ${pipelines} pipelines, ${nodes} nodes, ${pods} pods`,
  );
  console.log(
    `index cold start (list + watch all kinds, 3 clusters): ${(
      coldStartMs / 1000
    ).toFixed(2)} s for ${listed} objects (target ≤ 15 s)`,
  );
  console.log(
    `watch ingest (the fleet's first 15 minutes): ${ingested} events${
      ingested < ingest.owed ? ` — INCOMPLETE, ${ingest.owed} were owed` : ''
    } in ${ingestSeconds.toFixed(2)} s wall = ${Math.round(
      ingested / ingestSeconds,
    )} events/s as the emulator produced them; the backend spent ${ingestCpuSeconds.toFixed(
      2,
    )} CPU-s on them = ${Math.round(
      ingested / ingestCpuSeconds,
    )} events per CPU-second (target ≥ 20,000/s)`,
  );
  const queriesByRegion = new Map<string, number>();
  for (const cluster of platform.index.clusters()) {
    const region = info.clusters.find(c => c.name === cluster.name)!.region;
    queriesByRegion.set(
      region,
      (queriesByRegion.get(region) ?? 0) + 3 * cluster.pipelines.size,
    );
  }
  const expectedCalls = [...queriesByRegion.values()].reduce(
    (n, q) => n + Math.ceil(q / 500),
    0,
  );
  console.log(
    `CloudWatch poll: ${poll.queries} queries in ${
      callsAfter - callsBefore
    } GetMetricData calls; expected Σ ceil(queries/500) per region = ${[
      ...queriesByRegion,
    ]
      .map(([r, q]) => `${r} ceil(${q}/500)`)
      .join(' + ')} = ${expectedCalls}; ${poll.samples.length} samples`,
  );
  console.log(
    `backend RSS (this process; the emulator runs in another): ${mib(
      rssBefore,
    )} MiB before the cold start (pages the first backend used, not yet returned), ${mib(
      rssAfter,
    )} MiB with the index and caches (target ≤ 1,536 MiB)`,
  );
  console.log(`\n${CONCURRENCY} concurrent clients, latency in ms:`);
  console.log(
    `endpoint     p50    p95    p99   p95 of each round    (the median round of ${ROUNDS})`,
  );
  row('health', health);
  row('entity', entity, naiveEntity, 25);
  row('team(40)', team, naiveTeam, 100);
  row(
    'pods',
    podsRound,
    undefined,
    undefined,
    "a pipeline's pod list (entity ref + /pods); not on the entity page, no target",
  );
  row('platform', overview, naiveOverview, 100);
  console.log(
    `(${entity.n}/${team.n}/${overview.n} requests; naive ${naiveEntity.n}/${naiveTeam.n}/${naiveOverview.n})`,
  );
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  console.log(
    `answer sizes: entity ${kib(entitySize.plain)} (gzip ${kib(
      entitySize.gzip,
    )}), team(40) ${kib(teamSize.plain)} (gzip ${kib(
      teamSize.gzip,
    )}), pods ${kib(podsSize.plain)}`,
  );

  clients.kill();
  server.close();
  await platform.stop();
  await knex.destroy();
  fs.rmSync(dbDir, { recursive: true, force: true });
  emulator.stop();
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
