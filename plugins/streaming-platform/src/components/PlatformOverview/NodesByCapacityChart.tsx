import { PlatformTimeSeriesResponse } from '@internal/backstage-plugin-streaming-platform-common';
import { AreaChart, Legend, Tooltip, YAxis } from 'recharts';
import {
  ChartFigure,
  capacityAreas,
  seriesWindow,
  timeGrid,
  tooltipTime,
  useChartStyle,
} from '../shared/charts';
import { formatNodes, nodesSummary } from './chartSummaries';
import { sampleSource } from './sampleSource';
import { withGaps } from './withGaps';

/** Nodes over time, stacked by capacity type: how much of the pool is spot. */
export function NodesByCapacityChart(props: {
  series: PlatformTimeSeriesResponse;
  /** What the series covers, e.g. "eks-prod" or "NodePool flink-spot (eks-prod)". */
  scope: string;
  /** The window in words, e.g. "24 h". */
  range: string;
}) {
  const { series } = props;
  const style = useChartStyle();
  const data = withGaps(
    series.points.map(p => ({
      t: Date.parse(p.at),
      ...p.nodesByCapacityType,
    })),
    series.stepSeconds * 1000,
  );
  return (
    <ChartFigure
      title="Nodes by capacity type"
      summary={nodesSummary(series.points, props.scope, props.range)}
      source={sampleSource(series)}
      height={220}
    >
      <AreaChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        {timeGrid(style, seriesWindow(series), { ticks: 'scale' })}
        <YAxis
          {...style.axis}
          allowDecimals={false}
          width={40}
          label={{
            value: 'nodes',
            angle: -90,
            position: 'insideLeft',
            fill: style.axis.tick.fill,
          }}
        />
        <Tooltip
          {...style.tooltip}
          labelFormatter={tooltipTime}
          formatter={(value: number, name: string) => [
            `${formatNodes(value)} nodes`,
            name,
          ]}
        />
        <Legend wrapperStyle={{ color: style.axis.tick.fill }} />
        {capacityAreas(style)}
      </AreaChart>
    </ChartFigure>
  );
}
