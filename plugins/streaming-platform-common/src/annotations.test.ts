import { parsePipelineRef, stringifyPipelineRef } from './annotations';

describe('parsePipelineRef', () => {
  it.each([
    [
      'eks-prod-eu-west-1/payments/card-authorizations',
      {
        cluster: 'eks-prod-eu-west-1',
        namespace: 'payments',
        name: 'card-authorizations',
      },
    ],
    [
      'Prod_EKS/ns/a.b-c',
      { cluster: 'Prod_EKS', namespace: 'ns', name: 'a.b-c' },
    ],
    [' c/n/x ', { cluster: 'c', namespace: 'n', name: 'x' }],
  ])('parses %j', (value, expected) => {
    expect(parsePipelineRef(value)).toEqual(expected);
    expect(stringifyPipelineRef(parsePipelineRef(value))).toBe(value.trim());
  });

  it.each([
    ['', /must have the form <cluster>\/<namespace>\/<flinkdeployment-name>/],
    ['payments/card-authorizations', /must have the form/],
    ['a/b/c/d', /must have the form/],
    ['-bad/payments/x', /invalid cluster name '-bad'/],
    ['c/Payments/x', /invalid namespace 'Payments'/],
    ['c/pay_ments/x', /invalid namespace 'pay_ments'/],
    [`c/${'n'.repeat(64)}/x`, /invalid namespace/],
    ['c/n/Card', /invalid FlinkDeployment name 'Card'/],
    ['c/n/x-', /invalid FlinkDeployment name 'x-'/],
    ['c/n/', /invalid FlinkDeployment name ''/],
  ])('rejects %j', (value, message) => {
    expect(() => parsePipelineRef(value)).toThrow(message);
  });

  it('throws an InputError, which the backend answers with 400', () => {
    expect(() => parsePipelineRef('nope')).toThrow(
      expect.objectContaining({ name: 'InputError' }),
    );
  });
});
