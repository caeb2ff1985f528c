import { crdValidators } from './crdValidation';

describe('crdValidators', () => {
  const validate = crdValidators();
  const nodePool = {
    apiVersion: 'karpenter.sh/v1',
    kind: 'NodePool',
    metadata: { name: 'p' },
    spec: {
      template: {
        spec: {
          nodeClassRef: {
            group: 'karpenter.k8s.aws',
            kind: 'EC2NodeClass',
            name: 'default',
          },
          requirements: [
            {
              key: 'karpenter.sh/capacity-type',
              operator: 'In',
              values: ['spot'],
            },
          ],
        },
      },
    },
  };

  it('accepts a valid object', () => {
    expect(validate(nodePool)).toEqual([]);
  });

  it('reports fields the schema does not know, and violations', () => {
    expect(
      validate({ ...nodePool, spec: { ...nodePool.spec, surprise: true } }),
    ).toEqual([expect.stringContaining('unknown field spec.surprise')]);
    expect(validate({ ...nodePool, spec: {} }).join()).toContain('template');
    expect(validate({ ...nodePool, apiVersion: 'karpenter.sh/v2' })).toEqual([
      'NodePool p: no CRD for karpenter.sh/v2',
    ]);
  });
});
