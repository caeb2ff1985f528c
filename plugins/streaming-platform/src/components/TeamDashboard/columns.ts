import { SortKey } from './sortFilter';

/** A column of the pipelines table. */
export interface Column {
  id: string;
  label: string;
  sortKey: SortKey;
  numeric?: boolean;
  /** Said on hover and to screen readers: what the figure means. */
  help?: string;
  /** The direction a first click sorts in: the worst first for figures. */
  firstDirection: 'asc' | 'desc';
  /**
   * Fixed, so the columns do not shift as rows scroll in and out of the
   * rendered window; the pipeline column takes the rest.
   */
  width?: number;
}

export const COLUMNS: Column[] = [
  {
    id: 'pipeline',
    label: 'Pipeline',
    sortKey: 'title',
    firstDirection: 'asc',
  },
  {
    id: 'state',
    width: 144,
    label: 'State',
    sortKey: 'jobState',
    firstDirection: 'asc',
  },
  {
    id: 'lag',
    width: 150,
    label: 'Lag now',
    sortKey: 'lagSeconds',
    numeric: true,
    firstDirection: 'desc',
    help: "MSK's EstimatedMaxTimeLag of the pipeline's consumer group; the line is the hourly peak over 24 hours, the dashes its target. Flink commits offsets at checkpoints, so lag moves in checkpoint steps.",
  },
  {
    id: 'breaches',
    width: 112,
    label: 'Breaches 24 h',
    sortKey: 'breaches24h',
    numeric: true,
    firstDirection: 'desc',
    help: 'How often lag went above the target in the last 24 hours, and for how long in all.',
  },
  {
    id: 'parallelism',
    width: 116,
    label: 'Parallelism',
    sortKey: 'parallelism',
    numeric: true,
    firstDirection: 'desc',
    help: 'The job parallelism now, and the TaskManagers ready of those wanted.',
  },
  {
    id: 'spotNow',
    width: 72,
    label: 'Spot now',
    sortKey: 'spotNow',
    numeric: true,
    firstDirection: 'asc',
    help: 'Share of the requested vCPU on spot nodes now.',
  },
  {
    id: 'spot24h',
    width: 72,
    label: 'Spot 24 h',
    sortKey: 'spot24h',
    numeric: true,
    firstDirection: 'asc',
    help: 'Share of the requested vCPU-time on spot nodes in the last 24 hours.',
  },
  {
    id: 'cost',
    width: 140,
    label: 'Cost / day',
    sortKey: 'costPerDay',
    numeric: true,
    firstDirection: 'desc',
    help: 'Estimated cost per day at the current rate (nodes now, split over pods by OpenCost’s method); the bars are each of the last 7 recorded days.',
  },
  {
    id: 'savings',
    width: 124,
    label: 'Savings',
    sortKey: 'savings',
    numeric: true,
    firstDirection: 'asc',
    help: 'Spot savings: 1 − cost / the same allocation at on-demand prices, and what that saves per day at the current rate.',
  },
];
