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

/**
 * The streaming-platform plugin for apps on the new frontend system: the
 * /streaming-platform page (team dashboard and platform overview), a
 * Streaming tab and an overview card on pipeline Components, and a Streaming
 * tab on Groups.
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
  ],
  routes: {
    root: rootRouteRef,
  },
});
