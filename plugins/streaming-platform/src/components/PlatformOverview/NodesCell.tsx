import Box from '@material-ui/core/Box';
import { useTheme } from '@material-ui/core/styles';
import {
  CAPACITY_TYPES,
  CapacityType,
} from '@internal/backstage-plugin-streaming-platform-common';
import { CAPACITY_LABELS, capacityColors, formatCount } from '../shared';

/** Nodes now by capacity type, each with its chart colour as a key. */
export function NodesCell(props: { nodes: Record<CapacityType, number> }) {
  const colors = capacityColors(useTheme());
  const present = CAPACITY_TYPES.filter(type => props.nodes[type] > 0);
  if (!present.length) return <>0</>;
  return (
    <>
      {present.map(type => (
        <Box key={type} display="flex" alignItems="center" whiteSpace="nowrap">
          <Box
            component="span"
            aria-hidden
            width={10}
            height={10}
            mr={0.5}
            bgcolor={colors[type]}
            borderRadius={2}
          />
          {formatCount(props.nodes[type])} {CAPACITY_LABELS[type].toLowerCase()}
        </Box>
      ))}
    </>
  );
}
