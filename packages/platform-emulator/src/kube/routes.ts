import { RESOURCE_TYPES, ResourceType } from './types';

/** A request for a resource, decoded from its path as the real RequestInfoFactory does. */
export interface ResourceRoute {
  type: ResourceType;
  namespace?: string;
  name?: string;
  /** Legacy `/watch/` path prefix. */
  watchPath: boolean;
}

/** A discovery document request. */
export type DiscoveryRoute =
  | { document: 'version' }
  | { document: 'apiVersions' }
  | { document: 'groupList' }
  | { document: 'group'; group: string }
  | { document: 'resourceList'; group: string; version: string };

export type Route =
  | { kind: 'resource'; route: ResourceRoute }
  | { kind: 'discovery'; route: DiscoveryRoute }
  | { kind: 'health' }
  | { kind: 'notFound' };

function findType(
  group: string,
  version: string,
  resource: string,
): ResourceType | undefined {
  return RESOURCE_TYPES.find(
    type =>
      type.group === group &&
      type.version === version &&
      type.resource === resource,
  );
}

function resourceRoute(group: string, version: string, rest: string[]): Route {
  let parts = rest;
  let watchPath = false;
  if (parts[0] === 'watch') {
    watchPath = true;
    parts = parts.slice(1);
  }
  let namespace: string | undefined;
  if (parts[0] === 'namespaces' && parts.length > 1) {
    if (parts.length > 2) {
      namespace = parts[1];
      parts = parts.slice(2);
    }
    // Otherwise `/namespaces/<name>` addresses the Namespace itself.
  }
  if (parts.length === 0 || parts.length > 2) {
    // No subresources are served.
    return { kind: 'notFound' };
  }
  const [resource, name] = parts;
  const type = findType(group, version, resource);
  if (!type) {
    return { kind: 'notFound' };
  }
  if (namespace !== undefined && !type.namespaced) {
    return { kind: 'notFound' };
  }
  if (type.namespaced && name !== undefined && namespace === undefined) {
    return { kind: 'notFound' };
  }
  return {
    kind: 'resource',
    route: { type, namespace, name, watchPath },
  };
}

function hasGroupVersion(group: string, version?: string): boolean {
  return RESOURCE_TYPES.some(
    type =>
      type.group === group &&
      (version === undefined || type.version === version),
  );
}

/** Decodes a request path into what it asks for. */
export function routeOf(pathname: string): Route {
  let segments: string[];
  try {
    segments = pathname
      .split('/')
      .filter(segment => segment !== '')
      .map(decodeURIComponent);
  } catch {
    return { kind: 'notFound' };
  }
  const [root, second, third] = segments;
  if (
    segments.length === 1 &&
    (root === 'healthz' || root === 'livez' || root === 'readyz')
  ) {
    return { kind: 'health' };
  }
  if (root === 'version' && segments.length === 1) {
    return { kind: 'discovery', route: { document: 'version' } };
  }
  if (root === 'api') {
    if (segments.length === 1) {
      return { kind: 'discovery', route: { document: 'apiVersions' } };
    }
    if (second !== 'v1') {
      return { kind: 'notFound' };
    }
    if (segments.length === 2) {
      return {
        kind: 'discovery',
        route: { document: 'resourceList', group: '', version: 'v1' },
      };
    }
    return resourceRoute('', 'v1', segments.slice(2));
  }
  if (root === 'apis') {
    if (segments.length === 1) {
      return { kind: 'discovery', route: { document: 'groupList' } };
    }
    if (!hasGroupVersion(second)) {
      return { kind: 'notFound' };
    }
    if (segments.length === 2) {
      return { kind: 'discovery', route: { document: 'group', group: second } };
    }
    if (!hasGroupVersion(second, third)) {
      return { kind: 'notFound' };
    }
    if (segments.length === 3) {
      return {
        kind: 'discovery',
        route: { document: 'resourceList', group: second, version: third },
      };
    }
    return resourceRoute(second, third, segments.slice(3));
  }
  return { kind: 'notFound' };
}
