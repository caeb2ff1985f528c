import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { streamingPlatformApiRef } from '../api';

/** What the streaming-platform backend knows, with the state of its sources. */
export function usePipelineList(options: { cluster?: string } = {}) {
  const api = useApi(streamingPlatformApiRef);
  const { cluster } = options;
  return useAsync(() => api.listPipelines({ cluster }), [api, cluster]);
}
