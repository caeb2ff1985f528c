import { PipelineAnnotationGate } from '../EntityStreamingPipelineOverviewCard';
import { PipelineStreamingTab } from './PipelineStreamingTab';

/**
 * The Streaming tab of a pipeline Component: the FlinkDeployment its
 * annotation names, what it is doing now, and its lag, scaling, spot mix,
 * cost and nodes over time.
 */
export function EntityStreamingPipelineContent() {
  return (
    <PipelineAnnotationGate>
      {pipelineRef => <PipelineStreamingTab pipelineRef={pipelineRef} />}
    </PipelineAnnotationGate>
  );
}
