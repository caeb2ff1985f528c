import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { PipelineDetailResponse } from '@internal/backstage-plugin-streaming-platform-common';
import { useState } from 'react';
import { Polled, TIME_RANGES, TimeRangeId, TimeRangePicker } from '../shared';
import { CostPanel } from './panels/CostPanel';
import { LagPanel } from './panels/LagPanel';
import { NodesPanel } from './panels/NodesPanel';
import { ScalingChartPanel } from './panels/ScalingChartPanel';
import { ScalingEpisodesPanel } from './panels/ScalingEpisodesPanel';
import { SpotMixPanel } from './panels/SpotMixPanel';
import { usePipelineHistory } from './usePipelineHistory';

/**
 * The history panels of the Streaming tab and the range they show. Each
 * panel has its own loading and error state; grid items, for the tab's grid.
 */
export function PipelinePanels(props: {
  pipelineRef: string;
  detail: Polled<PipelineDetailResponse>;
}) {
  const { pipelineRef, detail } = props;
  const [range, setRange] = useState<TimeRangeId>('6h');
  const rangeLabel = TIME_RANGES.find(r => r.id === range)!.label;
  const { series, events } = usePipelineHistory(pipelineRef, range);
  const pipeline = detail.value?.pipeline;
  const priceSources = [
    ...(pipeline?.costPerHour?.priceSources ?? []),
    ...(detail.value?.cost24h?.priceSources ?? []),
  ];
  const common = { pipelineRef, rangeLabel };
  return (
    <>
      <Grid item xs={12}>
        <Box
          display="flex"
          alignItems="center"
          justifyContent="space-between"
          flexWrap="wrap"
          gridGap={8}
        >
          <Typography variant="h5" component="h2">
            The last {rangeLabel}
          </Typography>
          <TimeRangePicker value={range} onChange={setRange} />
        </Box>
      </Grid>
      <Grid item xs={12} lg={6}>
        <LagPanel
          {...common}
          series={series}
          targetSeconds={pipeline?.lag.targetSeconds}
        />
      </Grid>
      <Grid item xs={12} lg={6}>
        <ScalingChartPanel {...common} series={series} events={events} />
      </Grid>
      <Grid item xs={12} lg={6}>
        <SpotMixPanel {...common} series={series} />
      </Grid>
      <Grid item xs={12} lg={6}>
        <CostPanel {...common} series={series} priceSources={priceSources} />
      </Grid>
      <Grid item xs={12}>
        <ScalingEpisodesPanel {...common} events={events} />
      </Grid>
      <Grid item xs={12}>
        <NodesPanel {...common} range={range} />
      </Grid>
    </>
  );
}
