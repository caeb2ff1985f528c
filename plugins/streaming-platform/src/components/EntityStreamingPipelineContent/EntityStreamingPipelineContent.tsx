import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
  WarningPanel,
} from '@backstage/core-components';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import {
  PipelineRef,
  STREAMING_PIPELINE_ANNOTATION,
  parsePipelineRef,
  stringifyPipelineRef,
} from '@internal/backstage-plugin-streaming-platform-common';
import { usePipelineList } from '../../hooks/usePipelineList';
import { DataSourcesCard } from '../DataSourcesCard';

function LiveData(props: { pipelineRef: PipelineRef }) {
  const { pipelineRef } = props;
  const { value, loading, error } = usePipelineList({
    cluster: pipelineRef.cluster,
  });
  if (loading) {
    return <Progress />;
  }
  if (error || !value) {
    return (
      <ResponseErrorPanel
        title="Could not reach the streaming-platform backend"
        error={error ?? new Error('No answer')}
      />
    );
  }
  const ref = stringifyPipelineRef(pipelineRef);
  const known = value.items.find(item => item.ref === ref);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <InfoCard title="Live data">
          {known ? (
            <StructuredMetadataTable
              metadata={{
                'Job state': known.jobState,
                Parallelism: known.parallelism,
                TaskManagers: `${known.taskManagers.ready} ready of ${known.taskManagers.total}`,
                'Spot share now': `${Math.round(
                  known.spotMixNow.spot * 100,
                )} % of requested vCPU`,
                Lag:
                  known.lag.latest?.timeLagSeconds === undefined
                    ? `no reading yet (target ${known.lag.targetSeconds} s)`
                    : `${Math.round(
                        known.lag.latest.timeLagSeconds,
                      )} s (target ${known.lag.targetSeconds} s${
                        known.lag.breached ? ', above target' : ''
                      })`,
              }}
            />
          ) : (
            <EmptyState
              missing="data"
              title="No live data for this pipeline yet"
              description={`The streaming-platform backend knows no FlinkDeployment ${ref}. The data sources panel says why.`}
            />
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <DataSourcesCard sources={value.sources} />
      </Grid>
    </Grid>
  );
}

/**
 * The Streaming tab of a pipeline Component: the FlinkDeployment its
 * annotation names, and what the backend knows of it.
 */
export function EntityStreamingPipelineContent() {
  const { entity } = useEntity();
  const value = entity.metadata.annotations?.[STREAMING_PIPELINE_ANNOTATION];
  if (!value) {
    return (
      <MissingAnnotationEmptyState annotation={STREAMING_PIPELINE_ANNOTATION} />
    );
  }
  let pipelineRef: PipelineRef;
  try {
    pipelineRef = parsePipelineRef(value);
  } catch (e) {
    return (
      <WarningPanel
        severity="error"
        title={`The ${STREAMING_PIPELINE_ANNOTATION} annotation is malformed`}
        message={(e as Error).message}
      />
    );
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard title="Pipeline">
          <StructuredMetadataTable
            metadata={{
              Cluster: pipelineRef.cluster,
              Namespace: pipelineRef.namespace,
              FlinkDeployment: pipelineRef.name,
            }}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <LiveData pipelineRef={pipelineRef} />
      </Grid>
    </Grid>
  );
}
