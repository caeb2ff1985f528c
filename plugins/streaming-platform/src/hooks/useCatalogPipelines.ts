import { Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { STREAMING_PIPELINE_COMPONENT_TYPE } from '@internal/backstage-plugin-streaming-platform-common';
import useAsync from 'react-use/esm/useAsync';

/**
 * The pipeline Components in the catalog, optionally only those owned by one
 * entity (a Group's ref), read on behalf of the signed-in user.
 */
export function useCatalogPipelines(options: { ownerRef?: string } = {}) {
  const catalogApi = useApi(catalogApiRef);
  const { ownerRef } = options;
  return useAsync(async (): Promise<Entity[]> => {
    const filter: Record<string, string> = {
      kind: 'Component',
      'spec.type': STREAMING_PIPELINE_COMPONENT_TYPE,
    };
    if (ownerRef) {
      filter['relations.ownedBy'] = ownerRef;
    }
    const { items } = await catalogApi.getEntities({
      filter,
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'metadata.annotations',
        'spec.owner',
        'spec.system',
        'spec.type',
        'relations',
      ],
    });
    return [...items].sort((a, b) =>
      a.metadata.name.localeCompare(b.metadata.name),
    );
  }, [catalogApi, ownerRef]);
}
