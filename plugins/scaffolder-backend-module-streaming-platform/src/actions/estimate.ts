import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  CapacityProfile,
  costEstimateRequestFor,
  HOURS_PER_MONTH,
  monthlyCost,
  NewPipelineParameters,
} from '@internal/backstage-plugin-streaming-platform-common';
import { StreamingPlatformBackend } from '../client/StreamingPlatformBackend';

const PROFILES: CapacityProfile[] = ['spot-first', 'on-demand'];

/**
 * `streaming-platform:cost:estimate`: the estimate the form's cost field
 * shows, from the same backend endpoint, for both capacity profiles; its
 * summary goes into the run's output so the estimate is on record.
 */
export function createEstimateCostAction(options: {
  backend: StreamingPlatformBackend;
}) {
  return createTemplateAction({
    id: 'streaming-platform:cost:estimate',
    description:
      'Estimates the monthly cost of a new Flink pipeline at its lowest, typical and highest parallelism, spot-first and on-demand',
    supportsDryRun: true,
    schema: {
      input: {
        parameters: z =>
          z
            .record(z.unknown())
            .describe('The template parameters of the new pipeline'),
      },
      output: {
        chosen: z =>
          z.object({
            capacityProfile: z.enum(['spot-first', 'on-demand']),
            min: z.number(),
            typical: z.number().optional(),
            max: z.number(),
            onDemandEquivalentTypical: z.number(),
          }),
        alternative: z =>
          z.object({
            capacityProfile: z.enum(['spot-first', 'on-demand']),
            min: z.number(),
            typical: z.number().optional(),
            max: z.number(),
            onDemandEquivalentTypical: z.number(),
          }),
        priceSources: z => z.array(z.string()),
        summary: z => z.string(),
      },
    },
    async handler(ctx) {
      const parameters = ctx.input.parameters as Partial<NewPipelineParameters>;
      const credentials = await ctx.getInitiatorCredentials();
      const chosenProfile: CapacityProfile =
        parameters.capacityProfile === 'on-demand' ? 'on-demand' : 'spot-first';
      const estimates = await Promise.all(
        PROFILES.map(async profile => {
          const request = costEstimateRequestFor(parameters, profile);
          if (!request) {
            throw new InputError(
              'cluster, taskManagerSize, minParallelism and maxParallelism are needed for a cost estimate',
            );
          }
          const answer = await options.backend.estimateCost(
            request,
            credentials,
          );
          return { profile, answer, monthly: monthlyCost(profile, answer) };
        }),
      );
      const chosen = estimates.find(e => e.profile === chosenProfile)!;
      const alternative = estimates.find(e => e.profile !== chosenProfile)!;
      const priceSources = [
        ...new Set(estimates.flatMap(e => e.answer.min.priceSources)),
      ];
      const usd = (n: number) => `$${n.toFixed(2)}`;
      const range = (m: typeof chosen.monthly) =>
        `${usd(m.min)}${
          m.typical === undefined ? '' : ` / ${usd(m.typical)}`
        } / ${usd(m.max)}`;
      const summary = `Estimated monthly cost (× ${HOURS_PER_MONTH} h) at min${
        chosen.monthly.typical === undefined ? '' : ' / typical'
      } / max parallelism: ${range(chosen.monthly)} ${chosenProfile}; ${range(
        alternative.monthly,
      )} ${alternative.profile}. Prices: ${priceSources.join(', ')}.`;
      ctx.logger.info(summary);
      for (const assumption of chosen.answer.assumptions) {
        ctx.logger.info(`Assumed: ${assumption}`);
      }
      ctx.output('chosen', chosen.monthly);
      ctx.output('alternative', alternative.monthly);
      ctx.output('priceSources', priceSources);
      ctx.output('summary', summary);
    },
  });
}
