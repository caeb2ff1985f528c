/**
 * What a developer fills in on the "New Flink streaming pipeline" form: the
 * template's parameters, flat, as the scaffolder passes them to its steps.
 * The template's JSON Schema, the form's field extensions, the
 * `streaming-platform:pipeline:validate` action and the backend all read
 * this one shape.
 *
 * @public
 */
export interface NewPipelineParameters {
  // About
  /** The FlinkDeployment's and the catalog Component's name (DNS-1035 label). */
  name: string;
  description: string;
  /** The owning Group, as an entity ref (`group:default/team-payments`). */
  owner: string;
  /** The System entity ref or name the pipeline belongs to. */
  system?: string;

  // Where it runs
  /** A cluster name from `streamingPlatform.clusters` (or the emulator's). */
  cluster: string;
  /** The Kubernetes namespace; the team's pipeline namespace. */
  namespace: string;

  // Source
  /** The MSK cluster name, from the configured clusters. */
  mskCluster: string;
  topics: string[];
  /** The Kafka consumer group: ASCII, no `:`, unique on the MSK cluster. */
  consumerGroup: string;
  startingOffsets: StartingOffsets;
  /** Partitions of the source topic(s): the ceiling of useful parallelism. */
  partitions: number;

  // Processing
  /** `local://`, `s3://` or `https://` URI of the job jar. */
  jarUri: string;
  /** A custom Flink image carrying the job; defaults to the version's image. */
  image?: string;
  entryClass: string;
  args?: string[];
  flinkVersion: SupportedFlinkVersion;
  taskManagerSize: TaskManagerSizeName;
  parallelism: number;
  minParallelism: number;
  maxParallelism: number;
  autoscaler: boolean;
  /** The autoscaler's utilization target, 0 < t ≤ 1. */
  utilizationTarget: number;
  lagTargetSeconds: number;

  // Sink
  /** Splunk HTTP Event Collector endpoint; https only. */
  hecEndpoint: string;
  splunkIndex: string;
  splunkSourcetype: string;
  /**
   * The name or ARN of the secret in AWS Secrets Manager that holds the HEC
   * token. Never the token itself.
   */
  hecTokenSecret: string;

  // Capacity and resilience
  capacityProfile: CapacityProfile;
  checkpointIntervalSeconds: number;
  /** `s3://bucket/prefix` for checkpoints and savepoints. */
  checkpointS3Path: string;
  upgradeMode: UpgradeMode;

  // Delivery
  /**
   * For GitOps setups: the repository in which the run opens a pull request
   * with the pipeline's files, as the RepoUrlPicker writes it
   * (`github.com?owner=platform&repo=streaming-pipelines`). Without it the
   * portal keeps the files itself and registers the pipeline at once.
   */
  gitOpsRepoUrl?: string;
}

/** @public */
export type StartingOffsets = 'committed' | 'earliest' | 'latest';

/**
 * `spot-first`: TaskManagers prefer spot on the platform's NodePool, the
 * JobManager stays on on-demand. `on-demand`: everything on on-demand.
 *
 * @public
 */
export type CapacityProfile = 'spot-first' | 'on-demand';

/** @public */
export type UpgradeMode = 'savepoint' | 'last-state' | 'stateless';

/**
 * Flink versions the form offers: those of the Flink Kubernetes Operator
 * 1.15 CRD's `flinkVersion` enum that the operator still supports.
 *
 * @public
 */
export const SUPPORTED_FLINK_VERSIONS = [
  'v1_18',
  'v1_19',
  'v1_20',
  'v2_0',
  'v2_1',
] as const;

/** @public */
export type SupportedFlinkVersion = (typeof SUPPORTED_FLINK_VERSIONS)[number];

/**
 * A TaskManager size: what one TaskManager pod requests and how many task
 * slots it offers.
 *
 * @public
 */
export interface TaskManagerSize {
  cpuCores: number;
  memoryGiB: number;
  taskSlots: number;
}

/** @public */
export type TaskManagerSizeName = 'small' | 'medium' | 'large';

/**
 * The TaskManager presets of the form. Memory per slot stays at 2 GiB, the
 * operator's usual ratio for Kafka-to-Splunk jobs with modest state.
 *
 * @public
 */
export const TASK_MANAGER_SIZES: Record<TaskManagerSizeName, TaskManagerSize> =
  {
    small: { cpuCores: 1, memoryGiB: 4, taskSlots: 2 },
    medium: { cpuCores: 2, memoryGiB: 8, taskSlots: 4 },
    large: { cpuCores: 4, memoryGiB: 16, taskSlots: 8 },
  };

/**
 * What every generated JobManager requests.
 *
 * @public
 */
export const JOB_MANAGER_SIZE = { cpuCores: 1, memoryGiB: 2 } as const;

/**
 * The consumer group the form proposes for a pipeline: unique per namespace
 * and name, and free of `:` (MSK publishes no lag metrics for groups with
 * one).
 *
 * @public
 */
export function defaultConsumerGroup(namespace: string, name: string): string {
  return `${namespace}.${name}`;
}

/**
 * The default Flink image of a version (the official image, Java 17).
 *
 * @public
 */
export function defaultFlinkImage(version: SupportedFlinkVersion): string {
  const [major, minor] = version.slice(1).split('_');
  return `flink:${major}.${minor}-java17`;
}
