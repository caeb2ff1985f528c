import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { Suspense } from 'react';
import { testClient, pipelineEntity } from '../../../__testUtils__/fixtures';
import { streamingPlatformApiRef } from '../../../api';
import { ChartWidthContext } from '../../shared/charts';

export const fraudScoring = pipelineEntity({
  name: 'fraud-scoring',
  owner: 'team-risk',
  annotation: 'eks-prod/risk/fraud-scoring',
});

/**
 * Renders a pipeline surface in a test app: the real client over HTTP (msw
 * answers), the entity in context, frontend config, and charts at a fixed
 * width — jsdom lays nothing out, so ResponsiveContainer would draw nothing.
 */
export function renderPipeline(
  element: JSX.Element,
  options: { entity?: Entity; links?: Record<string, string> } = {},
) {
  return renderInTestApp(
    <ChartWidthContext.Provider value={600}>
      <EntityProvider entity={options.entity ?? fraudScoring}>
        {/* Parts of core-components load lazily, as in the app's own pages. */}
        <Suspense fallback="loading">{element}</Suspense>
      </EntityProvider>
    </ChartWidthContext.Provider>,
    {
      apis: [[streamingPlatformApiRef, testClient()]],
      config: {
        app: { baseUrl: 'http://localhost:3000' },
        backend: { baseUrl: 'http://localhost:7007' },
        ...(options.links
          ? { streamingPlatform: { links: options.links } }
          : {}),
      },
    },
  );
}
