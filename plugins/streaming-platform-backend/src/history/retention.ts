import { RetentionSettings } from './types';

const DAY = 86_400_000;

/** 14 days of minutes, 13 months of hours, 90 days of events. */
export const DEFAULT_RETENTION: RetentionSettings = {
  minuteSamplesMs: 14 * DAY,
  hourlyRollupsMs: 395 * DAY,
  eventsMs: 90 * DAY,
};
