import {
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  Tooltip,
  YAxis,
} from 'recharts';
import { LagBreach } from '../analysis/lagBreaches';
import {
  ChartFigure,
  TimeWindow,
  timeGrid,
  tooltipTime,
  useChartStyle,
} from '../../shared/charts';

/** Lag over a window, the target as a line and the time above it shaded. */
export function LagChart(props: {
  rows: Array<{ t: number; lag?: number }>;
  window: TimeWindow;
  targetSeconds?: number;
  breaches: LagBreach[];
  summary: string;
}) {
  const style = useChartStyle();
  const { targetSeconds } = props;
  return (
    <ChartFigure
      summary={props.summary}
      source="Amazon CloudWatch, AWS/Kafka EstimatedMaxTimeLag of the pipeline's consumer group and topic, read once a minute. Flink commits offsets at checkpoints, so lag moves in checkpoint-sized steps."
    >
      <ComposedChart data={props.rows} margin={{ top: 16, right: 16 }}>
        {timeGrid(style, props.window)}
        <YAxis {...style.axis} unit=" s" width={64} allowDecimals={false} />
        <Tooltip
          {...style.tooltip}
          cursor={style.cursor}
          labelFormatter={tooltipTime}
          formatter={(value: number) => [`${Math.round(value)} s`, 'Lag']}
        />
        {props.breaches.map(breach => (
          <ReferenceArea
            key={breach.from}
            x1={breach.from}
            x2={breach.to}
            fill={style.series.breach}
            fillOpacity={0.15}
            ifOverflow="hidden"
          />
        ))}
        {targetSeconds !== undefined && (
          <ReferenceLine
            y={targetSeconds}
            stroke={style.series.target}
            strokeDasharray="6 3"
            ifOverflow="extendDomain"
            label={{
              value: `target ${targetSeconds} s`,
              position: 'insideTopLeft',
              fill: style.axis.tick.fill,
              fontSize: 12,
            }}
          />
        )}
        <Line
          dataKey="lag"
          name="Lag"
          stroke={style.series.lag}
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ChartFigure>
  );
}
