/**
 * The capacity of an EC2 instance type, as Kubernetes sees a node of it
 * before system reservations.
 *
 * @public
 */
export interface InstanceTypeShape {
  instanceType: string;
  family: string;
  size: string;
  vcpu: number;
  memoryGiB: number;
  architecture: 'amd64' | 'arm64';
}

// GiB of memory per vCPU by family class: compute (c), general (m), memory (r).
const MEMORY_PER_VCPU: Record<string, number> = { c: 2, m: 4, r: 8 };
const VCPU_BY_SIZE: Record<string, number> = {
  large: 2,
  xlarge: 4,
  '2xlarge': 8,
  '4xlarge': 16,
  '8xlarge': 32,
};

/**
 * The shape of an instance type of the c, m and r families of generations 5
 * to 7 (e.g. `m6i.xlarge`, `c6g.2xlarge`), sizes large to 8xlarge; undefined
 * for others. These families have 2, 4 and 8 GiB per vCPU and `g` marks
 * Graviton (arm64), as AWS documents for them.
 *
 * @public
 */
export function instanceTypeShape(
  instanceType: string,
): InstanceTypeShape | undefined {
  const match = /^([cmr])([5-7])([a-z]*)\.([0-9]*x?large)$/.exec(instanceType);
  if (!match) return undefined;
  const [, cls, generation, attributes, size] = match;
  const vcpu = VCPU_BY_SIZE[size];
  if (!vcpu) return undefined;
  return {
    instanceType,
    family: `${cls}${generation}${attributes}`,
    size,
    vcpu,
    memoryGiB: vcpu * MEMORY_PER_VCPU[cls],
    architecture: attributes.includes('g') ? 'arm64' : 'amd64',
  };
}
