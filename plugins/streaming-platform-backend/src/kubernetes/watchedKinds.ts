import { WatchedKind } from './types';

/** Every kind the backend watches, in the order watches start. */
export const WATCHED_KINDS: readonly WatchedKind[] = [
  'FlinkDeployment',
  'Pod',
  'Node',
  'NodeClaim',
  'NodePool',
  'Event',
];

/**
 * Where each kind is listed and watched, cluster-wide. `optional` kinds
 * belong to an add-on (Karpenter) a cluster may not run: their 404 means
 * "not installed", not a failure.
 */
export const WATCHED_RESOURCES: Record<
  WatchedKind,
  { path: string; optional: boolean }
> = {
  FlinkDeployment: {
    path: '/apis/flink.apache.org/v1beta1/flinkdeployments',
    optional: false,
  },
  Pod: { path: '/api/v1/pods', optional: false },
  Node: { path: '/api/v1/nodes', optional: false },
  NodeClaim: { path: '/apis/karpenter.sh/v1/nodeclaims', optional: true },
  NodePool: { path: '/apis/karpenter.sh/v1/nodepools', optional: true },
  // core/v1 Events carry involvedObject, which the analysis reads.
  Event: { path: '/api/v1/events', optional: false },
};
