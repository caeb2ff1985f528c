import Grid from '@material-ui/core/Grid';
import {
  PipelineRef,
  stringifyPipelineRef,
} from '@internal/backstage-plugin-streaming-platform-common';
import { DataSourcesCard } from '../DataSourcesCard';
import {
  PipelineOverviewCard,
  PipelineRequestProblem,
  isPipelineUnavailable,
  usePipelineDetail,
} from '../EntityStreamingPipelineOverviewCard';
import { EmulatorBanner } from '../shared';
import { PipelineIdentityCard } from './PipelineIdentityCard';
import { PipelinePanels } from './PipelinePanels';

/**
 * The Streaming tab of one pipeline: what it is now, and its history over a
 * chosen range. An unknown pipeline or a denied permission fails every
 * request alike, so then the tab says so once instead of in every panel.
 */
export function PipelineStreamingTab(props: { pipelineRef: PipelineRef }) {
  const ref = stringifyPipelineRef(props.pipelineRef);
  const detail = usePipelineDetail(ref);
  const unavailable = !detail.value && isPipelineUnavailable(detail.error);
  return (
    <>
      <EmulatorBanner sources={detail.value?.sources} />
      <Grid container spacing={3}>
        {unavailable ? (
          <>
            <Grid item xs={12}>
              <PipelineIdentityCard pipelineRef={props.pipelineRef} />
            </Grid>
            <Grid item xs={12}>
              <PipelineRequestProblem error={detail.error!} pipelineRef={ref} />
            </Grid>
          </>
        ) : (
          <>
            <Grid item xs={12} md={7}>
              <PipelineOverviewCard pipelineRef={ref} detail={detail} />
            </Grid>
            <Grid item xs={12} md={5}>
              <PipelineIdentityCard pipelineRef={props.pipelineRef} />
            </Grid>
            <PipelinePanels pipelineRef={ref} detail={detail} />
          </>
        )}
        {detail.value && (
          <Grid item xs={12} md={6}>
            <DataSourcesCard sources={detail.value.sources} />
          </Grid>
        )}
      </Grid>
    </>
  );
}
