import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { TeamSummaryResponse } from '@internal/backstage-plugin-streaming-platform-common';
import { ReactNode } from 'react';
import { CostValue, formatDuration, formatPercent } from '../shared';

function Figure(props: { label: string; children: ReactNode; note?: string }) {
  return (
    <Box role="group" aria-label={props.label} minWidth={160}>
      <Typography variant="caption" color="textSecondary" component="div">
        {props.label}
      </Typography>
      <Typography variant="h6" component="div">
        {props.children}
      </Typography>
      {props.note && (
        <Typography variant="caption" color="textSecondary" component="div">
          {props.note}
        </Typography>
      )}
    </Box>
  );
}

/** How the team's cost moved against the 24 hours before, in words. */
function costTrend(summary: TeamSummaryResponse): string | undefined {
  const now = summary.cost24h?.usd;
  const before = summary.costPrevious24h?.usd;
  if (now === undefined || !before) return undefined;
  const change = now / before - 1;
  if (Math.abs(change) < 0.005) return 'about the same as the 24 h before';
  return `${change > 0 ? '+' : '−'}${formatPercent(
    Math.abs(change),
  )} against the 24 h before`;
}

/**
 * The team at a glance, from the backend's team-level figures: cost and its
 * trend, spot share, and scaling response (the case study's "faster
 * scaling", measured).
 */
export function TeamHeadline(props: {
  summary: TeamSummaryResponse;
  costWithheld: boolean;
}) {
  const { summary, costWithheld } = props;
  const breachingNow = summary.pipelines.filter(p => p.lag.breached).length;
  const response = summary.scalingResponse;
  return (
    <Box display="flex" flexWrap="wrap" gridGap={32}>
      <Figure
        label="Pipelines"
        note={`${breachingNow} above their lag target now`}
      >
        {summary.pipelines.length}
      </Figure>
      <Figure label="Cost, last 24 h (estimate)" note={costTrend(summary)}>
        <CostValue usd={summary.cost24h?.usd} withheld={costWithheld} />
      </Figure>
      <Figure label="Spot share, last 24 h">
        {formatPercent(summary.spotMix24h?.spot)}
      </Figure>
      <Figure
        label="Scaling response, last 24 h"
        note={`${response.count} scale-ups; trigger → new TaskManagers ready`}
      >
        {response.count
          ? `p50 ${formatDuration(response.p50)} · p95 ${formatDuration(
              response.p95,
            )}`
          : '—'}
      </Figure>
    </Box>
  );
}
