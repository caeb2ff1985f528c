import { PlatformTimeSeriesResponse } from '@internal/backstage-plugin-streaming-platform-common';
import { formatDuration } from '../shared';

/** Where a platform series comes from, for a chart's "Source:" caption. */
export function sampleSource(response: PlatformTimeSeriesResponse): string {
  const step = formatDuration(response.stepSeconds);
  return response.resolution === 'hour'
    ? `hourly rollups of the recorded samples of the Kubernetes watch, averaged over ${step}`
    : `recorded samples of the Kubernetes watch (one a minute), averaged over ${step}`;
}
