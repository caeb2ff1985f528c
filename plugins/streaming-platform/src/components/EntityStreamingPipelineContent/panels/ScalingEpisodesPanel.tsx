import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { PipelineEventsResponse } from '@internal/backstage-plugin-streaming-platform-common';
import { useMemo } from 'react';
import { Polled } from '../../shared';
import { NoSamples } from '../../shared/charts';
import { joinEpisodeEvents } from '../analysis/episodeEvents';
import { PolledPanel } from '../charts/PolledPanel';
import { EpisodeItem } from './EpisodeItem';

function EpisodesBody(props: {
  response: PipelineEventsResponse;
  rangeLabel: string;
}) {
  const { episodes, events } = props.response;
  const joined = useMemo(
    () => joinEpisodeEvents(episodes, events),
    [episodes, events],
  );
  if (!episodes.length) {
    return (
      <NoSamples title={`No scaling in the last ${props.rangeLabel}`}>
        {`The autoscaler did not change the parallelism in this window${
          events.length ? ` (${events.length} events recorded)` : ''
        }. Pick a longer range to see earlier episodes.`}
      </NoSamples>
    );
  }
  return (
    <>
      <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {episodes.map(episode => (
          <EpisodeItem
            key={episode.id}
            episode={episode}
            joined={joined.get(episode.id)}
          />
        ))}
      </Box>
      <Typography variant="caption" color="textSecondary" component="p">
        Source: Flink operator events, pod conditions and Karpenter NodeClaims,
        recorded by the backend (Kubernetes keeps events only about an hour).
      </Typography>
    </>
  );
}

/** The scaling episodes in the chosen range, newest first, each expandable. */
export function ScalingEpisodesPanel(props: {
  pipelineRef: string;
  events: Polled<PipelineEventsResponse>;
  rangeLabel: string;
}) {
  return (
    <PolledPanel
      title="Scaling episodes"
      subheader="Each scale-up or scale-down from trigger to recovery; expand one for its phases and events"
      pipelineRef={props.pipelineRef}
      polled={props.events}
      kinds={['kubernetes', 'database']}
    >
      {response => (
        <EpisodesBody response={response} rangeLabel={props.rangeLabel} />
      )}
    </PolledPanel>
  );
}
