/**
 * The streaming-platform backend plugin.
 *
 * @packageDocumentation
 */

export { streamingPlatformPlugin as default } from './plugin';
export {
  streamingPipelineConditions,
  createStreamingPipelineConditionalDecision,
  streamingPipelinePermissionRules,
  streamingPipelinePermissionResourceRef,
} from './permissions/rules';
export type {
  StreamingPipelineResource,
  StreamingPipelineQuery,
} from './permissions/rules';
