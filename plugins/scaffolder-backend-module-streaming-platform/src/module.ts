import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import path from 'node:path';
import { createApplyPipelineAction } from './actions/apply';
import { createEstimateCostAction } from './actions/estimate';
import {
  createRegisterPipelineAction,
  localRepositoryLocationRefs,
} from './actions/register';
import { createValidatePipelineAction } from './actions/validate';
import { StreamingPlatformBackend } from './client/StreamingPlatformBackend';

/**
 * Adds the `streaming-platform:*` actions of the template "New Flink
 * streaming pipeline" to the scaffolder.
 *
 * @public
 */
export const scaffolderModuleStreamingPlatform = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'streaming-platform',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({ scaffolder, config, discovery, auth, catalog }) {
        const backend = new StreamingPlatformBackend({ discovery, auth });
        const localRepositoryDir = config.getOptionalString(
          'streamingPlatform.selfService.localRepositoryDir',
        );
        scaffolder.addActions(
          createValidatePipelineAction({ backend }),
          createEstimateCostAction({ backend }),
          createApplyPipelineAction({ backend }),
          createRegisterPipelineAction({
            catalog,
            auth,
            localRepositoryDir:
              localRepositoryDir && path.resolve(localRepositoryDir),
            localRepositoryLocations: localRepositoryDir
              ? localRepositoryLocationRefs(config, localRepositoryDir)
              : [],
          }),
        );
      },
    });
  },
});
