import { InfoCard, Progress, WarningPanel } from '@backstage/core-components';
import { parseEntityRef } from '@backstage/catalog-model';
import Grid from '@material-ui/core/Grid';
import { STREAMING_PIPELINE_ANNOTATION } from '@internal/backstage-plugin-streaming-platform-common';
import { useMemo } from 'react';
import { useCatalogPipelines } from '../../hooks/useCatalogPipelines';
import { DataSourcesCard } from '../DataSourcesCard';
import {
  EmulatorBanner,
  RefreshProblem,
  SourceProblems,
  formatAge,
} from '../shared';
import { CostNote } from './CostNote';
import { NoPipelines } from './NoPipelines';
import { PermissionDenied, isPermissionDenied } from './PermissionDenied';
import { PipelineFiguresTable } from './PipelineFiguresTable';
import { RecentEpisodes } from './RecentEpisodes';
import { entitiesByPipelineRef, priceSourcesOf, toRows } from './rows';
import { TeamHeadline } from './TeamHeadline';
import { UnmatchedPipelines } from './UnmatchedPipelines';
import { usePipelineLinks } from './usePipelineLinks';
import { useStableRows } from './useStableRows';
import { useTeamSummary } from './useTeamSummary';

/**
 * Everything a team lead needs about the pipelines a Group owns: state, lag
 * against target, breaches, parallelism, spot share, cost and its trend,
 * savings, recent scaling, and the catalog pipelines no cluster reports.
 * Refreshes every 30 s; a failed refresh or a failing source degrades the
 * panel it concerns and says how old its data is.
 *
 * @param group - the Group's entity ref, e.g. `group:default/team-payments`.
 * @param name - what to call the team; defaults to the ref's name.
 */
export function TeamDashboard(props: { group: string; name?: string }) {
  const { group } = props;
  const name = props.name ?? parseEntityRef(group).name;
  const summary = useTeamSummary(group);
  // The catalog says which entity page each pipeline links to.
  const catalog = useCatalogPipelines({ ownerRef: group });
  const entities = useMemo(
    () => entitiesByPipelineRef(catalog.value, STREAMING_PIPELINE_ANNOTATION),
    [catalog.value],
  );
  const freshRows = useMemo(
    () => (summary.value ? toRows(summary.value, entities) : []),
    [summary.value, entities],
  );
  const rows = useStableRows(freshRows);
  const links = usePipelineLinks(rows);
  const costWithheld = useMemo(() => rows.some(r => r.costWithheld), [rows]);

  // Waiting for the catalog too renders 600 rows once, not once without
  // links and again with them.
  if (summary.loading || (catalog.loading && !summary.error)) {
    return <Progress />;
  }
  const value = summary.value;
  if (!value) {
    return isPermissionDenied(summary.error) ? (
      <PermissionDenied error={summary.error!} />
    ) : (
      <RefreshProblem polled={summary} title="the team's pipelines" />
    );
  }

  const title = `Streaming pipelines owned by ${name}`;
  const empty = !value.pipelines.length;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <EmulatorBanner sources={value.sources} />
        <RefreshProblem polled={summary} title="the team's pipelines" />
        <TeamHeadline summary={value} costWithheld={costWithheld} />
      </Grid>
      {catalog.error && (
        <Grid item xs={12}>
          <WarningPanel
            severity="warning"
            title="Could not read the team's pipelines from the catalog"
            message={`Rows do not link to their entity pages. ${catalog.error.message}`}
          />
        </Grid>
      )}
      {(value.unmatched.length > 0 || empty) && (
        <Grid item xs={12}>
          <UnmatchedPipelines unmatched={value.unmatched} />
          {empty && !value.unmatched.length && (
            <NoPipelines group={group} name={name} />
          )}
        </Grid>
      )}
      {!empty && (
        <Grid item xs={12}>
          <InfoCard
            title={title}
            subheader={`Last 24 hours; updated ${formatAge(
              summary.loadedAt
                ? new Date(summary.loadedAt).toISOString()
                : undefined,
            )}, every 30 s`}
          >
            <SourceProblems
              sources={value.sources}
              kinds={['kubernetes', 'cloudwatch', 'prices', 'catalog']}
              what="Pipelines"
            />
            <PipelineFiguresTable rows={rows} links={links} title={title} />
            <CostNote priceSources={priceSourcesOf(value)} />
          </InfoCard>
        </Grid>
      )}
      {!empty && (
        <Grid item xs={12} md={6}>
          <InfoCard
            title="Recent scaling"
            subheader="Scale-ups and scale-downs of the last 24 hours, newest first"
          >
            <SourceProblems
              sources={value.sources}
              kinds={['database']}
              what="Scaling history"
            />
            <RecentEpisodes episodes={value.recentEpisodes} links={links} />
          </InfoCard>
        </Grid>
      )}
      <Grid item xs={12} md={empty ? 12 : 6}>
        <DataSourcesCard sources={value.sources} />
      </Grid>
    </Grid>
  );
}
