import { instanceTypeShape } from '@internal/backstage-plugin-streaming-platform-common';

/** A way to get a node: an instance type, in a zone, as spot or on-demand. */
export interface Offering {
  instanceType: string;
  zone: string;
  capacityType: 'spot' | 'on-demand';
  usdPerHour: number;
  /** What pods can request on such a node. */
  allocatableCpuMillis: number;
  allocatableMemoryMiB: number;
}

export interface PodRequest {
  cpuMillis: number;
  memoryMiB: number;
}

/** Pods a node of the AWS VPC CNI can hold on these sizes (ENI × IPs − 2). */
const MAX_PODS = 58;

/**
 * Capacity left for pods once the kubelet's reservations are taken, by the
 * formulas EKS AMIs and Karpenter use: CPU 6 % of the first core, 1 % of the
 * second, 0.5 % of the third and fourth, 0.25 % of the rest; memory
 * 11 MiB × max pods + 255 MiB, plus the 100 MiB hard eviction threshold.
 */
export function allocatable(instanceType: string):
  | {
      cpuMillis: number;
      memoryMiB: number;
      capacityCpuMillis: number;
      capacityMemoryMiB: number;
    }
  | undefined {
  const shape = instanceTypeShape(instanceType);
  if (!shape) return undefined;
  const cores = shape.vcpu;
  let reservedCpu = 60;
  if (cores > 1) reservedCpu += 10;
  if (cores > 2) reservedCpu += 5 * Math.min(2, cores - 2);
  if (cores > 4) reservedCpu += 2.5 * (cores - 4);
  const capacityMemoryMiB = shape.memoryGiB * 1024;
  return {
    capacityCpuMillis: cores * 1000,
    capacityMemoryMiB,
    cpuMillis: cores * 1000 - Math.ceil(reservedCpu),
    memoryMiB: capacityMemoryMiB - (11 * MAX_PODS + 255) - 100,
  };
}

/**
 * Karpenter's provisioning choice, simplified: repeatedly open the node that
 * places the remaining pods (largest first) at the lowest price per placed
 * pod, preferring more pods on a tie. Returns the nodes to launch and which
 * pods (by index) each one is for. Pods that fit no offering are left out.
 */
export function packPods(
  pods: readonly PodRequest[],
  offerings: readonly Offering[],
): Array<{ offering: Offering; pods: number[] }> {
  const order = pods
    .map((pod, index) => ({ pod, index }))
    .sort(
      (a, b) =>
        b.pod.cpuMillis - a.pod.cpuMillis || b.pod.memoryMiB - a.pod.memoryMiB,
    );
  let remaining = order.filter(({ pod }) =>
    offerings.some(
      o =>
        o.allocatableCpuMillis >= pod.cpuMillis &&
        o.allocatableMemoryMiB >= pod.memoryMiB,
    ),
  );
  const nodes: Array<{ offering: Offering; pods: number[] }> = [];
  while (remaining.length > 0) {
    let best:
      | { offering: Offering; placed: number[]; costPerPod: number }
      | undefined;
    for (const offering of offerings) {
      const placed = firstFit(remaining, offering);
      if (placed.length === 0) continue;
      const costPerPod = offering.usdPerHour / placed.length;
      if (
        !best ||
        costPerPod < best.costPerPod - 1e-12 ||
        (Math.abs(costPerPod - best.costPerPod) <= 1e-12 &&
          placed.length > best.placed.length)
      ) {
        best = { offering, placed, costPerPod };
      }
    }
    if (!best) break;
    const placedSet = new Set(best.placed);
    nodes.push({ offering: best.offering, pods: best.placed });
    remaining = remaining.filter(({ index }) => !placedSet.has(index));
  }
  return nodes;
}

function firstFit(
  pods: ReadonlyArray<{ pod: PodRequest; index: number }>,
  offering: Offering,
): number[] {
  let cpu = offering.allocatableCpuMillis;
  let memory = offering.allocatableMemoryMiB;
  const placed: number[] = [];
  for (const { pod, index } of pods) {
    if (placed.length >= MAX_PODS - 4) break; // DaemonSet pods take a few slots
    if (pod.cpuMillis <= cpu && pod.memoryMiB <= memory) {
      cpu -= pod.cpuMillis;
      memory -= pod.memoryMiB;
      placed.push(index);
    }
  }
  return placed;
}
