/**
 * The discovery documents of the API server, for exactly the resources in
 * RESOURCE_TYPES. Clients that ask for aggregated discovery
 * (apidiscovery.k8s.io/v2) get these plain documents with
 * `Content-Type: application/json`, which client-go (kubectl) treats as
 * "aggregated discovery not supported" and falls back to per-group
 * requests.
 */

import { RESOURCE_TYPES, ResourceType } from './types';

/** The version an EKS 1.33 control plane reports. */
export const DEFAULT_GIT_VERSION = 'v1.33.5-eks-3025e55';

export function versionInfo(gitVersion: string = DEFAULT_GIT_VERSION) {
  const [, major = '1', minor = '33'] = /^v(\d+)\.(\d+)/.exec(gitVersion) ?? [];
  return {
    major,
    minor,
    emulationMajor: major,
    emulationMinor: minor,
    minCompatibilityMajor: major,
    minCompatibilityMinor: String(Math.max(0, Number(minor) - 1)),
    gitVersion,
    gitCommit: '3025e5557e5d6d76b2d0bc8d4ba6fd5b3a0cf4b9',
    gitTreeState: 'clean',
    buildDate: '2025-09-12T17:36:51Z',
    goVersion: 'go1.24.6',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

export function apiVersions(serverAddress: string) {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function groupsInOrder(): Array<{ name: string; versions: string[] }> {
  const groups = new Map<string, string[]>();
  for (const type of RESOURCE_TYPES) {
    if (!type.group) continue;
    const versions = groups.get(type.group) ?? [];
    if (!versions.includes(type.version)) versions.push(type.version);
    groups.set(type.group, versions);
  }
  return Array.from(groups, ([name, versions]) => ({ name, versions }));
}

function apiGroupOf(group: { name: string; versions: string[] }) {
  const versions = group.versions.map(version => ({
    groupVersion: `${group.name}/${version}`,
    version,
  }));
  return {
    name: group.name,
    versions,
    preferredVersion: versions[0],
  };
}

export function apiGroupList() {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groupsInOrder().map(apiGroupOf),
  };
}

/** `/apis/<group>`; undefined for a group not served. */
export function apiGroup(name: string) {
  const group = groupsInOrder().find(g => g.name === name);
  return group
    ? { kind: 'APIGroup', apiVersion: 'v1', ...apiGroupOf(group) }
    : undefined;
}

function apiResource(type: ResourceType) {
  return {
    name: type.resource,
    singularName: type.singular,
    namespaced: type.namespaced,
    kind: type.kind,
    verbs: type.verbs,
    ...(type.shortNames ? { shortNames: type.shortNames } : {}),
    // `kubectl get all` lists the resources in category "all".
    ...(type.resource === 'pods' && !type.group ? { categories: ['all'] } : {}),
  };
}

/** `/api/v1` or `/apis/<group>/<version>`; undefined when nothing is served there. */
export function apiResourceList(group: string, version: string) {
  const types = RESOURCE_TYPES.filter(
    type => type.group === group && type.version === version,
  );
  if (types.length === 0) {
    return undefined;
  }
  const groupVersion = group ? `${group}/${version}` : version;
  return {
    kind: 'APIResourceList',
    // The core group's list has no apiVersion on real servers either.
    ...(group ? { apiVersion: 'v1' } : {}),
    groupVersion,
    resources: types.map(apiResource),
  };
}
