import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import ExpandLessIcon from '@material-ui/icons/ExpandLess';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import {
  CAPACITY_TYPES,
  ScalingEpisode,
} from '@internal/backstage-plugin-streaming-platform-common';
import { useState } from 'react';
import { CAPACITY_LABELS, formatDuration, formatTime } from '../../shared';
import { EpisodeEvents } from '../analysis/episodeEvents';
import { EpisodeEventList } from './EpisodeEventList';
import { EpisodePhases } from './EpisodePhases';

/** "Scale-up 4 → 8 · Nov 28, 12:03 · response 3 min 5 s · 2 nodes (2 Spot)". */
export function episodeHeadline(episode: ScalingEpisode): string {
  const parts = [
    `${episode.direction === 'up' ? 'Scale-up' : 'Scale-down'} ${
      episode.parallelismBefore
    } → ${episode.parallelismAfter}`,
    formatTime(episode.decidedAt),
  ];
  if (episode.responseSeconds !== undefined) {
    parts.push(`response ${formatDuration(episode.responseSeconds)}`);
  }
  const launched = CAPACITY_TYPES.filter(t => episode.nodesLaunched[t] > 0);
  if (launched.length) {
    const total = launched.reduce((n, t) => n + episode.nodesLaunched[t], 0);
    parts.push(
      `${total} node${total === 1 ? '' : 's'} launched (${launched
        .map(t => `${episode.nodesLaunched[t]} ${CAPACITY_LABELS[t]}`)
        .join(', ')})`,
    );
  }
  if (episode.state === 'open') parts.push('in progress');
  return parts.join(' · ');
}

/**
 * One scaling episode: a headline that expands to its phases and the events
 * behind it. The toggle is a real button with aria-expanded, so it works from
 * the keyboard and screen readers announce its state.
 */
export function EpisodeItem(props: {
  episode: ScalingEpisode;
  joined: EpisodeEvents | undefined;
}) {
  const { episode, joined } = props;
  const [expanded, setExpanded] = useState(false);
  const detailsId = `episode-${episode.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <li>
      <Button
        aria-expanded={expanded}
        aria-controls={detailsId}
        onClick={() => setExpanded(!expanded)}
        startIcon={expanded ? <ExpandLessIcon /> : <ExpandMoreIcon />}
        style={{ textTransform: 'none', textAlign: 'left' }}
      >
        {episodeHeadline(episode)}
        {joined
          ? ` · ${joined.count} event${joined.count === 1 ? '' : 's'}`
          : ''}
      </Button>
      {expanded && (
        <Box id={detailsId} pl={5} pb={2}>
          <EpisodePhases episode={episode} />
          <Typography
            variant="subtitle2"
            component="h4"
            style={{ marginTop: 8 }}
          >
            Events
          </Typography>
          <EpisodeEventList joined={joined} />
        </Box>
      )}
    </li>
  );
}
