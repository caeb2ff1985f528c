import Typography from '@material-ui/core/Typography';
import {
  PipelineEventsResponse,
  PipelineTimeSeriesResponse,
} from '@internal/backstage-plugin-streaming-platform-common';
import { Polled } from '../../shared';
import { NoSamples, seriesWindow } from '../../shared/charts';
import { ScalingMarker, scalingMarkers } from '../analysis/scalingMarkers';
import { PolledPanel } from '../charts/PolledPanel';
import { NO_SAMPLES_HINT } from '../charts/podSamples';
import { ScalingChart } from './ScalingChart';

/** `4 to 8`, or `4` when it did not change. */
function spanOf(values: number[]): string {
  const round = (n: number) => Math.round(n * 10) / 10;
  const min = round(Math.min(...values));
  const max = round(Math.max(...values));
  return min === max ? `${min}` : `${min} to ${max}`;
}

/** `2 scaling decisions (1 up, 1 down)`, or why they are not known. */
function decisionsText(
  events: Polled<PipelineEventsResponse>,
  markers: ScalingMarker[],
): string {
  if (!events.value) {
    return events.loading
      ? 'scaling decisions loading'
      : 'scaling decisions unavailable';
  }
  if (!markers.length) return 'no scaling decisions';
  const up = markers.filter(m => m.direction === 'up').length;
  const down = markers.filter(m => m.direction === 'down').length;
  return `${markers.length} scaling decision${
    markers.length === 1 ? '' : 's'
  } (${up} up, ${down} down)`;
}

function ScalingBody(props: {
  response: PipelineTimeSeriesResponse;
  events: Polled<PipelineEventsResponse>;
  rangeLabel: string;
}) {
  const { response, events, rangeLabel } = props;
  const rows = response.points.map(p => ({
    t: Date.parse(p.at),
    parallelism: p.parallelism,
    taskManagers: p.taskManagers,
  }));
  const parallelism = rows.flatMap(r =>
    r.parallelism === undefined ? [] : [r.parallelism],
  );
  const taskManagers = rows.flatMap(r =>
    r.taskManagers === undefined ? [] : [r.taskManagers],
  );
  if (!parallelism.length) {
    return <NoSamples>{NO_SAMPLES_HINT}</NoSamples>;
  }
  const window = seriesWindow(response);
  const markers = events.value
    ? scalingMarkers(events.value.episodes, events.value.events, window)
    : [];
  const figures = [
    `parallelism ${spanOf(parallelism)}`,
    `TaskManagers ${taskManagers.length ? spanOf(taskManagers) : 'unknown'}`,
    decisionsText(events, markers),
  ];
  return (
    <>
      <Typography variant="body2" gutterBottom>
        In this window: {figures.join(' · ')}
      </Typography>
      <ScalingChart
        rows={rows}
        window={window}
        markers={markers}
        summary={`Parallelism and TaskManagers over the last ${rangeLabel}: ${figures.join(
          ', ',
        )}`}
      />
      {!events.value && events.error && (
        <Typography variant="caption" color="error" component="p">
          Scaling markers are missing: {events.error.message}
        </Typography>
      )}
    </>
  );
}

/** Parallelism and TaskManager count over the chosen range, with scaling decisions. */
export function ScalingChartPanel(props: {
  pipelineRef: string;
  series: Polled<PipelineTimeSeriesResponse>;
  events: Polled<PipelineEventsResponse>;
  rangeLabel: string;
}) {
  return (
    <PolledPanel
      title="Parallelism and TaskManagers"
      subheader="▲ scale-up, ▼ scale-down: the autoscaler's decisions"
      what="parallelism and TaskManagers"
      pipelineRef={props.pipelineRef}
      polled={props.series}
      kinds={['kubernetes', 'database']}
    >
      {response => (
        <ScalingBody
          response={response}
          events={props.events}
          rangeLabel={props.rangeLabel}
        />
      )}
    </PolledPanel>
  );
}
