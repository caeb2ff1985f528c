/*
 * A large customer's team, generated deterministically: 600 pipelines over
 * three clusters with realistic figures (PRODUCT.md §6), the catalog entities
 * that own them, and the Groups to choose from. The same seed gives the same
 * bytes on every run, so runs compare.
 */

export const PERF_GROUP = 'group:default/team-streaming-core';
export const PIPELINES = 600;

const CLUSTERS = [
  'eks-prod-eu-west-1',
  'eks-prod-us-east-1',
  'eks-prod-ap-southeast-2',
];
const NAMESPACES = [
  'payments',
  'risk',
  'orders',
  'search',
  'ads',
  'logistics',
  'identity',
  'growth',
  'fraud',
  'ledger',
];
const WORDS = [
  'events',
  'sessions',
  'authorizations',
  'clicks',
  'enrichment',
  'aggregation',
  'dedup',
  'scoring',
  'routing',
  'audit',
  'metrics',
  'alerts',
];
const TARGETS = [30, 60, 120, 300];
// Rough EKS prices per requested vCPU-hour (m6i/c6i on-demand vs spot), CPU and memory together.
const ON_DEMAND_PER_VCPU_HOUR = 0.048;
const SPOT_PER_VCPU_HOUR = 0.017;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** mulberry32: a small, fast, seeded PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Most pipelines run; a few restart, fail or are suspended. */
function jobStateOf(roll) {
  if (roll < 0.94) return 'RUNNING';
  if (roll < 0.97) return 'RESTARTING';
  if (roll < 0.99) return 'FAILED';
  return 'SUSPENDED';
}

const round = (n, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

function costFigures(usd, onDemandUsd) {
  return {
    usd: round(usd),
    onDemandEquivalentUsd: round(onDemandUsd),
    spotSavings: onDemandUsd > 0 ? round(1 - usd / onDemandUsd, 4) : undefined,
    priceSources: ['price-list', 'spot-price-history'],
  };
}

/** The team summary the backend would answer for PERF_GROUP, at `now`. */
export function teamSummary600(
  now = Date.parse('2026-11-28T12:00:00Z'),
  count = PIPELINES,
) {
  const random = prng(42);
  const pick = list => list[Math.floor(random() * list.length)];
  const pipelines = [];
  const figures = {};
  const episodes = [];
  let cost = 0;
  let onDemand = 0;
  for (let i = 0; i < count; i++) {
    const cluster = CLUSTERS[i % CLUSTERS.length];
    const namespace = pick(NAMESPACES);
    const name = `${namespace}-${pick(WORDS)}-${String(i).padStart(3, '0')}`;
    const ref = `${cluster}/${namespace}/${name}`;
    const jobState = jobStateOf(random());
    const parallelism =
      2 ** Math.floor(random() * 6) * (1 + Math.floor(random() * 2));
    const slots = pick([1, 2, 4]);
    const taskManagers = Math.ceil(parallelism / slots);
    const vcpu = taskManagers * pick([1, 2, 4]) + 1;
    const spotFirst = random() < 0.85;
    const spotNow = spotFirst ? round(0.6 + random() * 0.4, 3) : 0;
    const spot24h = spotFirst
      ? round(Math.min(1, spotNow * (0.85 + random() * 0.2)), 3)
      : 0;
    const target = pick(TARGETS);
    const breaching = random() < 0.08;
    const lagNow = round(
      breaching ? target * (1.1 + random() * 2) : target * random() * 0.7,
      1,
    );
    const hourlyLag = Array.from({ length: 24 }, (_, h) => {
      const diurnal = 0.5 + 0.5 * Math.sin(((h - 6) / 24) * 2 * Math.PI);
      return round(
        target * (0.2 + diurnal * 0.6 + random() * (breaching ? 1.2 : 0.3)),
        1,
      );
    });
    const sparkline = {
      from: new Date(now - 24 * HOUR).toISOString(),
      stepSeconds: HOUR / 1000,
      timeLagSeconds: hourlyLag,
    };
    const breaches = hourlyLag.filter(lag => lag > target).length;
    const vcpuHours = vcpu * 24 * (0.9 + random() * 0.2);
    const usd =
      vcpuHours *
      (spot24h * SPOT_PER_VCPU_HOUR + (1 - spot24h) * ON_DEMAND_PER_VCPU_HOUR);
    const od = vcpuHours * ON_DEMAND_PER_VCPU_HOUR;
    cost += usd;
    onDemand += od;
    pipelines.push({
      ref,
      cluster,
      namespace,
      name,
      team: 'streaming-core',
      jobState,
      lifecycleState: jobState === 'RUNNING' ? 'STABLE' : 'DEPLOYED',
      parallelism,
      taskManagers: {
        ready: jobState === 'RUNNING' ? taskManagers : 0,
        total: taskManagers,
      },
      spotMixNow: {
        spot: spotNow,
        onDemand: round(1 - spotNow, 3),
        reserved: 0,
        vcpuHours: vcpu,
      },
      lag: {
        targetSeconds: target,
        breached: lagNow > target,
        latest: {
          at: new Date(now - 60_000).toISOString(),
          timeLagSeconds: lagNow,
          maxOffsetLag: Math.round(lagNow * 900),
          sumOffsetLag: Math.round(lagNow * 900 * parallelism),
        },
      },
      costPerHour: costFigures(usd / 24, od / 24),
    });
    figures[ref] = {
      ref,
      lagSparkline: sparkline,
      lagBreaches24h: breaches,
      lagBreachSeconds24h: breaches * Math.round(120 + random() * 1380),
      spotMix24h: {
        spot: spot24h,
        onDemand: round(1 - spot24h, 3),
        reserved: 0,
        vcpuHours: round(vcpuHours),
      },
      cost24h: costFigures(usd, od),
      costPerDay7d: Array.from({ length: 7 }, (_, d) => {
        const f = 0.85 + random() * 0.3;
        return {
          day: new Date(now - (7 - d) * DAY).toISOString().slice(0, 10),
          usd: round(usd * f),
          onDemandEquivalentUsd: round(od * f),
        };
      }),
    };
    if (i % 12 === 0) {
      const decidedAt = now - Math.floor(random() * DAY);
      const up = random() < 0.6;
      const response = Math.round(60 + random() * 180);
      episodes.push({
        id: `${ref}@${new Date(decidedAt).toISOString()}`,
        pipelineRef: ref,
        direction: up ? 'up' : 'down',
        triggerAt: new Date(decidedAt - 90_000).toISOString(),
        decidedAt: new Date(decidedAt).toISOString(),
        taskManagersReadyAt: up
          ? new Date(decidedAt - 90_000 + response * 1000).toISOString()
          : undefined,
        parallelismBefore: parallelism,
        parallelismAfter: up ? parallelism * 2 : Math.max(1, parallelism / 2),
        taskManagerDelta: up ? taskManagers : -Math.floor(taskManagers / 2),
        nodesLaunched: {
          spot: up ? 1 + Math.floor(random() * 3) : 0,
          'on-demand': up && random() < 0.2 ? 1 : 0,
          reserved: 0,
        },
        phases: up
          ? { decision: 90, capacity: response - 60, startup: 40 }
          : {},
        responseSeconds: up ? response : undefined,
        state: 'complete',
      });
    }
  }
  episodes.sort((a, b) => b.decidedAt.localeCompare(a.decidedAt));
  const responses = episodes
    .filter(e => e.responseSeconds)
    .map(e => e.responseSeconds)
    .sort((a, b) => a - b);
  const at = q =>
    responses[Math.min(responses.length - 1, Math.floor(q * responses.length))];
  const ok = (kind, id, message, emulated) => ({
    kind,
    id,
    state: 'ok',
    message,
    lastSuccessAt: new Date(now - 20_000).toISOString(),
    ...(emulated ? { emulated: true } : {}),
  });
  return {
    group: PERF_GROUP,
    pipelines: pipelines.sort((a, b) => a.ref.localeCompare(b.ref)),
    unmatched: [0, 1, 2].map(n => ({
      entityRef: `component:default/retired-pipeline-${n}`,
      pipelineRef: `eks-prod-eu-west-1/legacy/retired-pipeline-${n}`,
    })),
    lagBreachSeconds24h: Object.fromEntries(
      Object.values(figures).map(f => [f.ref, f.lagBreachSeconds24h]),
    ),
    figures,
    spotMix24h: { spot: 0.78, onDemand: 0.22, reserved: 0, vcpuHours: 0 },
    cost24h: costFigures(cost, onDemand),
    costPrevious24h: costFigures(cost * 0.96, onDemand * 0.97),
    recentEpisodes: episodes,
    scalingResponse: {
      count: responses.length,
      p50: at(0.5),
      p95: at(0.95),
      max: responses[responses.length - 1],
    },
    sources: [
      ...CLUSTERS.map(c =>
        ok('kubernetes', c, `Watching cluster '${c}'; data is current.`),
      ),
      ok('cloudwatch', 'eu-west-1', 'Lag read from CloudWatch AWS/Kafka.'),
      ok(
        'prices',
        'aws',
        'On-demand prices (AWS Price List); spot prices (EC2 spot price history).',
      ),
      ok('catalog', 'catalog', 'Ownership read from the catalog.'),
    ],
  };
}

/** The catalog the harness serves: the pipelines' Components and some Groups. */
export function catalogEntities(summary) {
  const components = summary.pipelines.map((p, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: p.name,
      namespace: 'default',
      // Some have a title, as in a real catalog.
      ...(i % 3 === 0 ? { title: p.name.replace(/-/g, ' ') } : {}),
      annotations: { 'streaming-platform.io/pipeline': p.ref },
    },
    spec: {
      type: 'streaming-pipeline',
      lifecycle: 'production',
      owner: 'team-streaming-core',
    },
    relations: [{ type: 'ownedBy', targetRef: PERF_GROUP }],
  }));
  const unmatched = summary.unmatched.map(u => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: u.entityRef.split('/')[1],
      namespace: 'default',
      annotations: { 'streaming-platform.io/pipeline': u.pipelineRef },
    },
    spec: {
      type: 'streaming-pipeline',
      lifecycle: 'production',
      owner: 'team-streaming-core',
    },
    relations: [{ type: 'ownedBy', targetRef: PERF_GROUP }],
  }));
  const groups = [
    'team-streaming-core',
    ...Array.from({ length: 40 }, (_, i) => `team-${i}`),
  ].map(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name,
      namespace: 'default',
      title: name === 'team-streaming-core' ? 'Streaming core' : undefined,
    },
    spec: { type: 'team', children: [] },
    relations: [],
  }));
  return [...components, ...unmatched, ...groups];
}
