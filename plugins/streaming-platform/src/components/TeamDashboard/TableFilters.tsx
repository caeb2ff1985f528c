import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { RowFilter, StateFilter } from './sortFilter';

/** The filter controls above the pipelines table, each labelled. */
export function TableFilters(props: {
  filter: RowFilter;
  onChange: (filter: RowFilter) => void;
  shown: number;
  total: number;
}) {
  const { filter, onChange, shown, total } = props;
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      gridGap={16}
      role="search"
      aria-label="Filter pipelines"
    >
      <TextField
        label="Filter"
        placeholder="name, cluster, namespace or state"
        size="small"
        variant="outlined"
        value={filter.text}
        onChange={e => onChange({ ...filter, text: e.target.value })}
        inputProps={{ 'aria-label': 'Filter pipelines by text' }}
      />
      <TextField
        select
        label="State"
        size="small"
        variant="outlined"
        value={filter.state}
        onChange={e =>
          onChange({ ...filter, state: e.target.value as StateFilter })
        }
        // A native select: keyboard and screen readers work as everywhere.
        SelectProps={{ native: true }}
        inputProps={{ 'aria-label': 'Job state' }}
      >
        <option value="all">All states</option>
        <option value="running">Running</option>
        <option value="not-running">Not running</option>
      </TextField>
      <FormControlLabel
        control={
          <Checkbox
            checked={filter.breachingOnly}
            onChange={e =>
              onChange({ ...filter, breachingOnly: e.target.checked })
            }
            color="primary"
          />
        }
        label="Above lag target now or in 24 h"
      />
      <Typography variant="body2" color="textSecondary" aria-live="polite">
        {shown === total
          ? `${total} pipelines`
          : `Showing ${shown} of ${total} pipelines`}
      </Typography>
    </Box>
  );
}
