import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { EpisodeEvents } from '../analysis/episodeEvents';
import { formatClock } from '../format';

const useStyles = makeStyles(theme => ({
  list: { margin: 0, paddingLeft: theme.spacing(2) },
  warning: { color: theme.palette.warning.main, fontWeight: 'bold' },
}));

/** The recorded events behind an episode, by who reported them. */
export function EpisodeEventList(props: { joined: EpisodeEvents | undefined }) {
  const classes = useStyles();
  const groups = props.joined?.groups ?? [];
  if (!groups.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        No recorded events fall within this episode.
      </Typography>
    );
  }
  return (
    <>
      {groups.map(({ group, events }) => (
        <Box key={group} mt={1}>
          <Typography variant="subtitle2" component="h4">
            {group}
          </Typography>
          <ul className={classes.list} aria-label={`${group} events`}>
            {events.map(event => (
              <li key={event.id}>
                <Typography variant="body2" component="span">
                  {formatClock(event.at)}{' '}
                  <span
                    className={
                      event.type === 'Warning' ? classes.warning : undefined
                    }
                  >
                    {event.reason}
                  </span>{' '}
                  {event.object}: {event.message}
                </Typography>
              </li>
            ))}
          </ul>
        </Box>
      ))}
    </>
  );
}
