import { Content, EmptyState, Header, Page } from '@backstage/core-components';
import {
  STREAMING_PIPELINE_ANNOTATION,
  STREAMING_PIPELINE_COMPONENT_TYPE,
} from '@internal/backstage-plugin-streaming-platform-common';
import { PipelinesOverview } from '../PipelinesOverview';

const EXAMPLE = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: card-authorizations
  annotations:
    ${STREAMING_PIPELINE_ANNOTATION}: eks-prod/payments/card-authorizations
spec:
  type: ${STREAMING_PIPELINE_COMPONENT_TYPE}
  lifecycle: production
  owner: team-payments`;

/** The body of the /streaming-platform page, for either frontend system. */
export function StreamingPlatformPageContent() {
  return (
    <Content>
      <PipelinesOverview
        title="Streaming pipelines"
        emptyContent={
          <EmptyState
            missing="data"
            title="No streaming pipelines in the catalog"
            description={`Register Components of spec.type ${STREAMING_PIPELINE_COMPONENT_TYPE} with the ${STREAMING_PIPELINE_ANNOTATION} annotation, for example:`}
            action={<pre>{EXAMPLE}</pre>}
          />
        }
      />
    </Content>
  );
}

/** The /streaming-platform page with its own header, for the legacy app. */
export function StreamingPlatformPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Streaming platform"
        subtitle="Flink pipelines on Karpenter-backed EKS: scaling, spot mix, lag and cost"
      />
      <StreamingPlatformPageContent />
    </Page>
  );
}
