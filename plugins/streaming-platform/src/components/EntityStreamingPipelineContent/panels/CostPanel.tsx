import Typography from '@material-ui/core/Typography';
import {
  PipelineTimeSeriesResponse,
  PriceSource,
  streamingPipelineCostReadPermission,
} from '@internal/backstage-plugin-streaming-platform-common';
import {
  CostValue,
  Polled,
  formatPercent,
  formatUsd,
  priceSourcesText,
} from '../../shared';
import { NoSamples, seriesWindow } from '../../shared/charts';
import { windowCost } from '../analysis/windowFigures';
import { PolledPanel } from '../charts/PolledPanel';
import { NO_SAMPLES_HINT, hasPodSamples } from '../charts/podSamples';
import { CostChart } from './CostChart';

function CostWithheld() {
  return (
    <NoSamples title="Cost is hidden">
      {`Seeing what this pipeline costs needs the ${streamingPipelineCostReadPermission.name} permission. Lag, scaling and spot mix stay visible without it.`}
    </NoSamples>
  );
}

function CostBody(props: {
  response: PipelineTimeSeriesResponse;
  priceSources?: PriceSource[];
  rangeLabel: string;
}) {
  const { response, rangeLabel } = props;
  const cost = windowCost(response.points, response.stepSeconds);
  if (!cost.points) {
    // Pods were sampled but no point has cost: the backend withheld it.
    return hasPodSamples(response) ? (
      <>
        <Typography variant="body2">
          Savings in this window: <CostValue usd={undefined} withheld />
        </Typography>
        <CostWithheld />
      </>
    ) : (
      <NoSamples>{NO_SAMPLES_HINT}</NoSamples>
    );
  }
  const rows = response.points.map(p => ({
    t: Date.parse(p.at),
    actual: p.costPerHourUsd,
    onDemand: p.onDemandEquivalentPerHourUsd,
  }));
  const savings = `saved ${formatUsd(cost.savingsUsd)}${
    cost.savingsShare !== undefined
      ? ` (${formatPercent(cost.savingsShare)})`
      : ''
  }`;
  return (
    <>
      <Typography variant="body2" gutterBottom>
        In this window: <strong>{savings}</strong> against on-demand prices:{' '}
        {formatUsd(cost.usd)} estimated, {formatUsd(cost.onDemandEquivalentUsd)}{' '}
        on-demand equivalent.
      </Typography>
      <CostChart
        rows={rows}
        window={seriesWindow(response)}
        summary={`Cost over the last ${rangeLabel}: ${formatUsd(
          cost.usd,
        )} estimated against ${formatUsd(
          cost.onDemandEquivalentUsd,
        )} at on-demand prices, ${savings}`}
        source={`an estimate: each pod's requests priced at its node's hourly price (split into CPU and memory as OpenCost does). Prices: ${priceSourcesText(
          props.priceSources,
        )}.`}
      />
    </>
  );
}

/** The pipeline's cost against its on-demand equivalent over the chosen range. */
export function CostPanel(props: {
  pipelineRef: string;
  series: Polled<PipelineTimeSeriesResponse>;
  /** From the pipeline's detail: which prices its cost figures use. */
  priceSources?: PriceSource[];
  rangeLabel: string;
}) {
  return (
    <PolledPanel
      title="Cost"
      subheader="Estimated cost per hour, actual and at on-demand prices"
      pipelineRef={props.pipelineRef}
      polled={props.series}
      kinds={['prices', 'database']}
    >
      {response => (
        <CostBody
          response={response}
          priceSources={props.priceSources}
          rangeLabel={props.rangeLabel}
        />
      )}
    </PolledPanel>
  );
}
