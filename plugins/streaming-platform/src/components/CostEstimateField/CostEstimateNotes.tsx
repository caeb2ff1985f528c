import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  CostEstimateResponse,
  DataSourceStatus,
  PriceSource,
} from '@internal/backstage-plugin-streaming-platform-common';
import { formatPercent, priceSourcesText } from '../shared';
import { HOURS_PER_MONTH } from './monthly';
import { CostEstimates } from './useCostEstimates';

const useStyles = makeStyles(theme => ({
  assumptions: {
    margin: theme.spacing(0.5, 0, 0),
    paddingLeft: theme.spacing(2.5),
  },
}));

const answersOf = (e: CostEstimates): CostEstimateResponse[] => [
  e.spotFirst,
  e.onDemand,
];

/** Every price source behind any figure of either answer. */
export function priceSourcesOf(e: CostEstimates): PriceSource[] {
  return [
    ...new Set(
      answersOf(e).flatMap(a =>
        [a.min, a.typical, a.max].flatMap(f => f?.priceSources ?? []),
      ),
    ),
  ];
}

/** The sources behind both answers, each once. */
export function sourcesOf(e: CostEstimates): DataSourceStatus[] {
  const byId = new Map<string, DataSourceStatus>();
  for (const s of answersOf(e).flatMap(a => a.sources ?? [])) {
    byId.set(`${s.kind}:${s.id}`, s);
  }
  return [...byId.values()];
}

/**
 * What the figures rest on: that they are estimates and how a month is
 * counted, which prices, the spot share spot-first assumes, and the
 * backend's assumptions in its words.
 */
export function CostEstimateNotes(props: { estimates: CostEstimates }) {
  const classes = useStyles();
  const { estimates } = props;
  const assumptions = [
    ...new Set(answersOf(estimates).flatMap(a => a.assumptions ?? [])),
  ];
  return (
    <>
      <Typography variant="caption" color="textSecondary" component="p">
        Estimates, not quotes: the backend's hourly estimate × {HOURS_PER_MONTH}{' '}
        hours a month, at today's prices from{' '}
        {priceSourcesText(priceSourcesOf(estimates), 'prose')}. Spot-first
        assumes {formatPercent(estimates.spotFirst.assumedSpotShare)} of
        TaskManager vCPU on spot; what it gets depends on spot capacity at the
        time.
      </Typography>
      {assumptions.length > 0 && (
        <Typography
          variant="caption"
          color="textSecondary"
          component="ul"
          className={classes.assumptions}
          aria-label="Assumptions"
        >
          {assumptions.map(a => (
            <li key={a}>{a}</li>
          ))}
        </Typography>
      )}
    </>
  );
}
