import { Entity } from '@backstage/catalog-model';
import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { StuckOnDemandPipeline } from '@internal/backstage-plugin-streaming-platform-common';
import { useMemo } from 'react';
import {
  CostValue,
  formatDuration,
  formatPercent,
  formatTime,
} from '../shared';
import { usePipelineEntities } from './usePipelineEntities';

interface Row {
  id: string;
  stuck: StuckOnDemandPipeline;
  entity?: Entity;
  hours: number;
  share: number;
  costUsd?: number;
}

const WHAT =
  'Pipelines with at least half of their requested vCPU on on-demand nodes in every recorded minute for an hour or more: spot capacity was short for them, or they are not spot-first. Longest first.';

const COLUMNS: TableColumn<Row>[] = [
  {
    title: 'Pipeline',
    field: 'id',
    highlight: true,
    render: row => (
      <>
        {row.entity ? <EntityRefLink entityRef={row.entity} /> : row.id}
        {row.entity ? (
          <Typography variant="caption" color="textSecondary" display="block">
            {row.id}
          </Typography>
        ) : null}
      </>
    ),
  },
  { title: 'Team', field: 'stuck.team', emptyValue: '—' },
  {
    title: 'On on-demand for',
    field: 'hours',
    type: 'numeric',
    render: row => (
      <span title={`since ${formatTime(row.stuck.since)}`}>
        {formatDuration(row.hours * 3600)}
      </span>
    ),
  },
  {
    title: 'On-demand share now',
    field: 'share',
    type: 'numeric',
    render: row => formatPercent(row.share),
  },
  {
    title: 'Cost per hour',
    field: 'costUsd',
    type: 'numeric',
    render: row => (
      <CostValue usd={row.costUsd} withheld={!row.stuck.costPerHour} />
    ),
  },
];

/**
 * Pipelines that have lost spot for long: each costs more than it should,
 * and a platform engineer may want to widen its NodePool's instance types.
 * Each links to its catalog entity where the catalog knows it.
 */
export function StuckOnDemandTable(props: {
  /** Undefined when the backend does not report it (an older version). */
  pipelines: StuckOnDemandPipeline[] | undefined;
}) {
  const pipelines = useMemo(() => props.pipelines ?? [], [props.pipelines]);
  const entities = usePipelineEntities(pipelines.map(p => p.ref));
  const rows: Row[] = pipelines.map(stuck => ({
    id: stuck.ref,
    stuck,
    entity: entities.value?.get(stuck.ref.toLocaleLowerCase('en-US')),
    hours: stuck.hours,
    share: stuck.onDemandShareNow,
    costUsd: stuck.costPerHour?.usd,
  }));
  const reported = props.pipelines !== undefined;
  // The same element each render: Table remounts its body for a new one.
  const empty = useMemo(
    () => (
      <Box p={2} role="status">
        <Typography variant="subtitle1">
          {reported
            ? 'No pipeline has run mostly on on-demand for an hour or more'
            : 'The backend does not report pipelines stuck on on-demand yet'}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {reported
            ? 'Spot-first pipelines are getting spot capacity: none has had half or more of its requested vCPU on on-demand nodes for an hour straight.'
            : 'Upgrade the streaming-platform backend to list them.'}
        </Typography>
      </Box>
    ),
    [reported],
  );
  return (
    <Box component="section" aria-label="Pipelines stuck on on-demand capacity">
      {entities.error ? (
        <Typography variant="caption" color="textSecondary" role="status">
          Could not read the catalog ({entities.error.message}), so pipelines
          are not linked to their entity pages.
        </Typography>
      ) : null}
      <Table<Row>
        title="Pipelines stuck on on-demand capacity"
        subtitle={WHAT}
        options={{ paging: false, search: false, padding: 'dense' }}
        columns={COLUMNS}
        data={rows}
        emptyContent={empty}
      />
    </Box>
  );
}
