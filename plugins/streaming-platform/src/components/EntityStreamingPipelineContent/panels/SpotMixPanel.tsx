import Typography from '@material-ui/core/Typography';
import {
  CAPACITY_TYPES,
  PipelineTimeSeriesResponse,
} from '@internal/backstage-plugin-streaming-platform-common';
import { CAPACITY_LABELS, Polled, formatPercent } from '../../shared';
import { NoSamples, seriesWindow } from '../../shared/charts';
import { capacityShares } from '../analysis/windowFigures';
import { PolledPanel } from '../charts/PolledPanel';
import { NO_SAMPLES_HINT } from '../charts/podSamples';
import { SpotMixChart } from './SpotMixChart';

function SpotMixBody(props: {
  response: PipelineTimeSeriesResponse;
  rangeLabel: string;
}) {
  const { response, rangeLabel } = props;
  const sampled = response.points.filter(p => p.vcpuByCapacityType);
  if (!sampled.length) {
    return <NoSamples>{NO_SAMPLES_HINT}</NoSamples>;
  }
  const rows = response.points.map(p => ({
    t: Date.parse(p.at),
    ...p.vcpuByCapacityType,
  }));
  const { shares, vcpuHours } = capacityShares(sampled, response.stepSeconds);
  const types = CAPACITY_TYPES.filter(
    type => type !== 'reserved' || shares.reserved > 0,
  );
  const figures = types
    .map(type => `${formatPercent(shares[type])} ${CAPACITY_LABELS[type]}`)
    .join(', ');
  const of = `of ${vcpuHours.toFixed(1)} requested vCPU-hours`;
  return (
    <>
      <Typography variant="body2" gutterBottom>
        In this window: {figures} {of}
      </Typography>
      <SpotMixChart
        rows={rows}
        window={seriesWindow(response)}
        types={types}
        summary={`Requested vCPU by capacity type over the last ${rangeLabel}: ${figures} ${of}`}
      />
    </>
  );
}

/** The pipeline's requested vCPU by capacity type over the chosen range. */
export function SpotMixPanel(props: {
  pipelineRef: string;
  series: Polled<PipelineTimeSeriesResponse>;
  rangeLabel: string;
}) {
  return (
    <PolledPanel
      title="Spot mix"
      subheader="Requested vCPU by the capacity type of the nodes the pods ran on"
      pipelineRef={props.pipelineRef}
      polled={props.series}
      kinds={['kubernetes', 'database']}
    >
      {response => (
        <SpotMixBody response={response} rangeLabel={props.rangeLabel} />
      )}
    </PolledPanel>
  );
}
