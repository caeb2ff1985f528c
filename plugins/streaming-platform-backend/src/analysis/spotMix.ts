import {
  CapacityType,
  SpotMix,
} from '@internal/backstage-plugin-streaming-platform-common';

const HOUR_MS = 3_600_000;

/** A stretch of time during which some vCPUs were requested on one capacity type. */
export interface CapacitySlice {
  capacityType: CapacityType;
  vcpu: number;
  durationMs: number;
}

function mixOf(amounts: Record<CapacityType, number>): SpotMix {
  const total = amounts.spot + amounts['on-demand'] + amounts.reserved;
  if (!(total > 0)) {
    return { spot: 0, onDemand: 0, reserved: 0, vcpuHours: 0 };
  }
  return {
    spot: amounts.spot / total,
    onDemand: amounts['on-demand'] / total,
    reserved: amounts.reserved / total,
    vcpuHours: total,
  };
}

function emptyAmounts(): Record<CapacityType, number> {
  return { spot: 0, 'on-demand': 0, reserved: 0 };
}

/** Negative, NaN or infinite amounts are data errors; they count as nothing. */
function amount(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : 0;
}

/**
 * The time-weighted spot mix of some requested vCPUs: each capacity type's
 * share of the vCPU-hours (Σ vCPU × hours). All shares are 0 when nothing
 * was requested.
 */
export function spotMixOf(slices: Iterable<CapacitySlice>): SpotMix {
  const vcpuHours = emptyAmounts();
  for (const slice of slices) {
    if (!(slice.capacityType in vcpuHours)) continue;
    vcpuHours[slice.capacityType] +=
      (amount(slice.vcpu) * amount(slice.durationMs)) / HOUR_MS;
  }
  return mixOf(vcpuHours);
}

/** The spot mix now: shares of the vCPUs requested now (`vcpuHours` holds the vCPUs). */
export function spotMixNow(
  vcpuByCapacityType: Partial<Record<CapacityType, number>>,
): SpotMix {
  return mixOf({
    spot: amount(vcpuByCapacityType.spot),
    'on-demand': amount(vcpuByCapacityType['on-demand']),
    reserved: amount(vcpuByCapacityType.reserved),
  });
}

/**
 * The spot mix over minute samples (a pipeline's or a NodePool's): each
 * sample stands for `sampleMs` of its vCPUs. Missing minutes count as
 * nothing requested.
 */
export function spotMixFromSamples(
  samples: Iterable<{
    at: number;
    vcpuByCapacityType: Partial<Record<CapacityType, number>>;
  }>,
  sampleMs: number = 60_000,
): SpotMix {
  const vcpuHours = emptyAmounts();
  const hours = amount(sampleMs) / HOUR_MS;
  for (const sample of samples) {
    const vcpu = sample.vcpuByCapacityType;
    vcpuHours.spot += amount(vcpu.spot) * hours;
    vcpuHours['on-demand'] += amount(vcpu['on-demand']) * hours;
    vcpuHours.reserved += amount(vcpu.reserved) * hours;
  }
  return mixOf(vcpuHours);
}
