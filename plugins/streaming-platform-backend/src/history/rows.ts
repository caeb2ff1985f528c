import {
  CapacityType,
  PriceSource,
} from '@internal/backstage-plugin-streaming-platform-common';
import {
  LagSample,
  NodeClaimLifecycle,
  NodePoolSample,
  PipelineSample,
  PodLifecycle,
  RecordedEvent,
} from '../analysis/types';

/*
 * Row ↔ record mapping. PostgreSQL returns bigint columns as strings, so
 * every number read goes through `num`.
 */

const MAX_MESSAGE = 4000;

const num = (v: unknown): number => Number(v);
const optNum = (v: unknown): number | undefined =>
  v === null || v === undefined ? undefined : Number(v);
const optStr = (v: unknown): string | undefined =>
  v === null || v === undefined ? undefined : String(v);
const nul = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

export const eventToRow = (e: RecordedEvent) => ({
  cluster: e.cluster,
  uid: e.uid,
  count: e.count,
  namespace: nul(e.namespace),
  involved_kind: e.involvedKind,
  involved_name: e.involvedName,
  involved_namespace: nul(e.involvedNamespace),
  reason: e.reason,
  type: e.type,
  message: e.message.slice(0, MAX_MESSAGE),
  component: nul(e.component),
  at: e.at,
  pipeline_ref: nul(e.pipelineRef),
  node_pool: nul(e.nodePool),
});

export const rowToEvent = (r: any): RecordedEvent => ({
  cluster: r.cluster,
  uid: r.uid,
  count: num(r.count),
  namespace: optStr(r.namespace),
  involvedKind: r.involved_kind,
  involvedName: r.involved_name,
  involvedNamespace: optStr(r.involved_namespace),
  reason: r.reason,
  type: r.type === 'Warning' ? 'Warning' : 'Normal',
  message: r.message,
  component: optStr(r.component),
  at: num(r.at),
  pipelineRef: optStr(r.pipeline_ref),
  nodePool: optStr(r.node_pool),
});

export const podToRow = (p: PodLifecycle) => ({
  cluster: p.cluster,
  uid: p.uid,
  namespace: p.namespace,
  name: p.name,
  pipeline_ref: nul(p.pipelineRef),
  role: nul(p.role),
  node_name: nul(p.nodeName),
  node_pool: nul(p.nodePool),
  capacity_type: nul(p.capacityType),
  cpu_millis: p.cpuMillis,
  memory_mib: p.memoryMiB,
  created_at: p.createdAt,
  scheduled_at: nul(p.scheduledAt),
  ready_at: nul(p.readyAt),
  deleted_at: nul(p.deletedAt),
});

export const rowToPod = (r: any): PodLifecycle => ({
  cluster: r.cluster,
  uid: r.uid,
  namespace: r.namespace,
  name: r.name,
  pipelineRef: optStr(r.pipeline_ref),
  role: optStr(r.role) as PodLifecycle['role'],
  nodeName: optStr(r.node_name),
  nodePool: optStr(r.node_pool),
  capacityType: optStr(r.capacity_type) as CapacityType | undefined,
  cpuMillis: num(r.cpu_millis),
  memoryMiB: num(r.memory_mib),
  createdAt: num(r.created_at),
  scheduledAt: optNum(r.scheduled_at),
  readyAt: optNum(r.ready_at),
  deletedAt: optNum(r.deleted_at),
});

export const claimToRow = (c: NodeClaimLifecycle) => ({
  cluster: c.cluster,
  uid: c.uid,
  name: c.name,
  node_pool: c.nodePool,
  node_name: nul(c.nodeName),
  capacity_type: c.capacityType,
  instance_type: c.instanceType,
  zone: c.zone,
  created_at: c.createdAt,
  launched_at: nul(c.launchedAt),
  registered_at: nul(c.registeredAt),
  initialized_at: nul(c.initializedAt),
  ready_at: nul(c.readyAt),
  deleted_at: nul(c.deletedAt),
  disruption_reason: nul(c.disruptionReason),
});

export const rowToClaim = (r: any): NodeClaimLifecycle => ({
  cluster: r.cluster,
  uid: r.uid,
  name: r.name,
  nodePool: r.node_pool,
  nodeName: optStr(r.node_name),
  capacityType: r.capacity_type,
  instanceType: r.instance_type,
  zone: r.zone,
  createdAt: num(r.created_at),
  launchedAt: optNum(r.launched_at),
  registeredAt: optNum(r.registered_at),
  initializedAt: optNum(r.initialized_at),
  readyAt: optNum(r.ready_at),
  deletedAt: optNum(r.deleted_at),
  disruptionReason: optStr(r.disruption_reason),
});

export const pipelineSampleToRow = (s: PipelineSample) => ({
  pipeline_ref: s.pipelineRef,
  at: s.at,
  parallelism: s.parallelism,
  task_managers: s.taskManagers,
  vcpu_spot: s.vcpuByCapacityType.spot,
  vcpu_on_demand: s.vcpuByCapacityType['on-demand'],
  vcpu_reserved: s.vcpuByCapacityType.reserved,
  cost_usd_per_hour: s.costUsdPerHour,
  on_demand_usd_per_hour: s.onDemandUsdPerHour,
  price_sources: [...s.priceSources].sort().join(','),
});

export const rowToPipelineSample = (r: any): PipelineSample => ({
  pipelineRef: r.pipeline_ref,
  at: num(r.at),
  parallelism: num(r.parallelism),
  taskManagers: num(r.task_managers),
  vcpuByCapacityType: {
    spot: num(r.vcpu_spot),
    'on-demand': num(r.vcpu_on_demand),
    reserved: num(r.vcpu_reserved),
  },
  costUsdPerHour: num(r.cost_usd_per_hour),
  onDemandUsdPerHour: num(r.on_demand_usd_per_hour),
  priceSources: r.price_sources
    ? (String(r.price_sources).split(',') as PriceSource[])
    : [],
});

export const lagSampleToRow = (s: LagSample) => ({
  pipeline_ref: s.pipelineRef,
  at: s.at,
  time_lag_seconds: nul(s.timeLagSeconds),
  max_offset_lag: nul(s.maxOffsetLag),
  sum_offset_lag: nul(s.sumOffsetLag),
});

export const rowToLagSample = (r: any): LagSample => ({
  pipelineRef: r.pipeline_ref,
  at: num(r.at),
  timeLagSeconds: optNum(r.time_lag_seconds),
  maxOffsetLag: optNum(r.max_offset_lag),
  sumOffsetLag: optNum(r.sum_offset_lag),
});

export const poolSampleToRow = (s: NodePoolSample) => ({
  cluster: s.cluster,
  node_pool: s.nodePool,
  at: s.at,
  nodes_spot: s.nodesByCapacityType.spot,
  nodes_on_demand: s.nodesByCapacityType['on-demand'],
  nodes_reserved: s.nodesByCapacityType.reserved,
  vcpu_spot: s.vcpuByCapacityType.spot,
  vcpu_on_demand: s.vcpuByCapacityType['on-demand'],
  vcpu_reserved: s.vcpuByCapacityType.reserved,
  cost_usd_per_hour: s.costUsdPerHour,
  on_demand_usd_per_hour: s.onDemandUsdPerHour,
  idle_usd_per_hour: s.idleUsdPerHour,
});

export const rowToPoolSample = (r: any): NodePoolSample => ({
  cluster: r.cluster,
  nodePool: r.node_pool,
  at: num(r.at),
  nodesByCapacityType: {
    spot: num(r.nodes_spot),
    'on-demand': num(r.nodes_on_demand),
    reserved: num(r.nodes_reserved),
  },
  vcpuByCapacityType: {
    spot: num(r.vcpu_spot),
    'on-demand': num(r.vcpu_on_demand),
    reserved: num(r.vcpu_reserved),
  },
  costUsdPerHour: num(r.cost_usd_per_hour),
  onDemandUsdPerHour: num(r.on_demand_usd_per_hour),
  idleUsdPerHour: num(r.idle_usd_per_hour),
});
