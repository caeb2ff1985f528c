import { Entity } from '@backstage/catalog-model';
import {
  TestApiProvider,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  catalogApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  PipelineListResponse,
  PipelineSummary,
} from '@internal/backstage-plugin-streaming-platform-common';
import { http, HttpResponse } from 'msw';
import { ReactNode, Suspense } from 'react';
import { StreamingPlatformClient, streamingPlatformApiRef } from '../api';

export const BACKEND = 'http://backstage.test/api/streaming-platform';

/** A pipeline Component as the catalog returns it, relations included. */
export function pipelineEntity(options: {
  name: string;
  title?: string;
  owner: string;
  annotation?: string | null;
}): Entity {
  const { name, title, owner, annotation } = options;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      title,
      annotations:
        annotation === null
          ? {}
          : {
              'streaming-platform.io/pipeline':
                annotation ?? `eks-test/${owner}/${name}`,
            },
    },
    spec: { type: 'streaming-pipeline', lifecycle: 'production', owner },
    relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
  };
}

/** A bare entity of a kind and, optionally, a spec.type. */
export const entityOfKind = (kind: string, type?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x' },
  spec: type ? { type } : {},
});

export const groupEntity = (name: string, title?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default', title },
  spec: { type: 'team', children: [] },
});

/** A listing from the backend with nothing connected, as this version answers. */
/** A pipeline as the backend lists it, running with nothing unusual. */
export function pipelineSummary(ref: string): PipelineSummary {
  const [cluster, namespace, name] = ref.split('/');
  return {
    ref,
    cluster,
    namespace,
    name,
    jobState: 'RUNNING',
    parallelism: 2,
    taskManagers: { ready: 1, total: 1 },
    spotMixNow: { spot: 1, onDemand: 0, reserved: 0, vcpuHours: 1 },
    lag: { targetSeconds: 60, breached: false },
  };
}

export const notConnected: PipelineListResponse = {
  items: [],
  sources: [
    {
      kind: 'kubernetes',
      id: '*',
      state: 'not-connected',
      message:
        'No cluster is configured under streamingPlatform.clusters, so the backend knows no pipelines.',
    },
  ],
};

/** msw handler answering GET /pipelines with `body` (or an error status). */
export function pipelinesHandler(
  body: PipelineListResponse | { status: number; message: string },
) {
  return http.get(`${BACKEND}/pipelines`, () => {
    if ('status' in body) {
      return HttpResponse.json(
        {
          error: { name: 'Error', message: body.message },
          request: { method: 'GET', url: '/pipelines' },
          response: { statusCode: body.status },
        },
        { status: body.status },
      );
    }
    return HttpResponse.json(body);
  });
}

/** The real client, calling BACKEND over HTTP (which msw answers). */
export function testClient() {
  return new StreamingPlatformClient({
    discoveryApi: {
      getBaseUrl: async pluginId => `http://backstage.test/api/${pluginId}`,
    },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
}

/**
 * Provides the real client, talking HTTP that msw answers, and an in-memory
 * catalog holding `entities` (or a catalog whose reads fail).
 */
export function Apis(props: {
  entities?: Entity[];
  catalogError?: Error;
  children: ReactNode;
}) {
  const client = testClient();
  const catalog = props.catalogError
    ? catalogApiMock.mock({
        getEntities: jest.fn().mockRejectedValue(props.catalogError),
      })
    : catalogApiMock({ entities: props.entities ?? [] });
  return (
    <TestApiProvider
      apis={[
        [streamingPlatformApiRef, client],
        [catalogApiRef, catalog],
      ]}
    >
      {/* Parts of core-components load lazily, as in the app's own pages. */}
      <Suspense fallback="loading">{props.children}</Suspense>
    </TestApiProvider>
  );
}

/**
 * Renders `element` in a test app with the APIs above, the catalog's entity
 * route mounted (entity links need it) and, when given, an entity in context.
 */
export function renderWithApis(
  element: JSX.Element,
  options: { entities?: Entity[]; catalogError?: Error; entity?: Entity } = {},
) {
  const { entity, ...apis } = options;
  return renderInTestApp(
    <Apis {...apis}>
      {entity ? (
        <EntityProvider entity={entity}>{element}</EntityProvider>
      ) : (
        element
      )}
    </Apis>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}
