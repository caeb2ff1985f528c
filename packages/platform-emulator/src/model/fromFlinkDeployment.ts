import { KubeObject } from '../kube/types';
import { hashUniform } from '../random';
import { AutoscalerSettings } from './autoscaler';
import { parseMemoryToMiB } from './quantities';
import { PipelineSpec } from './scenario';

const MINUTE = 60_000;

/** Flink's duration syntax: `30 s`, `5min`, `1 h`, `2d`, `100ms`, or plain milliseconds. */
export function parseFlinkDuration(
  value: string | undefined,
): number | undefined {
  if (value === undefined) return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(value);
  if (!match) return undefined;
  const n = Number(match[1]);
  const unit = match[2].toLowerCase();
  const units: Array<[string[], number]> = [
    [['', 'ms', 'milli', 'millis', 'millisecond', 'milliseconds'], 1],
    [['s', 'sec', 'secs', 'second', 'seconds'], 1000],
    [['m', 'min', 'mins', 'minute', 'minutes'], MINUTE],
    [['h', 'hour', 'hours'], 60 * MINUTE],
    [['d', 'day', 'days'], 24 * 60 * MINUTE],
  ];
  const factor = units.find(([names]) => names.includes(unit))?.[1];
  return factor === undefined ? undefined : n * factor;
}

/** The operator's defaults (release 1.15.0) for keys a FlinkDeployment leaves out. */
export const AUTOSCALER_DEFAULTS: AutoscalerSettings = {
  enabled: false,
  utilizationTarget: 0.7,
  utilizationMin: 0.4,
  utilizationMax: 1.0,
  stabilizationMs: 5 * MINUTE,
  metricsWindowMs: 15 * MINUTE,
  scaleDownIntervalMs: 60 * MINUTE,
  catchUpMs: 30 * MINUTE,
  backlogLagThresholdMs: 5 * MINUTE,
  scaleUpMaxFactor: 100000,
  scaleDownMaxFactor: 0.6,
  minParallelism: 1,
  maxParallelism: 200,
};

/** Annotations through which a FlinkDeployment tells the emulator about its source. */
export const EMULATOR_ANNOTATIONS = {
  topic: 'streaming-platform.io/source-topic',
  consumerGroup: 'streaming-platform.io/consumer-group',
  partitions: 'streaming-platform.io/source-partitions',
  team: 'streaming-platform.io/team',
  baseRate: 'streaming-platform.io/emulator-base-rate',
  lagTargetSeconds: 'streaming-platform.io/lag-target-seconds',
} as const;

/**
 * What the emulator runs for a FlinkDeployment a client created: settings
 * from its spec and flinkConfiguration (autoscaler keys, slots, resources,
 * parallelism), its Kafka source from the Flink configuration keys
 * `kafka.source.topic` / `kafka.source.group-id` or the annotations above,
 * and traffic drawn from its name (or the base-rate annotation) sized to fit
 * its initial parallelism.
 */
export function pipelineSpecFromFlinkDeployment(
  object: KubeObject,
  seed: string,
): PipelineSpec {
  const spec = (object.spec ?? {}) as {
    image?: string;
    flinkVersion?: string;
    flinkConfiguration?: Record<string, string>;
    jobManager?: { resource?: { cpu?: number; memory?: string } };
    taskManager?: { resource?: { cpu?: number; memory?: string } };
    job?: { parallelism?: number; state?: string };
  };
  const conf = spec.flinkConfiguration ?? {};
  const annotations = object.metadata.annotations ?? {};
  const labels = object.metadata.labels ?? {};
  const name = object.metadata.name;
  const namespace = object.metadata.namespace ?? 'default';
  const key = (k: string) => conf[k] ?? conf[`kubernetes.operator.${k}`];
  const number = (v: string | undefined, fallback: number) => {
    const n = v === undefined ? NaN : Number(v);
    return Number.isFinite(n) ? n : fallback;
  };
  const duration = (k: string, fallback: number) =>
    parseFlinkDuration(key(k)) ?? fallback;
  const d = AUTOSCALER_DEFAULTS;
  const target = number(
    key('job.autoscaler.utilization.target') ??
      key('job.autoscaler.target.utilization'),
    d.utilizationTarget,
  );
  const parallelism = Math.max(1, Math.floor(spec.job?.parallelism ?? 1));
  const partitions = Math.max(
    1,
    Math.floor(
      number(
        annotations[EMULATOR_ANNOTATIONS.partitions],
        Math.max(12, parallelism * 2),
      ),
    ),
  );
  const slotThroughput = 1500;
  const autoscaler: AutoscalerSettings = {
    enabled: key('job.autoscaler.enabled') === 'true',
    utilizationTarget: target,
    utilizationMin: number(
      key('job.autoscaler.utilization.min'),
      Math.max(0, target - 0.3),
    ),
    utilizationMax: number(
      key('job.autoscaler.utilization.max'),
      Math.min(1, target + 0.3),
    ),
    stabilizationMs: duration(
      'job.autoscaler.stabilization.interval',
      d.stabilizationMs,
    ),
    metricsWindowMs: duration(
      'job.autoscaler.metrics.window',
      d.metricsWindowMs,
    ),
    scaleDownIntervalMs: duration(
      'job.autoscaler.scale-down.interval',
      d.scaleDownIntervalMs,
    ),
    catchUpMs: duration('job.autoscaler.catch-up.duration', d.catchUpMs),
    backlogLagThresholdMs: duration(
      'job.autoscaler.backlog-processing.lag-threshold',
      d.backlogLagThresholdMs,
    ),
    scaleUpMaxFactor: number(
      key('job.autoscaler.scale-up.max-factor'),
      d.scaleUpMaxFactor,
    ),
    scaleDownMaxFactor: number(
      key('job.autoscaler.scale-down.max-factor'),
      d.scaleDownMaxFactor,
    ),
    minParallelism: number(
      key('job.autoscaler.vertex.min-parallelism'),
      d.minParallelism,
    ),
    maxParallelism: number(
      key('job.autoscaler.vertex.max-parallelism'),
      d.maxParallelism,
    ),
  };
  const resources = (
    r: { cpu?: number; memory?: string } | undefined,
    fallback: { cpuMillis: number; memoryMiB: number },
  ) => ({
    cpuMillis:
      r?.cpu !== undefined ? Math.round(r.cpu * 1000) : fallback.cpuMillis,
    memoryMiB:
      (r?.memory !== undefined ? parseMemoryToMiB(r.memory) : undefined) ??
      fallback.memoryMiB,
  });
  // Without a declared rate, the topic carries what about 60 % of the
  // initial parallelism handles, varied by name.
  const baseRate = number(
    annotations[EMULATOR_ANNOTATIONS.baseRate],
    parallelism *
      slotThroughput *
      (0.45 + 0.3 * hashUniform(seed, namespace, name)),
  );
  const topic =
    conf['kafka.source.topic'] ??
    annotations[EMULATOR_ANNOTATIONS.topic] ??
    name;
  return {
    namespace,
    name,
    team:
      labels[EMULATOR_ANNOTATIONS.team] ??
      annotations[EMULATOR_ANNOTATIONS.team] ??
      namespace,
    topic,
    consumerGroup:
      conf['kafka.source.group-id'] ??
      annotations[EMULATOR_ANNOTATIONS.consumerGroup] ??
      `${namespace}.${name}`,
    partitions,
    traffic: {
      baseRate,
      dailyAmplitude: 0.4,
      peakPhase: 0.3 + 0.4 * hashUniform(seed, 'peak', namespace, name),
      spikeEveryMs: 6 * 60 * MINUTE,
      spikeFactor: 2,
      spikeDurationMs: 10 * MINUTE,
      noise: 0.05,
    },
    slotThroughput,
    taskSlots: Math.max(
      1,
      Math.floor(number(conf['taskmanager.numberOfTaskSlots'], 1)),
    ),
    taskManager: resources(spec.taskManager?.resource, {
      cpuMillis: 1000,
      memoryMiB: 2048,
    }),
    jobManager: resources(spec.jobManager?.resource, {
      cpuMillis: 1000,
      memoryMiB: 2048,
    }),
    initialParallelism: Math.min(parallelism, partitions),
    autoscaler: {
      ...autoscaler,
      maxParallelism: Math.min(autoscaler.maxParallelism, partitions),
    },
    checkpointIntervalMs:
      parseFlinkDuration(conf['execution.checkpointing.interval']) ?? MINUTE,
    capacityProfile:
      conf['streaming-platform.capacity-profile'] === 'on-demand' ||
      labels['streaming-platform.io/capacity-profile'] === 'on-demand'
        ? 'on-demand'
        : 'spot-first',
    lagTargetSeconds:
      Number(annotations[EMULATOR_ANNOTATIONS.lagTargetSeconds]) > 0
        ? Number(annotations[EMULATOR_ANNOTATIONS.lagTargetSeconds])
        : undefined,
    flinkVersion: spec.flinkVersion ?? 'v1_20',
    image: spec.image ?? 'flink:1.20',
  };
}
