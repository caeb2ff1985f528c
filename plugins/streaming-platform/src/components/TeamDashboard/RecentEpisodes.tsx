import { Link } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import ArrowDownwardIcon from '@material-ui/icons/ArrowDownward';
import ArrowUpwardIcon from '@material-ui/icons/ArrowUpward';
import {
  CAPACITY_TYPES,
  ScalingEpisode,
} from '@internal/backstage-plugin-streaming-platform-common';
import { useState } from 'react';
import { CAPACITY_LABELS, formatAge, formatDuration } from '../shared';
import { PipelineLinks } from './usePipelineLinks';

/** The few shown before "show all": enough to see a pattern, short enough to scan. */
const FIRST = 8;

function describe(episode: ScalingEpisode): string {
  const parts = [
    `parallelism ${episode.parallelismBefore} → ${episode.parallelismAfter}`,
  ];
  if (episode.responseSeconds !== undefined) {
    parts.push(`response ${formatDuration(episode.responseSeconds)}`);
  } else if (episode.state === 'open') {
    parts.push('in progress');
  }
  const launched = CAPACITY_TYPES.filter(t => episode.nodesLaunched?.[t])
    .map(t => `${episode.nodesLaunched[t]} ${CAPACITY_LABELS[t].toLowerCase()}`)
    .join(', ');
  if (launched) parts.push(`nodes launched: ${launched}`);
  return parts.join(' · ');
}

/** The team's latest scaling episodes, newest first, each linked to its pipeline. */
export function RecentEpisodes(props: {
  episodes: ScalingEpisode[];
  links: PipelineLinks;
}) {
  const { episodes, links } = props;
  const [all, setAll] = useState(false);
  if (!episodes.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        No scaling in the last 24 hours: the autoscaler kept every pipeline's
        parallelism.
      </Typography>
    );
  }
  const shown = all ? episodes : episodes.slice(0, FIRST);
  return (
    <>
      <List dense aria-label="Recent scaling episodes">
        {shown.map(episode => {
          const href = links.href(episode.pipelineRef);
          const title = links.title(episode.pipelineRef);
          return (
            <ListItem key={episode.id} disableGutters>
              <ListItemIcon>
                {episode.direction === 'up' ? (
                  <ArrowUpwardIcon titleAccess="Scale-up" />
                ) : (
                  <ArrowDownwardIcon titleAccess="Scale-down" />
                )}
              </ListItemIcon>
              <ListItemText
                primary={
                  <>
                    {href ? <Link to={href}>{title}</Link> : title}{' '}
                    <Typography
                      component="span"
                      variant="caption"
                      color="textSecondary"
                    >
                      {formatAge(episode.decidedAt)}
                    </Typography>
                  </>
                }
                secondary={describe(episode)}
                // Descriptions are phrases: wrap them rather than clip them.
                secondaryTypographyProps={{ style: { whiteSpace: 'normal' } }}
              />
            </ListItem>
          );
        })}
      </List>
      {episodes.length > FIRST && (
        <Button size="small" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? 'Show fewer' : `Show all ${episodes.length}`}
        </Button>
      )}
    </>
  );
}
