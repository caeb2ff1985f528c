import { CapacityType } from '@internal/backstage-plugin-streaming-platform-common';
import { inTimeOrder } from './timeOrder';

const MINUTE_MS = 60_000;

/** A pipeline's current unbroken run of minutes mostly on on-demand capacity. */
export interface OnDemandRun {
  /** The start of the run's first minute. */
  since: number;
  /** The start of its newest minute. */
  until: number;
  /** How many minutes it has (`(until − since) / sampleMs + 1`). */
  minutes: number;
}

/** What on-demand detection needs of a minute sample. */
export interface CapacitySample {
  at: number;
  vcpuByCapacityType: Partial<Record<CapacityType, number>>;
}

/** Share of a minute's requested vCPU on on-demand nodes; undefined when none was requested. */
function onDemandShare(sample: CapacitySample): number | undefined {
  const vcpu = sample.vcpuByCapacityType;
  const amount = (v: number | undefined) =>
    v !== undefined && Number.isFinite(v) && v > 0 ? v : 0;
  const onDemand = amount(vcpu['on-demand']);
  const total = onDemand + amount(vcpu.spot) + amount(vcpu.reserved);
  return total > 0 ? onDemand / total : undefined;
}

/**
 * The run of recorded minute samples, ending with the newest one, in which
 * every minute had at least `minShare` (default half) of the pipeline's
 * requested vCPU on on-demand nodes. The run must be current — its newest
 * minute at most `maxAgeMs` (default 3 minutes) before `now` — and unbroken:
 * a minute without a sample is unknown and ends the run, as does a minute
 * that requested no vCPU or had less than `minShare` on on-demand. Runs
 * shorter than `minMinutes` (default 1) are no answer. The run can reach no
 * further back than the samples given.
 */
export function currentOnDemandRun(
  samples: Iterable<CapacitySample>,
  options: {
    now: number;
    minMinutes?: number;
    minShare?: number;
    maxAgeMs?: number;
    sampleMs?: number;
  },
): OnDemandRun | undefined {
  const sampleMs = options.sampleMs ?? MINUTE_MS;
  const minShare = options.minShare ?? 0.5;
  const maxAgeMs = options.maxAgeMs ?? 3 * MINUTE_MS;
  const minMinutes = options.minMinutes ?? 1;
  const list = inTimeOrder(samples);
  let i = list.length - 1;
  while (i >= 0 && list[i].at > options.now) i--;
  if (i < 0 || options.now - list[i].at > maxAgeMs) return undefined;
  const newest = list[i].at;
  // Back from the newest minute, while each is the one before the last.
  let since: number | undefined;
  while (i >= 0 && list[i].at === (since ?? newest + sampleMs) - sampleMs) {
    const at = list[i].at;
    // A minute recorded twice counts once: its last record.
    const share = onDemandShare(list[i]);
    if (share === undefined || share < minShare) break;
    since = at;
    while (i >= 0 && list[i].at === at) i--;
  }
  if (since === undefined) return undefined;
  const run = {
    since,
    until: newest,
    minutes: (newest - since) / sampleMs + 1,
  };
  return run.minutes >= minMinutes ? run : undefined;
}
