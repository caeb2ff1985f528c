import { KubeObject } from '../kube/types';
import { ClusterSpec, NodePoolSpec, PipelineSpec } from './scenario';
import { cpuQuantity, memoryQuantity, timestamp } from './quantities';
import { SimNode, SimPipeline, SimPod } from './state';

/*
 * Builders of the Kubernetes objects the emulated cluster serves, shaped as
 * the real controllers write them (Karpenter v1.14, Flink operator 1.15,
 * kubelet and kube-scheduler). Pure: state in, object out.
 */

export const KARPENTER_NAMESPACE = 'kube-system';
export const NODE_CLASS_NAME = 'default';
const KUBELET_VERSION = 'v1.33.5-eks-3025e55';

export function namespaceObject(
  name: string,
  labels: Record<string, string> = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      labels: { 'kubernetes.io/metadata.name': name, ...labels },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  lastTransitionTime: string;
  observedGeneration?: number;
}

const condition = (
  type: string,
  status: Condition['status'],
  reason: string,
  message: string,
  atMs: number,
): Condition => ({
  type,
  status,
  reason,
  message,
  lastTransitionTime: timestamp(atMs),
  observedGeneration: 1,
});

export function nodeClassObject(
  cluster: ClusterSpec,
  createdAtMs: number,
): KubeObject {
  const zones = ['a', 'b', 'c'].map(s => `${cluster.region}${s}`);
  return {
    apiVersion: 'karpenter.k8s.aws/v1',
    kind: 'EC2NodeClass',
    metadata: {
      name: NODE_CLASS_NAME,
      annotations: { 'karpenter.k8s.aws/ec2nodeclass-hash-version': 'v4' },
    },
    spec: {
      role: `KarpenterNodeRole-${cluster.name}`,
      amiSelectorTerms: [{ alias: 'al2023@latest' }],
      subnetSelectorTerms: [
        { tags: { 'karpenter.sh/discovery': cluster.name } },
      ],
      securityGroupSelectorTerms: [
        { tags: { 'karpenter.sh/discovery': cluster.name } },
      ],
      metadataOptions: {
        httpEndpoint: 'enabled',
        httpPutResponseHopLimit: 1,
        httpTokens: 'required',
        httpProtocolIPv6: 'disabled',
      },
    },
    status: {
      amis: [
        {
          id: 'ami-0a1b2c3d4e5f60718',
          name: 'amazon-eks-node-al2023-x86_64-standard-1.33-v20261101',
          requirements: [
            { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] },
          ],
        },
        {
          id: 'ami-0f1e2d3c4b5a69788',
          name: 'amazon-eks-node-al2023-arm64-standard-1.33-v20261101',
          requirements: [
            { key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] },
          ],
        },
      ],
      subnets: zones.map((zone, i) => ({
        id: `subnet-0${i}a1b2c3d4e5f6071`,
        zone,
        zoneID: `${cluster.region.slice(0, 2)}w1-az${i + 1}`,
      })),
      securityGroups: [
        { id: 'sg-0a1b2c3d4e5f60718', name: `eks-cluster-sg-${cluster.name}` },
      ],
      instanceProfile: `${cluster.name}_${Math.abs(hashCode(cluster.name))}`,
      conditions: [
        'AMIsReady',
        'SubnetsReady',
        'SecurityGroupsReady',
        'InstanceProfileReady',
        'ValidationSucceeded',
        'Ready',
      ].map(type => condition(type, 'True', type, '', createdAtMs)),
    },
  };
}

export function nodePoolObject(
  pool: NodePoolSpec,
  zones: readonly string[],
  usage: { cpuMillis: number; memoryMiB: number; nodes: number; pods: number },
  createdAtMs: number,
): KubeObject {
  return {
    apiVersion: 'karpenter.sh/v1',
    kind: 'NodePool',
    metadata: {
      name: pool.name,
      annotations: {
        'karpenter.sh/nodepool-hash': String(Math.abs(hashCode(pool.name))),
        'karpenter.sh/nodepool-hash-version': 'v3',
      },
    },
    spec: {
      template: {
        metadata: { labels: { 'streaming-platform.io/workload': 'flink' } },
        spec: {
          nodeClassRef: {
            group: 'karpenter.k8s.aws',
            kind: 'EC2NodeClass',
            name: NODE_CLASS_NAME,
          },
          requirements: [
            {
              key: 'karpenter.sh/capacity-type',
              operator: 'In',
              values: pool.capacityTypes,
            },
            {
              key: 'node.kubernetes.io/instance-type',
              operator: 'In',
              values: pool.instanceTypes,
            },
            {
              key: 'topology.kubernetes.io/zone',
              operator: 'In',
              values: [...zones],
            },
            { key: 'kubernetes.io/os', operator: 'In', values: ['linux'] },
          ],
          expireAfter: '720h',
        },
      },
      disruption: {
        consolidationPolicy: 'WhenEmptyOrUnderutilized',
        consolidateAfter: `${Math.round(pool.consolidateAfterMs / 1000)}s`,
        budgets: [{ nodes: '10%' }],
      },
      limits: { cpu: String(pool.cpuLimit) },
      weight: pool.capacityTypes.includes('spot') ? 50 : 10,
    },
    status: {
      resources: {
        cpu: cpuQuantity(usage.cpuMillis),
        memory: memoryQuantity(usage.memoryMiB),
        nodes: String(usage.nodes),
        pods: String(usage.pods),
      },
      nodes: usage.nodes,
      nodeClassObservedGeneration: 1,
      conditions: [
        'ValidationSucceeded',
        'NodeClassReady',
        'NodeRegistrationHealthy',
        'Ready',
      ].map(type => condition(type, 'True', type, '', createdAtMs)),
    },
  };
}

/** Labels every node carries, and those Karpenter adds for its NodeClaims. */
export function nodeLabels(
  node: SimNode,
  cluster: ClusterSpec,
  mode: ClusterSpec['provisioning'],
): Record<string, string> {
  const [family, size] = node.instanceType.split('.');
  const common: Record<string, string> = {
    'kubernetes.io/arch': node.architecture,
    'kubernetes.io/os': 'linux',
    'kubernetes.io/hostname': node.name,
    'node.kubernetes.io/instance-type': node.instanceType,
    'topology.kubernetes.io/region': cluster.region,
    'topology.kubernetes.io/zone': node.zone,
    'topology.k8s.aws/zone-id': zoneId(node.zone),
    'beta.kubernetes.io/arch': node.architecture,
    'beta.kubernetes.io/os': 'linux',
    'beta.kubernetes.io/instance-type': node.instanceType,
    'failure-domain.beta.kubernetes.io/region': cluster.region,
    'failure-domain.beta.kubernetes.io/zone': node.zone,
  };
  if (mode === 'node-groups') {
    return {
      ...common,
      'eks.amazonaws.com/nodegroup': node.pool,
      'eks.amazonaws.com/capacityType':
        node.capacityType === 'spot' ? 'SPOT' : 'ON_DEMAND',
      'eks.amazonaws.com/nodegroup-image': 'ami-0a1b2c3d4e5f60718',
    };
  }
  return {
    ...common,
    'karpenter.sh/nodepool': node.pool,
    'karpenter.sh/capacity-type': node.capacityType,
    'karpenter.k8s.aws/ec2nodeclass': NODE_CLASS_NAME,
    'karpenter.k8s.aws/instance-family': family,
    'karpenter.k8s.aws/instance-size': size,
    'karpenter.k8s.aws/instance-category': family[0],
    'karpenter.k8s.aws/instance-generation': family.replace(
      /^[a-z]+(\d+).*$/,
      '$1',
    ),
    'karpenter.k8s.aws/instance-cpu': String(node.capacityCpuMillis / 1000),
    'karpenter.k8s.aws/instance-memory': String(node.capacityMemoryMiB),
    'karpenter.k8s.aws/instance-hypervisor': 'nitro',
    'streaming-platform.io/workload': 'flink',
  };
}

export function nodeClaimObject(
  node: SimNode,
  cluster: ClusterSpec,
  pool: NodePoolSpec,
  poolUid: string,
  nowMs: number,
): KubeObject {
  const launched = node.launchedAtMs !== undefined;
  const registered = node.registeredAtMs !== undefined;
  const ready = node.readyAtMs !== undefined;
  const conditions = [
    launched
      ? condition('Launched', 'True', 'Launched', '', node.launchedAtMs!)
      : condition(
          'Launched',
          'Unknown',
          'AwaitingReconciliation',
          'object is awaiting reconciliation',
          node.createdAtMs,
        ),
    registered
      ? condition('Registered', 'True', 'Registered', '', node.registeredAtMs!)
      : condition(
          'Registered',
          'Unknown',
          'AwaitingReconciliation',
          'object is awaiting reconciliation',
          node.createdAtMs,
        ),
    ready
      ? condition('Initialized', 'True', 'Initialized', '', node.readyAtMs!)
      : condition(
          'Initialized',
          'Unknown',
          'AwaitingReconciliation',
          'object is awaiting reconciliation',
          node.createdAtMs,
        ),
    ready
      ? condition('Ready', 'True', 'Ready', '', node.readyAtMs!)
      : condition(
          'Ready',
          'Unknown',
          'AwaitingReconciliation',
          `Initialized=Unknown, Launched=${
            launched ? 'True' : 'Unknown'
          }, Registered=${registered ? 'True' : 'Unknown'}`,
          node.createdAtMs,
        ),
  ];
  if (node.disruptedAtMs !== undefined) {
    conditions.push(
      condition(
        'DisruptionReason',
        'True',
        node.disruptionReason ?? 'Underutilized',
        '',
        node.disruptedAtMs,
      ),
    );
  }
  const labels = nodeLabels(node, cluster, 'karpenter');
  delete labels['kubernetes.io/hostname'];
  return {
    apiVersion: 'karpenter.sh/v1',
    kind: 'NodeClaim',
    metadata: {
      name: node.nodeClaim!,
      labels: {
        ...labels,
        ...(registered ? { 'karpenter.sh/registered': 'true' } : {}),
        ...(ready ? { 'karpenter.sh/initialized': 'true' } : {}),
      },
      annotations: {
        'karpenter.k8s.aws/ec2nodeclass-hash': String(
          Math.abs(hashCode(NODE_CLASS_NAME)),
        ),
        'karpenter.k8s.aws/ec2nodeclass-hash-version': 'v4',
        'karpenter.sh/nodepool-hash': String(Math.abs(hashCode(pool.name))),
        'karpenter.sh/nodepool-hash-version': 'v3',
      },
      finalizers: ['karpenter.sh/termination'],
      ownerReferences: [
        {
          apiVersion: 'karpenter.sh/v1',
          kind: 'NodePool',
          name: pool.name,
          uid: poolUid,
          blockOwnerDeletion: true,
        },
      ],
      ...(node.disruptedAtMs !== undefined
        ? { deletionTimestamp: timestamp(node.disruptedAtMs) }
        : {}),
    },
    spec: {
      nodeClassRef: {
        group: 'karpenter.k8s.aws',
        kind: 'EC2NodeClass',
        name: NODE_CLASS_NAME,
      },
      requirements: [
        { key: 'karpenter.sh/nodepool', operator: 'In', values: [pool.name] },
        {
          key: 'karpenter.sh/capacity-type',
          operator: 'In',
          values: [node.capacityType],
        },
        {
          key: 'node.kubernetes.io/instance-type',
          operator: 'In',
          values: [node.instanceType],
        },
        {
          key: 'topology.kubernetes.io/zone',
          operator: 'In',
          values: [node.zone],
        },
      ],
      resources: {
        requests: {
          cpu: cpuQuantity(node.requestedCpuMillis || 100),
          memory: memoryQuantity(node.requestedMemoryMiB || 128),
          pods: String(Math.max(1, node.pods.size + node.nominated.size)),
        },
      },
      expireAfter: '720h',
    },
    status: {
      ...(launched
        ? {
            providerID: node.providerId,
            imageID:
              node.architecture === 'arm64'
                ? 'ami-0f1e2d3c4b5a69788'
                : 'ami-0a1b2c3d4e5f60718',
            capacity: {
              cpu: cpuQuantity(node.capacityCpuMillis),
              memory: memoryQuantity(node.capacityMemoryMiB),
              pods: '58',
              'ephemeral-storage': '20Gi',
            },
            allocatable: {
              cpu: cpuQuantity(node.allocatableCpuMillis),
              memory: memoryQuantity(node.allocatableMemoryMiB),
              pods: '58',
              'ephemeral-storage': '17Gi',
            },
          }
        : {}),
      ...(registered ? { nodeName: node.name } : {}),
      lastPodEventTime: timestamp(nowMs),
      conditions,
    },
  };
}

export function nodeObject(
  node: SimNode,
  cluster: ClusterSpec,
  nowMs: number,
): KubeObject {
  const ready = node.readyAtMs !== undefined;
  const taints: Array<Record<string, string>> = [];
  if (!ready)
    taints.push({ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' });
  if (node.state === 'draining') {
    taints.push(
      cluster.provisioning === 'karpenter'
        ? { key: 'karpenter.sh/disrupted', effect: 'NoSchedule' }
        : {
            key: 'ToBeDeletedByClusterAutoscaler',
            value: String(Math.floor(nowMs / 1000)),
            effect: 'NoSchedule',
          },
    );
  }
  const labels = nodeLabels(node, cluster, cluster.provisioning);
  if (cluster.provisioning === 'karpenter') {
    labels['karpenter.sh/registered'] = 'true';
    if (ready) labels['karpenter.sh/initialized'] = 'true';
  }
  const since = node.registeredAtMs ?? node.createdAtMs;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: node.name,
      labels,
      annotations: {
        'alpha.kubernetes.io/provided-node-ip': node.privateIp,
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
        ...(cluster.provisioning === 'karpenter'
          ? { 'karpenter.sh/nodepool-hash-version': 'v3' }
          : {}),
      },
      ...(node.nodeClaim
        ? {
            ownerReferences: [
              {
                apiVersion: 'karpenter.sh/v1',
                kind: 'NodeClaim',
                name: node.nodeClaim,
                uid: node.nodeClaimUid ?? '',
                blockOwnerDeletion: true,
              },
            ],
            finalizers: ['karpenter.sh/termination'],
          }
        : {}),
    },
    spec: {
      providerID: node.providerId,
      ...(taints.length ? { taints } : {}),
      ...(node.state === 'draining' ? { unschedulable: true } : {}),
    },
    status: {
      capacity: {
        cpu: cpuQuantity(node.capacityCpuMillis),
        memory: memoryQuantity(node.capacityMemoryMiB),
        pods: '58',
        'ephemeral-storage': '20959212Ki',
      },
      allocatable: {
        cpu: cpuQuantity(node.allocatableCpuMillis),
        memory: memoryQuantity(node.allocatableMemoryMiB),
        pods: '58',
        'ephemeral-storage': '18242267924',
      },
      conditions: [
        {
          type: 'MemoryPressure',
          status: 'False',
          reason: 'KubeletHasSufficientMemory',
          message: 'kubelet has sufficient memory available',
          lastHeartbeatTime: timestamp(nowMs),
          lastTransitionTime: timestamp(since),
        },
        {
          type: 'DiskPressure',
          status: 'False',
          reason: 'KubeletHasNoDiskPressure',
          message: 'kubelet has no disk pressure',
          lastHeartbeatTime: timestamp(nowMs),
          lastTransitionTime: timestamp(since),
        },
        {
          type: 'PIDPressure',
          status: 'False',
          reason: 'KubeletHasSufficientPID',
          message: 'kubelet has sufficient PID available',
          lastHeartbeatTime: timestamp(nowMs),
          lastTransitionTime: timestamp(since),
        },
        ready
          ? {
              type: 'Ready',
              status: 'True',
              reason: 'KubeletReady',
              message: 'kubelet is posting ready status',
              lastHeartbeatTime: timestamp(nowMs),
              lastTransitionTime: timestamp(node.readyAtMs!),
            }
          : {
              type: 'Ready',
              status: 'False',
              reason: 'KubeletNotReady',
              message:
                'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
              lastHeartbeatTime: timestamp(nowMs),
              lastTransitionTime: timestamp(since),
            },
      ],
      addresses: [
        { type: 'InternalIP', address: node.privateIp },
        { type: 'InternalDNS', address: node.name },
        { type: 'Hostname', address: node.name },
      ],
      nodeInfo: {
        architecture: node.architecture,
        bootID: node.uid,
        containerRuntimeVersion: 'containerd://2.1.4',
        kernelVersion: '6.12.46-66.121.amzn2023.x86_64',
        kubeProxyVersion: KUBELET_VERSION,
        kubeletVersion: KUBELET_VERSION,
        machineID: node.uid.replace(/-/g, ''),
        operatingSystem: 'linux',
        osImage: 'Amazon Linux 2023.9.20261101',
        systemUUID: node.uid,
      },
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    },
  };
}

/** The labels Flink's native Kubernetes mode puts on its pods. */
export function flinkPodLabels(
  pipeline: SimPipeline,
  role: 'jobmanager' | 'taskmanager',
): Record<string, string> {
  return {
    app: pipeline.spec.name,
    component: role,
    type: 'flink-native-kubernetes',
    'app.kubernetes.io/part-of': 'streaming-platform',
    'streaming-platform.io/team': pipeline.spec.team,
  };
}

export function podObject(pod: SimPod, nowMs: number): KubeObject {
  const p = pod.pipeline;
  const labels = flinkPodLabels(p, pod.role);
  if (pod.role === 'jobmanager')
    labels['pod-template-hash'] = podTemplateHash(p);
  const resources = {
    requests: {
      cpu: cpuQuantity(pod.cpuMillis),
      memory: memoryQuantity(pod.memoryMiB),
    },
    limits: {
      cpu: cpuQuantity(pod.cpuMillis),
      memory: memoryQuantity(pod.memoryMiB),
    },
  };
  const scheduled = pod.scheduledAtMs !== undefined;
  const started = pod.startedAtMs !== undefined;
  const ready = pod.readyAtMs !== undefined;
  const conditions: Array<Record<string, unknown>> = [];
  if (scheduled) {
    conditions.push(
      {
        type: 'PodReadyToStartContainers',
        status: started ? 'True' : 'False',
        lastProbeTime: null,
        lastTransitionTime: timestamp(pod.startedAtMs ?? pod.scheduledAtMs!),
      },
      {
        type: 'Initialized',
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime: timestamp(pod.scheduledAtMs!),
      },
      ready
        ? {
            type: 'Ready',
            status: 'True',
            lastProbeTime: null,
            lastTransitionTime: timestamp(pod.readyAtMs!),
          }
        : {
            type: 'Ready',
            status: 'False',
            lastProbeTime: null,
            lastTransitionTime: timestamp(pod.scheduledAtMs!),
            reason: 'ContainersNotReady',
            message: 'containers with unready status: [flink-main-container]',
          },
      ready
        ? {
            type: 'ContainersReady',
            status: 'True',
            lastProbeTime: null,
            lastTransitionTime: timestamp(pod.readyAtMs!),
          }
        : {
            type: 'ContainersReady',
            status: 'False',
            lastProbeTime: null,
            lastTransitionTime: timestamp(pod.scheduledAtMs!),
            reason: 'ContainersNotReady',
            message: 'containers with unready status: [flink-main-container]',
          },
      {
        type: 'PodScheduled',
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime: timestamp(pod.scheduledAtMs!),
      },
    );
  } else if (pod.unschedulableSinceMs !== undefined) {
    conditions.push({
      type: 'PodScheduled',
      status: 'False',
      lastProbeTime: null,
      lastTransitionTime: timestamp(pod.unschedulableSinceMs),
      reason: 'Unschedulable',
      message: pod.unschedulableMessage ?? '0/0 nodes are available.',
    });
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: pod.name,
      namespace: pod.namespace,
      labels,
      annotations:
        pod.role === 'jobmanager'
          ? {
              'karpenter.sh/do-not-disrupt': 'true',
              'flinkdeployment.flink.apache.org/generation': '1',
            }
          : { 'flinkdeployment.flink.apache.org/generation': '1' },
      ownerReferences:
        pod.role === 'jobmanager'
          ? [
              {
                apiVersion: 'apps/v1',
                kind: 'ReplicaSet',
                name: `${p.spec.name}-${podTemplateHash(p)}`,
                uid: derivedUid(p.uid, 'replicaset'),
                controller: true,
                blockOwnerDeletion: true,
              },
            ]
          : // Flink's resource manager creates TaskManager pods itself and
            // makes the JobManager Deployment their owner, for garbage
            // collection; no controller keeps their count.
            [
              {
                apiVersion: 'apps/v1',
                kind: 'Deployment',
                name: p.spec.name,
                uid: derivedUid(p.uid, 'deployment'),
                controller: true,
                blockOwnerDeletion: true,
              },
            ],
      ...(pod.deleting
        ? {
            deletionTimestamp: timestamp(nowMs),
            deletionGracePeriodSeconds: 30,
          }
        : {}),
    },
    spec: {
      serviceAccountName: 'flink',
      restartPolicy: pod.role === 'jobmanager' ? 'Always' : 'Never',
      terminationGracePeriodSeconds: 30,
      nodeSelector: { [pod.poolLabelKey]: pod.pool },
      ...(pod.role === 'taskmanager' && p.spec.capacityProfile === 'spot-first'
        ? {
            affinity: {
              nodeAffinity: {
                preferredDuringSchedulingIgnoredDuringExecution: [
                  {
                    weight: 100,
                    preference: {
                      matchExpressions: [
                        {
                          key: 'karpenter.sh/capacity-type',
                          operator: 'In',
                          values: ['spot'],
                        },
                      ],
                    },
                  },
                ],
              },
            },
          }
        : {}),
      containers: [
        {
          name: 'flink-main-container',
          image: p.spec.image,
          args: pod.role === 'jobmanager' ? ['jobmanager'] : ['taskmanager'],
          ports:
            pod.role === 'jobmanager'
              ? [
                  { containerPort: 6123, name: 'rpc', protocol: 'TCP' },
                  { containerPort: 6124, name: 'blobserver', protocol: 'TCP' },
                  { containerPort: 8081, name: 'rest', protocol: 'TCP' },
                ]
              : [{ containerPort: 6122, name: 'rpc', protocol: 'TCP' }],
          resources,
        },
      ],
      ...(pod.nodeName ? { nodeName: pod.nodeName } : {}),
      schedulerName: 'default-scheduler',
      priority: 0,
      tolerations: [
        {
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
        {
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
      ],
    },
    status: {
      phase: started ? 'Running' : 'Pending',
      conditions,
      qosClass: 'Guaranteed',
      ...(scheduled
        ? {
            hostIP: pod.hostIp,
            startTime: timestamp(pod.scheduledAtMs!),
          }
        : {}),
      ...(started
        ? {
            podIP: pod.podIp,
          }
        : {}),
      ...(scheduled
        ? {
            containerStatuses: [
              {
                name: 'flink-main-container',
                image: p.spec.image,
                imageID: '',
                ready,
                restartCount: 0,
                started,
                state: started
                  ? { running: { startedAt: timestamp(pod.startedAtMs!) } }
                  : { waiting: { reason: 'ContainerCreating' } },
              },
            ],
          }
        : {}),
    },
  };
}

export function flinkConfiguration(spec: PipelineSpec): Record<string, string> {
  const a = spec.autoscaler;
  const duration = (ms: number) =>
    ms % 60000 === 0 ? `${ms / 60000}m` : `${Math.round(ms / 1000)}s`;
  return {
    'taskmanager.numberOfTaskSlots': String(spec.taskSlots),
    'jobmanager.scheduler': 'adaptive',
    'execution.checkpointing.interval': duration(spec.checkpointIntervalMs),
    'state.checkpoints.dir': `s3://streaming-platform-checkpoints/${spec.namespace}/${spec.name}/checkpoints`,
    'state.savepoints.dir': `s3://streaming-platform-checkpoints/${spec.namespace}/${spec.name}/savepoints`,
    'job.autoscaler.enabled': String(a.enabled),
    'job.autoscaler.utilization.target': String(a.utilizationTarget),
    'job.autoscaler.utilization.min': String(a.utilizationMin),
    'job.autoscaler.utilization.max': String(a.utilizationMax),
    'job.autoscaler.stabilization.interval': duration(a.stabilizationMs),
    'job.autoscaler.metrics.window': duration(a.metricsWindowMs),
    'job.autoscaler.scale-down.interval': duration(a.scaleDownIntervalMs),
    'job.autoscaler.catch-up.duration': duration(a.catchUpMs),
    'job.autoscaler.vertex.min-parallelism': String(a.minParallelism),
    'job.autoscaler.vertex.max-parallelism': String(a.maxParallelism),
    'kafka.source.topic': spec.topic,
    'kafka.source.group-id': spec.consumerGroup,
  };
}

export function flinkDeploymentObject(
  p: SimPipeline,
  nowMs: number,
): KubeObject {
  const s = p.spec;
  const tmReady = [...p.taskManagers].length;
  const state = p.deleted ? 'CANCELED' : p.jobState;
  return {
    apiVersion: 'flink.apache.org/v1beta1',
    kind: 'FlinkDeployment',
    metadata: {
      name: s.name,
      namespace: s.namespace,
      labels: {
        'streaming-platform.io/team': s.team,
        'backstage.io/kubernetes-id': s.name,
      },
      annotations: {
        'streaming-platform.io/source-topic': s.topic,
        'streaming-platform.io/consumer-group': s.consumerGroup,
        'streaming-platform.io/source-partitions': String(s.partitions),
        ...(s.lagTargetSeconds !== undefined
          ? {
              'streaming-platform.io/lag-target-seconds': String(
                s.lagTargetSeconds,
              ),
            }
          : {}),
      },
      finalizers: ['flinkdeployments.flink.apache.org/finalizer'],
    },
    spec: {
      image: s.image,
      flinkVersion: s.flinkVersion,
      serviceAccount: 'flink',
      mode: 'native',
      flinkConfiguration: flinkConfiguration(s),
      jobManager: {
        replicas: 1,
        resource: {
          cpu: s.jobManager.cpuMillis / 1000,
          memory: `${s.jobManager.memoryMiB}m`,
        },
      },
      taskManager: {
        resource: {
          cpu: s.taskManager.cpuMillis / 1000,
          memory: `${s.taskManager.memoryMiB}m`,
        },
      },
      job: {
        jarURI: `s3://streaming-platform-artifacts/${s.namespace}/${s.name}.jar`,
        parallelism: s.initialParallelism,
        upgradeMode: 'last-state',
        state: p.suspended ? 'suspended' : 'running',
      },
    },
    status: {
      jobStatus: {
        jobName: s.name,
        jobId: p.jobId,
        state,
        startTime: String(p.jobStartMs),
        updateTime: String(nowMs),
        checkpointInfo: { lastPeriodicCheckpointTimestamp: p.lastCheckpointMs },
      },
      lifecycleState: lifecycleState(p),
      jobManagerDeploymentStatus: jobManagerDeploymentStatus(p),
      taskManager: {
        labelSelector: `component=taskmanager,app=${s.name}`,
        replicas: tmReady,
      },
      clusterInfo: {
        'flink-version': `${s.flinkVersion
          .replace('v', '')
          .replace('_', '.')}.1`,
        'total-cpu': String(
          (s.jobManager.cpuMillis + tmReady * s.taskManager.cpuMillis) / 1000,
        ),
        'total-memory': String(
          (s.jobManager.memoryMiB + tmReady * s.taskManager.memoryMiB) *
            1024 *
            1024,
        ),
        'state-size': '0',
      },
      reconciliationStatus: {
        state: 'DEPLOYED',
        reconciliationTimestamp: p.jobStartMs,
      },
      observedGeneration: 1,
    },
  };
}

function lifecycleState(p: SimPipeline): string {
  if (p.suspended) return 'SUSPENDED';
  return p.jobState === 'RUNNING' ? 'STABLE' : 'DEPLOYED';
}

function jobManagerDeploymentStatus(p: SimPipeline): string {
  if (p.suspended) return 'MISSING';
  return p.jobManager ? 'READY' : 'DEPLOYING';
}

/** The autoscaler's state ConfigMap (`autoscaler-<name>`), simplified to plain text. */
export function autoscalerConfigMap(p: SimPipeline): KubeObject {
  const overrides = p.vertexIds
    .map(v => `${v}:${p.targetParallelism}`)
    .join(',');
  const history = p.history
    .slice(-3)
    .map(h => `${new Date(h.atMs).toISOString()}: ${h.from} -> ${h.to}`)
    .join('\n');
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: `autoscaler-${p.spec.name}`,
      namespace: p.spec.namespace,
      labels: {
        'app.kubernetes.io/managed-by': 'flink-kubernetes-operator',
        app: p.spec.name,
        component: 'autoscaler',
      },
      ownerReferences: [
        {
          apiVersion: 'flink.apache.org/v1beta1',
          kind: 'FlinkDeployment',
          name: p.spec.name,
          uid: p.uid,
          controller: false,
          blockOwnerDeletion: false,
        },
      ],
    },
    data: { parallelismOverrides: overrides, scalingHistory: history },
  };
}

export function zoneId(zone: string): string {
  const region = zone.slice(0, -1);
  const letter = zone.slice(-1);
  const prefix =
    region
      .split('-')
      .map(part => part[0])
      .join('')
      .slice(0, 2) + region.slice(-1);
  return `${prefix}-az${letter.charCodeAt(0) - 96}`;
}

export function podTemplateHash(p: SimPipeline): string {
  return `${Math.abs(hashCode(`${p.uid}/template`)).toString(
    36,
  )}bcdfghjk`.slice(0, 10);
}

export function derivedUid(uid: string, label: string): string {
  const h = (n: number) =>
    Math.abs(hashCode(`${uid}/${label}/${n}`))
      .toString(16)
      .padStart(8, '0')
      .slice(0, 8);
  return `${h(1)}-${h(2).slice(0, 4)}-4${h(3).slice(0, 3)}-8${h(4).slice(
    0,
    3,
  )}-${h(5)}${h(6).slice(0, 4)}`;
}

export function hashCode(value: string): number {
  let h = 0;
  for (let i = 0; i < value.length; i++)
    h = (Math.imul(31, h) + value.charCodeAt(i)) | 0;
  return h;
}
