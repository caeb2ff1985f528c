import { InputError } from '@backstage/errors';

/**
 * The `spec.type` of catalog Components that are streaming pipelines.
 *
 * @public
 */
export const STREAMING_PIPELINE_COMPONENT_TYPE = 'streaming-pipeline';

/**
 * The annotation that links a catalog entity to its pipeline: one
 * FlinkDeployment, written `<cluster>/<namespace>/<flinkdeployment-name>`.
 *
 * @example
 * ```yaml
 * metadata:
 *   annotations:
 *     streaming-platform.io/pipeline: eks-prod-eu-west-1/payments/card-authorizations
 * ```
 *
 * @public
 */
export const STREAMING_PIPELINE_ANNOTATION = 'streaming-platform.io/pipeline';

/**
 * Identifies one pipeline: a `FlinkDeployment` in a namespace of a cluster.
 *
 * @public
 */
export interface PipelineRef {
  /** The cluster's name as configured in `streamingPlatform.clusters`. */
  cluster: string;
  /** The Kubernetes namespace of the FlinkDeployment. */
  namespace: string;
  /** The name of the FlinkDeployment. */
  name: string;
}

// EKS allows letters, digits, '-' and '_' in cluster names, up to 100 characters.
const CLUSTER_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
// Namespaces are DNS-1123 labels.
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
// FlinkDeployment names are DNS-1123 subdomains.
const RESOURCE_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

/**
 * Whether a cluster name is usable in pipeline references and configuration.
 *
 * @public
 */
export function isValidClusterName(name: string): boolean {
  return CLUSTER_NAME.test(name);
}

/**
 * Parses a pipeline reference of the form `<cluster>/<namespace>/<name>`.
 *
 * @throws InputError naming the part that is malformed.
 * @public
 */
export function parsePipelineRef(value: string): PipelineRef {
  const parts = value.trim().split('/');
  if (parts.length !== 3) {
    throw new InputError(
      `Pipeline reference '${value}' must have the form <cluster>/<namespace>/<flinkdeployment-name>`,
    );
  }
  const [cluster, namespace, name] = parts;
  if (!isValidClusterName(cluster)) {
    throw new InputError(
      `Pipeline reference '${value}' has an invalid cluster name '${cluster}': use letters, digits, '-' and '_' (at most 100)`,
    );
  }
  if (!NAMESPACE.test(namespace)) {
    throw new InputError(
      `Pipeline reference '${value}' has an invalid namespace '${namespace}': use a DNS-1123 label (lowercase letters, digits and '-', at most 63)`,
    );
  }
  if (!RESOURCE_NAME.test(name)) {
    throw new InputError(
      `Pipeline reference '${value}' has an invalid FlinkDeployment name '${name}': use a DNS-1123 subdomain (lowercase letters, digits, '-' and '.', at most 253)`,
    );
  }
  return { cluster, namespace, name };
}

/**
 * Formats a pipeline reference as `<cluster>/<namespace>/<name>`.
 *
 * @public
 */
export function stringifyPipelineRef(ref: PipelineRef): string {
  return `${ref.cluster}/${ref.namespace}/${ref.name}`;
}

/**
 * Annotations on a FlinkDeployment that the backend reads: the pipeline's lag
 * target in seconds, and the MSK topic and consumer group whose CloudWatch
 * lag metrics are the pipeline's lag.
 *
 * @public
 */
export const FLINK_DEPLOYMENT_ANNOTATIONS = {
  lagTargetSeconds: 'streaming-platform.io/lag-target-seconds',
  sourceTopic: 'streaming-platform.io/source-topic',
  consumerGroup: 'streaming-platform.io/consumer-group',
  mskCluster: 'streaming-platform.io/msk-cluster',
} as const;

/**
 * The label on a FlinkDeployment naming the team (Backstage Group) that owns it.
 *
 * @public
 */
export const TEAM_LABEL = 'streaming-platform.io/team';
