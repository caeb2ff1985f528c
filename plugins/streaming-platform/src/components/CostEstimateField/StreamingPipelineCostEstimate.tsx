import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useEffect, useRef } from 'react';
import { EmulatorBanner, SourceProblems, formValues } from '../shared';
import { CostEstimateNotes, sourcesOf } from './CostEstimateNotes';
import { CostEstimateTable } from './CostEstimateTable';
import { EstimateBoundary } from './EstimateBoundary';
import { EstimateError } from './EstimateError';
import { EstimateHeadline } from './EstimateHeadline';
import { MissingInputs } from './MissingInputs';
import { estimateInputs } from './estimateInputs';
import { CostEstimateSummary } from './schema';
import { costEstimateSummary } from './summary';
import { useCostEstimates } from './useCostEstimates';

const useStyles = makeStyles(theme => ({
  root: {
    margin: theme.spacing(1, 0, 2),
    '& > * + *': { marginTop: theme.spacing(1) },
  },
  // Figures for the values before the latest change, until the new ones come.
  updating: { opacity: 0.5 },
}));

type Props = FieldExtensionComponentProps<CostEstimateSummary>;

/**
 * Keeps the field's value, the summary for the review page, in step with
 * the estimate: cleared while there is none for the current values, so the
 * review never shows figures for values the user has since changed.
 */
function useStoredSummary(
  summary: CostEstimateSummary | undefined,
  props: Props,
) {
  const latest = useRef(props);
  latest.current = props;
  const json = JSON.stringify(summary ?? null);
  useEffect(() => {
    const { formData, onChange } = latest.current;
    if (JSON.stringify(formData ?? null) !== json) {
      onChange(JSON.parse(json) ?? undefined);
    }
  }, [json]);
}

function CostEstimate(props: Props) {
  const classes = useStyles();
  const inputs = estimateInputs(formValues(props));
  const { latest, current, loading, error, retry } = useCostEstimates(
    inputs.kind === 'ready' ? inputs.base : undefined,
  );
  useStoredSummary(
    current ? costEstimateSummary(current, inputs.capacityProfile) : undefined,
    props,
  );

  let body: JSX.Element;
  if (inputs.kind === 'incomplete') {
    body = <MissingInputs problems={inputs.problems} />;
  } else if (error) {
    body = <EstimateError error={error} onRetry={retry} />;
  } else if (!latest) {
    body = (
      <Typography variant="body2" color="textSecondary">
        Estimating the cost…
      </Typography>
    );
  } else {
    const sources = sourcesOf(latest);
    body = (
      <div
        className={loading ? classes.updating : undefined}
        aria-busy={loading}
      >
        <EmulatorBanner sources={sources} />
        <SourceProblems sources={sources} what="Cost estimate" />
        <EstimateHeadline
          estimates={latest}
          selected={inputs.capacityProfile}
        />
        <CostEstimateTable
          estimates={latest}
          selected={inputs.capacityProfile}
        />
        <CostEstimateNotes estimates={latest} />
      </div>
    );
  }

  return (
    <Box className={classes.root}>
      <Typography variant="subtitle1" component="h3">
        {props.schema.title ?? 'Estimated monthly cost'}
      </Typography>
      {props.schema.description && (
        <Typography variant="body2" color="textSecondary">
          {props.schema.description}
        </Typography>
      )}
      {loading && <LinearProgress aria-label="Estimating the cost" />}
      {body}
    </Box>
  );
}

/**
 * The scaffolder field `StreamingPipelineCostEstimate`: a live estimate of
 * what the pipeline on the "New Flink streaming pipeline" form would cost a
 * month, spot-first beside on-demand, from the form's other values. It has
 * no input of its own; its value is the estimate's summary, for the review.
 */
export function StreamingPipelineCostEstimate(props: Props) {
  return (
    <EstimateBoundary>
      <CostEstimate {...props} />
    </EstimateBoundary>
  );
}
