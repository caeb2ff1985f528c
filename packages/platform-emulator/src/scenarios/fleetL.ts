import { ClusterSpec, PipelineSpec, ScenarioSpec } from '../model/scenario';
import { createRandom } from '../random';
import { REALISTIC_BEHAVIOUR } from './behaviour';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const TEAMS = 40;

/**
 * `fleet-L`: a large customer for benchmarks — 3 clusters, 600 pipelines of
 * 40 teams, sized for about 2,400 nodes and 48,000 pods, with real-time
 * patterns (a 24-hour day, spikes every few hours) and real autoscaler
 * windows.
 */
export function fleetLScenario(): ScenarioSpec {
  const clusters: ClusterSpec[] = [
    { name: 'eks-prod-us-east-1-a', region: 'us-east-1' },
    { name: 'eks-prod-eu-west-1', region: 'eu-west-1' },
    { name: 'eks-prod-us-east-1-b', region: 'us-east-1' },
  ].map(({ name, region }, c) => ({
    name,
    region,
    mskClusterName: `msk-${name.replace('eks-', '')}`,
    provisioning: 'karpenter',
    nodePools: [
      {
        name: 'flink-spot-first',
        capacityTypes: ['spot', 'on-demand'],
        instanceTypes: [
          'm5.2xlarge',
          'm5.4xlarge',
          'm6i.2xlarge',
          'm6i.4xlarge',
          'm7i.2xlarge',
          'm7i.4xlarge',
          'c6i.4xlarge',
          'r6i.2xlarge',
        ],
        consolidateAfterMs: 5 * MINUTE,
        cpuLimit: 20000,
      },
      {
        name: 'flink-on-demand',
        capacityTypes: ['on-demand'],
        instanceTypes: ['m6i.large', 'm6i.xlarge', 'm6i.2xlarge', 'c6i.xlarge'],
        consolidateAfterMs: 10 * MINUTE,
        cpuLimit: 2000,
      },
    ],
    nodeGroups: [],
    pipelines: Array.from({ length: 200 }, (_, i) => fleetPipeline(c, i)),
  }));
  return {
    name: 'fleet-L',
    seed: 'fleet-L',
    dayMs: DAY,
    behaviour: REALISTIC_BEHAVIOUR,
    clusters,
  };
}

function fleetPipeline(cluster: number, index: number): PipelineSpec {
  const random = createRandom(`fleet-L/${cluster}/${index}`);
  const team = (cluster * 200 + index) % TEAMS;
  const namespace = `team-${String(team).padStart(2, '0')}`;
  const name = `pipeline-${cluster}-${String(index).padStart(3, '0')}`;
  const slotThroughput = 1000;
  // About 60 TaskManagers (one slot each) at the base rate, 80 at peaks.
  const baseRate = random.uniform(29_000, 53_000);
  const partitions = 128;
  return {
    namespace,
    name,
    team: `team-${String(team).padStart(2, '0')}`,
    topic: `${name}-in`,
    consumerGroup: `${namespace}.${name}`,
    partitions,
    lagTargetSeconds: 120,
    traffic: {
      baseRate,
      dailyAmplitude: random.uniform(0.2, 0.5),
      peakPhase: random.uniform(0.4, 0.8),
      spikeEveryMs: random.chance(0.5) ? random.uniform(3, 8) * 60 * MINUTE : 0,
      spikeFactor: random.uniform(1.5, 2.5),
      spikeDurationMs: random.uniform(5, 20) * MINUTE,
      noise: 0.05,
    },
    slotThroughput,
    taskSlots: 1,
    taskManager: { cpuMillis: 500, memoryMiB: 2048 },
    jobManager: { cpuMillis: 1000, memoryMiB: 2048 },
    initialParallelism: Math.min(
      partitions,
      Math.ceil(baseRate / (slotThroughput * 0.7)),
    ),
    autoscaler: {
      enabled: true,
      utilizationTarget: 0.7,
      utilizationMin: 0.5,
      utilizationMax: 0.85,
      stabilizationMs: 5 * MINUTE,
      metricsWindowMs: 10 * MINUTE,
      scaleDownIntervalMs: 60 * MINUTE,
      catchUpMs: 15 * MINUTE,
      backlogLagThresholdMs: 5 * MINUTE,
      scaleUpMaxFactor: 100000,
      scaleDownMaxFactor: 0.6,
      minParallelism: 8,
      maxParallelism: partitions,
    },
    checkpointIntervalMs: 2 * MINUTE,
    capacityProfile: random.chance(0.9) ? 'spot-first' : 'on-demand',
    flinkVersion: 'v1_20',
    image: 'flink:1.20.3-scala_2.12-java17',
  };
}
