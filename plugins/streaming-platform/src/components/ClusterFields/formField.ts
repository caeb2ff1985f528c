import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import {
  CLUSTER_FIELD_NAME,
  MSK_CLUSTER_FIELD_NAME,
  clusterFieldSchema,
  mskClusterFieldSchema,
} from './schema';
import { StreamingPlatformCluster } from './StreamingPlatformCluster';
import { StreamingPlatformMskCluster } from './StreamingPlatformMskCluster';

/**
 * The fields for the new frontend system's scaffolder; loaded when the
 * scaffolder loads its form fields, not with the app.
 */
export const clusterFormField = createFormField({
  name: CLUSTER_FIELD_NAME,
  component: StreamingPlatformCluster,
  schema: clusterFieldSchema,
});

export const mskClusterFormField = createFormField({
  name: MSK_CLUSTER_FIELD_NAME,
  component: StreamingPlatformMskCluster,
  schema: mskClusterFieldSchema,
});
