import {
  NodeClaimLifecycle,
  NodePrice,
  PodLifecycle,
  RecordedEvent,
} from '../analysis/types';
import { parseScalingReport } from '../analysis/scalingReport';
import { NodePriceLookup } from '../aws/types';
import { KubeObject, WatchedKind, WatchSink } from '../kubernetes/types';
import {
  NodeObject,
  PipelineObject,
  PodObject,
  readEvent,
  readNode,
  readNodeClaim,
  readPipeline,
  readPod,
} from './objects';

/** A pipeline in the index: its FlinkDeployment and what its events told. */
export interface IndexedPipeline extends PipelineObject {
  ref: string;
  cluster: string;
  /** The newest executed ScalingReport's parallelism, when one was seen. */
  reportedParallelism?: number;
  reportedParallelismAt?: number;
}

/** A node in the index, with its price. */
export interface IndexedNode extends NodeObject {
  price: NodePrice;
}

/** What the index hands on to be recorded in the history. */
export interface IndexRecorder {
  event(event: RecordedEvent): void;
  pod(pod: PodLifecycle): void;
  nodeClaim(claim: NodeClaimLifecycle): void;
}

/** One cluster's objects, with the reverse maps that keep updates O(change). */
export class ClusterIndex {
  readonly name: string;
  readonly pipelines = new Map<string, IndexedPipeline>();
  readonly pods = new Map<string, PodObject>();
  readonly podsByPipeline = new Map<string, Set<string>>();
  readonly nodes = new Map<string, IndexedNode>();
  readonly podsByNode = new Map<string, Set<string>>();
  readonly nodeClaims = new Map<string, NodeClaimLifecycle>();
  readonly nodePools = new Set<string>();
  /** Bumped on every change, so derived views can be cached. */
  version = 0;

  constructor(name: string) {
    this.name = name;
  }

  podsOfPipeline(key: string): PodObject[] {
    const keys = this.podsByPipeline.get(key);
    if (!keys) return [];
    const pods: PodObject[] = [];
    for (const podKey of keys) {
      const pod = this.pods.get(podKey);
      if (pod) pods.push(pod);
    }
    return pods;
  }
}

const ZERO_PRICE: NodePrice = {
  usdPerHour: 0,
  source: 'unknown',
  onDemandUsdPerHour: 0,
  onDemandSource: 'unknown',
};

const addTo = (map: Map<string, Set<string>>, key: string, value: string) => {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(value);
};

const removeFrom = (
  map: Map<string, Set<string>>,
  key: string | undefined,
  value: string,
) => {
  if (key === undefined) return;
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
};

/**
 * The in-memory index of every watched cluster, fed by the watches
 * (`WatchSink`). Each watch event costs O(1) here — a pod moves between
 * reverse maps, a node gets its price — so ingest never walks a cluster.
 * Reads compose what they need from the reverse maps.
 */
export class PlatformIndex implements WatchSink {
  readonly #clusters = new Map<string, ClusterIndex>();
  readonly #regions: Map<string, string>;
  #prices: NodePriceLookup;
  readonly #recorder?: IndexRecorder;
  readonly #now: () => number;
  /** Watch events and list items applied, for the benchmark. */
  applied = 0;

  constructor(options: {
    clusters: Array<{ name: string; region?: string }>;
    prices: NodePriceLookup;
    recorder?: IndexRecorder;
    now?: () => number;
  }) {
    this.#regions = new Map();
    for (const cluster of options.clusters) {
      this.#clusters.set(cluster.name, new ClusterIndex(cluster.name));
      if (cluster.region) this.#regions.set(cluster.name, cluster.region);
    }
    this.#prices = options.prices;
    this.#recorder = options.recorder;
    this.#now = options.now ?? Date.now;
  }

  clusters(): ClusterIndex[] {
    return [...this.#clusters.values()];
  }

  cluster(name: string): ClusterIndex | undefined {
    return this.#clusters.get(name);
  }

  pipeline(ref: string): IndexedPipeline | undefined {
    const [cluster, namespace, name] = ref.split('/');
    return this.#clusters.get(cluster)?.pipelines.get(`${namespace}/${name}`);
  }

  /** Re-prices every node, after the price service refreshed. */
  setPrices(prices: NodePriceLookup): void {
    this.#prices = prices;
    for (const cluster of this.#clusters.values()) {
      for (const node of cluster.nodes.values()) {
        node.price = this.#priceOf(cluster.name, node);
      }
      cluster.version++;
    }
  }

  /** Seeds parallelism from recorded ScalingReports after a restart. */
  seedParallelism(ref: string, parallelism: number, at: number): void {
    const pipeline = this.pipeline(ref);
    if (pipeline && at >= (pipeline.reportedParallelismAt ?? 0)) {
      pipeline.reportedParallelism = parallelism;
      pipeline.reportedParallelismAt = at;
    }
  }

  replace(cluster: string, kind: WatchedKind, objects: KubeObject[]): void {
    const index = this.#clusters.get(cluster);
    if (!index) return;
    const seen = new Set<string>();
    for (const object of objects) {
      const key = this.#keyOf(kind, object);
      if (key) seen.add(key);
      this.#upsert(index, kind, object);
    }
    // What vanished while the watch was down was deleted meanwhile.
    for (const key of this.#keysOf(index, kind)) {
      if (!seen.has(key)) this.#delete(index, kind, key);
    }
    index.version++;
  }

  apply(
    cluster: string,
    kind: WatchedKind,
    type: 'ADDED' | 'MODIFIED' | 'DELETED',
    object: KubeObject,
  ): void {
    const index = this.#clusters.get(cluster);
    if (!index) return;
    if (type === 'DELETED') {
      const key = this.#keyOf(kind, object);
      if (key) this.#delete(index, kind, key, object);
    } else {
      this.#upsert(index, kind, object);
    }
    index.version++;
  }

  #keyOf(kind: WatchedKind, object: KubeObject): string | undefined {
    const meta = object.metadata;
    if (!meta?.name) return undefined;
    if (kind === 'Node' || kind === 'NodeClaim' || kind === 'NodePool') {
      return meta.name;
    }
    return `${meta.namespace ?? ''}/${meta.name}`;
  }

  #keysOf(index: ClusterIndex, kind: WatchedKind): string[] {
    switch (kind) {
      case 'FlinkDeployment':
        return [...index.pipelines.keys()];
      case 'Pod':
        return [...index.pods.keys()];
      case 'Node':
        return [...index.nodes.keys()];
      case 'NodeClaim':
        return [...index.nodeClaims.keys()];
      case 'NodePool':
        return [...index.nodePools];
      default:
        return [];
    }
  }

  #upsert(index: ClusterIndex, kind: WatchedKind, object: KubeObject) {
    this.applied++;
    switch (kind) {
      case 'FlinkDeployment':
        return this.#upsertPipeline(index, object);
      case 'Pod':
        return this.#upsertPod(index, object);
      case 'Node':
        return this.#upsertNode(index, object);
      case 'NodeClaim':
        return this.#upsertNodeClaim(index, object);
      case 'NodePool':
        if (object.metadata?.name) index.nodePools.add(object.metadata.name);
        return undefined;
      case 'Event':
        return this.#recordEvent(index, object);
      default:
        return undefined;
    }
  }

  #delete(
    index: ClusterIndex,
    kind: WatchedKind,
    key: string,
    object?: KubeObject,
  ) {
    this.applied++;
    switch (kind) {
      case 'FlinkDeployment':
        index.pipelines.delete(key);
        return;
      case 'Pod': {
        const pod = index.pods.get(key);
        if (!pod) return;
        index.pods.delete(key);
        removeFrom(index.podsByPipeline, pod.pipelineKey, key);
        removeFrom(index.podsByNode, pod.nodeName, key);
        this.#recordPod(index, pod, this.#now());
        return;
      }
      case 'Node':
        index.nodes.delete(key);
        return;
      case 'NodeClaim': {
        const claim = index.nodeClaims.get(key);
        index.nodeClaims.delete(key);
        if (claim) {
          const deleted =
            (object && readNodeClaim(index.name, object)?.deletedAt) ??
            claim.deletedAt ??
            this.#now();
          this.#recorder?.nodeClaim({ ...claim, deletedAt: deleted });
        }
        return;
      }
      case 'NodePool':
        index.nodePools.delete(key);
        return;
      default:
        return;
    }
  }

  #upsertPipeline(index: ClusterIndex, object: KubeObject) {
    const read = readPipeline(object);
    if (!read) return;
    const key = `${read.namespace}/${read.name}`;
    const previous = index.pipelines.get(key);
    index.pipelines.set(key, {
      ...read,
      cluster: index.name,
      ref: `${index.name}/${key}`,
      // A new FlinkDeployment of the same name starts from its spec again.
      reportedParallelism:
        previous?.uid === read.uid ? previous.reportedParallelism : undefined,
      reportedParallelismAt:
        previous?.uid === read.uid ? previous.reportedParallelismAt : undefined,
    });
  }

  #upsertPod(index: ClusterIndex, object: KubeObject) {
    const pod = readPod(object);
    if (!pod) return;
    const key = `${pod.namespace}/${pod.name}`;
    const previous = index.pods.get(key);
    if (previous) {
      if (previous.pipelineKey !== pod.pipelineKey) {
        removeFrom(index.podsByPipeline, previous.pipelineKey, key);
      }
      if (previous.nodeName !== pod.nodeName) {
        removeFrom(index.podsByNode, previous.nodeName, key);
      }
    }
    index.pods.set(key, pod);
    if (pod.pipelineKey) addTo(index.podsByPipeline, pod.pipelineKey, key);
    if (pod.nodeName) addTo(index.podsByNode, pod.nodeName, key);
    if (
      pod.pipelineKey &&
      (!previous ||
        previous.scheduledAt !== pod.scheduledAt ||
        previous.readyAt !== pod.readyAt ||
        previous.nodeName !== pod.nodeName ||
        previous.deletingAt !== pod.deletingAt)
    ) {
      this.#recordPod(index, pod, undefined);
    }
  }

  #recordPod(index: ClusterIndex, pod: PodObject, deletedAt?: number) {
    if (!this.#recorder || !pod.pipelineKey) return;
    const node = pod.nodeName ? index.nodes.get(pod.nodeName) : undefined;
    this.#recorder.pod({
      cluster: index.name,
      namespace: pod.namespace,
      name: pod.name,
      uid: pod.uid,
      pipelineRef: `${index.name}/${pod.pipelineKey}`,
      role: pod.role,
      nodeName: pod.nodeName,
      nodePool: node?.nodePool,
      capacityType: node?.capacityType,
      cpuMillis: pod.cpuMillis,
      memoryMiB: pod.memoryMiB,
      createdAt: pod.createdAt,
      scheduledAt: pod.scheduledAt,
      readyAt: pod.readyAt,
      deletedAt: deletedAt ?? pod.deletingAt,
    });
  }

  #upsertNode(index: ClusterIndex, object: KubeObject) {
    const node = readNode(object);
    if (!node) return;
    index.nodes.set(node.name, {
      ...node,
      price: this.#priceOf(index.name, node),
    });
    if (node.nodePool && node.nodePoolKind === 'node-group') {
      index.nodePools.add(node.nodePool);
    }
  }

  #priceOf(cluster: string, node: NodeObject): NodePrice {
    const region =
      node.region || this.#regions.get(cluster) || node.zone.slice(0, -1);
    if (!region || node.instanceType === 'unknown') return ZERO_PRICE;
    return this.#prices.priceOf({
      region,
      instanceType: node.instanceType,
      zone: node.zone,
      capacityType: node.capacityType,
    });
  }

  #upsertNodeClaim(index: ClusterIndex, object: KubeObject) {
    const claim = readNodeClaim(index.name, object);
    if (!claim) return;
    const previous = index.nodeClaims.get(claim.name);
    index.nodeClaims.set(claim.name, claim);
    if (
      !previous ||
      previous.launchedAt !== claim.launchedAt ||
      previous.registeredAt !== claim.registeredAt ||
      previous.readyAt !== claim.readyAt ||
      previous.nodeName !== claim.nodeName ||
      previous.deletedAt !== claim.deletedAt ||
      previous.disruptionReason !== claim.disruptionReason
    ) {
      this.#recorder?.nodeClaim(claim);
    }
  }

  #recordEvent(index: ClusterIndex, object: KubeObject) {
    const event = readEvent(index.name, object);
    if (!event) return;
    const involvedKey = `${event.involvedNamespace ?? event.namespace ?? ''}/${
      event.involvedName
    }`;
    switch (event.involvedKind) {
      case 'FlinkDeployment': {
        event.pipelineRef = `${index.name}/${involvedKey}`;
        const pipeline = index.pipelines.get(involvedKey);
        if (pipeline && event.reason === 'ScalingReport') {
          const report = parseScalingReport(event.message);
          // A re-list hands over the last hour's events in any order.
          if (
            report?.executed &&
            report.vertices.length &&
            event.at >= (pipeline.reportedParallelismAt ?? 0)
          ) {
            pipeline.reportedParallelism = Math.max(
              ...report.vertices.map(v => v.to),
            );
            pipeline.reportedParallelismAt = event.at;
          }
        }
        break;
      }
      case 'Pod': {
        const pod = index.pods.get(involvedKey);
        if (pod?.pipelineKey) {
          event.pipelineRef = `${index.name}/${pod.pipelineKey}`;
        }
        break;
      }
      case 'NodeClaim':
        event.nodePool = index.nodeClaims.get(event.involvedName)?.nodePool;
        break;
      case 'Node':
        event.nodePool = index.nodes.get(event.involvedName)?.nodePool;
        break;
      case 'NodePool':
        event.nodePool = event.involvedName;
        break;
      default:
        break;
    }
    this.#recorder?.event(event);
  }
}
