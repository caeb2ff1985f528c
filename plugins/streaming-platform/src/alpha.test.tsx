import { Entity } from '@backstage/catalog-model';
import { entityOfKind as entity } from './__testUtils__/fixtures';
import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import plugin from './alpha';

describe('streaming-platform plugin for the new frontend system', () => {
  it('mounts the page at /streaming-platform', () => {
    const page = createExtensionTester(
      plugin.getExtension('page:streaming-platform'),
    );
    expect(page.get(coreExtensionData.routePath)).toBe('/streaming-platform');
  });

  it('provides the API client to the app', () => {
    const api = createExtensionTester(
      plugin.getExtension('api:streaming-platform'),
    );
    expect(api.get(ApiBlueprint.dataRefs.factory).api.id).toBe(
      'plugin.streaming-platform.service',
    );
  });

  it.each([
    ['pipeline', entity('Component', 'streaming-pipeline'), true],
    ['pipeline', entity('Component', 'service'), false],
    ['pipeline', entity('Group', 'team'), false],
    ['team', entity('Group', 'team'), true],
    ['team', entity('Component', 'streaming-pipeline'), false],
  ] as const)('the %s Streaming tab shows on %j: %s', (name, e, expected) => {
    const tester = createExtensionTester(
      plugin.getExtension(`entity-content:streaming-platform/${name}`),
    );
    const filter = tester.get(
      EntityContentBlueprint.dataRefs.filterFunction,
    ) as (entity: Entity) => boolean;
    expect(filter(e)).toBe(expected);
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Streaming');
  });

  it.each([
    [entity('Component', 'streaming-pipeline'), true],
    [entity('Component', 'service'), false],
    [entity('Group', 'team'), false],
  ] as const)('the pipeline overview card shows on %j: %s', (e, expected) => {
    const tester = createExtensionTester(
      plugin.getExtension('entity-card:streaming-platform/pipeline'),
    );
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction) as (
      entity: Entity,
    ) => boolean;
    expect(filter(e)).toBe(expected);
  });

  it.each([
    ['pipeline-cost-estimate', 'StreamingPipelineCostEstimate', false],
    ['pipeline-consumer-group', 'StreamingPipelineConsumerGroup', true],
    ['cluster', 'StreamingPlatformCluster', false],
    ['msk-cluster', 'StreamingPlatformMskCluster', false],
  ] as const)(
    'offers the scaffolder field %s (%s), loaded on demand',
    async (id, name, validates) => {
      const tester = createExtensionTester(
        plugin.getExtension(`scaffolder-form-field:streaming-platform/${id}`),
      );
      const field = (await tester.get(
        FormFieldBlueprint.dataRefs.formFieldLoader,
      )()) as unknown as {
        $$type: string;
        name: string;
        component: unknown;
        validation?: unknown;
      };
      expect(field.$$type).toBe('@backstage/scaffolder/FormField');
      expect(field.name).toBe(name);
      expect(field.component).toEqual(expect.any(Function));
      expect(typeof field.validation === 'function').toBe(validates);
    },
  );
});
