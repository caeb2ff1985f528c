import {
  ApiException,
  CustomObjectsApi,
  KubernetesObjectApi,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { stringify } from 'yaml';
import {
  KEYS,
  PIPELINE_NAMESPACE,
  TestCluster,
  flinkDeployment,
  startTestCluster,
} from './__testUtils__/fixtures';
import { ApiWrite } from './server';

const FLINK = {
  group: 'flink.apache.org',
  version: 'v1beta1',
  plural: 'flinkdeployments',
  namespace: PIPELINE_NAMESPACE,
};
const PATH = `/apis/flink.apache.org/v1beta1/namespaces/${PIPELINE_NAMESPACE}/flinkdeployments`;

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

describe('Kubernetes API server: FlinkDeployment writes', () => {
  let cluster: TestCluster;
  let custom: CustomObjectsApi;
  let writes: ApiWrite[];

  /** A request as kubectl makes it, for headers and media types the typed clients do not expose. */
  async function send(
    method: string,
    path: string,
    body: string,
    contentType: string,
  ): Promise<{ status: number; headers: Headers; body: any }> {
    const response = await fetch(`${cluster.server.url}${path}`, {
      method,
      headers: { 'Content-Type': contentType, Accept: 'application/json' },
      body,
    });
    return {
      status: response.status,
      headers: response.headers,
      body: await response.json(),
    };
  }

  beforeEach(async () => {
    writes = [];
    cluster = await startTestCluster({ onWrite: write => writes.push(write) });
    custom = cluster.kubeConfig.makeApiClient(CustomObjectsApi);
  });

  afterEach(async () => {
    await cluster.server.close();
  });

  it('creates a FlinkDeployment, fills the server fields and tells the simulation', async () => {
    const created = await custom.createNamespacedCustomObject({
      ...FLINK,
      body: {
        ...flinkDeployment('fraud-scorer'),
        // Status is the operator's: a create does not set it.
        status: { lifecycleState: 'STABLE' },
      },
      fieldManager: 'backstage-scaffolder',
    });
    expect(created.metadata).toMatchObject({
      name: 'fraud-scorer',
      namespace: PIPELINE_NAMESPACE,
      generation: 1,
      resourceVersion: cluster.store.resourceVersion(),
      uid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      creationTimestamp: expect.stringMatching(
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
      ),
    });
    expect(created.metadata.managedFields).toEqual([
      expect.objectContaining({
        manager: 'backstage-scaffolder',
        operation: 'Update',
        apiVersion: 'flink.apache.org/v1beta1',
        fieldsType: 'FieldsV1',
      }),
    ]);
    expect(
      created.metadata.managedFields[0].fieldsV1['f:spec']['f:job'],
    ).toHaveProperty('f:parallelism');
    expect(created.status).toBeUndefined();
    expect(
      cluster.store.get(
        KEYS.flinkdeployments,
        PIPELINE_NAMESPACE,
        'fraud-scorer',
      ),
    ).toEqual(created);
    expect(writes).toEqual([
      {
        type: 'ADDED',
        resourceKey: KEYS.flinkdeployments,
        object: created,
        fieldManager: 'backstage-scaffolder',
      },
    ]);
  });

  it('answers 422 Invalid naming each bad field, as the real server words it', async () => {
    const body = flinkDeployment('fraud-scorer') as any;
    body.spec.job.upgradeMode = 'rolling';
    body.spec.job.parallelism = 'four';
    const rejected = await failure(
      custom.createNamespacedCustomObject({ ...FLINK, body }),
    );
    expect(rejected).toEqual({
      code: 422,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message:
          'FlinkDeployment.flink.apache.org "fraud-scorer" is invalid: [spec.job.parallelism: Invalid value: "string": spec.job.parallelism in body must be of type integer: "string", spec.job.upgradeMode: Unsupported value: "rolling": supported values: "last-state", "savepoint", "stateless"]',
        reason: 'Invalid',
        details: {
          name: 'fraud-scorer',
          group: 'flink.apache.org',
          kind: 'FlinkDeployment',
          causes: [
            {
              reason: 'FieldValueTypeInvalid',
              message:
                'Invalid value: "string": spec.job.parallelism in body must be of type integer: "string"',
              field: 'spec.job.parallelism',
            },
            {
              reason: 'FieldValueNotSupported',
              message:
                'Unsupported value: "rolling": supported values: "last-state", "savepoint", "stateless"',
              field: 'spec.job.upgradeMode',
            },
          ],
        },
        code: 422,
      },
    });
    expect(writes).toEqual([]);
  });

  it('requires a valid name', async () => {
    const nameless = flinkDeployment('x') as any;
    delete nameless.metadata.name;
    const missing = await failure(
      custom.createNamespacedCustomObject({ ...FLINK, body: nameless }),
    );
    expect(missing.code).toBe(422);
    expect(missing.body.message).toBe(
      'FlinkDeployment.flink.apache.org "" is invalid: metadata.name: Required value: name or generateName is required',
    );
    expect(missing.body.details.causes).toEqual([
      {
        reason: 'FieldValueRequired',
        message: 'Required value: name or generateName is required',
        field: 'metadata.name',
      },
    ]);

    const badName = await failure(
      custom.createNamespacedCustomObject({
        ...FLINK,
        body: flinkDeployment('Fraud_Scorer'),
      }),
    );
    expect(badName.code).toBe(422);
    expect(badName.body.details.causes[0]).toMatchObject({
      reason: 'FieldValueInvalid',
      field: 'metadata.name',
      message: expect.stringContaining('a lowercase RFC 1123 subdomain'),
    });

    const generated = await custom.createNamespacedCustomObject({
      ...FLINK,
      body: { ...nameless, metadata: { generateName: 'fraud-scorer-' } },
    });
    expect(generated.metadata.name).toMatch(/^fraud-scorer-[a-z0-9]{5}$/);
  });

  it('answers 409 AlreadyExists for a duplicate and 404 for a namespace that does not exist', async () => {
    const duplicate = await failure(
      custom.createNamespacedCustomObject({
        ...FLINK,
        body: flinkDeployment('payments-enricher'),
      }),
    );
    expect(duplicate).toEqual({
      code: 409,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message:
          'flinkdeployments.flink.apache.org "payments-enricher" already exists',
        reason: 'AlreadyExists',
        details: {
          name: 'payments-enricher',
          group: 'flink.apache.org',
          kind: 'flinkdeployments',
        },
        code: 409,
      },
    });
    const nowhere = await failure(
      custom.createNamespacedCustomObject({
        ...FLINK,
        namespace: 'team-nowhere',
        body: {
          ...flinkDeployment('x'),
          metadata: { name: 'x', namespace: 'team-nowhere' },
        },
      }),
    );
    expect(nowhere.code).toBe(404);
    expect(nowhere.body.message).toBe('namespaces "team-nowhere" not found');
  });

  it('prunes unknown fields with a warning, and rejects them with fieldValidation=Strict', async () => {
    const body = {
      ...flinkDeployment('fraud-scorer'),
      spec: { ...(flinkDeployment('x').spec as object), replicas: 3 },
    };
    const strict = await send(
      'POST',
      `${PATH}?fieldValidation=Strict`,
      JSON.stringify(body),
      'application/json',
    );
    expect(strict.status).toBe(400);
    expect(strict.body.message).toBe(
      'FlinkDeployment in version "v1beta1" cannot be handled as a FlinkDeployment: strict decoding error: unknown field "spec.replicas"',
    );

    const warned = await send(
      'POST',
      PATH,
      JSON.stringify(body),
      'application/json',
    );
    expect(warned.status).toBe(201);
    expect(warned.headers.get('warning')).toBe(
      '299 - "unknown field \\"spec.replicas\\""',
    );
    expect(warned.body.spec.replicas).toBeUndefined();
    // Free-form configuration is kept as is.
    expect(warned.body.spec.flinkConfiguration['job.autoscaler.enabled']).toBe(
      'true',
    );
  });

  it('replaces with optimistic concurrency: 409 Conflict on a stale resourceVersion', async () => {
    const current = await custom.getNamespacedCustomObject({
      ...FLINK,
      name: 'payments-enricher',
    });
    const replaced = await custom.replaceNamespacedCustomObject({
      ...FLINK,
      name: 'payments-enricher',
      body: {
        ...current,
        spec: { ...current.spec, job: { ...current.spec.job, parallelism: 8 } },
      },
    });
    expect(replaced.spec.job.parallelism).toBe(8);
    expect(replaced.metadata.generation).toBe(2);
    expect(Number(replaced.metadata.resourceVersion)).toBeGreaterThan(
      Number(current.metadata.resourceVersion),
    );

    const stale = await failure(
      custom.replaceNamespacedCustomObject({
        ...FLINK,
        name: 'payments-enricher',
        body: current,
      }),
    );
    expect(stale).toEqual({
      code: 409,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message:
          'Operation cannot be fulfilled on flinkdeployments.flink.apache.org "payments-enricher": the object has been modified; please apply your changes to the latest version and try again',
        reason: 'Conflict',
        details: {
          name: 'payments-enricher',
          group: 'flink.apache.org',
          kind: 'flinkdeployments',
        },
        code: 409,
      },
    });

    const { resourceVersion: _dropped, ...withoutVersion } = replaced.metadata;
    const unconditional = await failure(
      custom.replaceNamespacedCustomObject({
        ...FLINK,
        name: 'payments-enricher',
        body: { ...replaced, metadata: withoutVersion },
      }),
    );
    expect(unconditional.code).toBe(422);
    expect(unconditional.body.details.causes[0].field).toBe(
      'metadata.resourceVersion',
    );

    const missing = await failure(
      custom.replaceNamespacedCustomObject({
        ...FLINK,
        name: 'nope',
        body: { ...replaced, metadata: { ...replaced.metadata, name: 'nope' } },
      }),
    );
    expect(missing.code).toBe(404);
  });

  it('applies merge patches and JSON patches; status stays the operator’s', async () => {
    cluster.store.upsert(KEYS.flinkdeployments, {
      ...cluster.store.get(
        KEYS.flinkdeployments,
        PIPELINE_NAMESPACE,
        'payments-enricher',
      )!,
      status: { lifecycleState: 'STABLE', jobStatus: { state: 'RUNNING' } },
    });
    const merged = await custom.patchNamespacedCustomObject(
      {
        ...FLINK,
        name: 'payments-enricher',
        body: {
          spec: { job: { parallelism: 6 } },
          status: { lifecycleState: 'FAILED' },
        },
        fieldManager: 'kubectl-patch',
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(merged.spec.job).toMatchObject({
      parallelism: 6,
      upgradeMode: 'last-state',
    });
    expect(merged.status.lifecycleState).toBe('STABLE');
    expect(merged.metadata.generation).toBe(2);
    expect(writes.map(w => [w.type, w.fieldManager])).toEqual([
      ['MODIFIED', 'kubectl-patch'],
    ]);
    expect(writes[0].previous?.spec).toMatchObject({ job: { parallelism: 4 } });

    const jsonPatched = await custom.patchNamespacedCustomObject(
      {
        ...FLINK,
        name: 'payments-enricher',
        body: [
          { op: 'test', path: '/spec/job/parallelism', value: 6 },
          { op: 'replace', path: '/spec/job/state', value: 'suspended' },
        ],
      },
      setHeaderOptions('Content-Type', PatchStrategy.JsonPatch),
    );
    expect(jsonPatched.spec.job.state).toBe('suspended');

    const failedTest = await failure(
      custom.patchNamespacedCustomObject(
        {
          ...FLINK,
          name: 'payments-enricher',
          body: [{ op: 'test', path: '/spec/job/parallelism', value: 99 }],
        },
        setHeaderOptions('Content-Type', PatchStrategy.JsonPatch),
      ),
    );
    expect(failedTest.code).toBe(422);

    const invalidValue = await failure(
      custom.patchNamespacedCustomObject(
        {
          ...FLINK,
          name: 'payments-enricher',
          body: { spec: { job: { upgradeMode: 'hot-swap' } } },
        },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      ),
    );
    expect(invalidValue.code).toBe(422);
    expect(invalidValue.body.details.causes).toEqual([
      expect.objectContaining({
        field: 'spec.job.upgradeMode',
        reason: 'FieldValueNotSupported',
      }),
    ]);
  });

  it('refuses strategic merge patches on custom resources with 415, as a real server', async () => {
    const objects = KubernetesObjectApi.makeApiClient(cluster.kubeConfig);
    const refused = await failure(
      objects.patch({
        apiVersion: 'flink.apache.org/v1beta1',
        kind: 'FlinkDeployment',
        metadata: { name: 'payments-enricher', namespace: PIPELINE_NAMESPACE },
        spec: { job: { parallelism: 5 } },
      } as any),
    );
    expect(refused).toEqual({
      code: 415,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message:
          'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
        reason: 'UnsupportedMediaType',
        code: 415,
      },
    });
  });

  describe('server-side apply', () => {
    const applyPath = (name: string, query: string) =>
      `${PATH}/${name}?${query}`;
    const config = (parallelism: number) =>
      stringify({
        apiVersion: 'flink.apache.org/v1beta1',
        kind: 'FlinkDeployment',
        metadata: { name: 'fraud-scorer', labels: { team: 'payments' } },
        spec: {
          image: 'flink:1.20',
          flinkVersion: 'v1_20',
          job: {
            jarURI: 'local:///opt/flink/usrlib/fraud.jar',
            parallelism,
            upgradeMode: 'savepoint',
          },
        },
      });

    it('creates, re-applies without a write, and reports conflicts with other managers', async () => {
      const created = await send(
        'PATCH',
        applyPath('fraud-scorer', 'fieldManager=backstage'),
        config(2),
        'application/apply-patch+yaml',
      );
      expect(created.status).toBe(201);
      expect(created.body.metadata.managedFields).toEqual([
        expect.objectContaining({ manager: 'backstage', operation: 'Apply' }),
      ]);

      const again = await send(
        'PATCH',
        applyPath('fraud-scorer', 'fieldManager=backstage'),
        config(2),
        'application/apply-patch+yaml',
      );
      expect(again.status).toBe(200);
      expect(again.body.metadata.resourceVersion).toBe(
        created.body.metadata.resourceVersion,
      );

      // Someone else takes parallelism over with a merge patch.
      await custom.patchNamespacedCustomObject(
        {
          ...FLINK,
          name: 'fraud-scorer',
          body: { spec: { job: { parallelism: 3 } } },
          fieldManager: 'kubectl-edit',
        },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      );
      const conflicted = await send(
        'PATCH',
        applyPath('fraud-scorer', 'fieldManager=backstage'),
        config(4),
        'application/apply-patch+yaml',
      );
      expect(conflicted.status).toBe(409);
      expect(conflicted.body).toMatchObject({
        kind: 'Status',
        reason: 'Conflict',
        code: 409,
        message: expect.stringMatching(
          /^Apply failed with 1 conflict: conflict with "kubectl-edit" using flink\.apache\.org\/v1beta1 at .+: \.spec\.job\.parallelism$/,
        ),
        details: {
          causes: [
            {
              reason: 'FieldManagerConflict',
              message: expect.stringMatching(/^conflict with "kubectl-edit"/),
              field: '.spec.job.parallelism',
            },
          ],
        },
      });

      const forced = await send(
        'PATCH',
        applyPath('fraud-scorer', 'fieldManager=backstage&force=true'),
        config(4),
        'application/apply-patch+yaml',
      );
      expect(forced.status).toBe(200);
      expect(forced.body.spec.job.parallelism).toBe(4);
      expect(forced.body.metadata.generation).toBe(3);
      expect(writes.map(w => w.type)).toEqual([
        'ADDED',
        'MODIFIED',
        'MODIFIED',
      ]);
    });

    it('drops fields the manager stops applying', async () => {
      await send(
        'PATCH',
        applyPath('fraud-scorer', 'fieldManager=backstage'),
        config(2),
        'application/apply-patch+yaml',
      );
      const withoutLabel = stringify({
        apiVersion: 'flink.apache.org/v1beta1',
        kind: 'FlinkDeployment',
        metadata: { name: 'fraud-scorer' },
        spec: {
          image: 'flink:1.20',
          flinkVersion: 'v1_20',
          job: {
            jarURI: 'local:///opt/flink/usrlib/fraud.jar',
            parallelism: 2,
            upgradeMode: 'savepoint',
          },
        },
      });
      const applied = await send(
        'PATCH',
        applyPath('fraud-scorer', 'fieldManager=backstage'),
        withoutLabel,
        'application/apply-patch+yaml',
      );
      expect(applied.status).toBe(200);
      expect(applied.body.metadata.labels).toBeUndefined();
    });

    it('works through client-node’s generic object client', async () => {
      const objects = KubernetesObjectApi.makeApiClient(cluster.kubeConfig);
      const applied = await objects.patch(
        {
          apiVersion: 'flink.apache.org/v1beta1',
          kind: 'FlinkDeployment',
          metadata: {
            name: 'payments-enricher',
            namespace: PIPELINE_NAMESPACE,
          },
          spec: { job: { parallelism: 12 } },
        } as any,
        undefined,
        undefined,
        'autoscaler-override',
        true,
        PatchStrategy.ServerSideApply,
      );
      expect((applied as any).spec.job.parallelism).toBe(12);
      expect((applied as any).spec.image).toBe('flink:1.20');
    });

    it('requires a fieldManager and rejects undeclared fields', async () => {
      const noManager = await send(
        'PATCH',
        applyPath('fraud-scorer', ''),
        config(2),
        'application/apply-patch+yaml',
      );
      expect(noManager.status).toBe(422);
      expect(noManager.body.message).toBe(
        'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
      );
      const unknown = await send(
        'PATCH',
        applyPath('fraud-scorer', 'fieldManager=backstage'),
        config(2).replace('spec:\n', 'spec:\n  replicas: 2\n'),
        'application/apply-patch+yaml',
      );
      expect(unknown.status).toBe(400);
      expect(unknown.body.message).toContain(
        '.spec.replicas: field not declared in schema',
      );
    });
  });

  it('deletes, answering the object, then 404', async () => {
    const deleted = await custom.deleteNamespacedCustomObject({
      ...FLINK,
      name: 'payments-enricher',
    });
    expect(deleted.metadata.name).toBe('payments-enricher');
    expect(
      cluster.store.get(
        KEYS.flinkdeployments,
        PIPELINE_NAMESPACE,
        'payments-enricher',
      ),
    ).toBeUndefined();
    expect(writes.map(w => w.type)).toEqual(['DELETED']);
    const again = await failure(
      custom.deleteNamespacedCustomObject({
        ...FLINK,
        name: 'payments-enricher',
      }),
    );
    expect(again.code).toBe(404);
  });

  it('keeps an object with finalizers until the last one is removed', async () => {
    const current = cluster.store.get(
      KEYS.flinkdeployments,
      PIPELINE_NAMESPACE,
      'payments-enricher',
    )!;
    cluster.store.upsert(KEYS.flinkdeployments, {
      ...current,
      metadata: {
        ...current.metadata,
        finalizers: ['flinkdeployments.flink.apache.org/finalizer'],
      },
    });
    const response = await fetch(
      `${cluster.server.url}${PATH}/payments-enricher`,
      { method: 'DELETE' },
    );
    expect(response.status).toBe(202);
    const terminating = await response.json();
    expect(terminating.metadata.deletionTimestamp).toBeDefined();
    expect(
      cluster.store.get(
        KEYS.flinkdeployments,
        PIPELINE_NAMESPACE,
        'payments-enricher',
      ),
    ).toBeDefined();

    await custom.patchNamespacedCustomObject(
      {
        ...FLINK,
        name: 'payments-enricher',
        body: { metadata: { finalizers: null } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(
      cluster.store.get(
        KEYS.flinkdeployments,
        PIPELINE_NAMESPACE,
        'payments-enricher',
      ),
    ).toBeUndefined();
    expect(writes.map(w => w.type)).toEqual(['MODIFIED', 'DELETED']);
  });

  it('checks delete preconditions', async () => {
    const conflicted = await send(
      'DELETE',
      `${PATH}/payments-enricher`,
      JSON.stringify({
        kind: 'DeleteOptions',
        apiVersion: 'v1',
        preconditions: { resourceVersion: '1' },
      }),
      'application/json',
    );
    expect(conflicted.status).toBe(409);
    expect(conflicted.body.message).toMatch(
      /Precondition failed: ResourceVersion in precondition: 1, ResourceVersion in object meta: \d+$/,
    );
  });

  it('does not store dry runs', async () => {
    const dry = await custom.createNamespacedCustomObject({
      ...FLINK,
      body: flinkDeployment('fraud-scorer'),
      dryRun: 'All',
    });
    expect(dry.metadata.uid).toBeDefined();
    expect(
      cluster.store.get(
        KEYS.flinkdeployments,
        PIPELINE_NAMESPACE,
        'fraud-scorer',
      ),
    ).toBeUndefined();
    expect(writes).toEqual([]);
  });
});
