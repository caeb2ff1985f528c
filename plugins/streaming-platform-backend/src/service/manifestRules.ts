import { InputError } from '@backstage/errors';

/** The kinds a new pipeline consists of, in the order they are applied. */
const APPLICABLE = [
  {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    base: '/api/v1',
    plural: 'serviceaccounts',
  },
  {
    apiVersion: 'external-secrets.io/v1beta1',
    kind: 'ExternalSecret',
    base: '/apis/external-secrets.io/v1beta1',
    plural: 'externalsecrets',
  },
  {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    base: '/apis/policy/v1',
    plural: 'poddisruptionbudgets',
  },
  {
    apiVersion: 'flink.apache.org/v1beta1',
    kind: 'FlinkDeployment',
    base: '/apis/flink.apache.org/v1beta1',
    plural: 'flinkdeployments',
  },
] as const;

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const MAX_OBJECTS = 10;

/** One manifest, checked and ready to apply. */
export interface PlannedApply {
  apiVersion: string;
  kind: string;
  name: string;
  /** The object's API path, `/apis/<group>/<version>/namespaces/<ns>/<plural>/<name>`. */
  path: string;
  object: Record<string, unknown>;
}

/**
 * Checks what a self-service apply may write: only the kinds a pipeline is
 * made of (never a Secret, a Role or anything cluster-wide), all in the
 * requested namespace, without `status`; returns them in apply order.
 * A mistake is a 400 naming the manifest and its field.
 */
export function checkManifests(
  manifests: unknown,
  namespace: string,
): PlannedApply[] {
  if (!Array.isArray(manifests) || manifests.length === 0) {
    throw new InputError('manifests must list at least one object');
  }
  if (manifests.length > MAX_OBJECTS) {
    throw new InputError(
      `manifests may hold at most ${MAX_OBJECTS} objects, not ${manifests.length}`,
    );
  }
  if (!/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(namespace)) {
    throw new InputError(`namespace '${namespace}' is not a DNS-1123 label`);
  }
  const planned = manifests.map((manifest, i) => {
    const at = `manifests[${i}]`;
    if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) {
      throw new InputError(`${at} must be a Kubernetes object`);
    }
    const object = manifest as Record<string, unknown>;
    const type = APPLICABLE.find(
      t => t.apiVersion === object.apiVersion && t.kind === object.kind,
    );
    if (!type) {
      throw new InputError(
        `${at}: ${String(object.apiVersion)} ${String(
          object.kind,
        )} may not be applied; a pipeline consists of ${APPLICABLE.map(
          t => `${t.apiVersion} ${t.kind}`,
        ).join(', ')}`,
      );
    }
    const metadata = object.metadata as Record<string, unknown> | undefined;
    const name = metadata?.name;
    if (typeof name !== 'string' || !DNS_SUBDOMAIN.test(name)) {
      throw new InputError(`${at}.metadata.name must be a DNS subdomain name`);
    }
    if (
      metadata!.namespace !== undefined &&
      metadata!.namespace !== namespace
    ) {
      throw new InputError(
        `${at}.metadata.namespace '${String(
          metadata!.namespace,
        )}' is not the requested namespace '${namespace}'`,
      );
    }
    if ('status' in object) {
      throw new InputError(`${at} must not carry a status`);
    }
    return {
      apiVersion: type.apiVersion,
      kind: type.kind,
      name,
      path: `${type.base}/namespaces/${namespace}/${type.plural}/${name}`,
      object: { ...object, metadata: { ...metadata, namespace } },
      order: APPLICABLE.indexOf(type),
    };
  });
  const keys = new Set<string>();
  for (const item of planned) {
    const key = `${item.kind}/${item.name}`;
    if (keys.has(key)) {
      throw new InputError(`manifests hold ${key} twice`);
    }
    keys.add(key);
  }
  return planned
    .sort((a, b) => a.order - b.order)
    .map(({ order: _order, ...item }) => item);
}
