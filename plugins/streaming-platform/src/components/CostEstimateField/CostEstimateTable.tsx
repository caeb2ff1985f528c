import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles } from '@material-ui/core/styles';
import {
  CapacityProfile,
  CostEstimateResponse,
} from '@internal/backstage-plugin-streaming-platform-common';
import { formatPercent, formatUsd } from '../shared';
import { monthlySaving, monthlyUsd } from './monthly';
import { CostEstimates } from './useCostEstimates';

const useStyles = makeStyles(theme => ({
  // The profile the form selects: marked in words too, not by colour alone.
  selected: {
    backgroundColor: theme.palette.action.selected,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  taskManagers: {
    display: 'block',
    color: theme.palette.text.secondary,
    fontSize: theme.typography.caption.fontSize,
  },
}));

const LEVELS: Array<{
  level: 'min' | 'typical' | 'max';
  label: string;
}> = [
  { level: 'min', label: 'Minimum' },
  { level: 'typical', label: 'Typical' },
  { level: 'max', label: 'Maximum' },
];

const PROFILES: Array<{
  profile: CapacityProfile;
  label: string;
  answer: (e: CostEstimates) => CostEstimateResponse;
}> = [
  { profile: 'spot-first', label: 'Spot-first', answer: e => e.spotFirst },
  { profile: 'on-demand', label: 'On-demand', answer: e => e.onDemand },
];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Estimated monthly cost at the lowest, typical and highest parallelism,
 * spot-first beside on-demand, with what spot-first saves.
 */
export function CostEstimateTable(props: {
  estimates: CostEstimates;
  selected: CapacityProfile | undefined;
}) {
  const classes = useStyles();
  const { estimates, selected } = props;
  const { parallelism: levels, taskSlots } = estimates.request;
  const cellClass = (profile: CapacityProfile) =>
    profile === selected ? classes.selected : undefined;
  return (
    <Table size="small" aria-label="Estimated monthly cost">
      <TableHead>
        <TableRow>
          <TableCell>Parallelism</TableCell>
          {PROFILES.map(({ profile, label }) => (
            <TableCell
              key={profile}
              align="right"
              className={cellClass(profile)}
            >
              {label}
              {profile === selected ? ' (selected)' : ''}
            </TableCell>
          ))}
          <TableCell align="right">Spot-first saves</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {LEVELS.map(({ level, label }) => {
          const parallelism = levels[level];
          const [spotFirst, onDemand] = PROFILES.map(
            p => p.answer(estimates)[level],
          );
          const saving = monthlySaving(spotFirst, onDemand);
          return (
            <TableRow key={level}>
              <TableCell component="th" scope="row">
                {label}: {parallelism ?? '—'}
                {parallelism !== undefined && (
                  <span className={classes.taskManagers}>
                    {plural(Math.ceil(parallelism / taskSlots), 'TaskManager')}
                  </span>
                )}
              </TableCell>
              {PROFILES.map(({ profile, answer }) => (
                <TableCell
                  key={profile}
                  align="right"
                  className={cellClass(profile)}
                >
                  {formatUsd(monthlyUsd(answer(estimates)[level]))}
                </TableCell>
              ))}
              <TableCell align="right">
                {saving
                  ? `${formatUsd(saving.usd)} (${formatPercent(saving.share)})`
                  : '—'}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
