import { AutoscalerSettings } from './autoscaler';
import { TrafficProfile } from './traffic';

/** Requests of one container, in millicores and MiB. */
export interface PodResources {
  cpuMillis: number;
  memoryMiB: number;
}

/**
 * Where a pipeline's TaskManagers run: `spot-first` on the platform's
 * spot-and-on-demand NodePool (Karpenter picks spot while it can), or
 * `on-demand` only. JobManagers always run on on-demand capacity.
 */
export type CapacityProfile = 'spot-first' | 'on-demand';

/** One Flink pipeline: a FlinkDeployment reading an MSK topic. */
export interface PipelineSpec {
  namespace: string;
  name: string;
  /** The Backstage group that owns it; a label on its objects. */
  team: string;
  topic: string;
  consumerGroup: string;
  partitions: number;
  traffic: TrafficProfile;
  /** Records per second one subtask (slot) processes at 100 % busy. */
  slotThroughput: number;
  taskSlots: number;
  taskManager: PodResources;
  jobManager: PodResources;
  initialParallelism: number;
  autoscaler: AutoscalerSettings;
  checkpointIntervalMs: number;
  capacityProfile: CapacityProfile;
  /**
   * The lag its owners accept, seconds; written as the FlinkDeployment's
   * `streaming-platform.io/lag-target-seconds` annotation when set.
   */
  lagTargetSeconds?: number;
  flinkVersion: string;
  image: string;
}

/** A Karpenter NodePool of the emulated cluster. */
export interface NodePoolSpec {
  name: string;
  capacityTypes: Array<'spot' | 'on-demand'>;
  instanceTypes: string[];
  consolidateAfterMs: number;
  /** Maximum vCPUs of all its nodes. */
  cpuLimit: number;
}

/** A managed node group (Cluster Autoscaler mode): one instance type. */
export interface NodeGroupSpec {
  name: string;
  instanceType: string;
  capacityType: 'spot' | 'on-demand';
  minSize: number;
  maxSize: number;
}

/**
 * Latencies and rates of the platform; each is documented with its source in
 * the emulator's README.
 */
export interface PlatformBehaviour {
  /** EC2 launch request → instance running (NodeClaim Launched). */
  launchMedianMs: number;
  /** Launched → kubelet registered the Node (NodeClaim Registered). */
  registerMedianMs: number;
  /** Registered → node Ready and startup taints gone (Initialized, Ready). */
  initializeMedianMs: number;
  /** Spread (sigma of the log) of the three latencies above. */
  latencySigma: number;
  /** Pod bound → containers started (image pull, JVM start). */
  podStartMedianMs: number;
  /** Job restart after a rescale or a lost TaskManager. */
  restartMedianMs: number;
  /** Chance that a spot launch of one type and zone fails for capacity. */
  spotInsufficientCapacityChance: number;
  /** Mean time between interruptions of one spot node. */
  spotInterruptionMeanMs: number;
  /** Node-group mode: Cluster Autoscaler scan period and ASG launch-to-ready. */
  nodeGroupScanMs: number;
  nodeGroupLaunchMedianMs: number;
  /** Node-group mode: an unneeded node is removed after this long. */
  nodeGroupScaleDownUnneededMs: number;
}

export interface ClusterSpec {
  name: string;
  region: string;
  mskClusterName: string;
  provisioning: 'karpenter' | 'node-groups';
  nodePools: NodePoolSpec[];
  nodeGroups: NodeGroupSpec[];
  pipelines: PipelineSpec[];
}

export interface ScenarioSpec {
  name: string;
  seed: string;
  /** Length of a traffic "day" (compressed in the demo). */
  dayMs: number;
  behaviour: PlatformBehaviour;
  clusters: ClusterSpec[];
}
