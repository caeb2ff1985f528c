import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { StreamingPlatformBackend } from '../client/StreamingPlatformBackend';
import { readWorkspaceManifests } from './workspaceManifests';

/**
 * `streaming-platform:pipeline:apply`: server-side-applies the generated
 * manifests to the chosen cluster and namespace through the
 * streaming-platform backend, which holds the cluster credentials and
 * decides (`streamingPlatform.selfService.applyToCluster`) whether this
 * portal applies at all; in GitOps-only setups it applies nothing and the
 * template's pull request carries the manifests. In a dry run the API
 * server validates and admits them without storing anything. The apply is
 * a checkpoint: a resumed run does not apply twice.
 */
export function createApplyPipelineAction(options: {
  backend: StreamingPlatformBackend;
}) {
  return createTemplateAction({
    id: 'streaming-platform:pipeline:apply',
    description:
      "Applies a new pipeline's manifests (server-side apply) to a cluster namespace, unless the portal is set up for GitOps only",
    supportsDryRun: true,
    schema: {
      input: {
        cluster: z => z.string().describe('The cluster, as configured'),
        namespace: z =>
          z
            .string()
            .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
            .describe('The namespace to apply to'),
        manifestsPath: z =>
          z
            .string()
            .default('./pipeline/deploy')
            .describe('Workspace folder with the manifests'),
      },
      output: {
        appliedToCluster: z => z.boolean(),
        objects: z =>
          z.array(
            z.object({
              apiVersion: z.string(),
              kind: z.string(),
              name: z.string(),
              namespace: z.string(),
              action: z.enum(['created', 'configured', 'validated']),
            }),
          ),
      },
    },
    async handler(ctx) {
      const { cluster, namespace } = ctx.input;
      const manifests = await readWorkspaceManifests(
        ctx.workspacePath,
        ctx.input.manifestsPath ?? './pipeline/deploy',
      );
      const credentials = await ctx.getInitiatorCredentials();
      const request = { cluster, namespace, manifests };
      const result = ctx.isDryRun
        ? await options.backend.apply({ ...request, dryRun: true }, credentials)
        : await ctx.checkpoint({
            key: `streaming-platform-apply-${cluster}-${namespace}-${manifests
              .map(m => `${m.kind}/${(m.metadata as any)?.name}`)
              .join(',')}`,
            fn: async () => {
              const answer = await options.backend.apply(request, credentials);
              return {
                appliedToCluster: answer.appliedToCluster,
                reason: answer.reason ?? null,
                objects: answer.objects.map(o => ({ ...o })),
              };
            },
          });
      if (!result.appliedToCluster) {
        ctx.logger.info(`Not applied: ${result.reason}`);
      }
      for (const o of result.objects) {
        ctx.logger.info(
          `${o.kind} ${o.namespace}/${o.name}: ${o.action} in ${cluster}`,
        );
      }
      ctx.output('appliedToCluster', result.appliedToCluster);
      ctx.output('objects', result.objects);
    },
  });
}
