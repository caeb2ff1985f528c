import {
  CAPACITY_TYPES,
  CapacityType,
} from '@internal/backstage-plugin-streaming-platform-common';
import { Area } from 'recharts';
import { CAPACITY_LABELS } from '../capacityColors';
import { ChartStyle } from './useChartStyle';

/**
 * One stacked area per capacity type, in the capacity colours, for an
 * AreaChart whose points carry a figure per type (`spot`, `on-demand`,
 * `reserved`). A function, not a component: recharts draws only the Areas it
 * finds among the chart's children.
 */
export function capacityAreas(
  style: ChartStyle,
  /** The types to draw, in their usual order; default: all. */
  types: ReadonlyArray<CapacityType> = CAPACITY_TYPES,
) {
  return CAPACITY_TYPES.filter(type => types.includes(type)).map(type => (
    <Area
      key={type}
      type="stepAfter"
      dataKey={type}
      name={CAPACITY_LABELS[type]}
      stackId="capacity"
      stroke={style.capacity[type]}
      fill={style.capacity[type]}
      fillOpacity={0.6}
      // Polled every 30 s: re-animating each refresh would flicker.
      isAnimationActive={false}
    />
  ));
}
