import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { EntityProvider, catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
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
});
