import {
  CapacityType,
  NodePoolOverview,
  PipelinePod,
  PipelineSummary,
  PriceSource,
} from '@internal/backstage-plugin-streaming-platform-common';
import {
  allocatePodCost,
  nodeIdleCost,
  costFigures,
} from '../analysis/costAllocation';
import { spotMixNow } from '../analysis/spotMix';
import {
  CostSplitOptions,
  LagSample,
  NodePoolSample,
  PipelineSample,
} from '../analysis/types';
import { ClusterIndex, IndexedPipeline } from './PlatformIndex';

/*
 * Views of the index "now": what one pipeline or NodePool looks like at this
 * moment, composed from the reverse maps. Pure over the index state.
 */

export interface ViewOptions {
  costSplit: CostSplitOptions;
  defaultLagTargetSeconds: number;
}

// Pods keep their creation time for their life: format each one once.
const isoTimes = new Map<number, string>();
function isoTime(ms: number): string {
  let iso = isoTimes.get(ms);
  if (iso === undefined) {
    if (isoTimes.size > 200_000) isoTimes.clear();
    iso = new Date(ms).toISOString();
    isoTimes.set(ms, iso);
  }
  return iso;
}

export const zeroByCapacityType = (): Record<CapacityType, number> => ({
  spot: 0,
  'on-demand': 0,
  reserved: 0,
});

/** A pipeline's pods now, with their nodes' capacity type and cost rate. */
export function pipelineNow(
  cluster: ClusterIndex,
  pipeline: IndexedPipeline,
  options: ViewOptions,
) {
  const key = `${pipeline.namespace}/${pipeline.name}`;
  const pods = cluster.podsOfPipeline(key);
  const vcpu = zeroByCapacityType();
  let usd = 0;
  let onDemandUsd = 0;
  const sources = new Set<PriceSource>();
  let taskManagers = 0;
  let taskManagersReady = 0;
  for (const pod of pods) {
    if (pod.role === 'taskmanager' && !pod.deletingAt) {
      taskManagers++;
      if (pod.ready) taskManagersReady++;
    }
    if (!pod.active || !pod.nodeName) continue;
    const node = cluster.nodes.get(pod.nodeName);
    if (!node) continue;
    vcpu[node.capacityType] += pod.cpuMillis / 1000;
    const cost = allocatePodCost(pod, node, node.price, options.costSplit);
    usd += cost.usdPerHour;
    onDemandUsd += cost.onDemandUsdPerHour;
    sources.add(node.price.source);
    sources.add(node.price.onDemandSource);
  }
  return {
    pods,
    vcpu,
    taskManagers,
    taskManagersReady,
    parallelism: pipeline.reportedParallelism ?? pipeline.specParallelism,
    cost: costFigures(usd, onDemandUsd, sources),
  };
}

export function pipelineSummary(
  cluster: ClusterIndex,
  pipeline: IndexedPipeline,
  lag: LagSample | undefined,
  options: ViewOptions & { includeCost: boolean },
): PipelineSummary {
  const now = pipelineNow(cluster, pipeline, options);
  const targetSeconds =
    pipeline.lagTargetSeconds ?? options.defaultLagTargetSeconds;
  return {
    ref: pipeline.ref,
    cluster: pipeline.cluster,
    namespace: pipeline.namespace,
    name: pipeline.name,
    team: pipeline.team,
    jobState: pipeline.jobState,
    lifecycleState: pipeline.lifecycleState,
    parallelism: now.parallelism,
    taskManagers: { ready: now.taskManagersReady, total: now.taskManagers },
    spotMixNow: spotMixNow(now.vcpu),
    lag: {
      targetSeconds,
      latest: lag && {
        at: new Date(lag.at).toISOString(),
        timeLagSeconds: lag.timeLagSeconds,
        maxOffsetLag: lag.maxOffsetLag,
        sumOffsetLag: lag.sumOffsetLag,
      },
      breached: (lag?.timeLagSeconds ?? 0) > targetSeconds,
    },
    ...(options.includeCost ? { costPerHour: now.cost } : {}),
  };
}

export function pipelinePods(
  cluster: ClusterIndex,
  pipeline: IndexedPipeline,
): PipelinePod[] {
  return (
    cluster
      .podsOfPipeline(`${pipeline.namespace}/${pipeline.name}`)
      .map(pod => {
        const node = pod.nodeName ? cluster.nodes.get(pod.nodeName) : undefined;
        return {
          name: pod.name,
          role: pod.role ?? 'taskmanager',
          phase: pod.deletingAt ? 'Terminating' : pod.phase,
          ready: pod.ready,
          cpuCores: pod.cpuMillis / 1000,
          memoryGiB: pod.memoryMiB / 1024,
          createdAt: isoTime(pod.createdAt),
          nodeName: pod.nodeName,
          capacityType: node?.capacityType,
          instanceType: node?.instanceType,
          zone: node?.zone,
          nodePool: node?.nodePool,
        };
      })
      // JobManager first, then TaskManagers by name.
      .sort(
        (a, b) =>
          Number(a.role !== 'jobmanager') - Number(b.role !== 'jobmanager') ||
          // Code-unit order: pod names need no locale, and ICU is slow.
          (a.name < b.name ? -1 : Number(a.name > b.name)),
      )
  );
}

/** The minute sample the sampler records for a pipeline. */
export function pipelineSample(
  cluster: ClusterIndex,
  pipeline: IndexedPipeline,
  at: number,
  options: ViewOptions,
): PipelineSample {
  const now = pipelineNow(cluster, pipeline, options);
  return {
    pipelineRef: pipeline.ref,
    at,
    parallelism: now.parallelism,
    taskManagers: now.taskManagers,
    vcpuByCapacityType: now.vcpu,
    costUsdPerHour: now.cost.usd,
    onDemandUsdPerHour: now.cost.onDemandEquivalentUsd,
    priceSources: now.cost.priceSources,
  };
}

/** Every NodePool (or node group) of a cluster now: nodes, vCPU, cost, idle. */
export function nodePoolsNow(
  cluster: ClusterIndex,
  at: number,
  options: ViewOptions,
): Array<
  NodePoolSample & {
    kind: NodePoolOverview['kind'];
    priceSources: PriceSource[];
  }
> {
  const pools = new Map<
    string,
    NodePoolSample & {
      kind: NodePoolOverview['kind'];
      sources: Set<PriceSource>;
    }
  >();
  for (const name of cluster.nodePools) {
    pools.set(name, emptyPool(cluster.name, name, at, 'karpenter'));
  }
  for (const node of cluster.nodes.values()) {
    const poolName = node.nodePool ?? '(none)';
    let pool = pools.get(poolName);
    if (!pool) {
      pool = emptyPool(
        cluster.name,
        poolName,
        at,
        node.nodePoolKind === 'node-group' ? 'node-group' : 'karpenter',
      );
      pools.set(poolName, pool);
    }
    if (node.nodePoolKind === 'node-group') pool.kind = 'node-group';
    pool.nodesByCapacityType[node.capacityType]++;
    pool.vcpuByCapacityType[node.capacityType] += node.cpuMillis / 1000;
    const requests = [];
    for (const podKey of cluster.podsByNode.get(node.name) ?? []) {
      const pod = cluster.pods.get(podKey);
      if (pod?.active) requests.push(pod);
    }
    const idle = nodeIdleCost(node, node.price, requests, options.costSplit);
    pool.costUsdPerHour += node.price.usdPerHour;
    pool.onDemandUsdPerHour += node.price.onDemandUsdPerHour;
    pool.idleUsdPerHour += idle.usdPerHour;
    pool.sources.add(node.price.source);
    pool.sources.add(node.price.onDemandSource);
  }
  return [...pools.values()]
    .map(({ sources, ...pool }) => ({
      ...pool,
      priceSources: [...sources].sort(),
    }))
    .sort((a, b) => a.nodePool.localeCompare(b.nodePool));
}

function emptyPool(
  cluster: string,
  nodePool: string,
  at: number,
  kind: NodePoolOverview['kind'],
) {
  return {
    cluster,
    nodePool,
    at,
    kind,
    nodesByCapacityType: zeroByCapacityType(),
    vcpuByCapacityType: zeroByCapacityType(),
    costUsdPerHour: 0,
    onDemandUsdPerHour: 0,
    idleUsdPerHour: 0,
    sources: new Set<PriceSource>(),
  };
}
