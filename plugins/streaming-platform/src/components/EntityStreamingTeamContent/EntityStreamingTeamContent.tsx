import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { TeamDashboard } from '../TeamDashboard';

/** The Streaming tab of a Group: the team dashboard of that Group. */
export function EntityStreamingTeamContent() {
  const { entity } = useEntity();
  return (
    <TeamDashboard
      group={stringifyEntityRef(entity)}
      name={entity.metadata.title ?? entity.metadata.name}
    />
  );
}
