import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { StreamingPlatformBackend } from '../client/StreamingPlatformBackend';

/**
 * `streaming-platform:pipeline:validate`: the form's rules again on the
 * server (a template run can be started without the form), plus what only
 * the backend knows: the name free on the cluster and in the catalog, the
 * consumer group free on the MSK cluster. Fails the run with every problem,
 * each naming its field; otherwise outputs the IAM role the pipeline's pods
 * assume (the platform's naming), for the manifests. Reads only, so it runs
 * in dry runs too.
 */
export function createValidatePipelineAction(options: {
  backend: StreamingPlatformBackend;
}) {
  return createTemplateAction({
    id: 'streaming-platform:pipeline:validate',
    description:
      'Checks a new Flink pipeline: field rules, name and consumer-group uniqueness against the clusters and the catalog',
    supportsDryRun: true,
    schema: {
      input: {
        parameters: z =>
          z
            .record(z.unknown())
            .describe('The template parameters of the new pipeline'),
      },
      output: {
        valid: z => z.boolean().describe('True when no problem was found'),
        pipelineRoleArn: z =>
          z
            .string()
            .describe(
              "The IAM role the pipeline's pods assume through IRSA, from the platform's configuration",
            ),
      },
    },
    async handler(ctx) {
      const { problems, pipelineRoleArn } = await options.backend.validate(
        ctx.input.parameters,
        await ctx.getInitiatorCredentials(),
      );
      if (problems.length) {
        throw new InputError(
          `The new pipeline has ${problems.length} problem${
            problems.length === 1 ? '' : 's'
          }:\n${problems.map(p => `- ${p.field}: ${p.message}`).join('\n')}`,
        );
      }
      ctx.logger.info('The new pipeline passed every check');
      ctx.output('valid', true);
      if (pipelineRoleArn) ctx.output('pipelineRoleArn', pipelineRoleArn);
    },
  });
}
