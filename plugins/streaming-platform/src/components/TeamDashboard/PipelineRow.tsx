import { Link } from '@backstage/core-components';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import { memo } from 'react';
import { CostValue, formatDuration, formatPercent, formatUsd } from '../shared';
import { CostTrendBars } from './CostTrendBars';
import { JobState } from './JobState';
import { LagSparkline } from './LagSparkline';
import { TeamRow } from './rows';
import { TableClasses } from './styles';

function Row(props: {
  row: TeamRow;
  /** Its position in the whole table, header included (aria-rowindex). */
  rowIndex: number;
  /** The pipeline's entity page, when the catalog knows its entity. */
  href?: string;
  classes: TableClasses;
}) {
  const { row, rowIndex, href, classes } = props;
  return (
    <TableRow
      hover
      className={classes.row}
      data-ref={row.ref}
      aria-rowindex={rowIndex}
    >
      <TableCell
        className={classes.cell}
        component="th"
        scope="row"
        role="rowheader"
      >
        <span className={classes.line} title={row.title}>
          {href ? <Link to={href}>{row.title}</Link> : row.title}
        </span>
        <span className={classes.caption} title={row.ref}>
          {row.ref}
        </span>
      </TableCell>
      <TableCell className={classes.cell}>
        <JobState state={row.jobState} />
        {row.lifecycleState && (
          <span className={classes.caption}>{row.lifecycleState}</span>
        )}
      </TableCell>
      <TableCell className={classes.cell} align="right">
        <div className={classes.figure}>
          <LagSparkline
            values={row.lagSparkline}
            targetSeconds={row.lagTargetSeconds}
            breached={row.lagBreachedNow}
          />
          <span className={row.lagBreachedNow ? classes.breach : undefined}>
            {row.lagSeconds === undefined
              ? 'no reading'
              : formatDuration(row.lagSeconds)}
          </span>
        </div>
        <span className={classes.caption}>
          target {formatDuration(row.lagTargetSeconds)}
        </span>
      </TableCell>
      <TableCell className={classes.cell} align="right">
        <span className={row.breaches24h ? classes.breach : undefined}>
          {row.breaches24h}
        </span>
        {row.breachSeconds24h > 0 && (
          <span className={classes.caption}>
            {formatDuration(Math.ceil(row.breachSeconds24h / 60) * 60)} above
          </span>
        )}
      </TableCell>
      <TableCell className={classes.cell} align="right">
        {row.parallelism}
        <span className={classes.caption}>
          TM {row.taskManagersReady}/{row.taskManagersTotal}
        </span>
      </TableCell>
      <TableCell className={classes.cell} align="right">
        {formatPercent(row.spotNow)}
      </TableCell>
      <TableCell className={classes.cell} align="right">
        {formatPercent(row.spot24h)}
      </TableCell>
      <TableCell className={classes.cell} align="right">
        <div className={classes.figure}>
          <CostTrendBars values={row.costTrend} />
          <CostValue usd={row.costPerDay} withheld={row.costWithheld} />
        </div>
      </TableCell>
      <TableCell className={classes.cell} align="right">
        {row.costWithheld ? (
          <CostValue usd={undefined} withheld />
        ) : (
          formatPercent(row.savings)
        )}
        {row.savings !== undefined && row.onDemandPerDay !== undefined && (
          <span className={classes.caption}>
            {formatUsd(row.onDemandPerDay - (row.costPerDay ?? 0))} saved
          </span>
        )}
      </TableCell>
    </TableRow>
  );
}

/**
 * One pipeline's row. Memoised: a refresh that leaves a row's figures alone
 * and a re-sort re-render only the rows whose props changed.
 */
export const PipelineRow = memo(Row);
