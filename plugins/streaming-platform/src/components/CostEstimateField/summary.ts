import {
  CapacityProfile,
  CostFigures,
} from '@internal/backstage-plugin-streaming-platform-common';
import { HOURS_PER_MONTH } from './monthly';
import { CostEstimateSummary } from './schema';
import { CostEstimates } from './useCostEstimates';

/** Whole dollars: the figures are estimates, cents would claim otherwise. */
const dollarsPerMonth = (perHour: CostFigures) =>
  Math.round(perHour.usd * HOURS_PER_MONTH);

/**
 * The field's value for the review page: the monthly estimate of the
 * profile the form selects. Without a selected profile there is nothing to
 * keep.
 */
export function costEstimateSummary(
  estimates: CostEstimates,
  capacityProfile: CapacityProfile | undefined,
): CostEstimateSummary | undefined {
  if (!capacityProfile) return undefined;
  const answer =
    capacityProfile === 'spot-first' ? estimates.spotFirst : estimates.onDemand;
  return {
    capacityProfile,
    monthlyUsd: {
      min: dollarsPerMonth(answer.min),
      // A backend from before `typical` leaves it out.
      ...(answer.typical ? { typical: dollarsPerMonth(answer.typical) } : {}),
      max: dollarsPerMonth(answer.max),
    },
  };
}
