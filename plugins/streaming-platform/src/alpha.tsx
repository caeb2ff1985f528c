import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import TimelineIcon from '@material-ui/icons/Timeline';
import { StreamingPlatformClient, streamingPlatformApiRef } from './api';
import {
  isStreamingPipelineAvailable,
  isStreamingTeamAvailable,
} from './conditions';

const rootRouteRef = createRouteRef();

const streamingPlatformApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: streamingPlatformApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new StreamingPlatformClient({ discoveryApi, fetchApi }),
    }),
});

const streamingPlatformPage = PageBlueprint.make({
  params: {
    path: '/streaming-platform',
    title: 'Streaming platform',
    icon: <TimelineIcon />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/StreamingPlatformPage').then(m => (
        <m.StreamingPlatformPageContent />
      )),
  },
});

const pipelineEntityContent = EntityContentBlueprint.make({
  name: 'pipeline',
  params: {
    path: '/streaming',
    title: 'Streaming',
    filter: isStreamingPipelineAvailable,
    loader: () =>
      import('./components/EntityStreamingPipelineContent').then(m => (
        <m.EntityStreamingPipelineContent />
      )),
  },
});

const pipelineEntityCard = EntityCardBlueprint.make({
  name: 'pipeline',
  params: {
    filter: isStreamingPipelineAvailable,
    loader: () =>
      import('./components/EntityStreamingPipelineOverviewCard').then(m => (
        <m.EntityStreamingPipelineOverviewCard />
      )),
  },
});

const teamEntityContent = EntityContentBlueprint.make({
  name: 'team',
  params: {
    path: '/streaming',
    title: 'Streaming',
    filter: isStreamingTeamAvailable,
    loader: () =>
      import('./components/EntityStreamingTeamContent').then(m => (
        <m.EntityStreamingTeamContent />
      )),
  },
});

// Attaches to the scaffolder's form-fields API: templates name it
// `ui:field: StreamingPipelineCostEstimate`.
const pipelineCostEstimateField = FormFieldBlueprint.make({
  name: 'pipeline-cost-estimate',
  params: {
    field: () =>
      import('./components/CostEstimateField/formField').then(
        m => m.costEstimateFormField,
      ),
  },
});

// Templates name it `ui:field: StreamingPipelineConsumerGroup`.
const pipelineConsumerGroupField = FormFieldBlueprint.make({
  name: 'pipeline-consumer-group',
  params: {
    field: () =>
      import('./components/ConsumerGroupField/formField').then(
        m => m.consumerGroupFormField,
      ),
  },
});

// Templates name them `ui:field: StreamingPlatformCluster` and
// `ui:field: StreamingPlatformMskCluster`.
const clusterField = FormFieldBlueprint.make({
  name: 'cluster',
  params: {
    field: () =>
      import('./components/ClusterFields/formField').then(
        m => m.clusterFormField,
      ),
  },
});

const mskClusterField = FormFieldBlueprint.make({
  name: 'msk-cluster',
  params: {
    field: () =>
      import('./components/ClusterFields/formField').then(
        m => m.mskClusterFormField,
      ),
  },
});

/**
 * The streaming-platform plugin for apps on the new frontend system: the
 * /streaming-platform page (team dashboard and platform overview), a
 * Streaming tab and an overview card on pipeline Components, and a Streaming
 * tab on Groups, and the scaffolder fields `StreamingPipelineCostEstimate`,
 * `StreamingPipelineConsumerGroup`, `StreamingPlatformCluster` and
 * `StreamingPlatformMskCluster`.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'streaming-platform',
  extensions: [
    streamingPlatformApi,
    streamingPlatformPage,
    pipelineEntityContent,
    pipelineEntityCard,
    teamEntityContent,
    pipelineCostEstimateField,
    pipelineConsumerGroupField,
    clusterField,
    mskClusterField,
  ],
  routes: {
    root: rootRouteRef,
  },
});
