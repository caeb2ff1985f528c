import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { streamingPlatformPermissions } from '@internal/backstage-plugin-streaming-platform-common';
import { readStreamingPlatformConfig } from './config';
import { EmbeddedEmulator, startEmbeddedEmulator } from './emulator';
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
        lifecycle: coreServices.lifecycle,
        httpRouter: coreServices.httpRouter,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init({
        config,
        logger,
        lifecycle,
        httpRouter,
        permissionsRegistry,
      }) {
        const settings = readStreamingPlatformConfig(config);
        permissionsRegistry.addPermissions(streamingPlatformPermissions);

        let emulator: EmbeddedEmulator | undefined;
        if (settings.source === 'emulator') {
          emulator = await startEmbeddedEmulator(settings.emulator, logger);
          lifecycle.addShutdownHook(() => emulator!.stop());
        }
        const pipelines = new PipelineIndex({
          clusters: settings.source === 'clusters' ? settings.clusters : [],
          emulator: emulator && {
            scenario: emulator.scenario,
            clusters: emulator.clusters.map(c => c.name),
          },
        });
        httpRouter.use(await createRouter({ pipelines }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });

        if (settings.source === 'clusters') {
          logger.info(
            `Configured clusters: ${
              settings.clusters.map(c => c.name).join(', ') || 'none'
            }`,
          );
        }
      },
    });
  },
});
