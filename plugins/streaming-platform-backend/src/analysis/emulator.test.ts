import {
  CORE_EVENTS_KEY,
  demoScenario,
  KubeObject,
  KubeStore,
  ObjectStore,
  Simulation,
  SimulationOptions,
} from '@internal/platform-emulator';
import { ScalingEpisode } from '@internal/backstage-plugin-streaming-platform-common';
import { detectScalingEpisodes } from './episodes';
import { nodePoolStats } from './nodePoolStats';
import { parseScalingReport } from './scalingReport';
import {
  LagSample,
  NodeClaimLifecycle,
  PodLifecycle,
  RecordedEvent,
} from './types';

/*
 * The analysis against what the platform emulator writes: its events
 * (ScalingReport messages as its autoscaler formats them, JobStatusChanged,
 * Karpenter's), its pods and NodeClaims, its lag. A small recorder turns the
 * stored objects into the analysis inputs the way the backend's recorder
 * does: from the objects' own timestamps.
 */

const MINUTE = 60_000;
const START = Date.UTC(2026, 10, 28, 0, 0);
const RUN_MS = 120 * MINUTE;
const NODEPOOL_LABEL = 'karpenter.sh/nodepool';
const CAPACITY_TYPE_LABEL = 'karpenter.sh/capacity-type';

type Conditions = Array<{
  type: string;
  status: string;
  reason?: string;
  lastTransitionTime?: string;
}>;

function conditionTime(conditions: Conditions | undefined, type: string) {
  const found = conditions?.find(c => c.type === type && c.status === 'True');
  return found?.lastTransitionTime
    ? Date.parse(found.lastTransitionTime)
    : undefined;
}

class RecordingStore implements KubeStore {
  readonly events = new Map<string, RecordedEvent>();
  readonly pods = new Map<string, PodLifecycle>();
  readonly claims = new Map<string, NodeClaimLifecycle>();

  constructor(
    private readonly cluster: string,
    private readonly inner: KubeStore,
    private readonly now: () => number,
  ) {}

  upsert(resourceKey: string, object: KubeObject): KubeObject {
    const stored = this.inner.upsert(resourceKey, object);
    if (resourceKey === CORE_EVENTS_KEY) this.recordEvent(stored);
    if (resourceKey === 'v1/pods') this.recordPod(stored);
    if (resourceKey === 'karpenter.sh/v1/nodeclaims') this.recordClaim(stored);
    return stored;
  }

  remove(resourceKey: string, namespace: string | undefined, name: string) {
    const removed = this.inner.remove(resourceKey, namespace, name);
    const uid = removed?.metadata.uid ?? '';
    const life = this.pods.get(uid) ?? this.claims.get(uid);
    if (life) life.deletedAt ??= this.now();
    return removed;
  }

  get(resourceKey: string, namespace: string | undefined, name: string) {
    return this.inner.get(resourceKey, namespace, name);
  }

  all(resourceKey: string, namespace?: string) {
    return this.inner.all(resourceKey, namespace);
  }

  resourceVersion() {
    return this.inner.resourceVersion();
  }

  private recordEvent(e: KubeObject) {
    const involved = e.involvedObject as {
      kind: string;
      name: string;
      namespace?: string;
    };
    const count = (e.count as number | undefined) ?? 1;
    const key = `${e.metadata.uid}#${count}`;
    if (this.events.has(key)) return;
    this.events.set(key, {
      cluster: this.cluster,
      uid: e.metadata.uid!,
      count,
      namespace: e.metadata.namespace,
      involvedKind: involved.kind,
      involvedName: involved.name,
      involvedNamespace: involved.namespace,
      reason: e.reason as string,
      type: e.type as 'Normal' | 'Warning',
      message: e.message as string,
      component: (e.source as { component?: string } | undefined)?.component,
      at: Date.parse(e.lastTimestamp as string),
      ...(involved.kind === 'FlinkDeployment'
        ? {
            pipelineRef: `${this.cluster}/${involved.namespace}/${involved.name}`,
          }
        : {}),
    });
  }

  private recordPod(pod: KubeObject) {
    const labels = pod.metadata.labels ?? {};
    const role = labels.component;
    if (role !== 'taskmanager' && role !== 'jobmanager') return;
    const uid = pod.metadata.uid!;
    const status = pod.status as { conditions?: Conditions } | undefined;
    const life: PodLifecycle = this.pods.get(uid) ?? {
      cluster: this.cluster,
      namespace: pod.metadata.namespace!,
      name: pod.metadata.name,
      uid,
      pipelineRef: `${this.cluster}/${pod.metadata.namespace}/${labels.app}`,
      role,
      cpuMillis: 0,
      memoryMiB: 0,
      createdAt: Date.parse(pod.metadata.creationTimestamp!),
    };
    life.nodeName ??= (pod.spec as { nodeName?: string }).nodeName;
    life.scheduledAt ??= conditionTime(status?.conditions, 'PodScheduled');
    life.readyAt ??= conditionTime(status?.conditions, 'Ready');
    if (pod.metadata.deletionTimestamp) {
      life.deletedAt ??= Date.parse(pod.metadata.deletionTimestamp);
    }
    this.pods.set(uid, life);
  }

  private recordClaim(claim: KubeObject) {
    const labels = claim.metadata.labels ?? {};
    const uid = claim.metadata.uid!;
    const status = claim.status as
      | { nodeName?: string; conditions?: Conditions }
      | undefined;
    const life: NodeClaimLifecycle = this.claims.get(uid) ?? {
      cluster: this.cluster,
      name: claim.metadata.name,
      uid,
      nodePool: labels[NODEPOOL_LABEL],
      capacityType: labels[
        CAPACITY_TYPE_LABEL
      ] as NodeClaimLifecycle['capacityType'],
      instanceType: labels['node.kubernetes.io/instance-type'],
      zone: labels['topology.kubernetes.io/zone'],
      createdAt: Date.parse(claim.metadata.creationTimestamp!),
    };
    life.nodeName ??= status?.nodeName;
    life.readyAt ??= conditionTime(status?.conditions, 'Ready');
    life.disruptionReason ??= status?.conditions?.find(
      c => c.type === 'DisruptionReason',
    )?.reason;
    this.claims.set(uid, life);
  }
}

function runDemo() {
  const scenario = demoScenario();
  const stores = new Map<string, RecordingStore>();
  const lag: LagSample[] = [];
  const pipelineByGroup = new Map(
    scenario.clusters.flatMap(c =>
      c.pipelines.map(p => [
        p.consumerGroup,
        `${c.name}/${p.namespace}/${p.name}`,
      ]),
    ),
  );
  const metrics: SimulationOptions['metrics'] = {
    put(key, timestampMs, value) {
      if (key.metricName !== 'EstimatedMaxTimeLag') return;
      const group = key.dimensions.find(d => d.Name === 'Consumer Group');
      const pipelineRef = pipelineByGroup.get(group?.Value ?? '');
      if (!pipelineRef) return;
      lag.push({
        pipelineRef,
        at: Math.floor(timestampMs / MINUTE) * MINUTE,
        timeLagSeconds: value,
      });
    },
  };
  const sim = new Simulation({
    scenario,
    startMs: START,
    metrics,
    storeFor: (cluster, clock) => {
      const store = new RecordingStore(
        cluster.name,
        new ObjectStore({ clock }),
        () => clock.now(),
      );
      stores.set(cluster.name, store);
      return store;
    },
  });
  sim.runFor(RUN_MS);
  return { sim, scenario, stores, lag };
}

describe('analysis of the platform emulator', () => {
  const { sim, scenario, stores, lag } = runDemo();
  const events = [...stores.values()].flatMap(s => [...s.events.values()]);

  it('parses every ScalingReport the emulator writes', () => {
    const reports = events.filter(e => e.reason === 'ScalingReport');
    expect(reports.length).toBeGreaterThan(5);
    for (const report of reports) {
      const blocks = [
        ...report.message.matchAll(
          /Vertex ID ([0-9a-f]+) \| Parallelism (\d+) -> (\d+)/g,
        ),
      ].map(([, vertex, from, to]) => ({
        vertex,
        from: Number(from),
        to: Number(to),
      }));
      expect(blocks.length).toBeGreaterThan(0);
      expect(parseScalingReport(report.message)).toEqual({
        executed: true,
        vertices: blocks,
      });
    }
  });

  it('finds one episode per rescale the emulator made, with its parallelism', () => {
    const all: ScalingEpisode[] = [];
    for (const cluster of scenario.clusters) {
      const store = stores.get(cluster.name)!;
      for (const spec of cluster.pipelines) {
        const pipelineRef = `${cluster.name}/${spec.namespace}/${spec.name}`;
        const history = sim
          .cluster(cluster.name)
          .pipeline(pipelineRef)!.history;
        const episodes = detectScalingEpisodes({
          pipelineRef,
          events,
          pods: [...store.pods.values()],
          nodeClaims: [...store.claims.values()],
          lag,
          lagTargetSeconds: 60,
          now: START + RUN_MS,
        });
        // The emulator keeps its last 10 rescales; event times have seconds.
        expect(
          episodes
            .slice(-history.length)
            .map(e => [e.decidedAt, e.parallelismAfter]),
        ).toEqual(
          history.map(h => [
            new Date(Math.floor(h.atMs / 1000) * 1000).toISOString(),
            h.to,
          ]),
        );
        all.push(...episodes);
      }
    }
    const downs = all.filter(e => e.direction === 'down');
    const ups = all.filter(e => e.direction === 'up');
    const upsWithNewTaskManagers = ups.filter(
      e => e.taskManagersReadyAt !== undefined,
    );
    expect(downs.length).toBeGreaterThan(0);
    expect(upsWithNewTaskManagers.length).toBeGreaterThan(0);
    // Scale-downs release TaskManagers (never add them) and have no response.
    expect(downs.some(e => e.taskManagerDelta < 0)).toBe(true);
    expect(downs.filter(e => e.taskManagerDelta > 0)).toEqual([]);
    expect(downs.filter(e => e.responseSeconds !== undefined)).toEqual([]);
    // Scale-ups: trigger ≤ decision ≤ TaskManagers ready ≤ RUNNING, and the
    // response is trigger → ready.
    expect(ups.filter(e => e.triggerAt > e.decidedAt)).toEqual([]);
    expect(
      upsWithNewTaskManagers.filter(
        e =>
          e.taskManagerDelta <= 0 ||
          e.decidedAt > e.taskManagersReadyAt! ||
          e.runningAt === undefined ||
          e.taskManagersReadyAt! > e.runningAt ||
          e.responseSeconds !==
            (Date.parse(e.taskManagersReadyAt!) - Date.parse(e.triggerAt)) /
              1000,
      ),
    ).toEqual([]);
    // Karpenter launched nodes for some of them.
    expect(
      upsWithNewTaskManagers.some(
        e => e.nodesLaunched.spot + e.nodesLaunched['on-demand'] > 0,
      ),
    ).toBe(true);
  });

  it('measures node launches in the tens of seconds, as on EKS', () => {
    const karpenterClusters = scenario.clusters.filter(
      c => c.provisioning === 'karpenter',
    );
    expect(karpenterClusters.length).toBeGreaterThan(0);
    for (const cluster of karpenterClusters) {
      const store = stores.get(cluster.name)!;
      const stats = nodePoolStats({
        nodeClaims: [...store.claims.values()],
        pods: [...store.pods.values()],
        events: events.filter(e => e.cluster === cluster.name),
        window: { from: START, to: START + RUN_MS },
      });
      expect(stats.nodeLaunchSeconds.count).toBeGreaterThan(5);
      expect(stats.nodeLaunchSeconds.p50).toBeGreaterThan(15);
      expect(stats.nodeLaunchSeconds.max).toBeLessThan(180);
      expect(stats.podPendingSeconds.count).toBeGreaterThan(5);
    }
  });
});
