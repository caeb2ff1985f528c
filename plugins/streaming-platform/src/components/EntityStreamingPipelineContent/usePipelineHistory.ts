import { useApi } from '@backstage/core-plugin-api';
import {
  PipelineEventsResponse,
  PipelineTimeSeriesResponse,
} from '@internal/backstage-plugin-streaming-platform-common';
import { streamingPlatformApiRef } from '../../api';
import { Polled, TimeRangeId, usePolling, windowOf } from '../shared';

/**
 * A pipeline's series and scaling events over the chosen range, each polled
 * every 30 s. The window slides: every refresh asks for the range ending now.
 * The four charts share one series request, since the backend reads the same
 * samples for each; each chart still shows the request's state on its own.
 */
export function usePipelineHistory(
  pipelineRef: string,
  range: TimeRangeId,
): {
  series: Polled<PipelineTimeSeriesResponse>;
  events: Polled<PipelineEventsResponse>;
} {
  const api = useApi(streamingPlatformApiRef);
  const series = usePolling(
    () => api.getPipelineTimeSeries(pipelineRef, windowOf(range)),
    [api, pipelineRef, range],
  );
  const events = usePolling(
    () => api.getPipelineEvents(pipelineRef, windowOf(range)),
    [api, pipelineRef, range],
  );
  return { series, events };
}
