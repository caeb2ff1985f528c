/**
 * core/v1 ServiceAccounts as kube-apiserver takes them
 * (pkg/registry/core/serviceaccount/strategy.go): only the ObjectMeta rules,
 * updates without a resourceVersion allowed, and secret references cut
 * down to their names. Nothing acts on them here: no token controller, and
 * the IRSA annotation `eks.amazonaws.com/role-arn` is stored as written (no
 * pod identity webhook reads it).
 */

import { isJsonObject } from './json';
import { metadataOf } from './objectMeta';
import { servedResourceType } from './types';
import {
  CustomResourceSchema,
  dnsSubdomainProblem,
  validateObjectMeta,
} from './validation';
import { WritableResource } from './writableResource';

const STRING = { type: 'string' };

/** The fields of k8s.io/api/core/v1.ServiceAccount, as a structural schema (types only). */
const SCHEMA = {
  type: 'object',
  properties: {
    secrets: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          kind: STRING,
          namespace: STRING,
          name: STRING,
          uid: STRING,
          apiVersion: STRING,
          resourceVersion: STRING,
          fieldPath: STRING,
        },
      },
    },
    imagePullSecrets: {
      type: 'array',
      items: { type: 'object', properties: { name: STRING } },
    },
    automountServiceAccountToken: { type: 'boolean' },
  },
};

/** The registry keeps only the name of each secret reference (cleanSecretReferences). */
function cleanSecretReferences(object: Record<string, unknown>) {
  if (!Array.isArray(object.secrets)) {
    return;
  }
  object.secrets = object.secrets.map(secret =>
    isJsonObject(secret) && secret.name !== undefined
      ? { name: secret.name }
      : {},
  );
}

export const SERVICE_ACCOUNTS: WritableResource = {
  type: servedResourceType('v1/serviceaccounts'),
  schema: new CustomResourceSchema(SCHEMA),
  hasStatusSubresource: false,
  builtIn: true,
  allowUnconditionalUpdate: true,
  nameProblem: dnsSubdomainProblem,
  validate: object => validateObjectMeta(metadataOf(object)),
  prepareForCreate: cleanSecretReferences,
  prepareForUpdate: cleanSecretReferences,
};
