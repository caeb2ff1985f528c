import { KubeConfig } from '@kubernetes/client-node';
import { Faults } from '../../faults';
import { ObjectStore, ObjectStoreOptions } from '../ObjectStore';
import {
  KubeApiServer,
  KubeApiServerOptions,
  startKubeApiServer,
} from '../server';
import { KubeObject } from '../types';

export const KEYS = {
  namespaces: 'v1/namespaces',
  nodes: 'v1/nodes',
  pods: 'v1/pods',
  events: 'v1/events',
  eventsV1: 'events.k8s.io/v1/events',
  configmaps: 'v1/configmaps',
  flinkdeployments: 'flink.apache.org/v1beta1/flinkdeployments',
  nodeclaims: 'karpenter.sh/v1/nodeclaims',
  serviceaccounts: 'v1/serviceaccounts',
  poddisruptionbudgets: 'policy/v1/poddisruptionbudgets',
  externalsecrets: 'external-secrets.io/v1beta1/externalsecrets',
} as const;

export const PIPELINE_NAMESPACE = 'team-payments';

export function namespace(name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

export function karpenterNode(
  name: string,
  capacityType: 'spot' | 'on-demand' = 'spot',
  zone = 'us-east-1a',
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'karpenter.sh/capacity-type': capacityType,
        'karpenter.sh/nodepool': 'flink',
        'karpenter.sh/registered': 'true',
        'karpenter.sh/initialized': 'true',
        'karpenter.k8s.aws/instance-family': 'm6i',
        'node.kubernetes.io/instance-type': 'm6i.xlarge',
        'topology.kubernetes.io/zone': zone,
        'topology.kubernetes.io/region': 'us-east-1',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/os': 'linux',
        'kubernetes.io/hostname': name,
      },
      finalizers: ['karpenter.sh/termination'],
    },
    spec: { providerID: `aws:///${zone}/i-0a1b2c3d4e5f60718` },
    status: {
      capacity: { cpu: '4', memory: '16078588Ki', pods: '58' },
      allocatable: { cpu: '3920m', memory: '15063804Ki', pods: '58' },
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
          lastHeartbeatTime: '2026-11-01T10:02:00Z',
          lastTransitionTime: '2026-11-01T10:01:10Z',
        },
      ],
      nodeInfo: { kubeletVersion: 'v1.33.5-eks-3025e55' },
    },
  };
}

export function flinkPod(
  pipeline: string,
  component: 'jobmanager' | 'taskmanager',
  index: number,
  options: { nodeName?: string; phase?: string } = {},
): KubeObject {
  const name =
    component === 'jobmanager'
      ? `${pipeline}-6d8f7b9c4-x${index}kq`
      : `${pipeline}-taskmanager-1-${index}`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: PIPELINE_NAMESPACE,
      labels: {
        app: pipeline,
        component,
        type: 'flink-native-kubernetes',
      },
    },
    spec: {
      ...(options.nodeName ? { nodeName: options.nodeName } : {}),
      schedulerName: 'default-scheduler',
      serviceAccountName: 'flink',
      restartPolicy: component === 'jobmanager' ? 'Always' : 'Never',
      containers: [
        {
          name:
            component === 'jobmanager'
              ? 'flink-main-container'
              : 'flink-main-container',
          image: 'flink:1.20',
          resources: {
            requests: { cpu: '1', memory: '2048Mi' },
            limits: { cpu: '1', memory: '2048Mi' },
          },
        },
      ],
    },
    status: {
      phase: options.phase ?? (options.nodeName ? 'Running' : 'Pending'),
    },
  };
}

export function nodeClaim(name: string, nodeName: string): KubeObject {
  return {
    apiVersion: 'karpenter.sh/v1',
    kind: 'NodeClaim',
    metadata: {
      name,
      labels: {
        'karpenter.sh/nodepool': 'flink',
        'karpenter.sh/capacity-type': 'spot',
        'node.kubernetes.io/instance-type': 'm6i.xlarge',
      },
      finalizers: ['karpenter.sh/termination'],
    },
    spec: {
      nodeClassRef: {
        group: 'karpenter.k8s.aws',
        kind: 'EC2NodeClass',
        name: 'default',
      },
      requirements: [
        {
          key: 'karpenter.sh/capacity-type',
          operator: 'In',
          values: ['spot', 'on-demand'],
        },
      ],
    },
    status: {
      nodeName,
      providerID: 'aws:///us-east-1a/i-0a1b2c3d4e5f60718',
      conditions: [
        {
          type: 'Launched',
          status: 'True',
          reason: 'Launched',
          message: '',
          lastTransitionTime: '2026-11-01T10:00:05Z',
        },
        {
          type: 'Registered',
          status: 'True',
          reason: 'Registered',
          message: '',
          lastTransitionTime: '2026-11-01T10:00:41Z',
        },
        {
          type: 'Initialized',
          status: 'True',
          reason: 'Initialized',
          message: '',
          lastTransitionTime: '2026-11-01T10:00:58Z',
        },
        {
          type: 'Ready',
          status: 'True',
          reason: 'Ready',
          message: '',
          lastTransitionTime: '2026-11-01T10:00:58Z',
        },
      ],
    },
  };
}

export function flinkDeployment(
  name: string,
  options: { parallelism?: number; taskManagerReplicas?: number } = {},
): KubeObject {
  return {
    apiVersion: 'flink.apache.org/v1beta1',
    kind: 'FlinkDeployment',
    metadata: { name, namespace: PIPELINE_NAMESPACE },
    spec: {
      image: 'flink:1.20',
      flinkVersion: 'v1_20',
      serviceAccount: 'flink',
      flinkConfiguration: {
        'taskmanager.numberOfTaskSlots': '2',
        'job.autoscaler.enabled': 'true',
      },
      jobManager: { resource: { cpu: 1, memory: '2048m' } },
      taskManager: {
        resource: { cpu: 1, memory: '2048m' },
        ...(options.taskManagerReplicas !== undefined
          ? { replicas: options.taskManagerReplicas }
          : {}),
      },
      job: {
        jarURI: 'local:///opt/flink/usrlib/pipeline.jar',
        parallelism: options.parallelism ?? 4,
        upgradeMode: 'last-state',
        state: 'running',
      },
    },
  };
}

/** The manifests the self-service template generates for a new pipeline, besides its FlinkDeployment. */
export function serviceAccount(pipeline: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: {
      name: pipeline,
      namespace: PIPELINE_NAMESPACE,
      labels: { app: pipeline },
      annotations: {
        'eks.amazonaws.com/role-arn': `arn:aws:iam::123456789012:role/flink-${pipeline}`,
      },
    },
  };
}

export function podDisruptionBudget(
  pipeline: string,
  spec: Record<string, unknown> = {
    maxUnavailable: 1,
    selector: { matchLabels: { app: pipeline, component: 'taskmanager' } },
  },
): KubeObject {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: pipeline, namespace: PIPELINE_NAMESPACE },
    spec,
  };
}

export function externalSecret(pipeline: string): KubeObject {
  return {
    apiVersion: 'external-secrets.io/v1beta1',
    kind: 'ExternalSecret',
    metadata: { name: `${pipeline}-kafka`, namespace: PIPELINE_NAMESPACE },
    spec: {
      refreshInterval: '1h',
      secretStoreRef: {
        name: 'aws-secrets-manager',
        kind: 'ClusterSecretStore',
      },
      target: { name: `${pipeline}-kafka`, creationPolicy: 'Owner' },
      data: [
        {
          secretKey: 'sasl.password',
          remoteRef: {
            key: `streaming/${pipeline}/kafka`,
            property: 'password',
          },
        },
      ],
    },
  };
}

export function coreEvent(
  name: string,
  involved: { kind: string; name: string; apiVersion: string; uid?: string },
  reason: string,
  message: string,
  component: string,
  options: { type?: string; count?: number; namespace?: string } = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: options.namespace ?? PIPELINE_NAMESPACE },
    involvedObject: {
      ...involved,
      namespace: options.namespace ?? PIPELINE_NAMESPACE,
    },
    reason,
    message,
    type: options.type ?? 'Normal',
    source: { component },
    firstTimestamp: '2026-11-01T10:00:00Z',
    lastTimestamp: '2026-11-01T10:05:00Z',
    count: options.count ?? 1,
    eventTime: null,
    reportingComponent: component,
    reportingInstance: '',
  };
}

/** A small cluster: two nodes, one pipeline with a JobManager and three TaskManagers, events. */
export function fillCluster(store: ObjectStore) {
  store.upsert(KEYS.namespaces, namespace('default'));
  store.upsert(KEYS.namespaces, namespace(PIPELINE_NAMESPACE));
  store.upsert(KEYS.nodes, karpenterNode('ip-10-0-1-23.ec2.internal', 'spot'));
  store.upsert(
    KEYS.nodes,
    karpenterNode('ip-10-0-2-45.ec2.internal', 'on-demand', 'us-east-1b'),
  );
  store.upsert(
    KEYS.nodeclaims,
    nodeClaim('flink-x7k2p', 'ip-10-0-1-23.ec2.internal'),
  );
  const deployment = store.upsert(
    KEYS.flinkdeployments,
    flinkDeployment('payments-enricher'),
  );
  store.upsert(
    KEYS.pods,
    flinkPod('payments-enricher', 'jobmanager', 1, {
      nodeName: 'ip-10-0-2-45.ec2.internal',
    }),
  );
  for (const index of [1, 2]) {
    store.upsert(
      KEYS.pods,
      flinkPod('payments-enricher', 'taskmanager', index, {
        nodeName: 'ip-10-0-1-23.ec2.internal',
      }),
    );
  }
  store.upsert(KEYS.pods, flinkPod('payments-enricher', 'taskmanager', 3));
  store.upsert(
    KEYS.events,
    coreEvent(
      'payments-enricher.1873a1b2c3d4e5f6',
      {
        kind: 'FlinkDeployment',
        name: 'payments-enricher',
        apiVersion: 'flink.apache.org/v1beta1',
        uid: deployment.metadata.uid,
      },
      'ScalingReport',
      'Scaling vertices: Vertex ID cbc357ccb763df2852fee8c4fc7d55f2 | Parallelism 2 -> 4',
      'Operator',
    ),
  );
  store.upsert(
    KEYS.events,
    coreEvent(
      'payments-enricher-taskmanager-1-3.1873a1b2c3d4e5f7',
      {
        kind: 'Pod',
        name: 'payments-enricher-taskmanager-1-3',
        apiVersion: 'v1',
      },
      'FailedScheduling',
      '0/2 nodes are available: 2 Insufficient cpu.',
      'default-scheduler',
      { type: 'Warning', count: 3 },
    ),
  );
}

export interface TestCluster {
  store: ObjectStore;
  faults: Faults;
  server: KubeApiServer;
  kubeConfig: KubeConfig;
}

export function kubeConfigFor(server: string, token?: string): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    // client-node refuses http:// unless TLS verification is skipped.
    clusters: [{ name: 'emulator', server, skipTLSVerify: true }],
    users: [{ name: 'emulator', ...(token ? { token } : {}) }],
    contexts: [{ name: 'emulator', cluster: 'emulator', user: 'emulator' }],
    currentContext: 'emulator',
  });
  return kubeConfig;
}

/** Starts a server on 127.0.0.1, port 0, over a store filled with `fillCluster`. */
export async function startTestCluster(
  options: Partial<KubeApiServerOptions> & {
    storeOptions?: ObjectStoreOptions;
  } = {},
): Promise<TestCluster> {
  const { storeOptions, ...serverOptions } = options;
  const store = options.store ?? new ObjectStore(storeOptions);
  if (!options.store) {
    fillCluster(store);
  }
  const faults = options.faults ?? new Faults();
  const server = await startKubeApiServer({
    ...serverOptions,
    store,
    faults,
    host: '127.0.0.1',
    port: 0,
  });
  return {
    store,
    faults,
    server,
    kubeConfig: kubeConfigFor(server.url, options.token),
  };
}

/** Resolves when `condition` holds, polling; fails after `timeoutMs`. */
export async function eventually(
  condition: () => boolean,
  timeoutMs = 5000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 10));
  }
}
