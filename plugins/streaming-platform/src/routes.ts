import { createRouteRef } from '@backstage/core-plugin-api';

/** The legacy app's route to the /streaming-platform page. */
export const rootRouteRef = createRouteRef({ id: 'streaming-platform' });
