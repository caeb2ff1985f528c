import {
  PlatformTimeSeriesResponse,
  PriceSource,
} from '@internal/backstage-plugin-streaming-platform-common';
import { Legend, Line, LineChart, Tooltip, YAxis } from 'recharts';
import { formatUsd, priceSourcesText } from '../shared';
import {
  ChartFigure,
  seriesWindow,
  timeGrid,
  tooltipTime,
  useChartStyle,
} from '../shared/charts';
import { costSummary } from './chartSummaries';
import { sampleSource } from './sampleSource';
import { withGaps } from './withGaps';

/**
 * Cost per hour against what the same nodes would cost on on-demand, and the
 * part nobody requested: the gap between the first two lines is the saving.
 */
export function CostOverTimeChart(props: {
  series: PlatformTimeSeriesResponse;
  scope: string;
  range: string;
  /** The prices behind the figures, from the overview (the series has none). */
  priceSources?: PriceSource[];
}) {
  const { series } = props;
  const style = useChartStyle();
  const data = withGaps(
    series.points.map(p => ({
      t: Date.parse(p.at),
      actual: p.costPerHourUsd,
      onDemandEquivalent: p.onDemandEquivalentPerHourUsd,
      idle: p.idleCostPerHourUsd,
    })),
    series.stepSeconds * 1000,
  );
  const lines = [
    { key: 'actual', name: 'Cost', color: style.cost.actual, dash: undefined },
    {
      key: 'onDemandEquivalent',
      name: 'On-demand equivalent',
      color: style.cost.onDemandEquivalent,
      dash: '6 3',
    },
    { key: 'idle', name: 'Idle', color: style.cost.idle, dash: '2 3' },
  ];
  return (
    <ChartFigure
      title="Cost per hour: actual, on-demand equivalent and idle (estimates)"
      summary={costSummary(series.points, props.scope, props.range)}
      source={`${sampleSource(series)}; prices from ${priceSourcesText(
        props.priceSources,
        'prose',
      )}.`}
      height={220}
    >
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        {timeGrid(style, seriesWindow(series), { ticks: 'scale' })}
        <YAxis
          {...style.axis}
          width={64}
          tickFormatter={(usd: number) => formatUsd(usd)}
        />
        <Tooltip
          {...style.tooltip}
          labelFormatter={tooltipTime}
          formatter={(value: number, name: string) => [
            `${formatUsd(value)} per hour`,
            name,
          ]}
        />
        <Legend wrapperStyle={{ color: style.axis.tick.fill }} />
        {lines.map(line => (
          <Line
            key={line.key}
            type="linear"
            dataKey={line.key}
            name={line.name}
            stroke={line.color}
            strokeWidth={2}
            strokeDasharray={line.dash}
            dot={false}
            // Polled every 30 s: re-animating each refresh would flicker.
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ChartFigure>
  );
}
