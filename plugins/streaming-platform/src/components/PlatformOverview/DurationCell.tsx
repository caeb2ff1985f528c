import Typography from '@material-ui/core/Typography';
import { DurationStats } from '@internal/backstage-plugin-streaming-platform-common';
import { formatDuration } from '../shared';

/** p50 and p95 of a duration, and how many they are of. */
export function DurationCell(props: { stats: DurationStats; of: string }) {
  const { stats } = props;
  if (!stats.count) {
    return (
      <Typography variant="body2" color="textSecondary">
        no {props.of} in 24 h
      </Typography>
    );
  }
  return (
    <>
      <div>p50 {formatDuration(stats.p50)}</div>
      <div>p95 {formatDuration(stats.p95)}</div>
      <Typography variant="caption" color="textSecondary">
        of {stats.count} {props.of}
      </Typography>
    </>
  );
}
