import { makeStyles } from '@material-ui/core/styles';

/**
 * The height of a pipeline row before it is measured: two lines of text
 * and the small table's padding. Every row has exactly two lines (text does
 * not wrap), so every row has the same height and the rendered window is
 * arithmetic.
 */
export const ROW_HEIGHT = 53;

/**
 * The pipelines table's styles, one sheet for every row: 600 rows must not
 * mean 600 style computations.
 */
export const useTableStyles = makeStyles(theme => ({
  container: {
    // The table scrolls inside the page, so its header and totals stay in view.
    maxHeight: '70vh',
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
    },
  },
  table: {
    // Fixed columns: widths do not shift as rows scroll in and out.
    tableLayout: 'fixed',
    minWidth: 1150,
    '& th, & td': {
      padding: theme.spacing(0.75, 1),
    },
  },
  headCell: {
    // Narrow figure columns: a label may take two lines rather than be cut.
    verticalAlign: 'bottom',
  },
  row: {
    height: ROW_HEIGHT,
  },
  cell: {
    verticalAlign: 'top',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
  },
  line: {
    display: 'block',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  figure: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'flex-end',
    gap: theme.spacing(1),
  },
  caption: {
    display: 'block',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    color: theme.palette.text.secondary,
    fontSize: theme.typography.caption.fontSize,
  },
  breach: {
    color: theme.palette.error.main,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  totals: {
    '& td, & th': {
      position: 'sticky',
      bottom: 0,
      backgroundColor: theme.palette.background.paper,
      // Footer cells default to small grey text; totals are read first.
      color: theme.palette.text.primary,
      fontSize: theme.typography.body2.fontSize,
      borderTop: `2px solid ${theme.palette.divider}`,
      fontWeight: theme.typography.fontWeightBold as number,
      verticalAlign: 'top',
      whiteSpace: 'nowrap',
    },
  },
}));

export type TableClasses = ReturnType<typeof useTableStyles>;
