import {
  CostFigures,
  HOURS_PER_MONTH,
} from '@internal/backstage-plugin-streaming-platform-common';

// The backend prices per hour, people budget per month: 730 hours (8,760 a
// year / 12), as the template's estimate action counts. The field says so.
export { HOURS_PER_MONTH };

/** An hourly estimate as a monthly one; undefined stays unknown. */
export function monthlyUsd(
  perHour: Pick<CostFigures, 'usd'> | undefined,
): number | undefined {
  return perHour ? perHour.usd * HOURS_PER_MONTH : undefined;
}

/**
 * What spot-first saves against on-demand, per month and as a share of the
 * on-demand figure; undefined when either is unknown or on-demand is free.
 * Zero or less (a cluster without spot nodes) is no saving, not a negative one.
 */
export function monthlySaving(
  spotFirst: Pick<CostFigures, 'usd'> | undefined,
  onDemand: Pick<CostFigures, 'usd'> | undefined,
): { usd: number; share: number } | undefined {
  const spot = monthlyUsd(spotFirst);
  const demand = monthlyUsd(onDemand);
  if (spot === undefined || demand === undefined || demand <= 0) {
    return undefined;
  }
  const usd = Math.max(0, demand - spot);
  return { usd, share: usd / demand };
}
