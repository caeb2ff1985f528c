import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import { CostValue, formatPercent, formatUsd } from '../shared';
import { TeamTotals } from './rows';
import { TableClasses } from './styles';

/**
 * The totals of the rows shown: counts and sums, spot shares weighted by
 * requested vCPU (a big pipeline's spot share weighs more than a small one's),
 * savings from the summed cost and on-demand equivalent.
 */
export function TotalsRow(props: {
  totals: TeamTotals;
  /** How many rows there are without the filter, to say "of N". */
  of: number;
  /** Its position in the whole table (aria-rowindex): after every row. */
  rowIndex: number;
  classes: TableClasses;
}) {
  const { totals, of, rowIndex, classes } = props;
  return (
    <TableRow
      className={classes.totals}
      data-testid="totals-row"
      aria-rowindex={rowIndex}
    >
      <TableCell component="th" scope="row" role="rowheader">
        Total: {totals.pipelines}
        {totals.pipelines !== of ? ` of ${of}` : ''} pipelines
      </TableCell>
      <TableCell />
      <TableCell align="right">{totals.breachingNow} above target</TableCell>
      <TableCell align="right">{totals.breaches24h}</TableCell>
      <TableCell />
      <TableCell align="right">{formatPercent(totals.spotNow)}</TableCell>
      <TableCell align="right">{formatPercent(totals.spot24h)}</TableCell>
      <TableCell align="right">
        <CostValue usd={totals.costPerDay} withheld={totals.costWithheld} />
      </TableCell>
      <TableCell align="right">
        {totals.costWithheld ? (
          <CostValue usd={undefined} withheld />
        ) : (
          formatPercent(totals.savings)
        )}
        {totals.savedPerDay !== undefined && (
          <span className={classes.caption}>
            {formatUsd(totals.savedPerDay)} saved
          </span>
        )}
      </TableCell>
    </TableRow>
  );
}
