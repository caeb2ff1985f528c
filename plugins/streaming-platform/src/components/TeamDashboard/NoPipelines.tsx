import { EmptyState } from '@backstage/core-components';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  STREAMING_PIPELINE_ANNOTATION,
  STREAMING_PIPELINE_COMPONENT_TYPE,
} from '@internal/backstage-plugin-streaming-platform-common';

/** A Component that would make a pipeline the team's, owned by `group`. */
export function exampleComponent(group: string): string {
  const { name } = parseEntityRef(group, { defaultKind: 'group' });
  return `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: card-authorizations
  annotations:
    # <cluster>/<namespace>/<FlinkDeployment name>
    ${STREAMING_PIPELINE_ANNOTATION}: eks-prod/payments/card-authorizations
spec:
  type: ${STREAMING_PIPELINE_COMPONENT_TYPE}
  lifecycle: production
  owner: ${group.startsWith('group:default/') ? name : group}`;
}

/** The team owns no pipeline in the catalog: how to give it one. */
export function NoPipelines(props: { group: string; name: string }) {
  const { group, name } = props;
  return (
    <EmptyState
      missing="data"
      title={`${name} owns no streaming pipelines`}
      description={`A pipeline shows here when a Component of spec.type ${STREAMING_PIPELINE_COMPONENT_TYPE} names this team in spec.owner (${group}) and its ${STREAMING_PIPELINE_ANNOTATION} annotation names a FlinkDeployment the backend watches. For example:`}
      action={
        <pre aria-label="Example catalog entity">{exampleComponent(group)}</pre>
      }
    />
  );
}
