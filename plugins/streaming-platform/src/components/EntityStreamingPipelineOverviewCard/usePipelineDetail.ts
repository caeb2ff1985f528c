import { useApi } from '@backstage/core-plugin-api';
import { PipelineDetailResponse } from '@internal/backstage-plugin-streaming-platform-common';
import { streamingPlatformApiRef } from '../../api';
import { Polled, usePolling } from '../shared';

/** One pipeline now, refreshed every 30 s without blanking what is shown. */
export function usePipelineDetail(
  pipelineRef: string,
): Polled<PipelineDetailResponse> {
  const api = useApi(streamingPlatformApiRef);
  return usePolling(() => api.getPipeline(pipelineRef), [api, pipelineRef], {
    intervalMs: 30_000,
  });
}
