import { stringifyEntityRef } from '@backstage/catalog-model';
import { EmptyState } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { STREAMING_PIPELINE_COMPONENT_TYPE } from '@internal/backstage-plugin-streaming-platform-common';
import { PipelinesOverview } from '../PipelinesOverview';

/** The Streaming tab of a Group: the pipelines the team owns. */
export function EntityStreamingTeamContent() {
  const { entity } = useEntity();
  const ownerRef = stringifyEntityRef(entity);
  const name = entity.metadata.title ?? entity.metadata.name;
  return (
    <PipelinesOverview
      title={`Streaming pipelines owned by ${name}`}
      ownerRef={ownerRef}
      emptyContent={
        <EmptyState
          missing="data"
          title={`${name} owns no streaming pipelines`}
          description={`Pipelines appear here when a Component of spec.type ${STREAMING_PIPELINE_COMPONENT_TYPE} names this team in spec.owner (${ownerRef}).`}
        />
      }
    />
  );
}
