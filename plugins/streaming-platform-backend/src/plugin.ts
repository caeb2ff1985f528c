import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { streamingPlatformPermissions } from '@internal/backstage-plugin-streaming-platform-common';
import { readStreamingPlatformConfig } from './config';
import { PipelineIndex } from './pipelines/PipelineIndex';
import { createRouter } from './router';

/**
 * The streaming-platform backend plugin, mounted at /api/streaming-platform.
 *
 * @public
 */
export const streamingPlatformPlugin = createBackendPlugin({
  pluginId: 'streaming-platform',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init({ config, logger, httpRouter, permissionsRegistry }) {
        const settings = readStreamingPlatformConfig(config);
        permissionsRegistry.addPermissions(streamingPlatformPermissions);

        const pipelines = new PipelineIndex({ clusters: settings.clusters });
        httpRouter.use(await createRouter({ pipelines }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });

        logger.info(
          `Configured clusters: ${
            settings.clusters.map(c => c.name).join(', ') || 'none'
          }`,
        );
      },
    });
  },
});
