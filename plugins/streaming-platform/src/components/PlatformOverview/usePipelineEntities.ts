import { Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { STREAMING_PIPELINE_ANNOTATION } from '@internal/backstage-plugin-streaming-platform-common';
import useAsync from 'react-use/esm/useAsync';

/**
 * The catalog entities of these pipelines, by pipeline ref: those whose
 * pipeline annotation names the ref. Only the refs asked are read, not the
 * whole catalog. The catalog matches annotation values case-insensitively,
 * so keys are lower case.
 */
export function usePipelineEntities(refs: string[]) {
  const catalogApi = useApi(catalogApiRef);
  // A string, so a refresh with the same pipelines does not ask again.
  const key = [...new Set(refs)].sort().join('\n');
  return useAsync(async (): Promise<Map<string, Entity>> => {
    const wanted = key ? key.split('\n') : [];
    const byRef = new Map<string, Entity>();
    if (!wanted.length) return byRef;
    const { items } = await catalogApi.getEntities({
      filter: {
        [`metadata.annotations.${STREAMING_PIPELINE_ANNOTATION}`]: wanted,
      },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'metadata.annotations',
      ],
    });
    for (const entity of items) {
      const ref = entity.metadata.annotations?.[STREAMING_PIPELINE_ANNOTATION];
      if (ref) byRef.set(ref.toLocaleLowerCase('en-US'), entity);
    }
    return byRef;
  }, [catalogApi, key]);
}
