import TableCell from '@material-ui/core/TableCell';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Tooltip from '@material-ui/core/Tooltip';
import { Column } from './columns';
import { SortOrder } from './sortFilter';

/** A click on the sorted column turns its order; on another, sorts by it. */
function nextOrder(column: Column, order: SortOrder): SortOrder {
  if (order.key !== column.sortKey) {
    return { key: column.sortKey, direction: column.firstDirection };
  }
  return {
    key: column.sortKey,
    direction: order.direction === 'asc' ? 'desc' : 'asc',
  };
}

/**
 * A column header that sorts: a button (so Tab and Enter reach it), with
 * aria-sort on the header cell and what the figure means on hover and focus.
 */
export function HeaderCell(props: {
  column: Column;
  order: SortOrder;
  onSort: (order: SortOrder) => void;
  className: string;
}) {
  const { column, order, onSort, className } = props;
  const active = order.key === column.sortKey;
  const label = (
    <TableSortLabel
      active={active}
      direction={active ? order.direction : column.firstDirection}
      onClick={() => onSort(nextOrder(column, order))}
    >
      {column.label}
    </TableSortLabel>
  );
  return (
    <TableCell
      className={className}
      align={column.numeric ? 'right' : 'left'}
      sortDirection={active ? order.direction : false}
    >
      {column.help ? <Tooltip title={column.help}>{label}</Tooltip> : label}
    </TableCell>
  );
}
