import { CostEstimateRequest, CostEstimateResponse } from '../api';
import {
  CapacityProfile,
  JOB_MANAGER_SIZE,
  NewPipelineParameters,
  TASK_MANAGER_SIZES,
} from './parameters';

/** Hours in an average month (8,760 / 12): how hourly estimates become monthly. */
export const HOURS_PER_MONTH = 730;

/**
 * The cost estimate request for a new pipeline's parameters under a capacity
 * profile; undefined while the fields it needs are missing.
 *
 * @public
 */
export function costEstimateRequestFor(
  parameters: Partial<NewPipelineParameters>,
  capacityProfile: CapacityProfile,
): CostEstimateRequest | undefined {
  const size = parameters.taskManagerSize
    ? TASK_MANAGER_SIZES[parameters.taskManagerSize]
    : undefined;
  const { cluster, minParallelism, parallelism, maxParallelism } = parameters;
  if (
    !size ||
    !cluster ||
    !Number.isInteger(minParallelism) ||
    !Number.isInteger(maxParallelism)
  ) {
    return undefined;
  }
  const typical =
    Number.isInteger(parallelism) &&
    parallelism! >= minParallelism! &&
    parallelism! <= maxParallelism!
      ? parallelism
      : undefined;
  return {
    cluster,
    capacityProfile,
    taskManager: { cpuCores: size.cpuCores, memoryGiB: size.memoryGiB },
    jobManager: { ...JOB_MANAGER_SIZE },
    taskSlots: size.taskSlots,
    parallelism: {
      min: minParallelism!,
      ...(typical === undefined ? {} : { typical }),
      max: maxParallelism!,
    },
  };
}

/**
 * Monthly figures of an estimate: cost per hour × {@link HOURS_PER_MONTH},
 * at each parallelism the estimate priced.
 *
 * @public
 */
export interface MonthlyCostEstimate {
  capacityProfile: CapacityProfile;
  min: number;
  typical?: number;
  max: number;
  /** The all-on-demand equivalent at the typical (else the lowest) parallelism. */
  onDemandEquivalentTypical: number;
}

/** @public */
export function monthlyCost(
  capacityProfile: CapacityProfile,
  estimate: CostEstimateResponse,
): MonthlyCostEstimate {
  const month = (usdPerHour: number) =>
    Math.round(usdPerHour * HOURS_PER_MONTH * 100) / 100;
  return {
    capacityProfile,
    min: month(estimate.min.usd),
    ...(estimate.typical ? { typical: month(estimate.typical.usd) } : {}),
    max: month(estimate.max.usd),
    onDemandEquivalentTypical: month(
      (estimate.typical ?? estimate.min).onDemandEquivalentUsd,
    ),
  };
}
