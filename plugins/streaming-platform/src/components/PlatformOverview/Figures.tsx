import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
    gap: theme.spacing(2),
    margin: 0,
  },
  value: { margin: 0, fontSize: theme.typography.h5.fontSize },
}));

/** One labelled figure: a term and its value, so screen readers pair them. */
export interface Figure {
  label: string;
  value: ReactNode;
  /** A line under the value: what it counts, or a share. */
  note?: ReactNode;
}

/** Headline figures as a description list, laid out as a grid. */
export function Figures(props: { figures: Figure[]; label: string }) {
  const classes = useStyles();
  return (
    <Box component="dl" className={classes.list} aria-label={props.label}>
      {props.figures.map(f => (
        <div key={f.label}>
          <Typography component="dt" variant="body2" color="textSecondary">
            {f.label}
          </Typography>
          <dd className={classes.value}>{f.value}</dd>
          {f.note ? (
            <Typography component="dd" variant="caption" color="textSecondary">
              {f.note}
            </Typography>
          ) : null}
        </div>
      ))}
    </Box>
  );
}
