import {
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  Tooltip,
  YAxis,
} from 'recharts';
import { ScalingMarker } from '../analysis/scalingMarkers';
import {
  ChartFigure,
  TimeWindow,
  timeGrid,
  tooltipTime,
  useChartStyle,
} from '../../shared/charts';

const MARKER_SYMBOL: Record<ScalingMarker['direction'], string> = {
  up: '▲',
  down: '▼',
  unknown: '●',
};

/** Parallelism and TaskManagers as steps, scaling decisions as vertical markers. */
export function ScalingChart(props: {
  rows: Array<{ t: number; parallelism?: number; taskManagers?: number }>;
  window: TimeWindow;
  markers: ScalingMarker[];
  summary: string;
}) {
  const style = useChartStyle();
  return (
    <ChartFigure
      summary={props.summary}
      source="recorded samples of the Kubernetes watch (the FlinkDeployment's parallelism, its TaskManager pods); markers are the Flink autoscaler's scaling decisions (ScalingReport events)."
    >
      <ComposedChart data={props.rows} margin={{ top: 16, right: 16 }}>
        {timeGrid(style, props.window)}
        <YAxis {...style.axis} width={40} allowDecimals={false} />
        <Tooltip
          {...style.tooltip}
          cursor={style.cursor}
          labelFormatter={tooltipTime}
          formatter={(value: number, name: string) => [
            Number.isInteger(value) ? value : value.toFixed(1),
            name,
          ]}
        />
        <Legend wrapperStyle={{ color: style.axis.tick.fill }} />
        {props.markers.map(marker => (
          <ReferenceLine
            key={`${marker.at}:${marker.label}`}
            x={marker.at}
            stroke={style.series.marker}
            strokeDasharray="2 4"
            label={{
              value: MARKER_SYMBOL[marker.direction],
              position: 'top',
              fill: style.series.marker,
              fontSize: 12,
            }}
          />
        ))}
        <Line
          type="stepAfter"
          dataKey="parallelism"
          name="Parallelism"
          stroke={style.series.parallelism}
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
        <Line
          type="stepAfter"
          dataKey="taskManagers"
          name="TaskManagers"
          stroke={style.series.taskManagers}
          strokeWidth={2}
          strokeDasharray="6 3"
          dot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ChartFigure>
  );
}
