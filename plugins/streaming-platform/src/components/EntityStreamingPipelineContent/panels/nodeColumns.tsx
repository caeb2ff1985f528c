import { TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  CapacityType,
  PipelineNode,
} from '@internal/backstage-plugin-streaming-platform-common';
import {
  CAPACITY_LABELS,
  CostValue,
  capacityColors,
  formatTime,
  priceSourcesText,
} from '../../shared';
import { formatRate } from '../format';

function CapacityTypeCell(props: { type: CapacityType | undefined }) {
  const colors = capacityColors(useTheme());
  if (!props.type) return <>unknown</>;
  return (
    <Box display="flex" alignItems="center" gridGap={6}>
      <Box
        component="span"
        aria-hidden
        width={10}
        height={10}
        borderRadius="50%"
        bgcolor={colors[props.type]}
      />
      {CAPACITY_LABELS[props.type]}
    </Box>
  );
}

function PriceCell(props: { node: PipelineNode }) {
  const { usdPerHour, priceSource } = props.node;
  if (usdPerHour === undefined) return <CostValue usd={undefined} withheld />;
  return (
    <span
      title={
        priceSource ? `Price: ${priceSourcesText([priceSource])}` : undefined
      }
    >
      {formatRate(usdPerHour)}
    </span>
  );
}

/** The columns of the nodes table, in reading order. */
export const NODE_COLUMNS: TableColumn<PipelineNode>[] = [
  {
    title: 'Node',
    field: 'name',
    highlight: true,
    render: node => (
      <>
        {node.name}
        {node.nodeClaim && (
          <Typography variant="caption" color="textSecondary" component="div">
            NodeClaim {node.nodeClaim}
          </Typography>
        )}
      </>
    ),
  },
  { title: 'Node pool', field: 'nodePool', emptyValue: '—' },
  { title: 'Instance type', field: 'instanceType', emptyValue: '—' },
  { title: 'Zone', field: 'zone', emptyValue: '—' },
  {
    title: 'Capacity type',
    field: 'capacityType',
    render: node => <CapacityTypeCell type={node.capacityType} />,
  },
  {
    title: 'Price',
    field: 'usdPerHour',
    type: 'numeric',
    render: node => <PriceCell node={node} />,
  },
  { title: 'Pods', field: 'pods', type: 'numeric' },
  {
    title: 'Ran',
    field: 'from',
    defaultSort: 'desc',
    render: node =>
      `${formatTime(node.from)} – ${node.to ? formatTime(node.to) : 'now'}`,
  },
];
