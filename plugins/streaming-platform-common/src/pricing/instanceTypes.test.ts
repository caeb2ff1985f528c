import { instanceTypeShape } from './instanceTypes';
import { FALLBACK_ONDEMAND_PRICES } from './fallbackPrices';

describe('instanceTypeShape', () => {
  it.each([
    ['m5.large', 2, 8, 'amd64', 'm5'],
    ['c6i.xlarge', 4, 8, 'amd64', 'c6i'],
    ['r7i.2xlarge', 8, 64, 'amd64', 'r7i'],
    ['m6g.4xlarge', 16, 64, 'arm64', 'm6g'],
    ['c6g.large', 2, 4, 'arm64', 'c6g'],
  ])(
    '%s has %d vCPU and %d GiB (%s)',
    (type, vcpu, memoryGiB, arch, family) => {
      expect(instanceTypeShape(type)).toEqual({
        instanceType: type,
        family,
        size: type.split('.')[1],
        vcpu,
        memoryGiB,
        architecture: arch,
      });
    },
  );

  it.each(['t3.large', 'm5.metal', 'm5.24xlarge', 'x2iedn.xlarge', 'm5'])(
    'knows nothing of %s',
    type => {
      expect(instanceTypeShape(type)).toBeUndefined();
    },
  );

  it('knows the shape of every instance type in the shipped price table', () => {
    const unknown = FALLBACK_ONDEMAND_PRICES.filter(
      p => !instanceTypeShape(p.instanceType),
    );
    expect(unknown).toEqual([]);
  });
});

describe('FALLBACK_ONDEMAND_PRICES', () => {
  it('has 96 rows, a price per type and region, rising with size', () => {
    expect(FALLBACK_ONDEMAND_PRICES).toHaveLength(96);
    const price = (t: string, r: string) =>
      FALLBACK_ONDEMAND_PRICES.find(p => p.instanceType === t && p.region === r)
        ?.usdPerHour;
    expect(price('m5.large', 'us-east-1')).toBe(0.096);
    expect(price('m5.xlarge', 'us-east-1')).toBe(0.192);
    for (const p of FALLBACK_ONDEMAND_PRICES) {
      expect(p.usdPerHour).toBeGreaterThan(0);
    }
  });
});
