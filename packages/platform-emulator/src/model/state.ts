import { MinuteSample } from './autoscaler';
import { PipelineSpec } from './scenario';

export type CapacityType = 'spot' | 'on-demand';

/** A node of the emulated cluster, from launch request to termination. */
export interface SimNode {
  name: string;
  uid: string;
  /** The NodeClaim behind it (Karpenter mode), and its uid once stored. */
  nodeClaim?: string;
  nodeClaimUid?: string;
  /** NodePool (Karpenter) or node group (node-group mode). */
  pool: string;
  instanceType: string;
  zone: string;
  capacityType: CapacityType;
  architecture: 'amd64' | 'arm64';
  providerId: string;
  privateIp: string;
  capacityCpuMillis: number;
  capacityMemoryMiB: number;
  allocatableCpuMillis: number;
  allocatableMemoryMiB: number;
  requestedCpuMillis: number;
  requestedMemoryMiB: number;
  pods: Set<string>;
  /** Pods on it with karpenter.sh/do-not-disrupt (JobManagers). */
  doNotDisruptPods: number;
  state: 'launching' | 'registered' | 'ready' | 'draining';
  createdAtMs: number;
  launchedAtMs?: number;
  registeredAtMs?: number;
  readyAtMs?: number;
  disruptedAtMs?: number;
  disruptionReason?: 'Empty' | 'Underutilized' | 'Interrupted' | 'ScaleDown';
  emptySinceMs?: number;
  /** Pods that Karpenter nominated to this node while it launches. */
  nominated: Set<string>;
}

export type PodRole = 'jobmanager' | 'taskmanager';

/** A JobManager or TaskManager pod. */
export interface SimPod {
  key: string;
  namespace: string;
  name: string;
  uid: string;
  pipeline: SimPipeline;
  role: PodRole;
  cpuMillis: number;
  memoryMiB: number;
  /** The NodePool or node group it must run in, and the node label that names it. */
  pool: string;
  poolLabelKey: 'karpenter.sh/nodepool' | 'eks.amazonaws.com/nodegroup';
  nodeName?: string;
  createdAtMs: number;
  scheduledAtMs?: number;
  startedAtMs?: number;
  readyAtMs?: number;
  /** Set once the scheduler found no room, until it is placed. */
  unschedulableSinceMs?: number;
  unschedulableMessage?: string;
  nominatedNode?: string;
  /** The node's address once bound, and the pod's own (from the VPC CNI). */
  hostIp?: string;
  podIp: string;
  deleting: boolean;
}

export type JobState =
  | 'CREATED'
  | 'RUNNING'
  | 'RESTARTING'
  | 'SUSPENDED'
  | 'FAILED';

/** A running Flink pipeline and its Kafka offsets. */
export interface SimPipeline {
  spec: PipelineSpec;
  ref: string;
  uid: string;
  jobId: string;
  vertexIds: [string, string];
  /** Parallelism the job runs with now. */
  parallelism: number;
  /** Parallelism it is moving to (equals parallelism when settled). */
  targetParallelism: number;
  jobState: JobState;
  jobStartMs: number;
  runningSinceMs: number;
  restartEndsAtMs?: number;
  scaleDownPendingSinceMs?: number;
  /** Records produced to / processed from / committed for the topic. */
  produced: number;
  consumed: number;
  committed: number;
  lastCheckpointMs: number;
  samples: MinuteSample[];
  jobManager?: string;
  taskManagers: Set<string>;
  /** TaskManagers registered with the JobManager (ready, not being deleted). */
  readyTaskManagers: Set<string>;
  taskManagerSeq: number;
  suspended: boolean;
  deleted: boolean;
  /** Created through the API: its spec belongs to the client, only status is ours. */
  managedByClient: boolean;
  /** Last rescale, for the autoscaler ConfigMap's history. */
  history: Array<{ atMs: number; from: number; to: number }>;
}
