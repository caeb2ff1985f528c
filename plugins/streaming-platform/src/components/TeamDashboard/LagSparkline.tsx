import { useTheme } from '@material-ui/core/styles';
import { formatDuration } from '../shared';
import { linePath } from './sparkPath';

const WIDTH = 72;
const HEIGHT = 20;

/**
 * The hourly maximum of a pipeline's lag over 24 hours against its target
 * (dashed). The numbers are in the label, for screen readers and hover.
 */
export function LagSparkline(props: {
  values: Array<number | undefined>;
  targetSeconds: number;
  breached: boolean;
}) {
  const { values, targetSeconds, breached } = props;
  const theme = useTheme();
  const known = values.filter((v): v is number => v !== undefined);
  if (!known.length) return null;
  const peak = Math.max(...known);
  // Headroom above the target, so a pipeline under it reads as a low line.
  const max = Math.max(peak, targetSeconds * 1.5);
  const targetY = HEIGHT - (targetSeconds / max) * HEIGHT;
  const label = `Lag over the last 24 hours: peak ${formatDuration(
    peak,
  )}, target ${formatDuration(targetSeconds)}`;
  return (
    <svg
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
      style={{ display: 'block', overflow: 'visible' }}
    >
      <title>{label}</title>
      <path
        d={`M0 ${targetY.toFixed(1)}H${WIDTH}`}
        stroke={theme.palette.text.secondary}
        strokeDasharray="2 2"
        strokeWidth={1}
      />
      <path
        d={linePath(values, WIDTH, HEIGHT, max)}
        fill="none"
        stroke={
          peak > targetSeconds
            ? theme.palette.error.main
            : theme.palette.primary.main
        }
        strokeWidth={breached ? 2 : 1.5}
        strokeLinejoin="round"
      />
    </svg>
  );
}
