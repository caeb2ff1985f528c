import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The permission resource type of a streaming pipeline; its resource ref is
 * the pipeline reference `<cluster>/<namespace>/<name>`.
 *
 * @public
 */
export const STREAMING_PIPELINE_RESOURCE_TYPE = 'streaming-pipeline';

/**
 * Allows reading a pipeline's state, scaling history, lag and spot mix.
 *
 * @public
 */
export const streamingPipelineReadPermission = createPermission({
  name: 'streaming-platform.pipeline.read',
  attributes: { action: 'read' },
  resourceType: STREAMING_PIPELINE_RESOURCE_TYPE,
});

/**
 * Allows reading a pipeline's cost figures; without it responses carry no cost.
 *
 * @public
 */
export const streamingPipelineCostReadPermission = createPermission({
  name: 'streaming-platform.pipeline.cost.read',
  attributes: { action: 'read' },
  resourceType: STREAMING_PIPELINE_RESOURCE_TYPE,
});

/**
 * Allows applying a new pipeline's manifests to a cluster through the
 * backend (self-service creation). Not tied to a resource: the pipeline
 * does not exist yet.
 *
 * @public
 */
export const streamingPipelineCreatePermission = createPermission({
  name: 'streaming-platform.pipeline.create',
  attributes: { action: 'create' },
});

/**
 * Every permission of the streaming platform plugins.
 *
 * @public
 */
export const streamingPlatformPermissions = [
  streamingPipelineReadPermission,
  streamingPipelineCostReadPermission,
  streamingPipelineCreatePermission,
];
