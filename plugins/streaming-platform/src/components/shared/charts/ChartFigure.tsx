import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ReactElement } from 'react';
import { ChartFrame } from './ChartFrame';

/**
 * A chart with an accessible name and the source of its data. Screen readers
 * get the summary (the SVG's shapes mean nothing to them); the caption stays
 * outside the image so it is read as text.
 */
export function ChartFigure(props: {
  /**
   * A heading above the chart, where its panel holds several; a titled
   * figure keeps a space below it from the next one.
   */
  title?: string;
  /** What the chart shows, with its figures: read instead of the SVG. */
  summary: string;
  /** Where the data comes from, after "Source:". */
  source: string;
  /** The chart's height in px; 240 unless told. */
  height?: number;
  children: ReactElement<{ width?: number; height?: number }>;
}) {
  return (
    <Box component="figure" m={0} mb={props.title ? 2 : 0}>
      {props.title && (
        <Typography variant="subtitle2" component="h4" gutterBottom>
          {props.title}
        </Typography>
      )}
      <div role="img" aria-label={props.summary}>
        <ChartFrame height={props.height ?? 240}>{props.children}</ChartFrame>
      </div>
      <Typography
        component="figcaption"
        variant="caption"
        color="textSecondary"
      >
        Source: {props.source}
      </Typography>
    </Box>
  );
}
