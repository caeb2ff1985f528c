import { createApiRef } from '@backstage/core-plugin-api';
import {
  HealthResponse,
  PipelineListResponse,
} from '@internal/backstage-plugin-streaming-platform-common';

/**
 * The streaming-platform backend, as the frontend sees it.
 *
 * @public
 */
export interface StreamingPlatformApi {
  /** Whether the backend plugin is up; needs no sign-in. */
  getHealth(): Promise<HealthResponse>;
  /**
   * The pipelines the backend knows about, with the state of every source
   * behind the answer.
   *
   * @param options - `cluster` limits the answer to one cluster.
   * @throws ResponseError when the backend answers with an error.
   */
  listPipelines(options?: { cluster?: string }): Promise<PipelineListResponse>;
}

/**
 * @public
 */
export const streamingPlatformApiRef = createApiRef<StreamingPlatformApi>({
  id: 'plugin.streaming-platform.service',
});
