import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/** The name templates give as `ui:field`. */
export const COST_ESTIMATE_FIELD_NAME = 'StreamingPipelineCostEstimate';

/**
 * What the field keeps in the form: the estimate for the capacity profile
 * the form selected, so the review page shows it. Whole dollars, because
 * the figures are estimates; nothing else, so the task's parameters stay
 * small and carry nothing a pipeline's manifests would read.
 */
export const costEstimateFieldSchema = makeFieldSchema({
  output: z =>
    z
      .object({
        capacityProfile: z
          .enum(['spot-first', 'on-demand'])
          .describe('The capacity profile the figures are for'),
        monthlyUsd: z
          .object({
            min: z.number(),
            typical: z.number().optional(),
            max: z.number(),
          })
          .describe(
            'Estimated monthly cost in US dollars (hourly estimate × 730 hours) at the lowest, typical and highest parallelism',
          ),
      })
      .describe('The estimated monthly cost of the planned pipeline'),
});

/** The field's value: the last estimate for the selected capacity profile. */
export type CostEstimateSummary = typeof costEstimateFieldSchema.TOutput;
