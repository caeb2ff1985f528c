import { CartesianGrid, XAxis } from 'recharts';
import { TimeWindow, timeAxisProps } from './timeAxis';
import { ChartStyle } from './useChartStyle';

/**
 * The grid and the time X axis that every chart over a window starts with,
 * in the theme's colours. A function, not a component: recharts draws only
 * the grid and axes it finds among the chart's children.
 */
export function timeGrid(
  style: ChartStyle,
  window: TimeWindow,
  options?: Parameters<typeof timeAxisProps>[1],
) {
  return [
    <CartesianGrid key="grid" stroke={style.grid} strokeDasharray="3 3" />,
    <XAxis key="time" {...timeAxisProps(window, options)} {...style.axis} />,
  ];
}
