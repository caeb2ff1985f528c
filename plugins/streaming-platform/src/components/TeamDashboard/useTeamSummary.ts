import { useApi } from '@backstage/core-plugin-api';
import { TeamSummaryResponse } from '@internal/backstage-plugin-streaming-platform-common';
import { streamingPlatformApiRef } from '../../api';
import { Polled, usePolling } from '../shared';

/** How often the dashboard asks again; the backend's figures move by the minute. */
export const TEAM_REFRESH_MS = 30_000;

/** A team's summary, refreshed every 30 s without blanking what is shown. */
export function useTeamSummary(group: string): Polled<TeamSummaryResponse> {
  const api = useApi(streamingPlatformApiRef);
  return usePolling(() => api.getTeamSummary(group), [api, group], {
    intervalMs: TEAM_REFRESH_MS,
  });
}
