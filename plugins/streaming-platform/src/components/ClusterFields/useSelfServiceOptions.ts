import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { streamingPlatformApiRef } from '../../api';

/**
 * The form's options from the backend's configuration, asked once per
 * mount: configuration does not change while the user fills in a page.
 */
export function useSelfServiceOptions() {
  const api = useApi(streamingPlatformApiRef);
  return useAsync(() => api.getSelfServiceOptions(), [api]);
}
