export { ChartFrame, ChartWidthContext } from './ChartFrame';
export { ChartFigure } from './ChartFigure';
export { NoSamples } from './NoSamples';
export { capacityAreas } from './capacityAreas';
export { timeGrid } from './timeGrid';
export { useChartStyle } from './useChartStyle';
export type { ChartStyle } from './useChartStyle';
export {
  seriesWindow,
  timeAxisProps,
  timeTicks,
  tooltipTime,
} from './timeAxis';
export type { TimeWindow } from './timeAxis';
