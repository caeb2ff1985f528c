import { PipelineTimeSeriesResponse } from '@internal/backstage-plugin-streaming-platform-common';

/** Whether any point carries a recorded pod sample (not just lag). */
export function hasPodSamples(response: PipelineTimeSeriesResponse): boolean {
  return response.points.some(
    p => p.parallelism !== undefined || p.vcpuByCapacityType !== undefined,
  );
}

/** What the panels say when the backend has recorded nothing in the window. */
export const NO_SAMPLES_HINT =
  'The backend records one sample per minute while it watches the cluster. Pick a longer range, or come back in a few minutes.';
