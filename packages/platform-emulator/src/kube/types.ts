/** A Kubernetes object as served: any kind, with standard metadata. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  /** Assigned by the store on create. */
  uid?: string;
  /** Assigned by the store on every write. */
  resourceVersion?: string;
  /** Assigned by the store on create (RFC 3339, seconds). */
  creationTimestamp?: string;
  /** Bumped by the store when `spec` changes. */
  generation?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  deletionTimestamp?: string;
  generateName?: string;
  managedFields?: unknown[];
}

/** One kind of resource the API server serves. */
export interface ResourceType {
  /** '' for the core group. */
  group: string;
  version: string;
  /** The plural resource name in URLs, e.g. `pods`. */
  resource: string;
  kind: string;
  listKind: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  /** Verbs listed in discovery. */
  verbs: string[];
}

/** `group/version` as in apiVersion, e.g. `v1` or `karpenter.sh/v1`. */
export function groupVersion(type: ResourceType): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

/** The key a store uses for a resource type, e.g. `v1/pods`, `karpenter.sh/v1/nodeclaims`. */
export function resourceKey(type: ResourceType): string {
  return `${groupVersion(type)}/${type.resource}`;
}

const READ_VERBS = ['get', 'list', 'watch'];
const ALL_VERBS = [
  'create',
  'delete',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];

/**
 * Every resource the emulated API server serves. Events appear twice, as
 * core/v1 and events.k8s.io/v1, like on a real cluster: one store, two views.
 * Those with ALL_VERBS take writes (see `ResourceWriter`); the simulation
 * writes the rest. Built-in groups come before CRD groups, as in a real
 * server's `/apis`.
 */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  {
    group: '',
    version: 'v1',
    resource: 'namespaces',
    kind: 'Namespace',
    listKind: 'NamespaceList',
    singular: 'namespace',
    namespaced: false,
    shortNames: ['ns'],
    verbs: READ_VERBS,
  },
  {
    group: '',
    version: 'v1',
    resource: 'nodes',
    kind: 'Node',
    listKind: 'NodeList',
    singular: 'node',
    namespaced: false,
    shortNames: ['no'],
    verbs: READ_VERBS,
  },
  {
    group: '',
    version: 'v1',
    resource: 'pods',
    kind: 'Pod',
    listKind: 'PodList',
    singular: 'pod',
    namespaced: true,
    shortNames: ['po'],
    verbs: READ_VERBS,
  },
  {
    group: '',
    version: 'v1',
    resource: 'events',
    kind: 'Event',
    listKind: 'EventList',
    singular: 'event',
    namespaced: true,
    shortNames: ['ev'],
    verbs: READ_VERBS,
  },
  {
    group: '',
    version: 'v1',
    resource: 'configmaps',
    kind: 'ConfigMap',
    listKind: 'ConfigMapList',
    singular: 'configmap',
    namespaced: true,
    shortNames: ['cm'],
    verbs: READ_VERBS,
  },
  {
    group: '',
    version: 'v1',
    resource: 'serviceaccounts',
    kind: 'ServiceAccount',
    listKind: 'ServiceAccountList',
    singular: 'serviceaccount',
    namespaced: true,
    shortNames: ['sa'],
    verbs: ALL_VERBS,
  },
  {
    group: 'events.k8s.io',
    version: 'v1',
    resource: 'events',
    kind: 'Event',
    listKind: 'EventList',
    singular: 'event',
    namespaced: true,
    shortNames: ['ev'],
    verbs: READ_VERBS,
  },
  {
    group: 'policy',
    version: 'v1',
    resource: 'poddisruptionbudgets',
    kind: 'PodDisruptionBudget',
    listKind: 'PodDisruptionBudgetList',
    singular: 'poddisruptionbudget',
    namespaced: true,
    shortNames: ['pdb'],
    verbs: ALL_VERBS,
  },
  {
    // Served by the external-secrets operator's CRD (a subset of it, see crds/).
    group: 'external-secrets.io',
    version: 'v1beta1',
    resource: 'externalsecrets',
    kind: 'ExternalSecret',
    listKind: 'ExternalSecretList',
    singular: 'externalsecret',
    namespaced: true,
    shortNames: ['es'],
    verbs: ALL_VERBS,
  },
  {
    group: 'flink.apache.org',
    version: 'v1beta1',
    resource: 'flinkdeployments',
    kind: 'FlinkDeployment',
    listKind: 'FlinkDeploymentList',
    singular: 'flinkdeployment',
    namespaced: true,
    shortNames: ['flinkdep'],
    verbs: ALL_VERBS,
  },
  {
    group: 'karpenter.sh',
    version: 'v1',
    resource: 'nodeclaims',
    kind: 'NodeClaim',
    listKind: 'NodeClaimList',
    singular: 'nodeclaim',
    namespaced: false,
    verbs: READ_VERBS,
  },
  {
    group: 'karpenter.sh',
    version: 'v1',
    resource: 'nodepools',
    kind: 'NodePool',
    listKind: 'NodePoolList',
    singular: 'nodepool',
    namespaced: false,
    verbs: READ_VERBS,
  },
  {
    group: 'karpenter.k8s.aws',
    version: 'v1',
    resource: 'ec2nodeclasses',
    kind: 'EC2NodeClass',
    listKind: 'EC2NodeClassList',
    singular: 'ec2nodeclass',
    namespaced: false,
    shortNames: ['ec2nc', 'ec2ncs'],
    verbs: READ_VERBS,
  },
];

/** The served resource type with a store key, e.g. `policy/v1/poddisruptionbudgets`; throws when none is served. */
export function servedResourceType(key: string): ResourceType {
  const type = RESOURCE_TYPES.find(candidate => resourceKey(candidate) === key);
  if (!type) {
    throw new Error(`The API server serves no resource ${key}`);
  }
  return type;
}

/** A change to a stored object, as a watch delivers it. */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK';
  object: KubeObject;
}

/**
 * The objects of one emulated cluster, written by the simulation and read by
 * the API server. Writes are synchronous and cost O(1) plus the watchers they
 * notify; every write gets the next resourceVersion of the whole cluster, as
 * etcd's revision does.
 */
export interface KubeStore {
  /**
   * Creates or replaces an object (matched by resource, namespace and name).
   * Fills uid, creationTimestamp and generation on create, bumps
   * resourceVersion (and generation when `spec` changed), notifies watchers
   * (ADDED or MODIFIED) and returns the stored object. The caller must not
   * mutate `object` afterwards; pass a new object for the next change.
   */
  upsert(resourceKey: string, object: KubeObject): KubeObject;
  /** Deletes an object and notifies watchers (DELETED); undefined if absent. */
  remove(
    resourceKey: string,
    namespace: string | undefined,
    name: string,
  ): KubeObject | undefined;
  get(
    resourceKey: string,
    namespace: string | undefined,
    name: string,
  ): KubeObject | undefined;
  /** All objects of a resource (in one namespace, when given). */
  all(resourceKey: string, namespace?: string): KubeObject[];
  /** The latest resourceVersion of the cluster. */
  resourceVersion(): string;
}
