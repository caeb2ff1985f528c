import { TeamRow } from './rows';

/** The columns a reader can sort by. */
export type SortKey =
  | 'title'
  | 'jobState'
  | 'lagSeconds'
  | 'breaches24h'
  | 'parallelism'
  | 'spotNow'
  | 'spot24h'
  | 'costPerDay'
  | 'savings';

export interface SortOrder {
  key: SortKey;
  direction: 'asc' | 'desc';
}

/** Which job states a reader wants to see. */
export type StateFilter = 'all' | 'running' | 'not-running';

export interface RowFilter {
  /** Words that must all appear in the title, ref or state. */
  text: string;
  state: StateFilter;
  /** Only pipelines above their lag target now or in the last 24 hours. */
  breachingOnly: boolean;
}

export const NO_FILTER: RowFilter = {
  text: '',
  state: 'all',
  breachingOnly: false,
};

const collator = new Intl.Collator('en', { numeric: true });

/**
 * Rows in the order asked. Unknown values (no lag reading yet, cost
 * withheld) go last in either direction, so sorting by cost never puts
 * "hidden" rows at the top; ties keep the ref order, so the order is stable.
 */
export function sortRows(rows: TeamRow[], order: SortOrder): TeamRow[] {
  const sign = order.direction === 'asc' ? 1 : -1;
  const { key } = order;
  return [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === undefined || y === undefined) {
      if (x !== y) return x === undefined ? 1 : -1;
    } else {
      const byValue =
        typeof x === 'string'
          ? collator.compare(x, y as string)
          : (x as number) - (y as number);
      if (byValue !== 0) return sign * byValue;
    }
    return collator.compare(a.ref, b.ref);
  });
}

/** The rows that match the filter. */
export function filterRows(rows: TeamRow[], filter: RowFilter): TeamRow[] {
  const words = filter.text.toLocaleLowerCase('en-US').split(/\s+/);
  const needles = words.filter(Boolean);
  if (!needles.length && filter.state === 'all' && !filter.breachingOnly) {
    return rows;
  }
  return rows.filter(row => {
    const running = row.jobState === 'RUNNING';
    if (filter.state === 'running' && !running) return false;
    if (filter.state === 'not-running' && running) return false;
    if (filter.breachingOnly && !row.lagBreachedNow && !row.breaches24h) {
      return false;
    }
    if (!needles.length) return true;
    const haystack =
      `${row.title} ${row.ref} ${row.jobState}`.toLocaleLowerCase('en-US');
    return needles.every(needle => haystack.includes(needle));
  });
}

/** Whether the filter hides anything at all. */
export function isFiltering(filter: RowFilter): boolean {
  return (
    filter.text.trim() !== '' || filter.state !== 'all' || filter.breachingOnly
  );
}
