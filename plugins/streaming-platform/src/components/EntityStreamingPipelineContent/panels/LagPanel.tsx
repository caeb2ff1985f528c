import Typography from '@material-ui/core/Typography';
import { PipelineTimeSeriesResponse } from '@internal/backstage-plugin-streaming-platform-common';
import { Polled, formatDuration } from '../../shared';
import { NoSamples, seriesWindow } from '../../shared/charts';
import { breachSeconds, lagBreaches } from '../analysis/lagBreaches';
import { PolledPanel } from '../charts/PolledPanel';
import { LagChart } from './LagChart';

/** The lag figures of a window: `max 164 s`, `target 120 s`, `above target 15 min`. */
export function lagFigures(options: {
  maxSeconds: number;
  targetSeconds?: number;
  aboveSeconds: number;
}): string[] {
  const { maxSeconds, targetSeconds, aboveSeconds } = options;
  const figures = [`max ${Math.round(maxSeconds)} s`];
  if (targetSeconds !== undefined) {
    figures.push(
      `target ${targetSeconds} s`,
      aboveSeconds > 0
        ? `above target ${formatDuration(aboveSeconds)}`
        : 'never above target',
    );
  }
  return figures;
}

function LagBody(props: {
  response: PipelineTimeSeriesResponse;
  targetSeconds?: number;
  rangeLabel: string;
}) {
  const { response, targetSeconds, rangeLabel } = props;
  const rows = response.points.map(p => ({
    t: Date.parse(p.at),
    lag: p.timeLagSeconds,
  }));
  const readings = rows.flatMap(r => (r.lag === undefined ? [] : [r.lag]));
  if (!readings.length) {
    return (
      <NoSamples title="No lag readings in this window yet">
        The backend reads CloudWatch once a minute and records each reading. If
        this stays empty, check the FlinkDeployment's
        streaming-platform.io/consumer-group and
        streaming-platform.io/source-topic annotations.
      </NoSamples>
    );
  }
  const breaches =
    targetSeconds === undefined
      ? []
      : lagBreaches(response.points, targetSeconds, response.stepSeconds);
  const figures = lagFigures({
    maxSeconds: Math.max(...readings),
    targetSeconds,
    aboveSeconds: breachSeconds(breaches),
  });
  return (
    <>
      <Typography variant="body2" gutterBottom>
        In this window: {figures.join(' · ')}
        {breaches.length > 1 ? ` (${breaches.length} breaches)` : ''}
      </Typography>
      <LagChart
        rows={rows}
        window={seriesWindow(response)}
        targetSeconds={targetSeconds}
        breaches={breaches}
        summary={`Lag over the last ${rangeLabel}: ${figures.join(', ')}`}
      />
    </>
  );
}

/** Lag over the chosen range against the pipeline's target. */
export function LagPanel(props: {
  pipelineRef: string;
  series: Polled<PipelineTimeSeriesResponse>;
  /** From the pipeline's detail; unknown until it loads. */
  targetSeconds?: number;
  rangeLabel: string;
}) {
  return (
    <PolledPanel
      title="Lag"
      subheader="Estimated time lag of the consumer group; breaches of the target shaded"
      pipelineRef={props.pipelineRef}
      polled={props.series}
      kinds={['cloudwatch', 'database']}
    >
      {response => (
        <LagBody
          response={response}
          targetSeconds={props.targetSeconds}
          rangeLabel={props.rangeLabel}
        />
      )}
    </PolledPanel>
  );
}
