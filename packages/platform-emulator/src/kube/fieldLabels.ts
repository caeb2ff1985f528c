/**
 * The field labels each resource can be selected by, and their values, as
 * the real registries define them (pkg/apis/core/v1/conversion.go,
 * pkg/apis/events/v1/conversion.go, pkg/registry/core/*\/strategy.go).
 */

import { getPath, isJsonObject } from './json';
import { KubeObject } from './types';

type FieldGetter = (object: KubeObject) => string;

function text(value: unknown): string {
  if (value === undefined || value === null) {
    return '';
  }
  return typeof value === 'string' ? value : String(value);
}

function at(...path: string[]): FieldGetter {
  return object => text(getPath(object, path));
}

const NAME: FieldGetter = object => object.metadata.name;
const NAMESPACE: FieldGetter = object => object.metadata.namespace ?? '';

const CORE_EVENT_FIELDS: Record<string, FieldGetter> = {
  'metadata.name': NAME,
  'metadata.namespace': NAMESPACE,
  'involvedObject.kind': at('involvedObject', 'kind'),
  'involvedObject.namespace': at('involvedObject', 'namespace'),
  'involvedObject.name': at('involvedObject', 'name'),
  'involvedObject.uid': at('involvedObject', 'uid'),
  'involvedObject.apiVersion': at('involvedObject', 'apiVersion'),
  'involvedObject.resourceVersion': at('involvedObject', 'resourceVersion'),
  'involvedObject.fieldPath': at('involvedObject', 'fieldPath'),
  reason: at('reason'),
  reportingComponent: at('reportingComponent'),
  // The registry falls back to the reporting controller for `source`.
  source: object =>
    text(getPath(object, ['source', 'component'])) ||
    text(object.reportingComponent),
  type: at('type'),
};

/** events.k8s.io/v1 labels, read from the converted (served) object. */
const EVENTS_V1_FIELDS: Record<string, FieldGetter> = {
  'metadata.name': NAME,
  'metadata.namespace': NAMESPACE,
  'regarding.kind': at('regarding', 'kind'),
  'regarding.namespace': at('regarding', 'namespace'),
  'regarding.name': at('regarding', 'name'),
  'regarding.uid': at('regarding', 'uid'),
  'regarding.apiVersion': at('regarding', 'apiVersion'),
  'regarding.resourceVersion': at('regarding', 'resourceVersion'),
  'regarding.fieldPath': at('regarding', 'fieldPath'),
  reportingController: at('reportingController'),
  source: object =>
    text(getPath(object, ['deprecatedSource', 'component'])) ||
    text(object.reportingController),
  reason: at('reason'),
  type: at('type'),
};

function firstPodIp(object: KubeObject): string {
  const podIps = getPath(object, ['status', 'podIPs']);
  if (Array.isArray(podIps) && isJsonObject(podIps[0])) {
    return text(podIps[0].ip);
  }
  return text(getPath(object, ['status', 'podIP']));
}

const POD_FIELDS: Record<string, FieldGetter> = {
  'metadata.name': NAME,
  'metadata.namespace': NAMESPACE,
  'spec.nodeName': at('spec', 'nodeName'),
  // Old clients send spec.host for spec.nodeName.
  'spec.host': at('spec', 'nodeName'),
  'spec.restartPolicy': at('spec', 'restartPolicy'),
  'spec.schedulerName': at('spec', 'schedulerName'),
  'spec.serviceAccountName': at('spec', 'serviceAccountName'),
  'spec.hostNetwork': object =>
    String(getPath(object, ['spec', 'hostNetwork']) === true),
  'status.phase': at('status', 'phase'),
  'status.podIP': firstPodIp,
  'status.nominatedNodeName': at('status', 'nominatedNodeName'),
};

const NODE_FIELDS: Record<string, FieldGetter> = {
  'metadata.name': NAME,
  'spec.unschedulable': object =>
    String(getPath(object, ['spec', 'unschedulable']) === true),
};

const NAMESPACE_FIELDS: Record<string, FieldGetter> = {
  'metadata.name': NAME,
  'status.phase': at('status', 'phase'),
};

/** Every other resource (ConfigMaps, custom resources): metadata only. */
const METADATA_FIELDS: Record<string, FieldGetter> = {
  'metadata.name': NAME,
  'metadata.namespace': NAMESPACE,
};

const BY_RESOURCE_KEY: Record<string, Record<string, FieldGetter>> = {
  'v1/events': CORE_EVENT_FIELDS,
  'events.k8s.io/v1/events': EVENTS_V1_FIELDS,
  'v1/pods': POD_FIELDS,
  'v1/nodes': NODE_FIELDS,
  'v1/namespaces': NAMESPACE_FIELDS,
};

/** The field labels of a resource and how to read them from a served object. */
export interface FieldLabels {
  supported: ReadonlySet<string>;
  value(object: KubeObject, field: string): string;
}

const cache = new Map<string, FieldLabels>();

export function fieldLabelsFor(resourceKey: string): FieldLabels {
  let labels = cache.get(resourceKey);
  if (!labels) {
    const getters = BY_RESOURCE_KEY[resourceKey] ?? METADATA_FIELDS;
    labels = {
      supported: new Set(Object.keys(getters)),
      value: (object, field) => getters[field]?.(object) ?? '',
    };
    cache.set(resourceKey, labels);
  }
  return labels;
}
