import { InfoCardVariants } from '@backstage/core-components';
import { stringifyPipelineRef } from '@internal/backstage-plugin-streaming-platform-common';
import { PipelineAnnotationGate } from './PipelineAnnotationGate';
import { PipelineOverviewCard } from './PipelineOverviewCard';
import { usePipelineDetail } from './usePipelineDetail';

function PolledOverviewCard(props: {
  pipelineRef: string;
  variant?: InfoCardVariants;
}) {
  const detail = usePipelineDetail(props.pipelineRef);
  return (
    <PipelineOverviewCard
      pipelineRef={props.pipelineRef}
      detail={detail}
      variant={props.variant}
    />
  );
}

/**
 * A pipeline Component's streaming state at a glance, for its Overview tab:
 * job state, parallelism, TaskManagers, lag against target, spot share, cost
 * per day and the last scaling. Refreshes every 30 s.
 */
export function EntityStreamingPipelineOverviewCard(props: {
  variant?: InfoCardVariants;
}) {
  return (
    <PipelineAnnotationGate>
      {pipelineRef => (
        <PolledOverviewCard
          pipelineRef={stringifyPipelineRef(pipelineRef)}
          variant={props.variant}
        />
      )}
    </PipelineAnnotationGate>
  );
}
