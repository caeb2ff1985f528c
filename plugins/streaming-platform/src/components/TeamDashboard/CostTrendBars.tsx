import { useTheme } from '@material-ui/core/styles';
import { formatUsd } from '../shared';
import { barsPath } from './sparkPath';

const WIDTH = 56;
const HEIGHT = 16;

/** A pipeline's cost of each of the last 7 days, oldest first, as bars. */
export function CostTrendBars(props: { values: number[] | undefined }) {
  const { values } = props;
  const theme = useTheme();
  if (!values?.length) return null;
  const max = Math.max(...values);
  const label = `Cost per day, last ${values.length} days: ${values
    .map(formatUsd)
    .join(', ')}`;
  return (
    <svg
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
      style={{ display: 'block' }}
    >
      <title>{label}</title>
      <path
        d={barsPath(values, WIDTH, HEIGHT, max)}
        fill={theme.palette.text.secondary}
      />
    </svg>
  );
}
