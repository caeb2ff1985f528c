export { StreamingPlatformCluster } from './StreamingPlatformCluster';
export { StreamingPlatformMskCluster } from './StreamingPlatformMskCluster';
export {
  CLUSTER_FIELD_NAME,
  MSK_CLUSTER_FIELD_NAME,
  clusterFieldSchema,
  mskClusterFieldSchema,
} from './schema';
