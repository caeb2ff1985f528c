export { EntityStreamingPipelineOverviewCard } from './EntityStreamingPipelineOverviewCard';
export { PipelineOverviewCard } from './PipelineOverviewCard';
export { PipelineAnnotationGate } from './PipelineAnnotationGate';
export {
  PipelineRequestProblem,
  isPipelineUnavailable,
} from './PipelineRequestProblem';
export { usePipelineDetail } from './usePipelineDetail';
