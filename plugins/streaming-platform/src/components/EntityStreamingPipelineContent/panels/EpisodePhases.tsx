import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import {
  ScalingEpisode,
  ScalingPhase,
} from '@internal/backstage-plugin-streaming-platform-common';
import { formatDuration } from '../../shared';
import { formatClock } from '../format';

/** Each phase with what bounds it (PRODUCT.md §3, "Scaling episode"). */
const PHASES: Array<{
  phase: ScalingPhase;
  label: string;
  span: string;
  /** The instant that ends the phase, where the episode records it. */
  endsAt?: (e: ScalingEpisode) => string | undefined;
}> = [
  {
    phase: 'decision',
    label: 'Decision',
    span: 'lag or load rises → the autoscaler decides',
    endsAt: e => e.decidedAt,
  },
  {
    phase: 'capacity',
    label: 'Capacity',
    span: 'new pods pending → nodes ready',
  },
  {
    phase: 'startup',
    label: 'Start-up',
    span: 'nodes ready → TaskManagers ready and job RUNNING',
    endsAt: e => e.runningAt ?? e.taskManagersReadyAt,
  },
  {
    phase: 'recovery',
    label: 'Recovery',
    span: 'job RUNNING → lag back under target',
    endsAt: e => e.recoveredAt,
  },
];

/** The phases of one episode with their durations, where both ends are known. */
export function EpisodePhases(props: { episode: ScalingEpisode }) {
  const { episode } = props;
  return (
    <Table size="small" aria-label="Phases">
      <TableBody>
        {PHASES.map(({ phase, label, span, endsAt }) => {
          const seconds = episode.phases[phase];
          const end = endsAt?.(episode);
          return (
            <TableRow key={phase}>
              <TableCell component="th" scope="row">
                {label}
              </TableCell>
              <TableCell>
                {seconds === undefined ? 'not known' : formatDuration(seconds)}
              </TableCell>
              <TableCell>
                {span}
                {end ? ` (at ${formatClock(end)})` : ''}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
