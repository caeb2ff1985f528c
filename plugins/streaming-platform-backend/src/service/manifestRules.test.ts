import { checkManifests } from './manifestRules';

const flink = {
  apiVersion: 'flink.apache.org/v1beta1',
  kind: 'FlinkDeployment',
  metadata: { name: 'card-fraud', namespace: 'payments' },
  spec: {},
};
const serviceAccount = {
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  metadata: { name: 'card-fraud' },
};
const pdb = {
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name: 'card-fraud-jobmanager' },
  spec: {},
};
const externalSecret = {
  apiVersion: 'external-secrets.io/v1beta1',
  kind: 'ExternalSecret',
  metadata: { name: 'card-fraud-splunk-hec' },
  spec: {},
};

describe('checkManifests', () => {
  it('applies identity and secrets before the FlinkDeployment, all in the namespace', () => {
    const planned = checkManifests(
      [flink, pdb, externalSecret, serviceAccount],
      'payments',
    );
    expect(planned.map(p => p.kind)).toEqual([
      'ServiceAccount',
      'ExternalSecret',
      'PodDisruptionBudget',
      'FlinkDeployment',
    ]);
    expect(planned.map(p => p.path)).toEqual([
      '/api/v1/namespaces/payments/serviceaccounts/card-fraud',
      '/apis/external-secrets.io/v1beta1/namespaces/payments/externalsecrets/card-fraud-splunk-hec',
      '/apis/policy/v1/namespaces/payments/poddisruptionbudgets/card-fraud-jobmanager',
      '/apis/flink.apache.org/v1beta1/namespaces/payments/flinkdeployments/card-fraud',
    ]);
    expect(
      planned.every(p => (p.object.metadata as any).namespace === 'payments'),
    ).toBe(true);
  });

  it.each<[string, unknown, string, RegExp]>([
    ['no manifests', [], 'payments', /at least one/],
    ['not a list', { kind: 'x' }, 'payments', /at least one/],
    [
      'a Secret',
      [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'hec' } }],
      'payments',
      /manifests\[0\]: v1 Secret may not be applied/,
    ],
    [
      'a cluster-wide role',
      [
        {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'ClusterRoleBinding',
          metadata: { name: 'x' },
        },
      ],
      'payments',
      /may not be applied/,
    ],
    [
      'a FlinkDeployment of another API version',
      [{ ...flink, apiVersion: 'flink.apache.org/v1alpha1' }],
      'payments',
      /may not be applied/,
    ],
    [
      'another namespace',
      [{ ...flink, metadata: { name: 'x', namespace: 'risk' } }],
      'payments',
      /manifests\[0\].metadata.namespace 'risk' is not the requested namespace 'payments'/,
    ],
    [
      'a bad name',
      [{ ...flink, metadata: { name: 'Bad_Name' } }],
      'payments',
      /manifests\[0\].metadata.name/,
    ],
    ['a status', [{ ...flink, status: {} }], 'payments', /status/],
    ['the same object twice', [flink, flink], 'payments', /twice/],
    ['a bad namespace', [flink], 'Payments', /DNS-1123/],
    [
      'too many objects',
      Array.from({ length: 11 }, (_, i) => ({
        ...serviceAccount,
        metadata: { name: `sa-${i}` },
      })),
      'payments',
      /at most 10/,
    ],
  ])(
    'refuses %s with a 400 naming it',
    (_what, manifests, namespace, message) => {
      expect(() => checkManifests(manifests, namespace)).toThrow(
        expect.objectContaining({
          name: 'InputError',
          message: expect.stringMatching(message),
        }),
      );
    },
  );
});
