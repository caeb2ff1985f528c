export * from './types';
export {
  ObjectStore,
  ResourceVersionExpiredError,
  DEFAULT_EVENT_TTL_MS,
  DEFAULT_HISTORY_LIMIT,
  DEFAULT_HISTORY_MAX_AGE_MS,
} from './ObjectStore';
export type {
  ObjectStoreOptions,
  StoreChange,
  ChangeType,
  ChangeListener,
  SubscriptionScope,
} from './ObjectStore';
export { CORE_EVENTS_KEY, EVENTS_V1_KEY } from './eventsView';
export { startKubeApiServer } from './server';
export type { KubeApiServer, KubeApiServerOptions, ApiWrite } from './server';
export { kubeconfigYaml, writeKubeconfig } from './kubeconfig';
export type { KubeconfigOptions } from './kubeconfig';
