import { CatalogClient } from '@backstage/catalog-client';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';

/**
 * What the dashboard needs of the catalog plugin, without its pages: the
 * real CatalogClient and the entity page's route (so rows link). Loading the
 * whole catalog plugin costs app start-up, not the dashboard; run.mjs
 * --app catalog measures with it.
 */
export const catalogStandIn = createFrontendPlugin({
  pluginId: 'catalog',
  extensions: [
    ApiBlueprint.make({
      params: defineParams =>
        defineParams({
          api: catalogApiRef,
          deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
          factory: ({ discoveryApi, fetchApi }) =>
            new CatalogClient({ discoveryApi, fetchApi }),
        }),
    }),
    PageBlueprint.make({
      name: 'entity',
      params: {
        path: '/catalog/:namespace/:kind/:name',
        routeRef: convertLegacyRouteRef(entityRouteRef),
        loader: async () => <p>An entity page.</p>,
      },
    }),
  ],
});
