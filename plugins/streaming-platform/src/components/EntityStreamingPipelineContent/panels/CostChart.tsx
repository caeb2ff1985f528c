import { Area, ComposedChart, Legend, Line, Tooltip, YAxis } from 'recharts';
import { formatRate } from '../format';
import {
  ChartFigure,
  TimeWindow,
  timeGrid,
  tooltipTime,
  useChartStyle,
} from '../../shared/charts';

/** Cost per hour as it ran, against the same pods at on-demand prices. */
export function CostChart(props: {
  rows: Array<{ t: number; actual?: number; onDemand?: number }>;
  window: TimeWindow;
  summary: string;
  source: string;
}) {
  const style = useChartStyle();
  return (
    <ChartFigure summary={props.summary} source={props.source}>
      <ComposedChart data={props.rows} margin={{ top: 16, right: 16 }}>
        {timeGrid(style, props.window)}
        <YAxis
          {...style.axis}
          width={64}
          tickFormatter={(usd: number) => `$${usd.toFixed(2)}`}
        />
        <Tooltip
          {...style.tooltip}
          cursor={style.cursor}
          labelFormatter={tooltipTime}
          formatter={(value: number, name: string) => [formatRate(value), name]}
        />
        <Legend wrapperStyle={{ color: style.axis.tick.fill }} />
        <Area
          type="stepAfter"
          dataKey="actual"
          name="Cost (estimate)"
          stroke={style.series.cost}
          fill={style.series.cost}
          fillOpacity={0.3}
          isAnimationActive={false}
        />
        <Line
          type="stepAfter"
          dataKey="onDemand"
          name="On-demand equivalent"
          stroke={style.capacity['on-demand']}
          strokeWidth={2}
          strokeDasharray="6 3"
          dot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ChartFigure>
  );
}
