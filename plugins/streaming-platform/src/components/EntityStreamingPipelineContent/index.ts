export { EntityStreamingPipelineContent } from './EntityStreamingPipelineContent';
