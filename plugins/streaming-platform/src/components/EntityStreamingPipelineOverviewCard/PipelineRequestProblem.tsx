import { STREAMING_PIPELINE_ANNOTATION } from '@internal/backstage-plugin-streaming-platform-common';
import { RequestProblem, statusOf } from '../shared';

/** Whether every request about this pipeline will fail the same way. */
export function isPipelineUnavailable(error: Error | undefined): boolean {
  const status = statusOf(error);
  return status === 403 || status === 404;
}

/**
 * A request about a pipeline failed and there is nothing to show. An unknown
 * pipeline and a denied permission are things the user can act on, so they
 * get an explanation instead of an error panel.
 */
export function PipelineRequestProblem(props: {
  error: Error;
  /** `<cluster>/<namespace>/<name>`. */
  pipelineRef: string;
  /** What could not be loaded, for the error panel's title. */
  title?: string;
}) {
  const { error, pipelineRef } = props;
  return (
    <RequestProblem
      error={error}
      what={props.title}
      deniedSubject="this pipeline"
      deniedAction={`reading ${pipelineRef}`}
      notFound={{
        title: 'No live data for this pipeline yet',
        description: `The streaming-platform backend knows no FlinkDeployment ${pipelineRef}. Check that the entity's ${STREAMING_PIPELINE_ANNOTATION} annotation names the cluster, namespace and name of the FlinkDeployment, and that the cluster is configured under streamingPlatform.clusters.`,
      }}
    />
  );
}
