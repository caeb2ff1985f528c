import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { streamingPlatformPermissions } from '@internal/backstage-plugin-streaming-platform-common';
import { readStreamingPlatformConfig } from './config';
import { EmbeddedEmulator, startEmbeddedEmulator } from './emulator';
import { DatabaseHistoryStore } from './history/DatabaseHistoryStore';
import {
  streamingPipelinePermissionResourceRef,
  streamingPipelinePermissionRules,
} from './permissions/rules';
import { createRouter } from './router';
import { createStreamingPlatform } from './service/createStreamingPlatform';

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
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
      },
      async init({
        config,
        logger,
        lifecycle,
        httpRouter,
        httpAuth,
        permissions,
        permissionsRegistry,
        database,
        scheduler,
        catalog,
      }) {
        const settings = readStreamingPlatformConfig(config);
        permissionsRegistry.addPermissions(streamingPlatformPermissions);
        const history = await DatabaseHistoryStore.create({ database });
        let emulator: EmbeddedEmulator | undefined;
        if (settings.source === 'emulator') {
          emulator = await startEmbeddedEmulator(settings.emulator, logger);
        }
        const { platform, selfService } = await createStreamingPlatform({
          settings,
          logger,
          history,
          catalog,
          emulator,
        });
        permissionsRegistry.addResourceType({
          resourceRef: streamingPipelinePermissionResourceRef,
          permissions: streamingPlatformPermissions,
          rules: Object.values(streamingPipelinePermissionRules),
          getResources: async refs =>
            refs.map(ref => platform.index.pipeline(ref)),
        });

        platform.start();
        // Price the nodes and warm the caches as soon as the clusters are read.
        void platform
          .waitForSync(60_000)
          .then(() => platform.refreshPrices())
          .then(() => platform.refreshFromHistory())
          .catch(error =>
            logger.warn(
              `Warming the streaming platform caches failed: ${error}`,
            ),
          );
        lifecycle.addShutdownHook(async () => {
          await platform.stop();
          await emulator?.stop();
        });

        // Database-writing work runs once per interval across all replicas.
        await scheduler.scheduleTask({
          id: 'streaming-platform-lag-poll',
          scope: 'global',
          frequency: { milliseconds: settings.cloudWatch.pollIntervalMs },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 10 },
          fn: async () => {
            const result = await platform.pollLag();
            logger.debug(
              `Polled CloudWatch lag: ${result.queries} queries in ${result.calls} calls, ${result.samples.length} samples`,
            );
          },
        });
        await scheduler.scheduleTask({
          id: 'streaming-platform-minute-samples',
          scope: 'global',
          frequency: { minutes: 1 },
          timeout: { minutes: 2 },
          initialDelay: { seconds: 30 },
          fn: async () => {
            await platform.recordMinuteSamples();
          },
        });
        await scheduler.scheduleTask({
          id: 'streaming-platform-rollups-and-retention',
          scope: 'global',
          frequency: { minutes: 15 },
          timeout: { minutes: 10 },
          initialDelay: { minutes: 1 },
          fn: async () => {
            const { hours, deleted } = await platform.rollUpAndExpire();
            logger.info(
              `History: rolled ${hours} hours up, deleted ${deleted} rows past retention`,
            );
          },
        });
        // Every replica keeps its own caches and prices.
        await scheduler.scheduleTask({
          id: 'streaming-platform-refresh-caches',
          scope: 'local',
          frequency: { seconds: 30 },
          timeout: { minutes: 2 },
          initialDelay: { seconds: 5 },
          fn: () => platform.refreshFromHistory(),
        });
        await scheduler.scheduleTask({
          id: 'streaming-platform-prices',
          scope: 'local',
          frequency: { milliseconds: settings.pricing.refreshIntervalMs },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 15 },
          fn: () => platform.refreshPrices(),
        });

        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            pipelines: platform.pipelines,
            platform: platform.platform,
            selfService,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        logger.info(
          `Streaming platform: ${
            emulator
              ? `platform emulator (${emulator.scenario})`
              : `clusters ${
                  settings.clusters.map(c => c.name).join(', ') || 'none'
                }`
          }`,
        );
      },
    });
  },
});
