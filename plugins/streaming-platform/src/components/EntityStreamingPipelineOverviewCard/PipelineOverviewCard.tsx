import {
  InfoCard,
  InfoCardVariants,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { PipelineDetailResponse } from '@internal/backstage-plugin-streaming-platform-common';
import { Polled, PolledContent } from '../shared';
import { PipelineRequestProblem } from './PipelineRequestProblem';
import { overviewMetadata } from './overviewMetadata';

/**
 * A pipeline now, from an answer polled elsewhere: the Streaming tab shares
 * one request between this card and the panels that need the same answer.
 */
export function PipelineOverviewCard(props: {
  /** `<cluster>/<namespace>/<name>`. */
  pipelineRef: string;
  detail: Polled<PipelineDetailResponse>;
  variant?: InfoCardVariants;
}) {
  const { pipelineRef } = props;
  return (
    <InfoCard
      title="Streaming pipeline"
      titleTypographyProps={{ component: 'h2' }}
      subheader={`FlinkDeployment ${pipelineRef}`}
      variant={props.variant}
    >
      <PolledContent
        polled={props.detail}
        title="the pipeline"
        sourcesTitle="Pipeline"
        problem={error => (
          <PipelineRequestProblem
            error={error}
            pipelineRef={pipelineRef}
            title="the pipeline"
          />
        )}
      >
        {value => (
          <StructuredMetadataTable metadata={overviewMetadata(value)} />
        )}
      </PolledContent>
    </InfoCard>
  );
}
