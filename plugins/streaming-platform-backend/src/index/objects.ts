import {
  CapacityType,
  FLINK_DEPLOYMENT_ANNOTATIONS,
  TEAM_LABEL,
} from '@internal/backstage-plugin-streaming-platform-common';
import { NodeClaimLifecycle, RecordedEvent } from '../analysis/types';
import { KubeObject } from '../kubernetes/types';
import { parseCpuMillis, parseMemoryMiB } from './quantities';

/*
 * Pure readers of the Kubernetes objects the index keeps: each turns a
 * watched object into the few fields the analysis needs (PRODUCT.md §3).
 */

/** A FlinkDeployment, as the index keeps it. */
export interface PipelineObject {
  namespace: string;
  name: string;
  uid: string;
  team?: string;
  jobState: string;
  lifecycleState?: string;
  specParallelism: number;
  taskSlots: number;
  lagTargetSeconds?: number;
  topic?: string;
  consumerGroup?: string;
  mskCluster?: string;
}

/** A pod, as the index keeps it. */
export interface PodObject {
  namespace: string;
  name: string;
  uid: string;
  /** `<namespace>/<app>` for Flink pods (labels app + component). */
  pipelineKey?: string;
  role?: 'jobmanager' | 'taskmanager';
  nodeName?: string;
  cpuMillis: number;
  memoryMiB: number;
  phase: string;
  ready: boolean;
  /** Holds node capacity: bound and neither Succeeded nor Failed. */
  active: boolean;
  createdAt: number;
  scheduledAt?: number;
  readyAt?: number;
  deletingAt?: number;
}

/** A node, as the index keeps it. */
export interface NodeObject {
  name: string;
  capacityType: CapacityType;
  instanceType: string;
  zone: string;
  region: string;
  nodePool?: string;
  nodePoolKind: 'karpenter' | 'node-group' | 'none';
  cpuMillis: number;
  memoryMiB: number;
  ready: boolean;
}

const time = (value: unknown): number | undefined => {
  if (value instanceof Date) return value.getTime();
  if (typeof value !== 'string' || !value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
};

const record = (value: unknown): Record<string, any> =>
  value && typeof value === 'object' ? (value as Record<string, any>) : {};

/** `karpenter.sh/capacity-type`, or a managed node group's capacity type. */
export function capacityTypeOf(
  labels: Record<string, string>,
): CapacityType | undefined {
  const karpenter = labels['karpenter.sh/capacity-type'];
  if (karpenter === 'spot' || karpenter === 'on-demand') return karpenter;
  if (karpenter === 'reserved') return 'reserved';
  const nodeGroup = labels['eks.amazonaws.com/capacityType'];
  if (nodeGroup === 'SPOT') return 'spot';
  if (nodeGroup === 'ON_DEMAND') return 'on-demand';
  if (nodeGroup === 'CAPACITY_BLOCK') return 'reserved';
  return undefined;
}

export function readPipeline(object: KubeObject): PipelineObject | undefined {
  const meta = object.metadata ?? {};
  if (!meta.name || !meta.namespace) return undefined;
  const spec = record(object.spec);
  const status = record(object.status);
  const conf = record(spec.flinkConfiguration);
  const annotations = meta.annotations ?? {};
  const lagTarget = Number(
    annotations[FLINK_DEPLOYMENT_ANNOTATIONS.lagTargetSeconds],
  );
  return {
    namespace: meta.namespace,
    name: meta.name,
    uid: meta.uid ?? '',
    team: meta.labels?.[TEAM_LABEL],
    jobState: String(record(status.jobStatus).state ?? 'UNKNOWN'),
    lifecycleState:
      typeof status.lifecycleState === 'string'
        ? status.lifecycleState
        : undefined,
    specParallelism: Number(record(spec.job).parallelism) || 1,
    taskSlots: Number(conf['taskmanager.numberOfTaskSlots']) || 1,
    lagTargetSeconds:
      Number.isFinite(lagTarget) && lagTarget > 0 ? lagTarget : undefined,
    topic:
      annotations[FLINK_DEPLOYMENT_ANNOTATIONS.sourceTopic] ??
      (conf['kafka.source.topic'] as string | undefined),
    consumerGroup:
      annotations[FLINK_DEPLOYMENT_ANNOTATIONS.consumerGroup] ??
      (conf['kafka.source.group-id'] as string | undefined),
    mskCluster: annotations[FLINK_DEPLOYMENT_ANNOTATIONS.mskCluster],
  };
}

function conditionTime(
  conditions: unknown,
  type: string,
  status = 'True',
): number | undefined {
  if (!Array.isArray(conditions)) return undefined;
  const found = conditions.find(c => c?.type === type && c?.status === status);
  return found ? time(found.lastTransitionTime) : undefined;
}

export function readPod(object: KubeObject): PodObject | undefined {
  const meta = object.metadata ?? {};
  if (!meta.name || !meta.namespace) return undefined;
  const spec = record(object.spec);
  const status = record(object.status);
  let cpuMillis = 0;
  let memoryMiB = 0;
  for (const container of Array.isArray(spec.containers)
    ? spec.containers
    : []) {
    const requests = record(record(container?.resources).requests);
    cpuMillis += parseCpuMillis(requests.cpu);
    memoryMiB += parseMemoryMiB(requests.memory);
  }
  const labels = meta.labels ?? {};
  const component = labels.component;
  const role =
    component === 'jobmanager' || component === 'taskmanager'
      ? component
      : undefined;
  const phase = String(status.phase ?? 'Pending');
  const nodeName =
    typeof spec.nodeName === 'string' && spec.nodeName
      ? spec.nodeName
      : undefined;
  const readyAt = conditionTime(status.conditions, 'Ready');
  return {
    namespace: meta.namespace,
    name: meta.name,
    uid: meta.uid ?? '',
    pipelineKey:
      role && labels.app ? `${meta.namespace}/${labels.app}` : undefined,
    role,
    nodeName,
    cpuMillis,
    memoryMiB,
    phase,
    ready: readyAt !== undefined,
    active: !!nodeName && phase !== 'Succeeded' && phase !== 'Failed',
    createdAt: time(meta.creationTimestamp) ?? 0,
    scheduledAt: conditionTime(status.conditions, 'PodScheduled'),
    readyAt,
    deletingAt: time(meta.deletionTimestamp),
  };
}

export function readNode(object: KubeObject): NodeObject | undefined {
  const meta = object.metadata ?? {};
  if (!meta.name) return undefined;
  const labels = meta.labels ?? {};
  const status = record(object.status);
  const capacity = record(status.capacity);
  const karpenterPool = labels['karpenter.sh/nodepool'];
  const nodeGroup = labels['eks.amazonaws.com/nodegroup'];
  return {
    name: meta.name,
    // A node without a capacity-type label is on-demand: that is what EC2
    // bills for an instance nobody asked to be spot or reserved.
    capacityType: capacityTypeOf(labels) ?? 'on-demand',
    instanceType:
      labels['node.kubernetes.io/instance-type'] ??
      labels['beta.kubernetes.io/instance-type'] ??
      'unknown',
    zone: labels['topology.kubernetes.io/zone'] ?? '',
    region: labels['topology.kubernetes.io/region'] ?? '',
    nodePool: karpenterPool ?? nodeGroup,
    nodePoolKind: poolKind(karpenterPool, nodeGroup),
    cpuMillis: parseCpuMillis(capacity.cpu),
    memoryMiB: parseMemoryMiB(capacity.memory),
    ready: conditionTime(status.conditions, 'Ready') !== undefined,
  };
}

export function readNodeClaim(
  cluster: string,
  object: KubeObject,
): NodeClaimLifecycle | undefined {
  const meta = object.metadata ?? {};
  if (!meta.name) return undefined;
  const labels = meta.labels ?? {};
  const status = record(object.status);
  const conditions = status.conditions;
  const disruption = Array.isArray(conditions)
    ? conditions.find(
        c => c?.type === 'DisruptionReason' && c?.status === 'True',
      )
    : undefined;
  return {
    cluster,
    name: meta.name,
    uid: meta.uid ?? meta.name,
    nodePool: labels['karpenter.sh/nodepool'] ?? '',
    nodeName:
      typeof status.nodeName === 'string' && status.nodeName
        ? status.nodeName
        : undefined,
    capacityType: capacityTypeOf(labels) ?? 'on-demand',
    instanceType: labels['node.kubernetes.io/instance-type'] ?? 'unknown',
    zone: labels['topology.kubernetes.io/zone'] ?? '',
    createdAt: time(meta.creationTimestamp) ?? 0,
    launchedAt: conditionTime(conditions, 'Launched'),
    registeredAt: conditionTime(conditions, 'Registered'),
    initializedAt: conditionTime(conditions, 'Initialized'),
    readyAt: conditionTime(conditions, 'Ready'),
    deletedAt: time(meta.deletionTimestamp),
    disruptionReason:
      typeof disruption?.reason === 'string' ? disruption.reason : undefined,
  };
}

/** A core/v1 or events.k8s.io/v1 Event; its pipeline and pool are resolved by the index. */
export function readEvent(
  cluster: string,
  object: KubeObject,
): RecordedEvent | undefined {
  const meta = object.metadata ?? {};
  const involved = record(object.involvedObject ?? object.regarding);
  const series = record(object.series);
  const source = record(object.source);
  const at =
    time(object.lastTimestamp) ??
    time(series.lastObservedTime) ??
    time(object.eventTime) ??
    time(object.firstTimestamp) ??
    time(meta.creationTimestamp);
  if (!meta.name || at === undefined || typeof involved.kind !== 'string') {
    return undefined;
  }
  const count = Number(object.count ?? series.count ?? 1);
  const component =
    source.component ?? object.reportingController ?? object.reportingComponent;
  return {
    cluster,
    uid: meta.uid ?? `${meta.namespace ?? ''}/${meta.name}`,
    count: Number.isFinite(count) && count > 0 ? count : 1,
    namespace: meta.namespace,
    involvedKind: involved.kind,
    involvedName: String(involved.name ?? ''),
    involvedNamespace:
      typeof involved.namespace === 'string' ? involved.namespace : undefined,
    reason: String(object.reason ?? ''),
    type: object.type === 'Warning' ? 'Warning' : 'Normal',
    message: String(object.message ?? object.note ?? ''),
    component:
      typeof component === 'string' && component ? component : undefined,
    at,
  };
}

function poolKind(
  karpenterPool: string | undefined,
  nodeGroup: string | undefined,
): NodeObject['nodePoolKind'] {
  if (karpenterPool) return 'karpenter';
  return nodeGroup ? 'node-group' : 'none';
}
