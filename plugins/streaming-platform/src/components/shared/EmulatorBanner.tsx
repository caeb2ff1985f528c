import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import InfoIcon from '@material-ui/icons/Info';
import { DataSourceStatus } from '@internal/backstage-plugin-streaming-platform-common';

const useStyles = makeStyles(theme => ({
  banner: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    padding: theme.spacing(1, 2),
    marginBottom: theme.spacing(2),
    borderRadius: theme.shape.borderRadius,
    // Readable in both themes: the palette's info colours with its contrast text.
    backgroundColor: theme.palette.info.main,
    color: theme.palette.info.contrastText,
  },
}));

/**
 * Says, visibly, when the figures come from the platform emulator rather
 * than real clusters and AWS, so nobody mistakes demo data for production.
 */
export function EmulatorBanner(props: {
  sources: DataSourceStatus[] | undefined;
}) {
  const classes = useStyles();
  const emulated = (props.sources ?? []).filter(s => s.emulated);
  if (!emulated.length) return null;
  const clusters = [
    ...new Set(emulated.filter(s => s.kind === 'kubernetes').map(s => s.id)),
  ];
  return (
    <Box
      className={classes.banner}
      role="status"
      aria-label="Data from the platform emulator"
    >
      <InfoIcon fontSize="small" aria-hidden />
      <Typography variant="body2">
        Demo data: these figures come from the platform emulator
        {clusters.length ? ` (${clusters.join(', ')})` : ''}, not from real
        clusters or AWS.
      </Typography>
    </Box>
  );
}
