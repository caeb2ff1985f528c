import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { STREAMING_PIPELINE_RESOURCE_TYPE } from '@internal/backstage-plugin-streaming-platform-common';

/**
 * A pipeline as permission rules see it.
 *
 * @public
 */
export interface StreamingPipelineResource {
  /** `<cluster>/<namespace>/<name>`. */
  ref: string;
  cluster: string;
  namespace: string;
  name: string;
  /** The FlinkDeployment's `streaming-platform.io/team` label. */
  team?: string;
}

/**
 * Conditions are applied in memory, to the index; a query is a predicate.
 *
 * @public
 */
export type StreamingPipelineQuery = (
  pipeline: StreamingPipelineResource,
) => boolean;

/**
 * The permission resource ref of streaming pipelines.
 *
 * @public
 */
export const streamingPipelinePermissionResourceRef =
  createPermissionResourceRef<
    StreamingPipelineResource,
    StreamingPipelineQuery
  >().with({
    pluginId: 'streaming-platform',
    resourceType: STREAMING_PIPELINE_RESOURCE_TYPE,
  });

const isInCluster = createPermissionRule<
  typeof streamingPipelinePermissionResourceRef,
  { clusters: string[] }
>({
  name: 'IS_IN_CLUSTER',
  description: 'Allow pipelines running on one of the given clusters',
  resourceRef: streamingPipelinePermissionResourceRef,
  apply: (pipeline, { clusters }) => clusters.includes(pipeline.cluster),
  toQuery:
    ({ clusters }) =>
    pipeline =>
      clusters.includes(pipeline.cluster),
});

const isInNamespace = createPermissionRule<
  typeof streamingPipelinePermissionResourceRef,
  { namespaces: string[] }
>({
  name: 'IS_IN_NAMESPACE',
  description: 'Allow pipelines in one of the given Kubernetes namespaces',
  resourceRef: streamingPipelinePermissionResourceRef,
  apply: (pipeline, { namespaces }) => namespaces.includes(pipeline.namespace),
  toQuery:
    ({ namespaces }) =>
    pipeline =>
      namespaces.includes(pipeline.namespace),
});

const isOwnedByTeam = createPermissionRule<
  typeof streamingPipelinePermissionResourceRef,
  { teams: string[] }
>({
  name: 'IS_OWNED_BY_TEAM',
  description:
    "Allow pipelines whose FlinkDeployment's streaming-platform.io/team label is one of the given teams",
  resourceRef: streamingPipelinePermissionResourceRef,
  apply: (pipeline, { teams }) =>
    pipeline.team !== undefined && teams.includes(pipeline.team),
  toQuery:
    ({ teams }) =>
    pipeline =>
      pipeline.team !== undefined && teams.includes(pipeline.team),
});

/**
 * The permission rules of streaming pipelines.
 *
 * @public
 */
export const streamingPipelinePermissionRules = {
  isInCluster,
  isInNamespace,
  isOwnedByTeam,
};

const { conditions, createConditionalDecision } = createConditionExports({
  resourceRef: streamingPipelinePermissionResourceRef,
  rules: streamingPipelinePermissionRules,
});

/**
 * Condition factories for permission policies, e.g.
 * `streamingPipelineConditions.isOwnedByTeam({ teams: ['team-payments'] })`.
 *
 * @public
 */
export const streamingPipelineConditions = conditions;

/**
 * Wraps conditions into a decision for a streaming pipeline permission.
 *
 * @public
 */
export const createStreamingPipelineConditionalDecision =
  createConditionalDecision;
