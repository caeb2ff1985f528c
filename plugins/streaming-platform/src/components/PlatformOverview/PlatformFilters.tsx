import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { TimeRangeId, TimeRangePicker } from '../shared';

/** The value of the cluster filter that shows every cluster. */
export const ALL_CLUSTERS = '';

/** Which cluster to show, and the window of the charts. */
export function PlatformFilters(props: {
  clusters: string[];
  cluster: string;
  onClusterChange: (cluster: string) => void;
  range: TimeRangeId;
  onRangeChange: (range: TimeRangeId) => void;
}) {
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      justifyContent="space-between"
      mb={2}
      style={{ gap: 16 }}
    >
      <TextField
        select
        id="streaming-platform-cluster"
        label="Cluster"
        variant="outlined"
        size="small"
        style={{ minWidth: 220 }}
        value={props.cluster}
        onChange={event => props.onClusterChange(event.target.value)}
        SelectProps={{ displayEmpty: true }}
        InputLabelProps={{ shrink: true }}
      >
        <MenuItem value={ALL_CLUSTERS}>All clusters</MenuItem>
        {props.clusters.map(name => (
          <MenuItem key={name} value={name}>
            {name}
          </MenuItem>
        ))}
      </TextField>
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <span>Charts over</span>
        <TimeRangePicker value={props.range} onChange={props.onRangeChange} />
      </Box>
    </Box>
  );
}
