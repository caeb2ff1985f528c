import { Table, TableColumn } from '@backstage/core-components';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { NodePoolOverview } from '@internal/backstage-plugin-streaming-platform-common';
import { MouseEvent, useMemo, useRef } from 'react';
import { CostValue, formatCount, formatPercent } from '../shared';
import { DurationCell } from './DurationCell';
import { NodesCell } from './NodesCell';
import { SavingsValue } from './SavingsValue';
import { NodePoolRow, nodePoolRows } from './nodePoolRows';

const KIND_LABELS: Record<NodePoolOverview['kind'], string> = {
  karpenter: 'Karpenter NodePool',
  'node-group': 'managed node group',
};

function columns(select: (name: string) => void): TableColumn<NodePoolRow>[] {
  return [
    {
      title: 'NodePool',
      field: 'name',
      highlight: true,
      render: row => (
        <>
          {/* A button, so the row is selected by keyboard as well as by click. */}
          <Link
            component="button"
            variant="body2"
            aria-pressed={row.selected}
            title={`Chart NodePool ${row.name}`}
            onClick={(event: MouseEvent) => {
              event.stopPropagation();
              select(row.name);
            }}
          >
            {row.name}
          </Link>
          <Typography variant="caption" color="textSecondary" display="block">
            {KIND_LABELS[row.pool.kind]}
          </Typography>
        </>
      ),
    },
    {
      title: 'Nodes now',
      field: 'nodes',
      type: 'numeric',
      render: row => <NodesCell nodes={row.pool.nodesByCapacityType} />,
    },
    {
      title: 'Spot share',
      field: 'spotShare',
      type: 'numeric',
      render: row => formatPercent(row.spotShare),
    },
    {
      title: 'Cost per hour',
      field: 'costUsd',
      type: 'numeric',
      render: row => (
        <CostValue usd={row.costUsd} withheld={!row.pool.costPerHour} />
      ),
    },
    {
      title: 'Idle cost per hour',
      field: 'idleUsd',
      type: 'numeric',
      render: row => (
        <CostValue usd={row.idleUsd} withheld={!row.pool.costPerHour} />
      ),
    },
    {
      title: 'Savings vs on-demand per hour',
      field: 'savingsUsd',
      type: 'numeric',
      render: row => <SavingsValue cost={row.pool.costPerHour} />,
    },
    {
      title: 'Node launch',
      field: 'launchP95',
      type: 'numeric',
      render: row => (
        <DurationCell stats={row.pool.nodeLaunchSeconds} of="launches" />
      ),
    },
    {
      title: 'Pod pending',
      field: 'pendingP95',
      type: 'numeric',
      render: row => (
        <DurationCell stats={row.pool.podPendingSeconds} of="pods" />
      ),
    },
    {
      title: 'Interruptions',
      field: 'interruptions',
      type: 'numeric',
      render: row => formatCount(row.interruptions),
    },
    {
      title: 'On-demand fallbacks',
      field: 'fallbacks',
      type: 'numeric',
      render: row => formatCount(row.fallbacks),
    },
    {
      title: 'Consolidations',
      field: 'consolidations',
      type: 'numeric',
      render: row => formatCount(row.consolidations),
    },
  ];
}

/**
 * The NodePools of one cluster: capacity, cost and latencies now and over
 * 24 hours. Selecting a row charts that pool alone.
 */
export function NodePoolTable(props: {
  cluster: string;
  pools: NodePoolOverview[];
  selected?: string;
  onSelect: (name: string) => void;
}) {
  const theme = useTheme();
  // Columns stay the same object across refreshes and selections: a new set
  // would reset the reader's sort every 30 s.
  const onSelect = useRef(props.onSelect);
  onSelect.current = props.onSelect;
  const cols = useMemo(() => columns(name => onSelect.current(name)), []);
  const rows = nodePoolRows(props.pools, props.selected);
  // The same element each render: Table remounts its body for a new one,
  // which would take the keyboard focus from a selected row.
  const empty = useMemo(
    () => (
      <Typography variant="body2" color="textSecondary" style={{ padding: 16 }}>
        No NodePools or node groups with nodes in {props.cluster} now.
      </Typography>
    ),
    [props.cluster],
  );
  return (
    <Table<NodePoolRow>
      title={`NodePools of ${props.cluster}`}
      subtitle="Nodes, spot share and cost now; latencies (p50 / p95), interruptions, fallbacks and consolidations over the last 24 hours. Select a NodePool to chart it."
      options={{
        paging: false,
        search: false,
        padding: 'dense',
        rowStyle: (row: NodePoolRow) =>
          row.selected
            ? { backgroundColor: theme.palette.action.selected }
            : {},
      }}
      columns={cols}
      data={rows}
      onRowClick={(_event, row) => row && props.onSelect(row.name)}
      emptyContent={empty}
    />
  );
}
