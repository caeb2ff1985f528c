export { ClusterWatcher } from './ClusterWatcher';
export type { ClusterWatcherOptions } from './ClusterWatcher';
export { ResourceWatcher } from './ResourceWatcher';
export type {
  ResourceWatcherCounters,
  ResourceWatcherOptions,
  ResourceWatcherStatus,
  ResourceWatcherTiming,
} from './ResourceWatcher';
export { createKubeConfig, eksToken } from './clusterAuth';
export type { ClusterConnection } from './clusterConnection';
export type { AwsCredentials } from './eksToken';
export { WATCHED_KINDS, WATCHED_RESOURCES } from './watchedKinds';
export type {
  ClusterWatchHealth,
  KubeObject,
  WatchSink,
  WatchedKind,
} from './types';
