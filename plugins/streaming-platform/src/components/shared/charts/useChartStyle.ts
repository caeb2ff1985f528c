import { Theme, useTheme } from '@material-ui/core/styles';
import { CapacityType } from '@internal/backstage-plugin-streaming-platform-common';
import { CSSProperties } from 'react';
import { capacityColors } from '../capacityColors';

/** Props for recharts' axes, grid and tooltip, and the series' colours. */
export interface ChartStyle {
  axis: { stroke: string; tick: { fill: string; fontSize: number } };
  grid: string;
  tooltip: {
    contentStyle: CSSProperties;
    labelStyle: CSSProperties;
    itemStyle: CSSProperties;
  };
  /** The tooltip's cursor line: `<Tooltip cursor={style.cursor} />`. */
  cursor: { stroke: string };
  /** One colour per capacity type, as on every other chart and table. */
  capacity: Record<CapacityType, string>;
  /** A pipeline's series. */
  series: {
    lag: string;
    parallelism: string;
    taskManagers: string;
    cost: string;
    target: string;
    breach: string;
    marker: string;
  };
  /** The cost lines of a cluster or NodePool, which also differ by dash. */
  cost: { actual: string; onDemandEquivalent: string; idle: string };
}

/**
 * recharts draws grey on white by default, unreadable in the dark theme; this
 * takes every colour from the theme. Series colours are Okabe–Ito (told apart
 * with red–green colour blindness), lighter on dark backgrounds.
 */
export function useChartStyle(): ChartStyle {
  const theme = useTheme<Theme>();
  const dark = theme.palette.type === 'dark';
  const text = theme.palette.text.secondary;
  const capacity = capacityColors(theme);
  return {
    axis: { stroke: text, tick: { fill: text, fontSize: 12 } },
    grid: theme.palette.divider,
    tooltip: {
      contentStyle: {
        backgroundColor: theme.palette.background.paper,
        borderColor: theme.palette.divider,
        color: theme.palette.text.primary,
      },
      labelStyle: { color: theme.palette.text.primary },
      itemStyle: { color: theme.palette.text.primary },
    },
    cursor: { stroke: text },
    capacity,
    series: {
      lag: dark ? '#3FD0A4' : '#009E73',
      parallelism: dark ? '#56B4E9' : '#0072B2',
      taskManagers: dark ? '#E69FCC' : '#CC79A7',
      cost: dark ? '#56B4E9' : '#0072B2',
      target: theme.palette.text.primary,
      breach: theme.palette.error.main,
      marker: text,
    },
    cost: {
      actual: capacity.spot,
      onDemandEquivalent: capacity['on-demand'],
      idle: dark ? '#E69FCC' : '#CC79A7',
    },
  };
}
