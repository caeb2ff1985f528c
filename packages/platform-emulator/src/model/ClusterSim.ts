import { MetricSeriesKey, MetricSink, PriceSource } from '../aws/types';
import { Faults } from '../faults';
import { KubeObject, KubeStore } from '../kube/types';
import { Random, hashUniform } from '../random';
import {
  decideScaling,
  scalingLimitedMessage,
  scalingReportMessage,
} from './autoscaler';
import { EventInput, EventRecorder, InvolvedObject } from './EventRecorder';
import { EventQueue } from './EventQueue';
import {
  ec2InstanceId,
  flinkId,
  nameSuffix,
  privateDnsName,
  uuid,
} from './ids';
import {
  autoscalerConfigMap,
  flinkDeploymentObject,
  namespaceObject,
  nodeClaimObject,
  nodeClassObject,
  nodeObject,
  nodePoolObject,
  podObject,
  podTemplateHash,
} from './objects';
import { Offering, PodRequest, allocatable, packPods } from './provisioning';
import {
  ClusterSpec,
  NodePoolSpec,
  PipelineSpec,
  ScenarioSpec,
} from './scenario';
import { CapacityType, JobState, SimNode, SimPipeline, SimPod } from './state';
import { recordsProduced } from './traffic';
import { pipelineSpecFromFlinkDeployment } from './fromFlinkDeployment';

/** Store keys of the resources the simulation writes. */
export const KEYS = {
  namespaces: 'v1/namespaces',
  nodes: 'v1/nodes',
  pods: 'v1/pods',
  configmaps: 'v1/configmaps',
  events: 'v1/events',
  flinkdeployments: 'flink.apache.org/v1beta1/flinkdeployments',
  nodeclaims: 'karpenter.sh/v1/nodeclaims',
  nodepools: 'karpenter.sh/v1/nodepools',
  ec2nodeclasses: 'karpenter.k8s.aws/v1/ec2nodeclasses',
} as const;

const MINUTE = 60_000;
/** Karpenter remembers an insufficient-capacity offering this long. */
const ICE_CACHE_MS = 3 * MINUTE;
/** Karpenter batches pending pods: 1 s idle, 10 s at most. */
const BATCH_IDLE_MS = 1_000;
const BATCH_MAX_MS = 10_000;
/** AWS reclaims an interrupted spot instance two minutes after the notice. */
const INTERRUPTION_NOTICE_MS = 2 * MINUTE;
/** Time to drain and terminate a node Karpenter or the autoscaler removes. */
const TERMINATION_MS = 45_000;
/** Flink releases an idle TaskManager after resourcemanager.taskmanager-timeout. */
const TASKMANAGER_IDLE_TIMEOUT_MS = 30_000;
/** How long per-minute samples are kept for the autoscaler's window. */
const SAMPLE_RETENTION = 60;
/** Client-go dedupes events for 10 minutes; Karpenter for 2. */
const KUBE_DEDUPE_MS = 10 * MINUTE;
const KARPENTER_DEDUPE_MS = 2 * MINUTE;
const AUTOSCALER_EVENT_INTERVAL_MS = 30 * MINUTE;
/** Spot capacity shortages: one zone in a 30-minute slot, with this chance. */
const SHORTAGE_SLOT_MS = 30 * MINUTE;
const SHORTAGE_CHANCE = 0.04;
const INTERRUPTION_STORM_FACTOR = 30;

/** Everything a cluster simulation reads and writes. */
export interface ClusterSimDeps {
  scenario: ScenarioSpec;
  spec: ClusterSpec;
  store: KubeStore;
  metrics: MetricSink;
  prices: PriceSource;
  faults: Faults;
  queue: EventQueue;
  random: Random;
  /** The simulation's current time while an action runs. */
  now: () => number;
}

/** One TaskManager start-up; `waitedForCapacity` when no node had room at first. */
export interface TaskManagerStartup {
  ms: number;
  waitedForCapacity: boolean;
}

/** Counts of what the cluster holds now. */
export interface ClusterStats {
  nodes: number;
  spotNodes: number;
  pods: number;
  pendingPods: number;
  pipelines: number;
  runningPipelines: number;
}

/**
 * One emulated EKS cluster: Flink pipelines and their pods, the nodes under
 * them (provisioned by Karpenter or by node groups with a Cluster-Autoscaler
 * like policy), spot prices and interruptions, and MSK consumer lag. State
 * lives here; every change is written to the cluster's object store as the
 * real controllers would write it, and lag datapoints to CloudWatch.
 */
export class ClusterSim {
  readonly spec: ClusterSpec;
  readonly #d: ClusterSimDeps;
  readonly #events: EventRecorder;
  readonly #zones: readonly string[];
  readonly #nodes = new Map<string, SimNode>();
  /** Ready nodes by pool: what the scheduler may bind to. */
  readonly #readyNodes = new Map<string, Set<SimNode>>();
  readonly #pods = new Map<string, SimPod>();
  readonly #pipelines = new Map<string, SimPipeline>();
  readonly #pending = new Set<string>();
  /**
   * What the next scheduling pass must look at: pods not tried yet, and
   * pools where capacity appeared (a node became ready, a pod left). A pod
   * that found no room waits until its pool changes.
   */
  readonly #untried = new Set<string>();
  readonly #nodesWithNewRoom = new Set<SimNode>();
  /** Pending pods by pool, in creation order. */
  readonly #pendingByPool = new Map<string, Set<string>>();
  readonly #iceCache = new Map<string, number>();
  readonly #poolUids = new Map<string, string>();
  /** CloudWatch series keys of each pipeline, built once. */
  readonly #lagKeys = new WeakMap<
    SimPipeline,
    {
      sum: MetricSeriesKey;
      max: MetricSeriesKey;
      time: MetricSeriesKey;
      skew: number;
    }
  >();
  readonly #poolUsageWritten = new Map<string, string>();
  #schedulePassQueued = false;
  #provisionAtMs?: number;
  #provisionFirstPendingMs?: number;
  #lastTickMs = 0;
  #startedAtMs = 0;
  #consolidationRounds = 0;
  /** Recent TaskManager start-ups (created → ready), for comparisons. */
  readonly #taskManagerStartups: TaskManagerStartup[] = [];

  constructor(deps: ClusterSimDeps) {
    this.#d = deps;
    this.spec = deps.spec;
    this.#events = new EventRecorder(deps.store);
    this.#zones = deps.prices.zones;
  }

  get #now() {
    return this.#d.now();
  }

  get #behaviour() {
    return this.#d.scenario.behaviour;
  }

  // ---------------------------------------------------------------- set-up

  /** Creates the cluster's static objects and its pipelines at `atMs`. */
  start(atMs: number): void {
    const { store, spec } = this.#d;
    this.#startedAtMs = atMs;
    for (const ns of ['default', 'kube-system', 'flink-operator']) {
      store.upsert(KEYS.namespaces, namespaceObject(ns));
    }
    const teams = new Set(spec.pipelines.map(p => p.namespace));
    for (const ns of teams) {
      store.upsert(
        KEYS.namespaces,
        namespaceObject(ns, { 'streaming-platform.io/pipelines': 'true' }),
      );
    }
    if (spec.provisioning === 'karpenter') {
      store.upsert(KEYS.ec2nodeclasses, nodeClassObject(spec, atMs));
      for (const pool of spec.nodePools) {
        const stored = store.upsert(
          KEYS.nodepools,
          nodePoolObject(
            pool,
            this.#zones,
            { cpuMillis: 0, memoryMiB: 0, nodes: 0, pods: 0 },
            atMs,
          ),
        );
        this.#poolUids.set(pool.name, stored.metadata.uid ?? '');
      }
    } else {
      for (const group of spec.nodeGroups) {
        for (let i = 0; i < group.minSize; i++) {
          this.#launchGroupNode(group.name, atMs, true);
        }
      }
    }
    for (const pipeline of spec.pipelines) this.deployPipeline(pipeline);
    this.#lastTickMs = Math.floor(atMs / MINUTE) * MINUTE;
    this.#d.queue.schedule(this.#lastTickMs + MINUTE, () => this.#minuteTick());
    if (spec.provisioning === 'karpenter') {
      this.#d.queue.schedule(atMs + 15_000, () => this.#consolidationPass());
    } else {
      this.#d.queue.schedule(atMs + this.#behaviour.nodeGroupScanMs, () =>
        this.#clusterAutoscalerScan(),
      );
    }
  }

  stats(): ClusterStats {
    let spotNodes = 0;
    for (const n of this.#nodes.values())
      if (n.capacityType === 'spot') spotNodes++;
    let running = 0;
    for (const p of this.#pipelines.values())
      if (p.jobState === 'RUNNING') running++;
    return {
      nodes: this.#nodes.size,
      spotNodes,
      pods: this.#pods.size,
      pendingPods: this.#pending.size,
      pipelines: this.#pipelines.size,
      runningPipelines: running,
    };
  }

  /** How long recent TaskManagers took from creation to ready. */
  taskManagerStartups(): TaskManagerStartup[] {
    return [...this.#taskManagerStartups];
  }

  pipeline(ref: string): SimPipeline | undefined {
    return this.#pipelines.get(ref);
  }

  // ------------------------------------------------------------- pipelines

  /**
   * Starts a pipeline: its FlinkDeployment, the autoscaler's ConfigMap and
   * the JobManager pod; TaskManagers follow once the JobManager is up. When
   * the FlinkDeployment came from a client, pass its uid.
   */
  deployPipeline(
    spec: PipelineSpec,
    existingUid?: string,
    managedByClient = false,
  ): SimPipeline {
    const now = this.#now;
    const random = this.#d.random.fork(
      `pipeline/${spec.namespace}/${spec.name}/${now}`,
    );
    const ref = `${this.spec.name}/${spec.namespace}/${spec.name}`;
    const pipeline: SimPipeline = {
      spec,
      ref,
      uid: existingUid ?? '',
      jobId: flinkId(random),
      vertexIds: [flinkId(random), flinkId(random)],
      parallelism: spec.initialParallelism,
      targetParallelism: spec.initialParallelism,
      jobState: 'CREATED',
      jobStartMs: now,
      runningSinceMs: now,
      produced: 0,
      consumed: 0,
      committed: 0,
      lastCheckpointMs: now,
      samples: [],
      taskManagers: new Set(),
      readyTaskManagers: new Set(),
      taskManagerSeq: 0,
      suspended: false,
      deleted: false,
      managedByClient,
      history: [],
    };
    this.#pipelines.set(ref, pipeline);
    this.#writePipeline(pipeline);
    this.#d.store.upsert(KEYS.configmaps, autoscalerConfigMap(pipeline));
    this.#createPod(pipeline, 'jobmanager');
    return pipeline;
  }

  /** Stops a pipeline and removes its pods and objects (FlinkDeployment deleted). */
  removePipeline(ref: string): void {
    const p = this.#pipelines.get(ref);
    if (!p) return;
    p.deleted = true;
    for (const key of [
      ...p.taskManagers,
      ...(p.jobManager ? [p.jobManager] : []),
    ]) {
      this.#deletePod(key);
    }
    this.#pipelines.delete(ref);
    this.#d.store.remove(
      KEYS.configmaps,
      p.spec.namespace,
      `autoscaler-${p.spec.name}`,
    );
  }

  /** Applies a new desired parallelism from a client's spec change. */
  setParallelism(ref: string, parallelism: number): void {
    const p = this.#pipelines.get(ref);
    if (!p || parallelism === p.targetParallelism) return;
    this.#rescale(p, parallelism);
  }

  #writePipeline(p: SimPipeline) {
    const ours = flinkDeploymentObject(p, this.#now);
    if (!p.managedByClient) {
      const stored = this.#d.store.upsert(KEYS.flinkdeployments, ours);
      if (!p.uid) p.uid = stored.metadata.uid ?? '';
      return;
    }
    // The operator writes status, and its finalizer, on the client's object.
    const current = this.#d.store.get(
      KEYS.flinkdeployments,
      p.spec.namespace,
      p.spec.name,
    );
    if (!current || current.metadata.deletionTimestamp) return;
    const finalizers = new Set([
      ...(current.metadata.finalizers ?? []),
      ...(ours.metadata.finalizers ?? []),
    ]);
    this.#d.store.upsert(KEYS.flinkdeployments, {
      ...current,
      metadata: { ...current.metadata, finalizers: [...finalizers] },
      status: ours.status,
    });
  }

  /**
   * Acts on a FlinkDeployment a client created, changed or deleted through
   * the API, as the Flink operator would: deploys it, follows changes of
   * parallelism and of `job.state`, and on deletion stops the job and lets
   * the object go (removing its finalizer).
   */
  onClientWrite(
    type: 'ADDED' | 'MODIFIED' | 'DELETED',
    object: KubeObject,
  ): void {
    const namespace = object.metadata.namespace ?? 'default';
    const ref = `${this.spec.name}/${namespace}/${object.metadata.name}`;
    const existing = this.#pipelines.get(ref);
    if (type === 'DELETED' || object.metadata.deletionTimestamp) {
      this.removePipeline(ref);
      this.#d.store.remove(
        KEYS.flinkdeployments,
        namespace,
        object.metadata.name,
      );
      return;
    }
    const job = (
      object.spec as
        | { job?: { parallelism?: number; state?: string } }
        | undefined
    )?.job;
    if (!existing) {
      if (!this.#d.store.get(KEYS.namespaces, undefined, namespace)) {
        this.#d.store.upsert(KEYS.namespaces, namespaceObject(namespace));
      }
      const spec = pipelineSpecFromFlinkDeployment(
        object,
        this.#d.scenario.seed,
      );
      const p = this.deployPipeline(spec, object.metadata.uid, true);
      if (job?.state === 'suspended') this.#suspend(p);
      return;
    }
    if (job?.state === 'suspended' && !existing.suspended) {
      this.#suspend(existing);
    } else if (job?.state !== 'suspended' && existing.suspended) {
      existing.suspended = false;
      this.#createPod(existing, 'jobmanager');
      this.#writePipeline(existing);
    }
    const parallelism = job?.parallelism;
    if (parallelism && parallelism !== existing.spec.initialParallelism) {
      existing.spec = { ...existing.spec, initialParallelism: parallelism };
      if (!existing.suspended) {
        this.setParallelism(
          ref,
          Math.min(parallelism, existing.spec.partitions),
        );
      }
    }
  }

  #suspend(p: SimPipeline) {
    p.suspended = true;
    for (const key of [
      ...p.taskManagers,
      ...(p.jobManager ? [p.jobManager] : []),
    ]) {
      this.#deletePod(key);
    }
    this.#setJobState(p, 'SUSPENDED');
  }

  #flinkInvolved(p: SimPipeline): InvolvedObject {
    return {
      apiVersion: 'flink.apache.org/v1beta1',
      kind: 'FlinkDeployment',
      name: p.spec.name,
      namespace: p.spec.namespace,
      uid: p.uid,
    };
  }

  #setJobState(p: SimPipeline, state: JobState) {
    if (p.jobState === state) return;
    const from = p.jobState;
    p.jobState = state;
    this.#event({
      involved: this.#flinkInvolved(p),
      reason: 'JobStatusChanged',
      message: `Job status changed from ${from} to ${state}`,
      type: state === 'FAILED' ? 'Warning' : 'Normal',
      component: 'Job',
      dedupeWindowMs: 0,
    });
    this.#writePipeline(p);
  }

  #requiredTaskManagers(p: SimPipeline) {
    return Math.ceil(p.targetParallelism / p.spec.taskSlots);
  }

  #readyTaskManagers(p: SimPipeline) {
    return p.readyTaskManagers.size;
  }

  #ensureTaskManagers(p: SimPipeline) {
    if (p.deleted || p.suspended || !p.jobManager) return;
    const live = [...p.taskManagers].filter(
      k => !this.#pods.get(k)?.deleting,
    ).length;
    for (let i = live; i < this.#requiredTaskManagers(p); i++) {
      this.#createPod(p, 'taskmanager');
    }
  }

  /**
   * With the adaptive scheduler the job keeps running at its old parallelism
   * until the new TaskManagers are ready, then restarts once (from its last
   * checkpoint) at the new one. A job without enough TaskManagers restarts
   * as soon as they are there.
   */
  #maybeRestartJob(p: SimPipeline) {
    if (p.deleted || p.suspended || p.restartEndsAtMs !== undefined) return;
    const jm = p.jobManager ? this.#pods.get(p.jobManager) : undefined;
    if (!jm || jm.readyAtMs === undefined) return;
    if (this.#readyTaskManagers(p) < this.#requiredTaskManagers(p)) return;
    if (p.jobState === 'RUNNING' && p.parallelism === p.targetParallelism)
      return;
    this.#restartJob(p);
  }

  #restartJob(p: SimPipeline) {
    const now = this.#now;
    if (p.jobState === 'RUNNING') this.#setJobState(p, 'RESTARTING');
    // Offsets go back to the last completed checkpoint.
    p.consumed = p.committed;
    const delay = this.#latency(this.#behaviour.restartMedianMs);
    p.restartEndsAtMs = now + delay;
    this.#d.queue.schedule(p.restartEndsAtMs, () => {
      p.restartEndsAtMs = undefined;
      if (p.deleted || p.suspended) return;
      const jm = p.jobManager ? this.#pods.get(p.jobManager) : undefined;
      if (
        !jm?.readyAtMs ||
        this.#readyTaskManagers(p) < this.#requiredTaskManagers(p)
      ) {
        // Lost a TaskManager meanwhile: wait for the replacement.
        if (p.jobState === 'RUNNING') this.#setJobState(p, 'RESTARTING');
        return;
      }
      const scaledDown = p.targetParallelism < p.parallelism;
      p.parallelism = p.targetParallelism;
      p.runningSinceMs = this.#now;
      p.lastCheckpointMs = this.#now;
      if (p.jobState === 'CREATED') p.jobStartMs = this.#now;
      this.#setJobState(p, 'RUNNING');
      if (scaledDown) {
        this.#d.queue.schedule(this.#now + TASKMANAGER_IDLE_TIMEOUT_MS, () =>
          this.#releaseSurplusTaskManagers(p),
        );
      }
    });
  }

  #releaseSurplusTaskManagers(p: SimPipeline) {
    const surplus = [...p.taskManagers]
      .filter(k => !this.#pods.get(k)?.deleting)
      .slice(this.#requiredTaskManagers(p));
    for (const key of surplus.reverse()) this.#deletePod(key);
  }

  #rescale(p: SimPipeline, to: number) {
    const from = p.targetParallelism;
    p.targetParallelism = to;
    p.scaleDownPendingSinceMs = undefined;
    p.history.push({ atMs: this.#now, from, to });
    if (p.history.length > 10) p.history.shift();
    this.#d.store.upsert(KEYS.configmaps, autoscalerConfigMap(p));
    this.#event({
      involved: this.#flinkInvolved(p),
      reason: 'Scaling',
      message: 'In-place scaling triggered',
      type: 'Normal',
      component: 'Job',
      dedupeWindowMs: 0,
    });
    if (to > from) {
      this.#ensureTaskManagers(p);
      this.#maybeRestartJob(p);
    } else {
      this.#restartJob(p);
    }
  }

  #taskManagerLost(p: SimPipeline) {
    if (p.deleted || p.suspended) return;
    if (p.jobState === 'RUNNING') {
      this.#setJobState(p, 'RESTARTING');
      p.consumed = p.committed;
    }
    this.#ensureTaskManagers(p);
  }

  // ------------------------------------------------------------------ pods

  #createPod(p: SimPipeline, role: SimPod['role']): SimPod {
    const now = this.#now;
    const random = this.#d.random.fork(
      `pod/${p.ref}/${role}/${now}/${p.taskManagerSeq}`,
    );
    let name: string;
    if (role === 'jobmanager') {
      name = `${p.spec.name}-${podTemplateHash(p)}-${nameSuffix(random)}`;
    } else {
      p.taskManagerSeq += 1;
      name = `${p.spec.name}-taskmanager-1-${p.taskManagerSeq}`;
    }
    const resources =
      role === 'jobmanager' ? p.spec.jobManager : p.spec.taskManager;
    const pool = this.#poolFor(p, role);
    const pod: SimPod = {
      key: `${p.spec.namespace}/${name}`,
      namespace: p.spec.namespace,
      name,
      uid: uuid(random),
      pipeline: p,
      role,
      cpuMillis: resources.cpuMillis,
      memoryMiB: resources.memoryMiB,
      pool,
      poolLabelKey:
        this.spec.provisioning === 'karpenter'
          ? 'karpenter.sh/nodepool'
          : 'eks.amazonaws.com/nodegroup',
      createdAtMs: now,
      podIp: `10.0.${random.int(0, 255)}.${random.int(1, 254)}`,
      deleting: false,
    };
    this.#pods.set(pod.key, pod);
    if (role === 'jobmanager') p.jobManager = pod.key;
    else p.taskManagers.add(pod.key);
    this.#addPending(pod);
    this.#writePod(pod);
    this.#queueSchedulePass();
    return pod;
  }

  /** JobManagers run on on-demand capacity; TaskManagers where the profile says. */
  #poolFor(p: SimPipeline, role: SimPod['role']): string {
    if (this.spec.provisioning === 'karpenter') {
      const onDemandPool = this.spec.nodePools.find(
        np => !np.capacityTypes.includes('spot'),
      );
      const spotPool = this.spec.nodePools.find(np =>
        np.capacityTypes.includes('spot'),
      );
      if (role === 'jobmanager' || p.spec.capacityProfile === 'on-demand') {
        return (onDemandPool ?? this.spec.nodePools[0]).name;
      }
      return (spotPool ?? this.spec.nodePools[0]).name;
    }
    const onDemand = this.spec.nodeGroups.find(
      g => g.capacityType === 'on-demand',
    );
    const spot = this.spec.nodeGroups.find(g => g.capacityType === 'spot');
    if (
      role === 'jobmanager' ||
      p.spec.capacityProfile === 'on-demand' ||
      !spot
    ) {
      return (onDemand ?? this.spec.nodeGroups[0]).name;
    }
    return spot.name;
  }

  #addPending(pod: SimPod) {
    this.#pending.add(pod.key);
    this.#untried.add(pod.key);
    const set = this.#pendingByPool.get(pod.pool) ?? new Set();
    set.add(pod.key);
    this.#pendingByPool.set(pod.pool, set);
  }

  #removePending(pod: SimPod) {
    this.#pending.delete(pod.key);
    this.#untried.delete(pod.key);
    this.#pendingByPool.get(pod.pool)?.delete(pod.key);
  }

  #writePod(pod: SimPod) {
    this.#d.store.upsert(KEYS.pods, podObject(pod, this.#now));
  }

  #podInvolved(pod: SimPod): InvolvedObject {
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      name: pod.name,
      namespace: pod.namespace,
      uid: pod.uid,
    };
  }

  /** Deletes a pod (graceful: gone after its grace period). */
  #deletePod(key: string) {
    const pod = this.#pods.get(key);
    if (!pod || pod.deleting) return;
    pod.deleting = true;
    pod.pipeline.readyTaskManagers.delete(key);
    this.#removePending(pod);
    this.#writePod(pod);
    this.#d.queue.schedule(this.#now + 5_000, () => this.#removePod(key));
  }

  /** Removes a pod for good and frees its node's capacity. */
  #removePod(key: string) {
    const pod = this.#pods.get(key);
    if (!pod) return;
    this.#pods.delete(key);
    this.#removePending(pod);
    const node = pod.nodeName ? this.#nodes.get(pod.nodeName) : undefined;
    if (node) {
      this.#nodesWithNewRoom.add(node);
      node.pods.delete(key);
      node.requestedCpuMillis -= pod.cpuMillis;
      node.requestedMemoryMiB -= pod.memoryMiB;
      if (pod.role === 'jobmanager') node.doNotDisruptPods--;
      if (node.pods.size === 0) node.emptySinceMs = this.#now;
    }
    if (pod.nominatedNode)
      this.#nodes.get(pod.nominatedNode)?.nominated.delete(key);
    const p = pod.pipeline;
    p.taskManagers.delete(key);
    p.readyTaskManagers.delete(key);
    if (p.jobManager === key) p.jobManager = undefined;
    this.#d.store.remove(KEYS.pods, pod.namespace, pod.name);
    this.#queueSchedulePass();
  }

  /** A pod evicted from a node that goes away: Flink loses a TaskManager. */
  #evictPod(key: string, reason: string) {
    const pod = this.#pods.get(key);
    if (!pod || pod.deleting) return;
    this.#event({
      involved: this.#podInvolved(pod),
      reason: 'Evicted',
      message: `Evicted pod: ${reason}`,
      type: 'Normal',
      component:
        this.spec.provisioning === 'karpenter'
          ? 'karpenter'
          : 'cluster-autoscaler',
      dedupeWindowMs: 0,
    });
    const p = pod.pipeline;
    const wasJobManager = p.jobManager === key;
    this.#deletePod(key);
    if (wasJobManager) {
      // The JobManager's Deployment replaces it; the job restarts.
      p.jobManager = undefined;
      if (p.jobState === 'RUNNING') this.#setJobState(p, 'RESTARTING');
      p.consumed = p.committed;
      if (!p.deleted && !p.suspended) this.#createPod(p, 'jobmanager');
    } else {
      p.taskManagers.delete(key);
      this.#taskManagerLost(p);
    }
  }

  #podStarted(pod: SimPod) {
    pod.startedAtMs = this.#now;
    this.#writePod(pod);
    // TaskManagers register with the JobManager, JobManagers start their REST endpoint.
    const registration = this.#latency(
      pod.role === 'jobmanager' ? 8_000 : 3_000,
    );
    this.#d.queue.schedule(this.#now + registration, () => {
      if (!this.#pods.has(pod.key) || pod.deleting) return;
      pod.readyAtMs = this.#now;
      this.#writePod(pod);
      if (pod.role === 'taskmanager') {
        pod.pipeline.readyTaskManagers.add(pod.key);
        this.#taskManagerStartups.push({
          ms: pod.readyAtMs - pod.createdAtMs,
          waitedForCapacity: pod.unschedulableSinceMs !== undefined,
        });
        if (this.#taskManagerStartups.length > 10_000)
          this.#taskManagerStartups.shift();
      }
      const p = pod.pipeline;
      if (pod.role === 'jobmanager') {
        this.#writePipeline(p);
        this.#ensureTaskManagers(p);
      }
      this.#maybeRestartJob(p);
    });
  }

  // ------------------------------------------------------------- scheduler

  #queueSchedulePass() {
    if (this.#schedulePassQueued) return;
    this.#schedulePassQueued = true;
    this.#d.queue.schedule(this.#now, () => {
      this.#schedulePassQueued = false;
      this.#schedulePass();
    });
  }

  /**
   * kube-scheduler: binds each pending pod to the fullest ready node of its
   * pool that still has room (MostAllocated, which keeps nodes packed for
   * consolidation), in creation order.
   */
  #schedulePass() {
    // Pods waiting for room try the nodes that gained some, oldest pod first.
    for (const node of this.#nodesWithNewRoom) {
      if (node.state !== 'ready') continue;
      const waiting = this.#pendingByPool.get(node.pool);
      if (!waiting) continue;
      for (const key of [...waiting]) {
        if (node.allocatableCpuMillis - node.requestedCpuMillis < 100) break;
        const pod = this.#pods.get(key)!;
        if (this.#untried.has(key) || !this.#fits(pod, node)) continue;
        this.#bind(pod, node);
      }
    }
    this.#nodesWithNewRoom.clear();
    if (this.#untried.size === 0) return;
    const toTry = [...this.#untried].map(key => this.#pods.get(key)!);
    this.#untried.clear();
    toTry.sort((a, b) => a.createdAtMs - b.createdAtMs);
    // New pods look at every node with room for the smallest of them; on a
    // packed cluster those are few.
    const smallestCpu = Math.min(...toTry.map(p => p.cpuMillis));
    const byPool = new Map<string, SimNode[]>();
    for (const [pool, nodes] of this.#readyNodes) {
      const withRoom: SimNode[] = [];
      for (const node of nodes) {
        if (
          node.allocatableCpuMillis - node.requestedCpuMillis >=
          smallestCpu
        ) {
          withRoom.push(node);
        }
      }
      byPool.set(pool, withRoom);
    }
    let unplaced = 0;
    for (const pod of toTry) {
      let best: SimNode | undefined;
      for (const node of byPool.get(pod.pool) ?? []) {
        if (
          this.#fits(pod, node) &&
          (!best ||
            node.requestedCpuMillis / node.allocatableCpuMillis >
              best.requestedCpuMillis / best.allocatableCpuMillis)
        ) {
          best = node;
        }
      }
      if (best) {
        this.#bind(pod, best);
      } else {
        unplaced++;
        this.#markUnschedulable(pod);
      }
    }
    if (unplaced > 0 && this.spec.provisioning === 'karpenter') {
      this.#requestProvisioning();
    }
  }

  #fits(pod: SimPod, node: SimNode): boolean {
    return (
      node.allocatableCpuMillis - node.requestedCpuMillis >= pod.cpuMillis &&
      node.allocatableMemoryMiB - node.requestedMemoryMiB >= pod.memoryMiB
    );
  }

  #markUnschedulable(pod: SimPod) {
    if (pod.unschedulableSinceMs !== undefined) return;
    const total = this.#nodes.size;
    pod.unschedulableSinceMs = this.#now;
    pod.unschedulableMessage =
      total === 0
        ? 'no nodes available to schedule pods'
        : `0/${total} nodes are available: ${total} Insufficient cpu. preemption: 0/${total} nodes are available: ${total} No preemption victims found for incoming pod.`;
    this.#writePod(pod);
    this.#event({
      involved: this.#podInvolved(pod),
      reason: 'FailedScheduling',
      message: pod.unschedulableMessage,
      type: 'Warning',
      component: 'default-scheduler',
      dedupeWindowMs: KUBE_DEDUPE_MS,
    });
  }

  #bind(pod: SimPod, node: SimNode) {
    const now = this.#now;
    this.#removePending(pod);
    if (pod.nominatedNode)
      this.#nodes.get(pod.nominatedNode)?.nominated.delete(pod.key);
    pod.nominatedNode = undefined;
    pod.nodeName = node.name;
    pod.hostIp = node.privateIp;
    pod.scheduledAtMs = now;
    node.pods.add(pod.key);
    node.requestedCpuMillis += pod.cpuMillis;
    node.requestedMemoryMiB += pod.memoryMiB;
    if (pod.role === 'jobmanager') node.doNotDisruptPods++;
    node.emptySinceMs = undefined;
    this.#writePod(pod);
    this.#event({
      involved: this.#podInvolved(pod),
      reason: 'Scheduled',
      message: `Successfully assigned ${pod.namespace}/${pod.name} to ${node.name}`,
      type: 'Normal',
      component: 'default-scheduler',
      dedupeWindowMs: 0,
    });
    this.#d.queue.schedule(
      now + this.#latency(this.#behaviour.podStartMedianMs),
      () => {
        if (this.#pods.get(pod.key) === pod && !pod.deleting)
          this.#podStarted(pod);
      },
    );
  }

  // ------------------------------------------------- Karpenter provisioning

  #requestProvisioning() {
    const now = this.#now;
    this.#provisionFirstPendingMs ??= now;
    const due = Math.min(
      now + BATCH_IDLE_MS,
      this.#provisionFirstPendingMs + BATCH_MAX_MS,
    );
    if (this.#provisionAtMs !== undefined && this.#provisionAtMs <= due) return;
    this.#provisionAtMs = due;
    this.#d.queue.schedule(due, () => {
      if (this.#provisionAtMs !== due) return;
      this.#provisionAtMs = undefined;
      this.#provisionFirstPendingMs = undefined;
      this.#provision();
    });
  }

  /** Karpenter's provisioner: launches nodes for pods nothing can hold. */
  #provision() {
    const byPool = new Map<string, SimPod[]>();
    for (const key of this.#pending) {
      const pod = this.#pods.get(key)!;
      if (pod.nominatedNode && this.#nodes.has(pod.nominatedNode)) continue;
      pod.nominatedNode = undefined;
      const list = byPool.get(pod.pool) ?? [];
      list.push(pod);
      byPool.set(pod.pool, list);
    }
    for (const [poolName, pods] of byPool) {
      const pool = this.spec.nodePools.find(p => p.name === poolName);
      if (!pool) continue;
      const offerings = this.#offerings(pool);
      let usedCpu = 0;
      for (const n of this.#nodes.values())
        if (n.pool === poolName) usedCpu += n.capacityCpuMillis;
      for (const plan of packPods(pods as PodRequest[], offerings)) {
        const cpu = allocatable(plan.offering.instanceType)!.capacityCpuMillis;
        if (usedCpu + cpu > pool.cpuLimit * 1000) break;
        usedCpu += cpu;
        this.#launchNodeClaim(
          pool,
          plan.offering,
          plan.pods.map(i => pods[i]),
        );
      }
    }
  }

  /** The cheapest way to get each instance type of the pool right now. */
  #offerings(pool: NodePoolSpec): Offering[] {
    const now = this.#now;
    const offerings: Offering[] = [];
    for (const type of pool.instanceTypes) {
      const a = allocatable(type);
      if (!a) continue;
      const base = {
        instanceType: type,
        allocatableCpuMillis: a.cpuMillis,
        allocatableMemoryMiB: a.memoryMiB,
      };
      if (pool.capacityTypes.includes('spot')) {
        let best: Offering | undefined;
        for (const zone of this.#zones) {
          if ((this.#iceCache.get(`${type}/${zone}/spot`) ?? 0) > now) continue;
          const price = this.#d.prices.spotUsdPerHour(type, zone, now);
          if (price !== undefined && (!best || price < best.usdPerHour)) {
            best = { ...base, zone, capacityType: 'spot', usdPerHour: price };
          }
        }
        if (best) offerings.push(best);
      }
      if (pool.capacityTypes.includes('on-demand')) {
        const price = this.#d.prices.onDemandUsdPerHour(type);
        if (price !== undefined) {
          offerings.push({
            ...base,
            zone: this.#leastUsedZone(pool.name),
            capacityType: 'on-demand',
            usdPerHour: price,
          });
        }
      }
    }
    return offerings;
  }

  #leastUsedZone(pool: string): string {
    const counts = new Map(this.#zones.map(z => [z, 0]));
    for (const n of this.#nodes.values())
      if (n.pool === pool) counts.set(n.zone, (counts.get(n.zone) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => a[1] - b[1])[0][0];
  }

  #newNode(
    pool: string,
    instanceType: string,
    zone: string,
    capacityType: CapacityType,
  ): SimNode {
    const random = this.#d.random.fork(
      `node/${pool}/${this.#now}/${this.#nodes.size}/${instanceType}/${zone}`,
    );
    const ip = `10.0.${random.int(0, 255)}.${random.int(1, 254)}`;
    const a = allocatable(instanceType)!;
    return {
      name: privateDnsName(ip, this.spec.region),
      uid: uuid(random),
      pool,
      instanceType,
      zone,
      capacityType,
      architecture: /^[a-z]\dg/.test(instanceType) ? 'arm64' : 'amd64',
      providerId: `aws:///${zone}/${ec2InstanceId(random)}`,
      privateIp: ip,
      capacityCpuMillis: a.capacityCpuMillis,
      capacityMemoryMiB: a.capacityMemoryMiB,
      allocatableCpuMillis: a.cpuMillis,
      allocatableMemoryMiB: a.memoryMiB,
      requestedCpuMillis: 0,
      requestedMemoryMiB: 0,
      pods: new Set(),
      doNotDisruptPods: 0,
      state: 'launching',
      createdAtMs: this.#now,
      nominated: new Set(),
    };
  }

  #launchNodeClaim(pool: NodePoolSpec, offering: Offering, pods: SimPod[]) {
    const now = this.#now;
    const node = this.#newNode(
      pool.name,
      offering.instanceType,
      offering.zone,
      offering.capacityType,
    );
    node.nodeClaim = `${pool.name}-${nameSuffix(
      this.#d.random.fork(`claim/${node.uid}`),
    )}`;
    this.#nodes.set(node.name, node);
    for (const pod of pods) {
      pod.nominatedNode = node.name;
      node.nominated.add(pod.key);
    }
    this.#writeNodeClaim(node);
    for (const pod of pods) {
      this.#event({
        involved: this.#podInvolved(pod),
        reason: 'Nominated',
        message: `Pod should schedule on: nodeclaim/${node.nodeClaim}`,
        type: 'Normal',
        component: 'karpenter',
        dedupeWindowMs: KARPENTER_DEDUPE_MS,
      });
    }
    this.#d.queue.schedule(
      now + this.#latency(this.#behaviour.launchMedianMs),
      () => this.#nodeLaunched(node),
    );
  }

  #writeNodeClaim(node: SimNode) {
    const pool = this.spec.nodePools.find(p => p.name === node.pool)!;
    const stored = this.#d.store.upsert(
      KEYS.nodeclaims,
      nodeClaimObject(
        node,
        this.spec,
        pool,
        this.#poolUids.get(pool.name) ?? '',
        this.#now,
      ),
    );
    node.nodeClaimUid ??= stored.metadata.uid;
  }

  #claimInvolved(node: SimNode): InvolvedObject {
    return {
      apiVersion: 'karpenter.sh/v1',
      kind: 'NodeClaim',
      name: node.nodeClaim!,
      uid: node.nodeClaimUid ?? '',
    };
  }

  #nodeInvolved(node: SimNode): InvolvedObject {
    return { apiVersion: 'v1', kind: 'Node', name: node.name, uid: node.uid };
  }

  /** Whether EC2 has spot capacity for this type in this zone now. */
  #spotCapacityAvailable(instanceType: string, zone: string): boolean {
    const { faults } = this.#d;
    if (faults.state.noSpotCapacityZones.includes(zone)) return false;
    const slot = Math.floor(this.#now / SHORTAGE_SLOT_MS);
    const family = instanceType.split('.')[0];
    // A shortage hits a whole family in a zone for a slot.
    const shortage = this.#d.random
      .fork(`shortage/${zone}/${family}/${slot}`)
      .chance(SHORTAGE_CHANCE);
    return (
      !shortage &&
      !this.#d.random.chance(this.#behaviour.spotInsufficientCapacityChance)
    );
  }

  #nodeLaunched(node: SimNode) {
    if (!this.#nodes.has(node.name)) return;
    const now = this.#now;
    if (
      node.capacityType === 'spot' &&
      !this.#spotCapacityAvailable(node.instanceType, node.zone)
    ) {
      // InsufficientInstanceCapacity: cache the offering (for all types of
      // the zone when the whole zone is out) and try again, which falls back
      // to other zones or to on-demand.
      const zoneOut = this.#d.faults.state.noSpotCapacityZones.includes(
        node.zone,
      );
      const pool = this.spec.nodePools.find(p => p.name === node.pool)!;
      for (const type of zoneOut ? pool.instanceTypes : [node.instanceType]) {
        this.#iceCache.set(`${type}/${node.zone}/spot`, now + ICE_CACHE_MS);
      }
      this.#event({
        involved: this.#claimInvolved(node),
        reason: 'InsufficientCapacityError',
        message: `NodeClaim ${node.nodeClaim} event: creating instance, insufficient capacity, with fleet error(s), InsufficientInstanceCapacity: We currently do not have sufficient ${node.instanceType} capacity in the Availability Zone you requested (${node.zone}).`,
        type: 'Warning',
        component: 'karpenter',
        dedupeWindowMs: KARPENTER_DEDUPE_MS,
      });
      for (const key of node.nominated) {
        const pod = this.#pods.get(key);
        if (pod) pod.nominatedNode = undefined;
      }
      this.#nodes.delete(node.name);
      this.#d.store.remove(KEYS.nodeclaims, undefined, node.nodeClaim!);
      this.#requestProvisioning();
      return;
    }
    node.launchedAtMs = now;
    this.#writeNodeClaim(node);
    this.#d.queue.schedule(
      now + this.#latency(this.#behaviour.registerMedianMs),
      () => this.#nodeRegistered(node),
    );
  }

  #nodeRegistered(node: SimNode) {
    if (!this.#nodes.has(node.name)) return;
    node.registeredAtMs = this.#now;
    node.state = 'registered';
    this.#writeNode(node);
    if (node.nodeClaim) this.#writeNodeClaim(node);
    this.#d.queue.schedule(
      this.#now + this.#latency(this.#behaviour.initializeMedianMs),
      () => this.#nodeReady(node),
    );
  }

  #nodeReady(node: SimNode) {
    if (!this.#nodes.has(node.name) || node.state !== 'registered') return;
    node.readyAtMs = this.#now;
    node.state = 'ready';
    node.emptySinceMs = this.#now;
    const ready = this.#readyNodes.get(node.pool) ?? new Set();
    ready.add(node);
    this.#readyNodes.set(node.pool, ready);
    this.#nodesWithNewRoom.add(node);
    this.#writeNode(node);
    if (node.nodeClaim) this.#writeNodeClaim(node);
    this.#schedulePass();
  }

  #writeNode(node: SimNode) {
    this.#d.store.upsert(KEYS.nodes, nodeObject(node, this.spec, this.#now));
  }

  // ------------------------------------------------------------ disruption

  /**
   * Cordons and drains a node, then terminates it: its pods are evicted (and
   * replaced elsewhere), its Node and NodeClaim go when the instance is gone.
   */
  #disrupt(
    node: SimNode,
    reason: NonNullable<SimNode['disruptionReason']>,
    terminateAfterMs: number,
  ) {
    if (node.state === 'draining') return;
    node.state = 'draining';
    this.#readyNodes.get(node.pool)?.delete(node);
    node.disruptedAtMs = this.#now;
    node.disruptionReason = reason;
    if (node.registeredAtMs !== undefined) this.#writeNode(node);
    if (node.nodeClaim) this.#writeNodeClaim(node);
    const EVICTION_REASONS: Record<string, string> = {
      Interrupted: 'Interruption',
      ScaleDown: 'ScaleDown',
    };
    const evictionReason = EVICTION_REASONS[reason] ?? `Disrupted:${reason}`;
    for (const key of [...node.pods]) this.#evictPod(key, evictionReason);
    const orphaned = node.nominated.size > 0;
    for (const key of node.nominated) {
      const pod = this.#pods.get(key);
      if (pod) pod.nominatedNode = undefined;
    }
    node.nominated.clear();
    this.#queueSchedulePass();
    if (orphaned && this.spec.provisioning === 'karpenter')
      this.#requestProvisioning();
    this.#d.queue.schedule(this.#now + terminateAfterMs, () =>
      this.#terminate(node),
    );
  }

  #terminate(node: SimNode) {
    if (!this.#nodes.has(node.name)) return;
    for (const key of [...node.pods]) this.#removePod(key);
    this.#nodes.delete(node.name);
    this.#readyNodes.get(node.pool)?.delete(node);
    this.#nodesWithNewRoom.delete(node);
    if (node.registeredAtMs !== undefined)
      this.#d.store.remove(KEYS.nodes, undefined, node.name);
    if (node.nodeClaim)
      this.#d.store.remove(KEYS.nodeclaims, undefined, node.nodeClaim);
  }

  #disruptionEvents(node: SimNode, reason: string) {
    const input = (involved: InvolvedObject, kind: string): EventInput => ({
      involved,
      reason: 'DisruptionTerminating',
      message: `Disrupting ${kind}: ${reason}`,
      type: 'Normal',
      component: 'karpenter',
      dedupeWindowMs: KARPENTER_DEDUPE_MS,
    });
    this.#event(input(this.#nodeInvolved(node), 'Node'));
    if (node.nodeClaim)
      this.#event(input(this.#claimInvolved(node), 'NodeClaim'));
  }

  /**
   * Karpenter's consolidation (WhenEmptyOrUnderutilized): removes nodes empty
   * for consolidateAfter, and a node whose pods fit on the other nodes of its
   * pool, within the 10 % disruption budget. JobManager pods carry
   * karpenter.sh/do-not-disrupt, which blocks their node.
   */
  #consolidationPass() {
    const now = this.#now;
    // Empty nodes every pass (15 s), underutilized ones every minute.
    this.#consolidationRounds++;
    const checkUnderutilized = this.#consolidationRounds % 4 === 0;
    const byPool = new Map<string, SimNode[]>();
    for (const n of this.#nodes.values()) {
      const list = byPool.get(n.pool) ?? [];
      list.push(n);
      byPool.set(n.pool, list);
    }
    for (const pool of this.spec.nodePools) {
      const nodes = byPool.get(pool.name) ?? [];
      const budget = Math.max(1, Math.floor(nodes.length * 0.1));
      let disrupting = nodes.filter(n => n.state === 'draining').length;
      for (const node of nodes) {
        if (disrupting >= budget) break;
        if (
          node.state !== 'ready' ||
          node.pods.size > 0 ||
          node.nominated.size > 0
        )
          continue;
        if (now - (node.emptySinceMs ?? now) < pool.consolidateAfterMs)
          continue;
        this.#disruptionEvents(node, 'Empty');
        this.#disrupt(node, 'Empty', TERMINATION_MS);
        disrupting++;
      }
      if (!checkUnderutilized || disrupting >= budget || this.#pending.size > 0)
        continue;
      // The least used node, if under half used and not protected by a
      // do-not-disrupt pod (JobManagers).
      let candidate: SimNode | undefined;
      let lowest = 0.5;
      for (const n of nodes) {
        if (n.state !== 'ready' || n.pods.size === 0 || n.doNotDisruptPods > 0)
          continue;
        if (now - (n.readyAtMs ?? now) < pool.consolidateAfterMs) continue;
        const used = n.requestedCpuMillis / n.allocatableCpuMillis;
        if (used < lowest) {
          lowest = used;
          candidate = n;
        }
      }
      if (candidate && this.#fitsElsewhere(candidate, nodes)) {
        this.#disruptionEvents(candidate, 'Underutilized');
        this.#disrupt(candidate, 'Underutilized', TERMINATION_MS);
      }
    }
    this.#d.queue.schedule(now + 15_000, () => this.#consolidationPass());
  }

  #fitsElsewhere(node: SimNode, poolNodes: SimNode[]): boolean {
    const free = poolNodes
      .filter(n => n !== node && n.state === 'ready')
      .map(n => ({
        cpu: n.allocatableCpuMillis - n.requestedCpuMillis,
        memory: n.allocatableMemoryMiB - n.requestedMemoryMiB,
      }));
    for (const key of node.pods) {
      const pod = this.#pods.get(key);
      if (!pod) continue;
      const slot = free.find(
        f => f.cpu >= pod.cpuMillis && f.memory >= pod.memoryMiB,
      );
      if (!slot) return false;
      slot.cpu -= pod.cpuMillis;
      slot.memory -= pod.memoryMiB;
    }
    return true;
  }

  /** Spot interruptions: each spot node has a per-minute hazard. */
  #interruptions() {
    const mean =
      this.#behaviour.spotInterruptionMeanMs /
      (this.#d.faults.state.interruptionStorm ? INTERRUPTION_STORM_FACTOR : 1);
    const hazard = 1 - Math.exp(-MINUTE / mean);
    for (const node of [...this.#nodes.values()]) {
      if (node.capacityType !== 'spot' || node.state !== 'ready') continue;
      if (!this.#d.random.chance(hazard)) continue;
      const warn = (
        involved: InvolvedObject,
        reason: string,
        message: string,
      ) =>
        this.#event({
          involved,
          reason,
          message,
          type: 'Warning',
          component: 'karpenter',
          dedupeWindowMs: KARPENTER_DEDUPE_MS,
        });
      if (node.nodeClaim) {
        warn(
          this.#claimInvolved(node),
          'SpotInterrupted',
          'Spot interruption warning was triggered',
        );
        warn(
          this.#claimInvolved(node),
          'TerminatingOnInterruption',
          'Interruption triggered termination for the NodeClaim',
        );
      }
      warn(
        this.#nodeInvolved(node),
        'SpotInterrupted',
        'Spot interruption warning was triggered',
      );
      warn(
        this.#nodeInvolved(node),
        'TerminatingOnInterruption',
        'Interruption triggered termination for the Node',
      );
      this.#disrupt(node, 'Interrupted', INTERRUPTION_NOTICE_MS);
    }
  }

  // ------------------------------------------- node groups (CA-like mode)

  #launchGroupNode(groupName: string, atMs: number, immediate = false) {
    const group = this.spec.nodeGroups.find(g => g.name === groupName)!;
    const zone = this.#leastUsedZone(groupName);
    const node = this.#newNode(
      groupName,
      group.instanceType,
      zone,
      group.capacityType,
    );
    this.#nodes.set(node.name, node);
    const launch = immediate
      ? 0
      : this.#latency(this.#behaviour.nodeGroupLaunchMedianMs);
    node.launchedAtMs = atMs + launch * 0.2;
    this.#d.queue.schedule(atMs + launch, () => this.#nodeRegistered(node));
  }

  /**
   * A Cluster-Autoscaler-like scan: for pods nothing can hold, grow the node
   * group (fixed instance type) by the nodes they need; shrink groups by
   * nodes unneeded (under half requested and their pods fit elsewhere) for
   * the scale-down-unneeded time.
   */
  #clusterAutoscalerScan() {
    const now = this.#now;
    for (const group of this.spec.nodeGroups) {
      const nodes = [...this.#nodes.values()].filter(
        n => n.pool === group.name,
      );
      const pending = [...this.#pending]
        .map(k => this.#pods.get(k)!)
        .filter(
          p => p.pool === group.name && p.unschedulableSinceMs !== undefined,
        );
      const launching = nodes.filter(
        n => n.state === 'launching' || n.state === 'registered',
      );
      if (pending.length > 0) {
        const a = allocatable(group.instanceType)!;
        const offering: Offering = {
          instanceType: group.instanceType,
          zone: '',
          capacityType: group.capacityType,
          usdPerHour: 1,
          allocatableCpuMillis: a.cpuMillis,
          allocatableMemoryMiB: a.memoryMiB,
        };
        const needed =
          packPods(pending as PodRequest[], [offering]).length -
          launching.length;
        const target = Math.min(
          group.maxSize,
          nodes.length + Math.max(0, needed),
        );
        if (target > nodes.length) {
          for (const pod of pending) {
            this.#event({
              involved: this.#podInvolved(pod),
              reason: 'TriggeredScaleUp',
              message: `pod triggered scale-up: [{eks-${group.name}-${this.spec.name} ${nodes.length}->${target} (max: ${group.maxSize})}]`,
              type: 'Normal',
              component: 'cluster-autoscaler',
              dedupeWindowMs: KUBE_DEDUPE_MS,
            });
          }
          for (let i = nodes.length; i < target; i++)
            this.#launchGroupNode(group.name, now);
        }
      }
      let removable = nodes.length - group.minSize;
      for (const node of nodes) {
        if (removable <= 0) break;
        if (node.state !== 'ready') continue;
        const utilization = node.requestedCpuMillis / node.allocatableCpuMillis;
        const unneeded =
          utilization < 0.5 && !node.pods.size
            ? true
            : utilization < 0.5 && this.#fitsElsewhere(node, nodes);
        if (!unneeded || pending.length > 0) {
          node.emptySinceMs = undefined;
          continue;
        }
        node.emptySinceMs ??= now;
        if (
          now - node.emptySinceMs <
          this.#behaviour.nodeGroupScaleDownUnneededMs
        )
          continue;
        this.#event({
          involved: this.#nodeInvolved(node),
          reason: 'ScaleDown',
          message: 'marked the node as toBeDeleted/unschedulable',
          type: 'Normal',
          component: 'cluster-autoscaler',
          dedupeWindowMs: KUBE_DEDUPE_MS,
        });
        this.#disrupt(node, 'ScaleDown', TERMINATION_MS);
        removable--;
      }
    }
    this.#d.queue.schedule(now + this.#behaviour.nodeGroupScanMs, () =>
      this.#clusterAutoscalerScan(),
    );
  }

  // ------------------------------------------------------ the minute tick

  /**
   * Every minute: Kafka traffic and Flink processing, checkpoints (offset
   * commits), MSK's lag metrics, the autoscaler's decisions, spot
   * interruptions, NodePool status and the events' TTL.
   */
  #minuteTick() {
    const now = this.#now;
    const from = this.#lastTickMs;
    this.#lastTickMs = now;
    for (const p of this.#pipelines.values())
      this.#advancePipeline(p, from, now);
    this.#interruptions();
    if (this.spec.provisioning === 'karpenter') this.#writePoolUsage();
    if (Math.floor(now / MINUTE) % 10 === 0) {
      this.#events.prune(now, AUTOSCALER_EVENT_INTERVAL_MS);
    }
    for (const [key, until] of this.#iceCache)
      if (until <= now) this.#iceCache.delete(key);
    this.#d.queue.schedule(now + MINUTE, () => this.#minuteTick());
  }

  #advancePipeline(p: SimPipeline, from: number, now: number) {
    const s = p.spec;
    const produced = recordsProduced(
      s.traffic,
      { dayMs: this.#d.scenario.dayMs },
      `${this.#d.scenario.seed}/${p.ref}`,
      from,
      now,
    );
    p.produced += produced;
    const span = now - from;
    const runningMs =
      p.jobState === 'RUNNING' ? Math.min(span, now - p.runningSinceMs) : 0;
    const capacityPerSecond = p.parallelism * s.slotThroughput;
    const capacity = capacityPerSecond * (runningMs / 1000);
    const backlog = p.produced - p.consumed;
    const processed = Math.max(0, Math.min(capacity, backlog));
    p.consumed += processed;
    if (runningMs >= span * 0.99 && capacity > 0) {
      p.samples.push({
        atMs: now,
        inputRate: produced / (span / 1000),
        processedRate: processed / (span / 1000),
        busy: Math.min(1, processed / capacity),
        lagRecords: p.produced - p.consumed,
      });
      if (p.samples.length > SAMPLE_RETENTION) p.samples.shift();
    }
    // Checkpoints complete every interval after the job started and commit
    // the offsets consumed by then; MSK samples the lag at the minute, so it
    // sees the records since the last commit.
    const consumedBefore = p.consumed - processed;
    while (
      p.jobState === 'RUNNING' &&
      p.lastCheckpointMs + s.checkpointIntervalMs <= now
    ) {
      const at = p.lastCheckpointMs + s.checkpointIntervalMs;
      const fraction = Math.min(1, Math.max(0, (at - from) / span));
      p.committed = consumedBefore + processed * fraction;
      p.lastCheckpointMs = at;
    }
    this.#putLagMetrics(
      p,
      now,
      processed / (span / 1000),
      produced / (span / 1000),
    );
    if (
      p.jobState === 'RUNNING' &&
      p.restartEndsAtMs === undefined &&
      p.parallelism === p.targetParallelism
    ) {
      this.#autoscale(p);
    }
  }

  /**
   * MSK publishes lag only for groups that committed offsets, per cluster,
   * consumer group and topic; broker-side lag moves in checkpoint steps
   * because Flink commits at checkpoints.
   */
  #putLagMetrics(
    p: SimPipeline,
    now: number,
    consumeRate: number,
    produceRate: number,
  ) {
    if (p.committed <= 0 || p.spec.consumerGroup.includes(':')) return;
    const s = p.spec;
    let keys = this.#lagKeys.get(p);
    if (!keys) {
      const dimensions = [
        { Name: 'Cluster Name', Value: this.spec.mskClusterName },
        { Name: 'Consumer Group', Value: s.consumerGroup },
        { Name: 'Topic', Value: s.topic },
      ];
      const key = (metricName: string) => ({
        namespace: 'AWS/Kafka',
        metricName,
        dimensions,
      });
      keys = {
        sum: key('SumOffsetLag'),
        max: key('MaxOffsetLag'),
        time: key('EstimatedMaxTimeLag'),
        // Partitions are not perfectly even: the busiest holds a bit more than its share.
        skew: 1.1 + 0.3 * hashUniform(this.#d.scenario.seed, 'skew', p.ref),
      };
      this.#lagKeys.set(p, keys);
    }
    const sum = Math.max(0, Math.round(p.produced - p.committed));
    const max = Math.min(sum, Math.round((sum / s.partitions) * keys.skew));
    const perPartitionRate =
      Math.max(consumeRate, produceRate * 0.5) / s.partitions;
    const timeLag =
      perPartitionRate > 0 ? Math.round(max / perPartitionRate) : 0;
    this.#d.metrics.put(keys.sum, now - MINUTE, sum, 'Count');
    this.#d.metrics.put(keys.max, now - MINUTE, max, 'Count');
    this.#d.metrics.put(keys.time, now - MINUTE, timeLag, 'Seconds');
  }

  #autoscale(p: SimPipeline) {
    const decision = decideScaling({
      nowMs: this.#now,
      parallelism: p.parallelism,
      partitions: p.spec.partitions,
      runningSinceMs: p.runningSinceMs,
      scaleDownPendingSinceMs: p.scaleDownPendingSinceMs,
      samples: p.samples,
      settings: p.spec.autoscaler,
    });
    if (decision.action === 'none') {
      if (decision.why === 'within-bounds')
        p.scaleDownPendingSinceMs = undefined;
      return;
    }
    if (decision.action === 'scale-down-pending') {
      p.scaleDownPendingSinceMs = decision.sinceMs;
      return;
    }
    const message = scalingReportMessage(
      p.vertexIds.map(vertexId => ({
        vertexId,
        from: decision.from,
        to: decision.to,
        rates: decision.rates,
      })),
    );
    this.#event({
      involved: this.#flinkInvolved(p),
      reason: 'ScalingReport',
      message,
      type: 'Normal',
      component: 'Operator',
      dedupeWindowMs: AUTOSCALER_EVENT_INTERVAL_MS,
    });
    if (decision.limited) {
      this.#event({
        involved: this.#flinkInvolved(p),
        reason: 'ScalingLimited',
        message: scalingLimitedMessage(
          p.vertexIds[0],
          decision.limited.wanted,
          decision.to,
          p.spec.partitions,
          decision.limited.upperBound,
          decision.limited.lowerBound,
        ),
        type: 'Warning',
        component: 'Operator',
        dedupeWindowMs: AUTOSCALER_EVENT_INTERVAL_MS,
      });
    }
    this.#rescale(p, decision.to);
  }

  #writePoolUsage() {
    for (const pool of this.spec.nodePools) {
      let cpu = 0;
      let memory = 0;
      let nodes = 0;
      let pods = 0;
      for (const n of this.#nodes.values()) {
        if (n.pool !== pool.name || n.launchedAtMs === undefined) continue;
        cpu += n.capacityCpuMillis;
        memory += n.capacityMemoryMiB;
        nodes++;
        pods += n.pods.size;
      }
      const signature = `${cpu}/${memory}/${nodes}/${pods}`;
      if (this.#poolUsageWritten.get(pool.name) === signature) continue;
      this.#poolUsageWritten.set(pool.name, signature);
      const object: KubeObject = nodePoolObject(
        pool,
        this.#zones,
        { cpuMillis: cpu, memoryMiB: memory, nodes, pods },
        this.#startedAtMs,
      );
      this.#d.store.upsert(KEYS.nodepools, object);
    }
  }

  // -------------------------------------------------------------- helpers

  #event(input: EventInput) {
    this.#events.record(input, this.#now);
  }

  /** A latency around its median, spread as the scenario says. */
  #latency(medianMs: number): number {
    return Math.max(
      1,
      Math.round(
        this.#d.random.logNormal(medianMs, this.#behaviour.latencySigma),
      ),
    );
  }
}
