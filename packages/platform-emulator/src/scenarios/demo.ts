import { AutoscalerSettings } from '../model/autoscaler';
import { ClusterSpec, PipelineSpec, ScenarioSpec } from '../model/scenario';
import { TrafficProfile } from '../model/traffic';
import { REALISTIC_BEHAVIOUR } from './behaviour';

const MINUTE = 60_000;

/** The demo's autoscaler settings: windows short enough to act within minutes. */
const DEMO_AUTOSCALER: AutoscalerSettings = {
  enabled: true,
  utilizationTarget: 0.7,
  utilizationMin: 0.45,
  utilizationMax: 0.85,
  stabilizationMs: 2 * MINUTE,
  metricsWindowMs: 3 * MINUTE,
  scaleDownIntervalMs: 6 * MINUTE,
  catchUpMs: 5 * MINUTE,
  backlogLagThresholdMs: 60_000,
  scaleUpMaxFactor: 100000,
  scaleDownMaxFactor: 0.6,
  minParallelism: 1,
  maxParallelism: 48,
};

interface DemoPipeline {
  team: string;
  namespace: string;
  name: string;
  topic: string;
  partitions: number;
  baseRate: number;
  spikes: boolean;
  peakPhase: number;
  capacityProfile?: 'spot-first' | 'on-demand';
}

/** The twelve pipelines of the sample catalog (examples/streaming.yaml). */
const PIPELINES: DemoPipeline[] = [
  {
    team: 'team-payments',
    namespace: 'payments',
    name: 'card-authorizations',
    topic: 'card-authorizations',
    partitions: 24,
    baseRate: 9000,
    spikes: true,
    peakPhase: 0.55,
  },
  {
    team: 'team-payments',
    namespace: 'payments',
    name: 'payment-settlements',
    topic: 'settlements',
    partitions: 12,
    baseRate: 3000,
    spikes: false,
    peakPhase: 0.75,
    capacityProfile: 'on-demand',
  },
  {
    team: 'team-payments',
    namespace: 'payments',
    name: 'refunds-ledger',
    topic: 'refunds',
    partitions: 6,
    baseRate: 800,
    spikes: false,
    peakPhase: 0.6,
  },
  {
    team: 'team-payments',
    namespace: 'payments',
    name: 'currency-rates',
    topic: 'fx-rates',
    partitions: 6,
    baseRate: 1500,
    spikes: true,
    peakPhase: 0.4,
  },
  {
    team: 'team-risk',
    namespace: 'risk',
    name: 'fraud-scoring',
    topic: 'transactions',
    partitions: 24,
    baseRate: 10000,
    spikes: true,
    peakPhase: 0.55,
  },
  {
    team: 'team-risk',
    namespace: 'risk',
    name: 'account-takeover-signals',
    topic: 'auth-events',
    partitions: 12,
    baseRate: 4000,
    spikes: true,
    peakPhase: 0.35,
  },
  {
    team: 'team-risk',
    namespace: 'risk',
    name: 'chargeback-alerts',
    topic: 'chargebacks',
    partitions: 6,
    baseRate: 600,
    spikes: false,
    peakPhase: 0.7,
  },
  {
    team: 'team-risk',
    namespace: 'risk',
    name: 'aml-screening',
    topic: 'transfers',
    partitions: 12,
    baseRate: 2500,
    spikes: false,
    peakPhase: 0.5,
    capacityProfile: 'on-demand',
  },
  {
    team: 'team-growth',
    namespace: 'growth',
    name: 'clickstream-sessions',
    topic: 'clickstream',
    partitions: 48,
    baseRate: 16000,
    spikes: true,
    peakPhase: 0.8,
  },
  {
    team: 'team-growth',
    namespace: 'growth',
    name: 'search-events',
    topic: 'search-events',
    partitions: 12,
    baseRate: 5000,
    spikes: true,
    peakPhase: 0.8,
  },
  {
    team: 'team-growth',
    namespace: 'growth',
    name: 'recommendations-feed',
    topic: 'browse-events',
    partitions: 24,
    baseRate: 7000,
    spikes: false,
    peakPhase: 0.85,
  },
  {
    team: 'team-growth',
    namespace: 'growth',
    name: 'campaign-attribution',
    topic: 'conversions',
    partitions: 6,
    baseRate: 1200,
    spikes: false,
    peakPhase: 0.65,
  },
];

const SLOT_THROUGHPUT = 1500;

// Payments wants its events within a minute; analytics can wait longer.
const LAG_TARGET_SECONDS: Record<string, number> = {
  payments: 60,
  risk: 120,
  growth: 300,
};

function demoPipeline(p: DemoPipeline): PipelineSpec {
  const traffic: TrafficProfile = {
    baseRate: p.baseRate,
    dailyAmplitude: 0.5,
    peakPhase: p.peakPhase,
    spikeEveryMs: p.spikes ? 7 * MINUTE : 0,
    spikeFactor: 2.6,
    spikeDurationMs: 2 * MINUTE,
    noise: 0.06,
  };
  // Start near what the base rate needs, so the first minutes are calm.
  const initial = Math.max(1, Math.ceil(p.baseRate / (SLOT_THROUGHPUT * 0.7)));
  return {
    namespace: p.namespace,
    name: p.name,
    team: p.team,
    topic: p.topic,
    consumerGroup: `${p.namespace}.${p.name}`,
    partitions: p.partitions,
    traffic,
    slotThroughput: SLOT_THROUGHPUT,
    taskSlots: 2,
    taskManager: { cpuMillis: 1000, memoryMiB: 3072 },
    jobManager: { cpuMillis: 500, memoryMiB: 1536 },
    initialParallelism: Math.min(initial, p.partitions),
    autoscaler: { ...DEMO_AUTOSCALER, maxParallelism: p.partitions },
    checkpointIntervalMs: MINUTE,
    capacityProfile: p.capacityProfile ?? 'spot-first',
    lagTargetSeconds: LAG_TARGET_SECONDS[p.namespace] ?? 120,
    flinkVersion: 'v1_20',
    image: 'flink:1.20.3-scala_2.12-java17',
  };
}

/**
 * `demo`: the sample catalog's twelve pipelines of three teams on one
 * cluster. Its patterns are compressed — a traffic day in 30 minutes, a
 * spike every few minutes, a spot interruption now and then — so a visitor
 * sees scaling, spot, fallbacks and interruptions in minutes; its clock is
 * the real one.
 */
export function demoScenario(
  options: { provisioning?: ClusterSpec['provisioning'] } = {},
): ScenarioSpec {
  const dayMs = 30 * MINUTE;
  const cluster: ClusterSpec = {
    name: 'eks-demo-eu-west-1',
    region: 'eu-west-1',
    mskClusterName: 'msk-demo-eu-west-1',
    provisioning: options.provisioning ?? 'karpenter',
    nodePools: [
      {
        name: 'flink-spot-first',
        capacityTypes: ['spot', 'on-demand'],
        instanceTypes: [
          'm5.xlarge',
          'm5.2xlarge',
          'm6i.xlarge',
          'm6i.2xlarge',
          'm7i.xlarge',
          'm7i.2xlarge',
          'c6i.2xlarge',
          'r6i.xlarge',
        ],
        consolidateAfterMs: MINUTE,
        cpuLimit: 400,
      },
      {
        name: 'flink-on-demand',
        capacityTypes: ['on-demand'],
        instanceTypes: [
          'm6i.large',
          'm6i.xlarge',
          'm6i.2xlarge',
          'm7i.xlarge',
          'c6i.xlarge',
        ],
        consolidateAfterMs: 5 * MINUTE,
        cpuLimit: 200,
      },
    ],
    nodeGroups: [
      {
        name: 'ng-flink-on-demand',
        instanceType: 'm5.2xlarge',
        capacityType: 'on-demand',
        minSize: 2,
        maxSize: 40,
      },
    ],
    pipelines: PIPELINES.map(demoPipeline),
  };
  return {
    name: options.provisioning === 'node-groups' ? 'demo-node-groups' : 'demo',
    seed: 'demo',
    dayMs,
    behaviour: { ...REALISTIC_BEHAVIOUR, spotInterruptionMeanMs: 60 * MINUTE },
    clusters: [cluster],
  };
}
