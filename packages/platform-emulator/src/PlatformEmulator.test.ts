import {
  CloudWatchClient,
  GetMetricDataCommand,
} from '@aws-sdk/client-cloudwatch';
import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  KubernetesObjectApi,
  KubernetesObject,
  PatchStrategy,
  V1Pod,
  Watch,
  makeInformer,
} from '@kubernetes/client-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RESOURCE_TYPES, groupVersion, resourceKey } from './kube';
import { crdValidators } from './model/__testUtils__/crdValidation';
import { PlatformEmulator } from './PlatformEmulator';

const MINUTE = 60_000;
const START = Date.UTC(2026, 10, 28, 0, 0);

/** A pipeline's manifests besides its FlinkDeployment: only clients write these, so the demo has none. */
const CLIENT_WRITTEN = new Set([
  'v1/serviceaccounts',
  'policy/v1/poddisruptionbudgets',
  'external-secrets.io/v1beta1/externalsecrets',
]);
const SIMULATED_TYPES = RESOURCE_TYPES.filter(
  type => !CLIENT_WRITTEN.has(resourceKey(type)),
);

async function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 25));
  }
}

describe('PlatformEmulator (demo, manual clock)', () => {
  let emulator: PlatformEmulator;
  let kubeConfig: KubeConfig;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-'));
    emulator = await PlatformEmulator.start({
      scenario: 'demo',
      clock: 'manual',
      startMs: START,
      kubeconfigDir: dir,
      token: 'test-token',
      dropWatchesAfterMs: 200,
    });
    emulator.advance(60 * MINUTE);
    kubeConfig = new KubeConfig();
    kubeConfig.loadFromFile(path.join(dir, 'kubeconfig'));
  });
  afterAll(async () => {
    await emulator.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => emulator.faults.reset());

  it('writes a kubeconfig with which a standard client lists every resource', async () => {
    const api = KubernetesObjectApi.makeApiClient(kubeConfig);
    const counts: Record<string, number> = {};
    for (const type of RESOURCE_TYPES) {
      const list = await api.list(groupVersion(type), type.kind);
      counts[`${groupVersion(type)}/${type.resource}`] = list.items.length;
    }
    expect(counts).toMatchObject({
      'flink.apache.org/v1beta1/flinkdeployments': 12,
      'karpenter.sh/v1/nodepools': 2,
      'karpenter.k8s.aws/v1/ec2nodeclasses': 1,
    });
    expect(
      Object.entries(counts).filter(
        ([key, n]) => n === 0 && !CLIENT_WRITTEN.has(key),
      ),
    ).toEqual([]);
  });

  it('refuses clients without the token', async () => {
    const response = await fetch(`${emulator.clusters[0].url}/api/v1/pods`);
    expect(response.status).toBe(401);
  });

  it('serves Karpenter and Flink objects that validate against the upstream CRDs', async () => {
    const objects = kubeConfig.makeApiClient(CustomObjectsApi);
    const validate = crdValidators();
    const errors: string[] = [];
    for (const [group, version, plural] of [
      ['karpenter.sh', 'v1', 'nodepools'],
      ['karpenter.sh', 'v1', 'nodeclaims'],
      ['karpenter.k8s.aws', 'v1', 'ec2nodeclasses'],
      ['flink.apache.org', 'v1beta1', 'flinkdeployments'],
    ]) {
      const list = (await objects.listClusterCustomObject({
        group,
        version,
        plural,
      })) as { items: any[] };
      for (const item of list.items) errors.push(...validate(item));
    }
    expect(errors).toEqual([]);
  });

  it('serves events with the reference reasons, filterable by involved object', async () => {
    const core = kubeConfig.makeApiClient(CoreV1Api);
    const all = await core.listEventForAllNamespaces();
    const reasons = new Set(all.items.map(e => e.reason));
    for (const reason of [
      'ScalingReport',
      'JobStatusChanged',
      'Nominated',
      'Scheduled',
    ]) {
      expect(reasons).toContain(reason);
    }
    const scaling = await core.listNamespacedEvent({
      namespace: 'risk',
      fieldSelector:
        'involvedObject.kind=FlinkDeployment,involvedObject.name=fraud-scoring',
    });
    expect(scaling.items.length).toBeGreaterThan(0);
    expect(
      scaling.items.every(e => e.involvedObject.name === 'fraud-scoring'),
    ).toBe(true);
  });

  it('watches every resource type with a standard client', async () => {
    const seen = new Set<string>();
    const controllers: AbortController[] = [];
    for (const type of SIMULATED_TYPES) {
      const base = type.group
        ? `/apis/${type.group}/${type.version}`
        : `/api/${type.version}`;
      controllers.push(
        await new Watch(kubeConfig).watch(
          `${base}/${type.resource}`,
          { allowWatchBookmarks: true },
          phase => {
            if (phase === 'ADDED')
              seen.add(`${groupVersion(type)}/${type.resource}`);
          },
          () => {},
        ),
      );
    }
    await eventually(
      () => seen.size === SIMULATED_TYPES.length,
      5000,
      `ADDED from every resource (have ${[...seen]})`,
    );
    controllers.forEach(c => c.abort());
  });

  it('keeps an informer in step while the simulation runs, across a 410 and dropped watches', async () => {
    const core = kubeConfig.makeApiClient(CoreV1Api);
    const informer = makeInformer<V1Pod>(kubeConfig, '/api/v1/pods', () =>
      core.listPodForAllNamespaces(),
    );
    let stopped = false;
    informer.on('error', () => {
      setTimeout(() => !stopped && void informer.start(), 50);
    });
    const store = emulator.clusters[0].store;
    const inStore = () =>
      store
        .all('v1/pods')
        .map(p => `${p.metadata.name}@${p.metadata.resourceVersion}`)
        .sort()
        .join();
    const inCache = () =>
      informer
        .list()
        .map(
          (p: KubernetesObject) =>
            `${p.metadata!.name}@${p.metadata!.resourceVersion}`,
        )
        .sort()
        .join();
    await informer.start();
    await eventually(() => inCache() === inStore(), 5000, 'the first list');

    emulator.advance(10 * MINUTE);
    await eventually(
      () => inCache() === inStore(),
      5000,
      'changes over ten simulated minutes',
    );

    emulator.faults.set({ expireResourceVersions: true });
    emulator.faults.dropWatchesNow();
    emulator.advance(5 * MINUTE);
    emulator.faults.set({ expireResourceVersions: false });
    await eventually(
      () => inCache() === inStore(),
      5000,
      'a re-list after 410 Gone',
    );

    emulator.faults.set({ dropWatches: true });
    emulator.advance(5 * MINUTE);
    emulator.faults.set({ dropWatches: false });
    await eventually(
      () => inCache() === inStore(),
      5000,
      'resumed watches after drops',
    );
    stopped = true;
    await informer.stop();
  });

  it('answers GetMetricData with an hour of MSK lag for a pipeline', async () => {
    const client = new CloudWatchClient({
      endpoint: emulator.aws.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
      maxAttempts: 1,
    });
    const now = emulator.simulation.clock.now();
    const dimensions = [
      { Name: 'Cluster Name', Value: emulator.clusters[0].mskClusterName },
      { Name: 'Consumer Group', Value: 'risk.fraud-scoring' },
      { Name: 'Topic', Value: 'transactions' },
    ];
    const out = await client.send(
      new GetMetricDataCommand({
        StartTime: new Date(now - 60 * MINUTE),
        EndTime: new Date(now),
        MetricDataQueries: [
          'SumOffsetLag',
          'MaxOffsetLag',
          'EstimatedMaxTimeLag',
        ].map((MetricName, i) => ({
          Id: `m${i}`,
          MetricStat: {
            Metric: {
              Namespace: 'AWS/Kafka',
              MetricName,
              Dimensions: dimensions,
            },
            Period: 60,
            Stat: 'Maximum',
          },
        })),
      }),
    );
    const [sum, max, time] = out.MetricDataResults!;
    expect(sum.Values!.length).toBeGreaterThanOrEqual(58);
    expect(max.Values!.length).toBe(sum.Values!.length);
    expect(time.Values!.every(v => v >= 0)).toBe(true);
    sum.Values!.forEach((v, i) =>
      expect(v).toBeGreaterThanOrEqual(max.Values![i]),
    );
  });

  it('runs a FlinkDeployment created through the API, and stops it when deleted', async () => {
    const objects = kubeConfig.makeApiClient(CustomObjectsApi);
    const body = {
      apiVersion: 'flink.apache.org/v1beta1',
      kind: 'FlinkDeployment',
      metadata: {
        name: 'orders-enricher',
        namespace: 'payments',
        labels: { 'streaming-platform.io/team': 'team-payments' },
      },
      spec: {
        image: 'flink:1.20',
        flinkVersion: 'v1_20',
        flinkConfiguration: {
          'taskmanager.numberOfTaskSlots': '2',
          'job.autoscaler.enabled': 'true',
          'kafka.source.topic': 'orders',
        },
        serviceAccount: 'flink',
        jobManager: { resource: { cpu: 0.5, memory: '1536m' } },
        taskManager: { resource: { cpu: 1, memory: '3072m' } },
        job: {
          jarURI: 'local:///opt/flink/usrlib/job.jar',
          parallelism: 4,
          upgradeMode: 'last-state',
        },
      },
    };
    await objects.createNamespacedCustomObject({
      group: 'flink.apache.org',
      version: 'v1beta1',
      namespace: 'payments',
      plural: 'flinkdeployments',
      body,
    });
    emulator.advance(5 * MINUTE);
    const core = kubeConfig.makeApiClient(CoreV1Api);
    const pods = await core.listNamespacedPod({
      namespace: 'payments',
      labelSelector: 'app=orders-enricher',
    });
    expect(pods.items.map(p => p.metadata!.labels!.component).sort()).toEqual([
      'jobmanager',
      'taskmanager',
      'taskmanager',
    ]);
    const created = (await objects.getNamespacedCustomObject({
      group: 'flink.apache.org',
      version: 'v1beta1',
      namespace: 'payments',
      plural: 'flinkdeployments',
      name: 'orders-enricher',
    })) as any;
    expect(created.status.jobStatus.state).toBe('RUNNING');
    expect(created.spec.job.parallelism).toBe(4);

    await objects.deleteNamespacedCustomObject({
      group: 'flink.apache.org',
      version: 'v1beta1',
      namespace: 'payments',
      plural: 'flinkdeployments',
      name: 'orders-enricher',
    });
    emulator.advance(MINUTE);
    const after = await core.listNamespacedPod({
      namespace: 'payments',
      labelSelector: 'app=orders-enricher',
    });
    expect(after.items).toEqual([]);
    await expect(
      objects.getNamespacedCustomObject({
        group: 'flink.apache.org',
        version: 'v1beta1',
        namespace: 'payments',
        plural: 'flinkdeployments',
        name: 'orders-enricher',
      }),
    ).rejects.toMatchObject({ code: 404 });
  });

  it('runs a FlinkDeployment server-side-applied with its pipeline’s other manifests', async () => {
    const objects = KubernetesObjectApi.makeApiClient(kubeConfig);
    const metadata = { name: 'refunds-router', namespace: 'payments' };
    const manifests = [
      {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: {
          ...metadata,
          annotations: {
            'eks.amazonaws.com/role-arn':
              'arn:aws:iam::123456789012:role/refunds-router',
          },
        },
      },
      {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata,
        spec: {
          maxUnavailable: 1,
          selector: { matchLabels: { app: 'refunds-router' } },
        },
      },
      {
        apiVersion: 'external-secrets.io/v1beta1',
        kind: 'ExternalSecret',
        metadata,
        spec: {
          refreshInterval: '1h',
          secretStoreRef: {
            name: 'aws-secrets-manager',
            kind: 'ClusterSecretStore',
          },
          target: { name: 'refunds-router', creationPolicy: 'Owner' },
          data: [
            {
              secretKey: 'sasl.password',
              remoteRef: {
                key: 'streaming/refunds-router',
                property: 'password',
              },
            },
          ],
        },
      },
      {
        apiVersion: 'flink.apache.org/v1beta1',
        kind: 'FlinkDeployment',
        metadata,
        spec: {
          image: 'flink:1.20',
          flinkVersion: 'v1_20',
          flinkConfiguration: {
            'taskmanager.numberOfTaskSlots': '2',
            'kafka.source.topic': 'refunds',
          },
          serviceAccount: 'refunds-router',
          jobManager: { resource: { cpu: 0.5, memory: '1536m' } },
          taskManager: { resource: { cpu: 1, memory: '3072m' } },
          job: {
            jarURI: 'local:///opt/flink/usrlib/job.jar',
            parallelism: 2,
            upgradeMode: 'last-state',
          },
        },
      },
    ];
    for (const manifest of manifests) {
      await objects.patch(
        manifest as KubernetesObject,
        undefined,
        undefined,
        'backstage-streaming-platform',
        true,
        PatchStrategy.ServerSideApply,
      );
    }
    emulator.advance(5 * MINUTE);
    const pods = await kubeConfig.makeApiClient(CoreV1Api).listNamespacedPod({
      namespace: 'payments',
      labelSelector: 'app=refunds-router',
    });
    expect(pods.items.map(p => p.metadata!.labels!.component).sort()).toEqual([
      'jobmanager',
      'taskmanager',
    ]);
    const deployment = (await objects.read(manifests[3] as any)) as any;
    expect(deployment.status.jobStatus.state).toBe('RUNNING');
    // The other kinds are stored as applied; no controller acts on them.
    const secret = (await objects.read(manifests[2] as any)) as any;
    expect(secret.spec.secretStoreRef.name).toBe('aws-secrets-manager');
    expect(secret.status).toBeUndefined();
    for (const manifest of manifests) {
      await objects.delete(manifest as KubernetesObject);
    }
  });
});
