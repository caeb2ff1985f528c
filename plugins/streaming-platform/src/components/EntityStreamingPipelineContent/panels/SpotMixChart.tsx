import { CapacityType } from '@internal/backstage-plugin-streaming-platform-common';
import { AreaChart, Legend, Tooltip, YAxis } from 'recharts';
import {
  ChartFigure,
  TimeWindow,
  capacityAreas,
  timeGrid,
  tooltipTime,
  useChartStyle,
} from '../../shared/charts';

/** Requested vCPU stacked by the capacity type of the nodes the pods ran on. */
export function SpotMixChart(props: {
  rows: Array<{ t: number } & Partial<Record<CapacityType, number>>>;
  window: TimeWindow;
  /** Capacity types to draw; a type never used would only add noise. */
  types: CapacityType[];
  summary: string;
}) {
  const style = useChartStyle();
  return (
    <ChartFigure
      summary={props.summary}
      source="recorded samples of the Kubernetes watch: the pods' requested vCPU by their node's capacity type (karpenter.sh/capacity-type, or eks.amazonaws.com/capacityType)."
    >
      <AreaChart data={props.rows} margin={{ top: 16, right: 16 }}>
        {timeGrid(style, props.window)}
        <YAxis {...style.axis} width={48} unit="" />
        <Tooltip
          {...style.tooltip}
          cursor={style.cursor}
          labelFormatter={tooltipTime}
          formatter={(value: number, name: string) => [
            `${value.toFixed(2)} vCPU`,
            name,
          ]}
        />
        <Legend wrapperStyle={{ color: style.axis.tick.fill }} />
        {capacityAreas(style, props.types)}
      </AreaChart>
    </ChartFigure>
  );
}
