import {
  ApiException,
  CoreV1Api,
  CustomObjectsApi,
  EventsV1Api,
  KubeConfig,
  KubernetesObjectApi,
  VersionApi,
} from '@kubernetes/client-node';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  KEYS,
  PIPELINE_NAMESPACE,
  TestCluster,
  flinkPod,
  startTestCluster,
} from './__testUtils__/fixtures';
import { writeKubeconfig } from './kubeconfig';

/** A raw request, for what the typed clients hide (status codes, headers, Status bodies). */
async function raw(
  cluster: TestCluster,
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; headers: Headers; body: any }> {
  const response = await fetch(`${cluster.server.url}${path}`, init);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, headers: response.headers, body };
}

/** The Status a client-node call failed with. */
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

describe('Kubernetes API server: discovery and reads', () => {
  let cluster: TestCluster;
  let core: CoreV1Api;

  beforeAll(async () => {
    cluster = await startTestCluster();
    core = cluster.kubeConfig.makeApiClient(CoreV1Api);
  });

  afterAll(async () => {
    await cluster.server.close();
  });

  describe('discovery', () => {
    it('reports an EKS 1.33 version', async () => {
      const version = await cluster.kubeConfig
        .makeApiClient(VersionApi)
        .getCode();
      expect(version.major).toBe('1');
      expect(version.minor).toBe('33');
      expect(version.gitVersion).toMatch(/^v1\.33\.\d+-eks-/);
    });

    it('lists the core version and the API groups with preferred versions', async () => {
      const api = await raw(cluster, '/api');
      expect(api.body).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });

      const groups = await raw(cluster, '/apis', {
        // What kubectl sends: aggregated discovery first, plain JSON as fallback.
        headers: {
          Accept:
            'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json',
        },
      });
      // Plain JSON tells client-go to fall back to per-group discovery.
      expect(groups.headers.get('content-type')).toBe('application/json');
      expect(groups.body.kind).toBe('APIGroupList');
      // Built-in groups first, then those of CRDs, as a real server lists them.
      expect(groups.body.groups.map((g: { name: string }) => g.name)).toEqual([
        'events.k8s.io',
        'policy',
        'external-secrets.io',
        'flink.apache.org',
        'karpenter.sh',
        'karpenter.k8s.aws',
      ]);
      expect(groups.body.groups[3]).toEqual({
        name: 'flink.apache.org',
        versions: [
          { groupVersion: 'flink.apache.org/v1beta1', version: 'v1beta1' },
        ],
        preferredVersion: {
          groupVersion: 'flink.apache.org/v1beta1',
          version: 'v1beta1',
        },
      });
    });

    it('describes each resource as kubectl needs it', async () => {
      const coreResources = await core.getAPIResources();
      expect(coreResources.groupVersion).toBe('v1');
      expect(coreResources.resources.map(r => r.name)).toEqual([
        'namespaces',
        'nodes',
        'pods',
        'events',
        'configmaps',
        'serviceaccounts',
      ]);
      expect(
        coreResources.resources.find(r => r.name === 'pods'),
      ).toMatchObject({
        singularName: 'pod',
        namespaced: true,
        kind: 'Pod',
        verbs: ['get', 'list', 'watch'],
        shortNames: ['po'],
      });
      const flink = await raw(cluster, '/apis/flink.apache.org/v1beta1');
      expect(flink.body.resources).toEqual([
        {
          name: 'flinkdeployments',
          singularName: 'flinkdeployment',
          namespaced: true,
          kind: 'FlinkDeployment',
          verbs: [
            'create',
            'delete',
            'get',
            'list',
            'patch',
            'update',
            'watch',
          ],
          shortNames: ['flinkdep'],
        },
      ]);
      expect((await raw(cluster, '/apis/karpenter.sh')).body).toMatchObject({
        kind: 'APIGroup',
        name: 'karpenter.sh',
      });
      expect((await raw(cluster, '/apis/apps/v1')).status).toBe(404);
      expect((await raw(cluster, '/openapi/v3')).status).toBe(404);
    });

    it('lets the generic object client find resources through discovery', async () => {
      const objects = KubernetesObjectApi.makeApiClient(cluster.kubeConfig);
      const claim = await objects.read({
        apiVersion: 'karpenter.sh/v1',
        kind: 'NodeClaim',
        metadata: { name: 'flink-x7k2p' },
      });
      expect(claim.metadata?.labels?.['karpenter.sh/capacity-type']).toBe(
        'spot',
      );
    });
  });

  describe('list and get', () => {
    it('lists across namespaces and in one, each item with kind and apiVersion', async () => {
      const all = await raw(cluster, '/api/v1/pods');
      expect(all.body.kind).toBe('PodList');
      expect(all.body.apiVersion).toBe('v1');
      expect(all.body.metadata.resourceVersion).toBe(
        cluster.store.resourceVersion(),
      );
      expect(all.body.items).toHaveLength(4);
      expect(all.body.items[0]).toMatchObject({
        kind: 'Pod',
        apiVersion: 'v1',
      });

      const inNamespace = await core.listNamespacedPod({
        namespace: PIPELINE_NAMESPACE,
      });
      expect(inNamespace.items).toHaveLength(4);
      expect(
        (await core.listNamespacedPod({ namespace: 'default' })).items,
      ).toEqual([]);
      // In etcd key order: namespace, then name.
      expect(inNamespace.items.map(p => p.metadata?.name)).toEqual([
        'payments-enricher-6d8f7b9c4-x1kq',
        'payments-enricher-taskmanager-1-1',
        'payments-enricher-taskmanager-1-2',
        'payments-enricher-taskmanager-1-3',
      ]);
    });

    it('filters by label selector', async () => {
      const taskManagers = await core.listPodForAllNamespaces({
        labelSelector: 'app=payments-enricher,component in (taskmanager)',
      });
      expect(taskManagers.items).toHaveLength(3);
      const spotNodes = await core.listNode({
        labelSelector: 'karpenter.sh/capacity-type=spot,karpenter.sh/nodepool',
      });
      expect(spotNodes.items.map(n => n.metadata?.name)).toEqual([
        'ip-10-0-1-23.ec2.internal',
      ]);
      const bad = await failure(core.listNode({ labelSelector: 'a b c' }));
      expect(bad.code).toBe(400);
      expect(bad.body.reason).toBe('BadRequest');
    });

    it('filters pods by node and phase', async () => {
      const onNode = await core.listPodForAllNamespaces({
        fieldSelector: 'spec.nodeName=ip-10-0-1-23.ec2.internal',
      });
      expect(onNode.items).toHaveLength(2);
      const pending = await core.listPodForAllNamespaces({
        fieldSelector: 'status.phase=Pending,spec.nodeName=',
      });
      expect(pending.items.map(p => p.metadata?.name)).toEqual([
        'payments-enricher-taskmanager-1-3',
      ]);
    });

    it('filters events by the object they are about', async () => {
      const events = await core.listNamespacedEvent({
        namespace: PIPELINE_NAMESPACE,
        fieldSelector:
          'involvedObject.kind=FlinkDeployment,involvedObject.name=payments-enricher',
      });
      expect(events.items.map(e => e.reason)).toEqual(['ScalingReport']);
      const bySource = await core.listEventForAllNamespaces({
        fieldSelector: 'source=default-scheduler,type=Warning',
      });
      expect(bySource.items.map(e => e.reason)).toEqual(['FailedScheduling']);
    });

    it('answers 400 for field labels the resource does not support, as a real server', async () => {
      const bad = await failure(
        core.listPodForAllNamespaces({ fieldSelector: 'metadata.labels=x' }),
      );
      expect(bad).toEqual({
        code: 400,
        body: {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: 'field label not supported: metadata.labels',
          reason: 'BadRequest',
          code: 400,
        },
      });
      const onNodes = await failure(
        core.listNode({ fieldSelector: 'metadata.namespace=x' }),
      );
      expect(onNodes.code).toBe(400);
    });

    it('gets one object, and answers a NotFound Status for a missing one', async () => {
      const node = await core.readNode({ name: 'ip-10-0-2-45.ec2.internal' });
      expect(node.metadata?.labels?.['karpenter.sh/capacity-type']).toBe(
        'on-demand',
      );
      const namespace = await core.readNamespace({ name: PIPELINE_NAMESPACE });
      expect(namespace.status?.phase).toBe('Active');

      const missing = await failure(
        core.readNamespacedPod({ name: 'gone', namespace: PIPELINE_NAMESPACE }),
      );
      expect(missing).toEqual({
        code: 404,
        body: {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: 'pods "gone" not found',
          reason: 'NotFound',
          details: { name: 'gone', kind: 'pods' },
          code: 404,
        },
      });
      const custom = cluster.kubeConfig.makeApiClient(CustomObjectsApi);
      const missingDeployment = await failure(
        custom.getNamespacedCustomObject({
          group: 'flink.apache.org',
          version: 'v1beta1',
          namespace: PIPELINE_NAMESPACE,
          plural: 'flinkdeployments',
          name: 'x',
        }),
      );
      expect(missingDeployment.body).toMatchObject({
        message: 'flinkdeployments.flink.apache.org "x" not found',
        details: {
          name: 'x',
          group: 'flink.apache.org',
          kind: 'flinkdeployments',
        },
      });
      expect((await raw(cluster, '/api/v1/pods/x')).status).toBe(404);
      expect(
        (await raw(cluster, '/api/v1/namespaces/default/nodes')).status,
      ).toBe(404);
    });

    it('lists custom resources', async () => {
      const custom = cluster.kubeConfig.makeApiClient(CustomObjectsApi);
      const claims = await custom.listClusterCustomObject({
        group: 'karpenter.sh',
        version: 'v1',
        plural: 'nodeclaims',
      });
      expect(claims.kind).toBe('NodeClaimList');
      expect(claims.items[0].status.nodeName).toBe('ip-10-0-1-23.ec2.internal');
      const deployments = await custom.listNamespacedCustomObject({
        group: 'flink.apache.org',
        version: 'v1beta1',
        namespace: PIPELINE_NAMESPACE,
        plural: 'flinkdeployments',
      });
      expect(deployments.items.map((d: any) => d.metadata.name)).toEqual([
        'payments-enricher',
      ]);
    });
  });

  describe('the events.k8s.io/v1 view', () => {
    it('serves the same Events converted, selectable by regarding.*', async () => {
      const events = cluster.kubeConfig.makeApiClient(EventsV1Api);
      const scaling = await events.listNamespacedEvent({
        namespace: PIPELINE_NAMESPACE,
        fieldSelector:
          'regarding.kind=FlinkDeployment,regarding.name=payments-enricher',
      });
      expect(scaling.items).toHaveLength(1);
      const [event] = scaling.items;
      expect(event.note).toBe(
        'Scaling vertices: Vertex ID cbc357ccb763df2852fee8c4fc7d55f2 | Parallelism 2 -> 4',
      );
      expect(event.reason).toBe('ScalingReport');
      expect(event.reportingController).toBe('Operator');
      expect(event.deprecatedSource?.component).toBe('Operator');
      expect(event.deprecatedCount).toBe(1);
      expect(event.deprecatedLastTimestamp?.toISOString()).toBe(
        '2026-11-01T10:05:00.000Z',
      );
      expect(event.regarding?.name).toBe('payments-enricher');

      const raws = await raw(cluster, '/apis/events.k8s.io/v1/events');
      expect(raws.body.kind).toBe('EventList');
      expect(raws.body.apiVersion).toBe('events.k8s.io/v1');
      expect(raws.body.items[0].apiVersion).toBe('events.k8s.io/v1');

      const unsupported = await failure(
        events.listEventForAllNamespaces({
          fieldSelector: 'involvedObject.name=x',
        }),
      );
      expect(unsupported.body.message).toBe(
        'field label not supported: involvedObject.name',
      );
    });
  });

  describe('pagination', () => {
    let pages: TestCluster;

    beforeAll(async () => {
      pages = await startTestCluster();
      for (let i = 4; i <= 12; i++) {
        pages.store.upsert(
          KEYS.pods,
          flinkPod('payments-enricher', 'taskmanager', i),
        );
      }
    });

    afterAll(async () => {
      await pages.server.close();
    });

    it('pages with limit and continue from one consistent snapshot', async () => {
      const client = pages.kubeConfig.makeApiClient(CoreV1Api);
      const first = await client.listNamespacedPod({
        namespace: PIPELINE_NAMESPACE,
        limit: 5,
      });
      expect(first.items).toHaveLength(5);
      expect(first.metadata?.remainingItemCount).toBe(8);
      const snapshotVersion = first.metadata?.resourceVersion;

      // Changes after the first page do not show in later pages.
      pages.store.upsert(
        KEYS.pods,
        flinkPod('payments-enricher', 'taskmanager', 99),
      );
      pages.store.remove(
        KEYS.pods,
        PIPELINE_NAMESPACE,
        'payments-enricher-taskmanager-1-9',
      );

      const names = first.items.map(p => p.metadata!.name!);
      let token = first.metadata?._continue;
      while (token) {
        const page = await client.listNamespacedPod({
          namespace: PIPELINE_NAMESPACE,
          limit: 5,
          _continue: token,
        });
        expect(page.metadata?.resourceVersion).toBe(snapshotVersion);
        names.push(...page.items.map(p => p.metadata!.name!));
        token = page.metadata?._continue;
      }
      expect(names).toHaveLength(13);
      expect(names).toContain('payments-enricher-taskmanager-1-9');
      expect(names).not.toContain('payments-enricher-taskmanager-1-99');
      expect([...names].sort()).toEqual(names);
    });

    it('counts limit against matching objects when selectors apply', async () => {
      const client = pages.kubeConfig.makeApiClient(CoreV1Api);
      const page = await client.listNamespacedPod({
        namespace: PIPELINE_NAMESPACE,
        labelSelector: 'component=jobmanager',
        limit: 1,
      });
      expect(page.items.map(p => p.metadata?.labels?.component)).toEqual([
        'jobmanager',
      ]);
      expect(page.metadata?.remainingItemCount).toBeUndefined();
    });

    it('answers 410 Expired for a continue token whose snapshot is gone, with a fresh token', async () => {
      const client = pages.kubeConfig.makeApiClient(CoreV1Api);
      const first = await client.listNamespacedPod({
        namespace: PIPELINE_NAMESPACE,
        limit: 2,
      });
      pages.store.upsert(
        KEYS.pods,
        flinkPod('payments-enricher', 'taskmanager', 50),
      );
      pages.faults.set({ expireResourceVersions: true });
      try {
        const expired = await failure(
          client.listNamespacedPod({
            namespace: PIPELINE_NAMESPACE,
            limit: 2,
            _continue: first.metadata?._continue,
          }),
        );
        expect(expired.code).toBe(410);
        expect(expired.body.reason).toBe('Expired');
        expect(expired.body.message).toMatch(
          /^The provided continue parameter is too old/,
        );
        // The inconsistent continuation a real server offers.
        const next = await client.listNamespacedPod({
          namespace: PIPELINE_NAMESPACE,
          limit: 2,
          _continue: expired.body.metadata.continue,
        });
        expect(next.items).toHaveLength(2);
      } finally {
        pages.faults.set({ expireResourceVersions: false });
      }
    });

    it('answers 410 for a list at an old resourceVersion when versions expire', async () => {
      pages.faults.set({ expireResourceVersions: true });
      try {
        const old = Number(pages.store.resourceVersion()) - 1;
        const expired = await raw(
          pages,
          `/api/v1/pods?resourceVersion=${old}&resourceVersionMatch=NotOlderThan`,
        );
        expect(expired.status).toBe(410);
        expect(expired.body).toMatchObject({
          kind: 'Status',
          reason: 'Expired',
          code: 410,
          message: 'The resourceVersion for the provided list is too old.',
        });
        // resourceVersion=0 means "any": still served.
        expect(
          (await raw(pages, '/api/v1/pods?resourceVersion=0')).status,
        ).toBe(200);
      } finally {
        pages.faults.set({ expireResourceVersions: false });
      }
    });

    it('checks list options as a real server', async () => {
      const invalid = await raw(
        pages,
        '/api/v1/pods?resourceVersionMatch=Exact',
      );
      expect(invalid.status).toBe(422);
      expect(invalid.body.message).toBe(
        'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided',
      );
      const tooNew = await raw(pages, '/api/v1/pods?resourceVersion=999999');
      expect(tooNew.status).toBe(504);
      const exact = await raw(
        pages,
        `/api/v1/pods?resourceVersion=${pages.store.resourceVersion()}&resourceVersionMatch=Exact`,
      );
      expect(exact.status).toBe(200);
    });
  });

  describe('auth, faults and the kubeconfig', () => {
    let secured: TestCluster;
    let directory: string;

    beforeAll(async () => {
      secured = await startTestCluster({ token: 's3cr3t-token' });
      directory = await mkdtemp(join(tmpdir(), 'kubeconfig-'));
    });

    afterAll(async () => {
      await secured.server.close();
      await rm(directory, { recursive: true, force: true });
    });

    it('writes a kubeconfig that client-node loads from file', async () => {
      const path = join(directory, 'config');
      await writeKubeconfig(path, {
        server: secured.server.url,
        token: 's3cr3t-token',
      });
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      expect(await readFile(path, 'utf8')).toContain(
        'current-context: platform-emulator',
      );
      const kubeConfig = new KubeConfig();
      kubeConfig.loadFromFile(path);
      const pods = await kubeConfig
        .makeApiClient(CoreV1Api)
        .listPodForAllNamespaces();
      expect(pods.items).toHaveLength(4);
    });

    it('answers 401 Unauthorized without the bearer token', async () => {
      const denied = await raw(secured, '/api/v1/pods');
      expect(denied.status).toBe(401);
      expect(denied.body).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401,
      });
      const wrong = await raw(secured, '/api/v1/pods', {
        headers: { Authorization: 'Bearer nope' },
      });
      expect(wrong.status).toBe(401);
      // /version is public, as on EKS.
      expect((await raw(secured, '/version')).status).toBe(200);
      expect(
        (
          await raw(secured, '/api/v1/pods', {
            headers: { Authorization: 'Bearer s3cr3t-token' },
          })
        ).status,
      ).toBe(200);
    });

    it('answers 503 to everything while the API server is down', async () => {
      secured.faults.set({ apiServerDown: true });
      try {
        const client = secured.kubeConfig.makeApiClient(CoreV1Api);
        const down = await failure(client.listNode());
        expect(down.code).toBe(503);
        expect(down.body).toMatchObject({
          kind: 'Status',
          reason: 'ServiceUnavailable',
          code: 503,
        });
      } finally {
        secured.faults.set({ apiServerDown: false });
      }
      expect(
        (await secured.kubeConfig.makeApiClient(CoreV1Api).listNode()).items,
      ).toHaveLength(2);
    });

    it('delays answers by slowResponsesMs', async () => {
      secured.faults.set({ slowResponsesMs: 150 });
      try {
        const started = Date.now();
        await secured.kubeConfig.makeApiClient(CoreV1Api).listNode();
        expect(Date.now() - started).toBeGreaterThanOrEqual(140);
      } finally {
        secured.faults.set({ slowResponsesMs: 0 });
      }
    });
  });

  it('refuses writes to read-only resources with 405', async () => {
    const refused = await failure(
      core.createNamespacedPod({
        namespace: PIPELINE_NAMESPACE,
        body: flinkPod('orders', 'taskmanager', 1) as any,
      }),
    );
    expect(refused).toEqual({
      code: 405,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message:
          'the server does not allow this method on the requested resource',
        reason: 'MethodNotAllowed',
        details: {},
        code: 405,
      },
    });
  });
});
