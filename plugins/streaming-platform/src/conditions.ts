import { Entity } from '@backstage/catalog-model';
import { STREAMING_PIPELINE_COMPONENT_TYPE } from '@internal/backstage-plugin-streaming-platform-common';

/**
 * Whether an entity is a streaming pipeline: a Component of
 * `spec.type: streaming-pipeline`. Use it to show the Streaming tab.
 *
 * @public
 */
export function isStreamingPipelineAvailable(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'component' &&
    entity.spec?.type === STREAMING_PIPELINE_COMPONENT_TYPE
  );
}

/**
 * Whether an entity is a Group, whose team view lists the pipelines it owns.
 *
 * @public
 */
export function isStreamingTeamAvailable(entity: Entity): boolean {
  return entity.kind.toLocaleLowerCase('en-US') === 'group';
}
