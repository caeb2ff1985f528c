import {
  FeatureFlagsApi,
  featureFlagsApiRef,
} from '@backstage/core-plugin-api';
import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { EntityProvider, catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  ScaffolderFieldExtensions,
  useCustomFieldExtensions,
} from '@backstage/plugin-scaffolder-react';
import { renderHook, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  notConnected,
  pipelineEntity,
  pipelinesHandler,
  testClient,
  BACKEND,
} from './__testUtils__/fixtures';
import { streamingPlatformApiRef } from './api';
import {
  EntityStreamingPipelineContent,
  StreamingPipelineConsumerGroupFieldExtension,
  StreamingPipelineCostEstimateFieldExtension,
  StreamingPlatformClusterFieldExtension,
  StreamingPlatformMskClusterFieldExtension,
  streamingPlatformPlugin,
} from './plugin';

describe('legacy frontend system exports', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('registers the API client with the plugin', () => {
    expect(
      [...streamingPlatformPlugin.getApis()].map(factory => factory.api.id),
    ).toEqual(['plugin.streaming-platform.service']);
  });

  it('renders the lazily loaded Streaming tab in a legacy app', async () => {
    server.use(
      pipelinesHandler(notConnected),
      // The backend knows no such FlinkDeployment: every pipeline route 404s.
      http.get(`${BACKEND}/pipelines/eks-test/team-risk/fraud-scoring*`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'No pipeline' },
            request: { method: 'GET', url: '/pipelines/…' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [streamingPlatformApiRef, testClient()],
          [catalogApiRef, catalogApiMock()],
        ]}
      >
        <EntityProvider
          entity={pipelineEntity({ name: 'fraud-scoring', owner: 'team-risk' })}
        >
          <EntityStreamingPipelineContent />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(
      await screen.findByText('No live data for this pipeline yet'),
    ).toBeInTheDocument();
  });

  it('offers the scaffolder fields: cost estimate, consumer group, cluster and MSK cluster', () => {
    // The scaffolder reads its field extensions past feature-flagged elements.
    const noFeatureFlags: FeatureFlagsApi = {
      registerFlag: () => {},
      getRegisteredFlags: () => [],
      isActive: () => false,
      save: () => {},
    };
    // How a legacy app's scaffolder page finds its custom fields.
    const { result } = renderHook(
      () =>
        useCustomFieldExtensions(
          <ScaffolderFieldExtensions>
            <StreamingPipelineCostEstimateFieldExtension />
            <StreamingPipelineConsumerGroupFieldExtension />
            <StreamingPlatformClusterFieldExtension />
            <StreamingPlatformMskClusterFieldExtension />
          </ScaffolderFieldExtensions>,
        ),
      {
        wrapper: ({ children }) => (
          <TestApiProvider apis={[[featureFlagsApiRef, noFeatureFlags]]}>
            {children}
          </TestApiProvider>
        ),
      },
    );
    expect(result.current).toEqual([
      expect.objectContaining({
        name: 'StreamingPipelineCostEstimate',
        component: expect.any(Function),
        schema: expect.objectContaining({
          returnValue: expect.objectContaining({ type: 'object' }),
        }),
      }),
      expect.objectContaining({
        name: 'StreamingPipelineConsumerGroup',
        component: expect.any(Function),
        validation: expect.any(Function),
        schema: expect.objectContaining({
          returnValue: expect.objectContaining({ type: 'string' }),
        }),
      }),
      ...['StreamingPlatformCluster', 'StreamingPlatformMskCluster'].map(name =>
        expect.objectContaining({
          name,
          component: expect.any(Function),
          schema: expect.objectContaining({
            returnValue: expect.objectContaining({ type: 'string' }),
          }),
        }),
      ),
    ]);
  });
});
