import Typography from '@material-ui/core/Typography';
import { ScalingEpisode } from '@internal/backstage-plugin-streaming-platform-common';
import { formatAge, formatDuration, formatTime } from '../shared';

/** The newest scaling episode in a line: direction, before → after, when, how fast. */
export function LastScaling(props: { episode: ScalingEpisode | undefined }) {
  const { episode } = props;
  if (!episode) {
    return (
      <Typography variant="body2" component="span">
        none in the last 24 h
      </Typography>
    );
  }
  let response = '';
  if (episode.responseSeconds !== undefined) {
    response = `, response ${formatDuration(episode.responseSeconds)}`;
  } else if (episode.state === 'open') {
    response = ', in progress';
  }
  return (
    <Typography
      variant="body2"
      component="span"
      title={formatTime(episode.decidedAt)}
    >
      {episode.direction === 'up' ? 'Scale-up' : 'Scale-down'}{' '}
      {episode.parallelismBefore} → {episode.parallelismAfter},{' '}
      {formatAge(episode.decidedAt)}
      {response}
    </Typography>
  );
}
