import { Offering, allocatable, packPods } from './provisioning';

const offering = (
  instanceType: string,
  usdPerHour: number,
  capacityType: 'spot' | 'on-demand' = 'spot',
): Offering => {
  const a = allocatable(instanceType)!;
  return {
    instanceType,
    zone: 'us-east-1a',
    capacityType,
    usdPerHour,
    allocatableCpuMillis: a.cpuMillis,
    allocatableMemoryMiB: a.memoryMiB,
  };
};

describe('allocatable', () => {
  it.each([
    ['m5.large', 1930, 8192 - 993],
    ['m5.xlarge', 3920, 16384 - 993],
    ['m5.4xlarge', 15890, 65536 - 993],
  ])('%s leaves %d millicores and %d MiB for pods', (type, cpu, memory) => {
    expect(allocatable(type)).toMatchObject({
      cpuMillis: cpu,
      memoryMiB: memory,
    });
  });
});

describe('packPods', () => {
  const tm = { cpuMillis: 1000, memoryMiB: 4096 };

  it('puts pods on the offering with the lowest price per pod', () => {
    // Six 1-CPU pods: an xlarge holds 3 for 0.06 (0.02/pod), a 2xlarge 6 for 0.10 (0.0167/pod).
    const nodes = packPods(Array(6).fill(tm), [
      offering('m5.xlarge', 0.06),
      offering('m5.2xlarge', 0.1),
    ]);
    expect(nodes.map(n => [n.offering.instanceType, n.pods.length])).toEqual([
      ['m5.2xlarge', 6],
    ]);
  });

  it('prefers spot when it is cheaper, and opens more nodes when one is not enough', () => {
    const nodes = packPods(Array(10).fill(tm), [
      offering('m5.xlarge', 0.192, 'on-demand'),
      offering('m5.xlarge', 0.07, 'spot'),
    ]);
    expect(nodes).toHaveLength(4);
    expect(nodes.every(n => n.offering.capacityType === 'spot')).toBe(true);
    expect(nodes.flatMap(n => n.pods).sort((a, b) => a - b)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
  });

  it('leaves out pods no offering can hold', () => {
    const nodes = packPods(
      [{ cpuMillis: 64000, memoryMiB: 1 }, tm],
      [offering('m5.large', 0.03)],
    );
    expect(nodes).toEqual([
      {
        offering: expect.objectContaining({ instanceType: 'm5.large' }),
        pods: [1],
      },
    ]);
  });

  it('places nothing without offerings', () => {
    expect(packPods([tm], [])).toEqual([]);
  });
});
