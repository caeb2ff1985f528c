import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableContainer from '@material-ui/core/TableContainer';
import TableFooter from '@material-ui/core/TableFooter';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { COLUMNS } from './columns';
import { HeaderCell } from './HeaderCell';
import { PipelineRow } from './PipelineRow';
import { TeamRow, totalsOf } from './rows';
import {
  NO_FILTER,
  RowFilter,
  SortOrder,
  filterRows,
  sortRows,
} from './sortFilter';
import { ROW_HEIGHT, useTableStyles } from './styles';
import { TableFilters } from './TableFilters';
import { TotalsRow } from './TotalsRow';
import { PipelineLinks } from './usePipelineLinks';
import { useMeasuredRowHeight, useRowWindow } from './useRowWindow';

/** A spacer standing in for rows not rendered, so the scrollbar stays true. */
function Spacer(props: { rows: number; rowHeight: number }) {
  if (props.rows <= 0) return null;
  return (
    <tr role="presentation" aria-hidden>
      <td
        colSpan={COLUMNS.length}
        style={{ height: props.rows * props.rowHeight, padding: 0, border: 0 }}
      />
    </tr>
  );
}

/**
 * The team's pipelines: sortable by every figure, filterable, with the
 * totals of what is shown. Sorting and filtering work on all rows; only the
 * rows in view are rendered (see useRowWindow for the measurements), and
 * aria-rowcount / aria-rowindex tell assistive technology the whole size.
 * Filtering works on a deferred copy of the filter, so typing stays
 * responsive while 600 rows re-filter.
 */
export function PipelineFiguresTable(props: {
  rows: TeamRow[];
  links: PipelineLinks;
  title: string;
}) {
  const { rows, links, title } = props;
  const classes = useTableStyles();
  const [order, setOrder] = useState<SortOrder>({
    key: 'title',
    direction: 'asc',
  });
  const [filter, setFilter] = useState<RowFilter>(NO_FILTER);
  const deferredFilter = useDeferredValue(filter);
  const container = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLTableSectionElement>(null);

  const shown = useMemo(
    () => sortRows(filterRows(rows, deferredFilter), order),
    [rows, deferredFilter, order],
  );
  const totals = useMemo(() => totalsOf(shown), [shown]);
  const rowHeight = useMeasuredRowHeight(body, ROW_HEIGHT, shown.length > 0);
  const { start, end } = useRowWindow({
    container,
    count: shown.length,
    rowHeight,
  });

  const sort = (next: SortOrder) => {
    setOrder(next);
    // A new order is read from its top.
    container.current?.scrollTo?.({ top: 0 });
  };

  return (
    <>
      <TableFilters
        filter={filter}
        onChange={setFilter}
        shown={shown.length}
        total={rows.length}
      />
      <TableContainer
        ref={container}
        className={classes.container}
        tabIndex={0}
        role="region"
        aria-label={`${title}, scrollable`}
      >
        <Table
          size="small"
          stickyHeader
          className={classes.table}
          aria-label={title}
          // Header, every row shown (rendered or not) and the totals.
          aria-rowcount={shown.length + 2}
        >
          <colgroup>
            {COLUMNS.map(column => (
              <col key={column.id} style={{ width: column.width }} />
            ))}
          </colgroup>
          <TableHead>
            <TableRow aria-rowindex={1}>
              {COLUMNS.map(column => (
                <HeaderCell
                  key={column.id}
                  column={column}
                  order={order}
                  onSort={sort}
                  className={classes.headCell}
                />
              ))}
            </TableRow>
          </TableHead>
          <TableBody ref={body}>
            <Spacer rows={start} rowHeight={rowHeight} />
            {shown.slice(start, end).map((row, i) => (
              <PipelineRow
                key={row.ref}
                row={row}
                rowIndex={start + i + 2}
                href={links.href(row.ref)}
                classes={classes}
              />
            ))}
            <Spacer rows={shown.length - end} rowHeight={rowHeight} />
          </TableBody>
          <TableFooter>
            <TotalsRow
              totals={totals}
              of={rows.length}
              rowIndex={shown.length + 2}
              classes={classes}
            />
          </TableFooter>
        </Table>
      </TableContainer>
    </>
  );
}
