import { WarningPanel } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  STREAMING_PIPELINE_ANNOTATION,
  TeamSummaryResponse,
} from '@internal/backstage-plugin-streaming-platform-common';

/**
 * Catalog pipelines of the team that no cluster reports: the annotation
 * names a FlinkDeployment the backend cannot see. Called out with what to
 * check, since such a pipeline is otherwise silently missing from the totals.
 */
export function UnmatchedPipelines(props: {
  unmatched: TeamSummaryResponse['unmatched'];
}) {
  const { unmatched } = props;
  if (!unmatched.length) return null;
  return (
    <WarningPanel
      severity="info"
      defaultExpanded
      title={`${unmatched.length} catalog ${
        unmatched.length === 1 ? 'pipeline has' : 'pipelines have'
      } no live FlinkDeployment`}
      message={`These Components belong to the team, but no configured cluster reports the FlinkDeployment their ${STREAMING_PIPELINE_ANNOTATION} annotation names, so they are not in the table or the totals. Check that the annotation reads <cluster>/<namespace>/<name> of a deployed FlinkDeployment, that the cluster is configured under streamingPlatform.clusters, and that the backend may read the namespace.`}
    >
      <ul aria-label="Pipelines without a FlinkDeployment">
        {unmatched.map(u => (
          <li key={u.entityRef}>
            <EntityRefLink entityRef={u.entityRef} /> names{' '}
            <code>{u.pipelineRef}</code>
          </li>
        ))}
      </ul>
    </WarningPanel>
  );
}
