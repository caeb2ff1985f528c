import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { StreamingPlatformClient, streamingPlatformApiRef } from './api';
import {
  COST_ESTIMATE_FIELD_NAME,
  StreamingPipelineCostEstimate,
  costEstimateFieldSchema,
} from './components/CostEstimateField';
import {
  CONSUMER_GROUP_FIELD_NAME,
  StreamingPipelineConsumerGroup,
  consumerGroupFieldSchema,
  validateConsumerGroup,
} from './components/ConsumerGroupField';
import {
  CLUSTER_FIELD_NAME,
  MSK_CLUSTER_FIELD_NAME,
  StreamingPlatformCluster,
  StreamingPlatformMskCluster,
  clusterFieldSchema,
  mskClusterFieldSchema,
} from './components/ClusterFields';
import { rootRouteRef } from './routes';

/**
 * The streaming-platform plugin for apps on the legacy frontend system. Apps
 * on the new frontend system install `@internal/backstage-plugin-streaming-platform/alpha`.
 *
 * @public
 */
export const streamingPlatformPlugin = createPlugin({
  id: 'streaming-platform',
  apis: [
    createApiFactory({
      api: streamingPlatformApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new StreamingPlatformClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
});

/**
 * The streaming platform page; mount it at `/streaming-platform`.
 *
 * @public
 */
export const StreamingPlatformPage = streamingPlatformPlugin.provide(
  createRoutableExtension({
    name: 'StreamingPlatformPage',
    component: () =>
      import('./components/StreamingPlatformPage').then(
        m => m.StreamingPlatformPage,
      ),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The Streaming tab of a pipeline Component; show it where
 * `isStreamingPipelineAvailable` holds.
 *
 * @public
 */
export const EntityStreamingPipelineContent = streamingPlatformPlugin.provide(
  createComponentExtension({
    name: 'EntityStreamingPipelineContent',
    component: {
      lazy: () =>
        import('./components/EntityStreamingPipelineContent').then(
          m => m.EntityStreamingPipelineContent,
        ),
    },
  }),
);

/**
 * The pipeline's card for the entity Overview tab: job state, parallelism,
 * lag against target, spot share, cost per day and the last scaling.
 *
 * @public
 */
export const EntityStreamingPipelineOverviewCard =
  streamingPlatformPlugin.provide(
    createComponentExtension({
      name: 'EntityStreamingPipelineOverviewCard',
      component: {
        lazy: () =>
          import('./components/EntityStreamingPipelineOverviewCard').then(
            m => m.EntityStreamingPipelineOverviewCard,
          ),
      },
    }),
  );

/**
 * The Streaming tab of a Group: the team's pipelines.
 *
 * @public
 */
export const EntityStreamingTeamContent = streamingPlatformPlugin.provide(
  createComponentExtension({
    name: 'EntityStreamingTeamContent',
    component: {
      lazy: () =>
        import('./components/EntityStreamingTeamContent').then(
          m => m.EntityStreamingTeamContent,
        ),
    },
  }),
);

/**
 * The scaffolder field `StreamingPipelineCostEstimate` for apps on the legacy
 * frontend system: place it inside `<ScaffolderFieldExtensions>`. A live
 * estimate of the monthly cost of the pipeline on the "New Flink streaming
 * pipeline" form, spot-first beside on-demand. Provided by this plugin
 * rather than the scaffolder's, so this plugin needs no other frontend
 * plugin; the scaffolder finds the field by its component data either way.
 *
 * @public
 */
export const StreamingPipelineCostEstimateFieldExtension =
  streamingPlatformPlugin.provide(
    createScaffolderFieldExtension({
      name: COST_ESTIMATE_FIELD_NAME,
      component: StreamingPipelineCostEstimate,
      schema: costEstimateFieldSchema.schema,
    }),
  );

/**
 * The scaffolder field `StreamingPipelineConsumerGroup` for apps on the
 * legacy frontend system: place it inside `<ScaffolderFieldExtensions>`. The
 * Kafka consumer group of the "New Flink streaming pipeline" form: it follows
 * `<namespace>.<name>` until the user edits it, and refuses a group MSK
 * publishes no lag metrics for.
 *
 * @public
 */
export const StreamingPipelineConsumerGroupFieldExtension =
  streamingPlatformPlugin.provide(
    createScaffolderFieldExtension({
      name: CONSUMER_GROUP_FIELD_NAME,
      component: StreamingPipelineConsumerGroup,
      validation: validateConsumerGroup,
      schema: consumerGroupFieldSchema.schema,
    }),
  );

/**
 * The scaffolder field `StreamingPlatformCluster` for apps on the legacy
 * frontend system: place it inside `<ScaffolderFieldExtensions>`. The EKS
 * cluster of the "New Flink streaming pipeline" form, chosen among the
 * clusters the backend is configured with; the first until the user picks
 * another.
 *
 * @public
 */
export const StreamingPlatformClusterFieldExtension =
  streamingPlatformPlugin.provide(
    createScaffolderFieldExtension({
      name: CLUSTER_FIELD_NAME,
      component: StreamingPlatformCluster,
      schema: clusterFieldSchema.schema,
    }),
  );

/**
 * The scaffolder field `StreamingPlatformMskCluster` for apps on the legacy
 * frontend system: place it inside `<ScaffolderFieldExtensions>`. The MSK
 * cluster of the "New Flink streaming pipeline" form: it follows the chosen
 * cluster's until the user picks another, and warns when the cluster does
 * not read lag from the one picked.
 *
 * @public
 */
export const StreamingPlatformMskClusterFieldExtension =
  streamingPlatformPlugin.provide(
    createScaffolderFieldExtension({
      name: MSK_CLUSTER_FIELD_NAME,
      component: StreamingPlatformMskCluster,
      schema: mskClusterFieldSchema.schema,
    }),
  );
