/**
 * The streaming-platform frontend plugin: pipelines, teams and the platform's
 * scaling, spot mix, lag and cost. This entry point serves apps on the legacy
 * frontend system; `./alpha` serves the new one.
 *
 * @packageDocumentation
 */

export {
  streamingPlatformPlugin,
  StreamingPlatformPage,
  EntityStreamingPipelineContent,
  EntityStreamingPipelineOverviewCard,
  EntityStreamingTeamContent,
  StreamingPipelineCostEstimateFieldExtension,
  StreamingPipelineConsumerGroupFieldExtension,
  StreamingPlatformClusterFieldExtension,
  StreamingPlatformMskClusterFieldExtension,
} from './plugin';
export {
  isStreamingPipelineAvailable,
  isStreamingTeamAvailable,
} from './conditions';
export { streamingPlatformApiRef, StreamingPlatformClient } from './api';
export type { StreamingPlatformApi, TimeWindow } from './api';
export { rootRouteRef } from './routes';
export type { CostEstimateSummary } from './components/CostEstimateField';
