import {
  ApiException,
  CoreV1Api,
  CustomObjectsApi,
  KubernetesObject,
  KubernetesObjectApi,
  PatchStrategy,
  PolicyV1Api,
  Watch,
} from '@kubernetes/client-node';
import {
  KEYS,
  PIPELINE_NAMESPACE,
  TestCluster,
  eventually,
  externalSecret,
  flinkDeployment,
  podDisruptionBudget,
  serviceAccount,
  startTestCluster,
} from './__testUtils__/fixtures';
import { ApiWrite } from './server';
import { KubeObject } from './types';

/** The field manager the self-service scaffolder action applies with. */
const MANAGER = 'backstage-streaming-platform';

async function failure(
  call: Promise<unknown>,
): Promise<{ code: number; body: any }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ApiException) {
      return { code: error.code, body: JSON.parse(error.body as string) };
    }
    throw error;
  }
  throw new Error('Expected the call to fail');
}

/** A new pipeline's manifests, in the order the scaffolder applies them. */
function manifests(pipeline: string): KubeObject[] {
  return [
    serviceAccount(pipeline),
    podDisruptionBudget(pipeline),
    externalSecret(pipeline),
    flinkDeployment(pipeline),
  ];
}

describe('Kubernetes API server: a pipeline’s manifests', () => {
  let cluster: TestCluster;
  let objects: KubernetesObjectApi;
  let writes: ApiWrite[];

  /** Server-side apply as the scaffolder action does it: client-node's generic client, forced. */
  async function apply(
    manifest: KubeObject,
    options: { dryRun?: boolean } = {},
  ): Promise<any> {
    return objects.patch(
      manifest as KubernetesObject,
      undefined,
      options.dryRun ? 'All' : undefined,
      MANAGER,
      true,
      PatchStrategy.ServerSideApply,
    );
  }

  async function raw(path: string) {
    const response = await fetch(`${cluster.server.url}${path}`);
    return { status: response.status, body: await response.json() };
  }

  function stored(key: string, name: string) {
    return cluster.store.get(key, PIPELINE_NAMESPACE, name);
  }

  beforeEach(async () => {
    writes = [];
    cluster = await startTestCluster({ onWrite: write => writes.push(write) });
    objects = KubernetesObjectApi.makeApiClient(cluster.kubeConfig);
  });

  afterEach(async () => {
    await cluster.server.close();
  });

  it('lists the kinds in discovery, writable, where client-node looks them up', async () => {
    const allVerbs = [
      'create',
      'delete',
      'get',
      'list',
      'patch',
      'update',
      'watch',
    ];
    const core = await raw('/api/v1');
    expect(
      core.body.resources.find((r: any) => r.name === 'serviceaccounts'),
    ).toEqual({
      name: 'serviceaccounts',
      singularName: 'serviceaccount',
      namespaced: true,
      kind: 'ServiceAccount',
      verbs: allVerbs,
      shortNames: ['sa'],
    });
    const policy = await raw('/apis/policy/v1');
    expect(policy.body).toMatchObject({
      kind: 'APIResourceList',
      groupVersion: 'policy/v1',
      resources: [
        {
          name: 'poddisruptionbudgets',
          namespaced: true,
          kind: 'PodDisruptionBudget',
          verbs: allVerbs,
          shortNames: ['pdb'],
        },
      ],
    });
    const externalSecrets = await raw('/apis/external-secrets.io/v1beta1');
    expect(externalSecrets.body.resources).toEqual([
      {
        name: 'externalsecrets',
        singularName: 'externalsecret',
        namespaced: true,
        kind: 'ExternalSecret',
        verbs: allVerbs,
        shortNames: ['es'],
      },
    ]);
    expect((await raw('/apis/external-secrets.io')).body).toMatchObject({
      kind: 'APIGroup',
      preferredVersion: { groupVersion: 'external-secrets.io/v1beta1' },
    });
  });

  it('creates all four kinds with server-side apply, and a re-apply writes nothing', async () => {
    const created = [];
    for (const manifest of manifests('fraud-scorer')) {
      created.push(await apply(manifest));
    }
    const [account, budget, secret, deployment] = created;
    for (const object of created) {
      expect(object.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
      expect(object.metadata.namespace).toBe(PIPELINE_NAMESPACE);
      expect(object.metadata.managedFields).toEqual([
        expect.objectContaining({ manager: MANAGER, operation: 'Apply' }),
      ]);
    }
    expect(account.metadata.annotations['eks.amazonaws.com/role-arn']).toBe(
      'arn:aws:iam::123456789012:role/flink-fraud-scorer',
    );
    // Built-in kinds as kube-apiserver stores them: no generation on a
    // ServiceAccount, a new PDB's zero status.
    expect(account.metadata.generation).toBeUndefined();
    expect(budget.metadata.generation).toBe(1);
    expect(budget.status).toEqual({
      disruptionsAllowed: 0,
      currentHealthy: 0,
      desiredHealthy: 0,
      expectedPods: 0,
    });
    // The CRD's defaults are filled in; the applier does not own them.
    expect(secret.spec.target).toEqual({
      name: 'fraud-scorer-kafka',
      creationPolicy: 'Owner',
      deletionPolicy: 'Retain',
    });
    expect(secret.spec.data[0].remoteRef).toEqual({
      key: 'streaming/fraud-scorer/kafka',
      property: 'password',
      conversionStrategy: 'Default',
      decodingStrategy: 'None',
      metadataPolicy: 'None',
    });
    expect(
      Object.keys(
        secret.metadata.managedFields[0].fieldsV1['f:spec']['f:target'],
      ),
    ).toEqual(['f:name', 'f:creationPolicy']);
    expect(deployment.spec.job.parallelism).toBe(4);

    expect(stored(KEYS.serviceaccounts, 'fraud-scorer')).toBeDefined();
    expect(stored(KEYS.poddisruptionbudgets, 'fraud-scorer')).toBeDefined();
    expect(stored(KEYS.externalsecrets, 'fraud-scorer-kafka')).toBeDefined();
    // The simulation hears of every write; the FlinkDeployment's starts it running.
    expect(writes.map(w => [w.type, w.resourceKey, w.fieldManager])).toEqual([
      ['ADDED', KEYS.serviceaccounts, MANAGER],
      ['ADDED', KEYS.poddisruptionbudgets, MANAGER],
      ['ADDED', KEYS.externalsecrets, MANAGER],
      ['ADDED', KEYS.flinkdeployments, MANAGER],
    ]);

    const before = cluster.store.resourceVersion();
    for (const [index, manifest] of manifests('fraud-scorer').entries()) {
      const again = await apply(manifest);
      expect(again.metadata.resourceVersion).toBe(
        created[index].metadata.resourceVersion,
      );
    }
    expect(cluster.store.resourceVersion()).toBe(before);
    expect(writes).toHaveLength(4);
  });

  it('changes an applied object when the manifest changes', async () => {
    await apply(podDisruptionBudget('fraud-scorer'));
    const changed = await apply(
      podDisruptionBudget('fraud-scorer', {
        minAvailable: '50%',
        selector: { matchLabels: { app: 'fraud-scorer' } },
      }),
    );
    expect(changed.spec.minAvailable).toBe('50%');
    // No longer applied, so removed.
    expect(changed.spec.maxUnavailable).toBeUndefined();
    expect(changed.metadata.generation).toBe(2);
    expect(writes.map(w => w.type)).toEqual(['ADDED', 'MODIFIED']);
  });

  it('stores nothing and tells the simulation nothing on dryRun=All', async () => {
    for (const manifest of manifests('fraud-scorer')) {
      const answer = await apply(manifest, { dryRun: true });
      expect(answer.metadata.uid).toBeDefined();
      expect(answer.metadata.resourceVersion).toBeUndefined();
    }
    expect(stored(KEYS.serviceaccounts, 'fraud-scorer')).toBeUndefined();
    expect(stored(KEYS.poddisruptionbudgets, 'fraud-scorer')).toBeUndefined();
    expect(stored(KEYS.externalsecrets, 'fraud-scorer-kafka')).toBeUndefined();
    expect(stored(KEYS.flinkdeployments, 'fraud-scorer')).toBeUndefined();

    // A dry run against an existing object answers the change without making it.
    await apply(serviceAccount('fraud-scorer'));
    const renamedRole = serviceAccount('fraud-scorer');
    renamedRole.metadata.annotations!['eks.amazonaws.com/role-arn'] =
      'arn:aws:iam::123456789012:role/other';
    const dry = await apply(renamedRole, { dryRun: true });
    expect(dry.metadata.annotations['eks.amazonaws.com/role-arn']).toBe(
      'arn:aws:iam::123456789012:role/other',
    );
    expect(
      stored(KEYS.serviceaccounts, 'fraud-scorer')!.metadata.annotations,
    ).toEqual({
      'eks.amazonaws.com/role-arn':
        'arn:aws:iam::123456789012:role/flink-fraud-scorer',
    });
    expect(writes.map(w => w.type)).toEqual(['ADDED']);
  });

  it('answers 422 naming the field for an invalid PodDisruptionBudget, as kube-apiserver words it', async () => {
    const tooMuch = await failure(
      apply(
        podDisruptionBudget('fraud-scorer', {
          maxUnavailable: '150%',
          selector: { matchLabels: { app: 'fraud-scorer' } },
        }),
      ),
    );
    expect(tooMuch).toEqual({
      code: 422,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message:
          'PodDisruptionBudget.policy "fraud-scorer" is invalid: spec.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%',
        reason: 'Invalid',
        details: {
          name: 'fraud-scorer',
          group: 'policy',
          kind: 'PodDisruptionBudget',
          causes: [
            {
              reason: 'FieldValueInvalid',
              message:
                'Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%',
              field: 'spec.maxUnavailable',
            },
          ],
        },
        code: 422,
      },
    });

    const several = await failure(
      apply(
        podDisruptionBudget('fraud-scorer', {
          minAvailable: -1,
          maxUnavailable: 'half',
          selector: {
            matchExpressions: [{ key: 'app', operator: 'Equals' }],
          },
          unhealthyPodEvictionPolicy: 'Never',
        }),
      ),
    );
    expect(several.code).toBe(422);
    expect(
      several.body.details.causes.map((c: any) => `${c.field} ${c.reason}`),
    ).toEqual([
      'spec FieldValueInvalid',
      'spec.minAvailable FieldValueInvalid',
      'spec.maxUnavailable FieldValueInvalid',
      'spec.selector.matchExpressions[0].operator FieldValueInvalid',
      'spec.unhealthyPodEvictionPolicy FieldValueNotSupported',
    ]);
    expect(several.body.details.causes[1].message).toBe(
      'Invalid value: -1: must be greater than or equal to 0',
    );
    expect(several.body.details.causes[4].message).toBe(
      'Unsupported value: "Never": supported values: "AlwaysAllow", "IfHealthyBudget"',
    );

    // A value of the wrong type fails decoding into the Go struct: 400, not 422.
    const wrongType = await failure(
      apply(
        podDisruptionBudget('fraud-scorer', {
          minAvailable: true,
          selector: {},
        }) as any,
      ),
    );
    expect(wrongType.code).toBe(400);
    expect(wrongType.body.message).toContain('spec.minAvailable');
    expect(writes).toEqual([]);
  });

  it('accepts a PodDisruptionBudget without a selector, as policy/v1 does', async () => {
    const budget = await apply(
      podDisruptionBudget('fraud-scorer', { minAvailable: 1 }),
    );
    expect(budget.spec).toEqual({ minAvailable: 1 });
  });

  it('validates ExternalSecrets against the CRD subset and keeps fields it does not declare', async () => {
    const invalid = externalSecret('fraud-scorer') as any;
    invalid.spec.target.creationPolicy = 'Sometimes';
    invalid.spec.data[0].secretKey = 'sasl password';
    delete invalid.spec.data[0].remoteRef.key;
    const rejected = await failure(apply(invalid));
    expect(rejected.code).toBe(422);
    expect(rejected.body.message).toMatch(
      /^ExternalSecret\.external-secrets\.io "fraud-scorer-kafka" is invalid: \[/,
    );
    expect(
      rejected.body.details.causes.map((c: any) => `${c.field} ${c.reason}`),
    ).toEqual(
      expect.arrayContaining([
        'spec.target.creationPolicy FieldValueNotSupported',
        'spec.data[0].secretKey FieldValueInvalid',
        'spec.data[0].remoteRef.key FieldValueRequired',
      ]),
    );

    const withMore = externalSecret('fraud-scorer') as any;
    withMore.spec.dataFrom = [{ extract: { key: 'streaming/shared' } }];
    withMore.spec.target.template = { engineVersion: 'v2' };
    const kept = await apply(withMore);
    expect(kept.spec.dataFrom).toEqual([
      { extract: { key: 'streaming/shared' } },
    ]);
    expect(kept.spec.target.template).toEqual({ engineVersion: 'v2' });
    // Status is the operator's: nothing reconciles the ExternalSecret here.
    expect(kept.status).toBeUndefined();
  });

  it('answers 400 when the body names another namespace than the path', async () => {
    const message =
      'the namespace of the provided object does not match the namespace sent on the request';
    const core = cluster.kubeConfig.makeApiClient(CoreV1Api);
    const policy = cluster.kubeConfig.makeApiClient(PolicyV1Api);
    const custom = cluster.kubeConfig.makeApiClient(CustomObjectsApi);
    const refusals = [
      await failure(
        core.createNamespacedServiceAccount({
          namespace: 'default',
          body: serviceAccount('fraud-scorer') as any,
        }),
      ),
      await failure(
        policy.createNamespacedPodDisruptionBudget({
          namespace: 'default',
          body: podDisruptionBudget('fraud-scorer') as any,
        }),
      ),
      await failure(
        custom.createNamespacedCustomObject({
          group: 'external-secrets.io',
          version: 'v1beta1',
          plural: 'externalsecrets',
          namespace: 'default',
          body: externalSecret('fraud-scorer'),
        }),
      ),
    ];
    for (const refusal of refusals) {
      expect(refusal.code).toBe(400);
      expect(refusal.body).toMatchObject({ reason: 'BadRequest', message });
    }
    expect(writes).toEqual([]);
  });

  it('holds ServiceAccounts to the ObjectMeta rules and lets them be replaced unconditionally', async () => {
    const core = cluster.kubeConfig.makeApiClient(CoreV1Api);
    const badName = await failure(
      core.createNamespacedServiceAccount({
        namespace: PIPELINE_NAMESPACE,
        body: {
          ...serviceAccount('x'),
          metadata: { name: 'Fraud_Scorer' },
        } as any,
      }),
    );
    expect(badName.code).toBe(422);
    expect(badName.body.message).toMatch(
      /^ServiceAccount "Fraud_Scorer" is invalid: metadata\.name: Invalid value: "Fraud_Scorer": a lowercase RFC 1123 subdomain/,
    );

    await core.createNamespacedServiceAccount({
      namespace: PIPELINE_NAMESPACE,
      body: serviceAccount('fraud-scorer') as any,
    });
    // kube-apiserver allows ServiceAccount updates without a resourceVersion
    // and keeps only the names of secret references.
    const replaced = await core.replaceNamespacedServiceAccount({
      namespace: PIPELINE_NAMESPACE,
      name: 'fraud-scorer',
      body: {
        ...serviceAccount('fraud-scorer'),
        secrets: [{ name: 'fraud-scorer-token', kind: 'Secret', uid: 'x' }],
        automountServiceAccountToken: false,
      } as any,
    });
    expect(replaced.secrets).toEqual([{ name: 'fraud-scorer-token' }]);
    expect(replaced.automountServiceAccountToken).toBe(false);
  });

  it('deletes each kind', async () => {
    for (const manifest of manifests('fraud-scorer')) {
      await apply(manifest);
    }
    for (const manifest of manifests('fraud-scorer')) {
      await objects.delete(manifest as KubernetesObject);
    }
    expect(stored(KEYS.serviceaccounts, 'fraud-scorer')).toBeUndefined();
    expect(stored(KEYS.poddisruptionbudgets, 'fraud-scorer')).toBeUndefined();
    expect(stored(KEYS.externalsecrets, 'fraud-scorer-kafka')).toBeUndefined();
    expect(stored(KEYS.flinkdeployments, 'fraud-scorer')).toBeUndefined();
    expect(writes.filter(w => w.type === 'DELETED')).toHaveLength(4);
    const again = await failure(
      objects.delete(serviceAccount('fraud-scorer') as KubernetesObject),
    );
    expect(again.code).toBe(404);
    expect(again.body.message).toBe('serviceaccounts "fraud-scorer" not found');
  });

  it('lists and watches what was applied', async () => {
    const paths = [
      `/api/v1/namespaces/${PIPELINE_NAMESPACE}/serviceaccounts`,
      `/apis/policy/v1/namespaces/${PIPELINE_NAMESPACE}/poddisruptionbudgets`,
      `/apis/external-secrets.io/v1beta1/namespaces/${PIPELINE_NAMESPACE}/externalsecrets`,
    ];
    const seen: string[] = [];
    const controllers = await Promise.all(
      paths.map(path =>
        new Watch(cluster.kubeConfig).watch(
          path,
          {},
          (type, object) => seen.push(`${type} ${object.kind}`),
          () => {},
        ),
      ),
    );
    try {
      const [account, budget, secret] = manifests('fraud-scorer');
      for (const manifest of [account, budget, secret]) {
        await apply(manifest);
      }
      await eventually(() => seen.length === 3, 2000, 'ADDED events');
      expect(seen.sort()).toEqual([
        'ADDED ExternalSecret',
        'ADDED PodDisruptionBudget',
        'ADDED ServiceAccount',
      ]);

      const accounts = await objects.list(
        'v1',
        'ServiceAccount',
        PIPELINE_NAMESPACE,
        undefined,
        undefined,
        undefined,
        undefined,
        'app=fraud-scorer',
      );
      expect(accounts.items.map(item => item.metadata?.name)).toEqual([
        'fraud-scorer',
      ]);
      const secrets = await objects.list(
        'external-secrets.io/v1beta1',
        'ExternalSecret',
      );
      expect(secrets.items.map(item => item.metadata?.name)).toEqual([
        'fraud-scorer-kafka',
      ]);

      await objects.delete(budget as KubernetesObject);
      await eventually(() => seen.length === 4, 2000, 'DELETED event');
      expect(seen[3]).toBe('DELETED PodDisruptionBudget');
    } finally {
      controllers.forEach(controller => controller.abort());
    }
  });
});
