import { estimateInputs, fieldsNeeded } from './estimateInputs';

const ready = {
  cluster: 'eks-prod',
  taskManagerSize: 'large',
  parallelism: 12,
  minParallelism: 8,
  maxParallelism: 24,
};

describe('estimateInputs', () => {
  it('builds the request from the TaskManager preset and the three parallelisms', () => {
    expect(estimateInputs({ ...ready, capacityProfile: 'on-demand' })).toEqual({
      kind: 'ready',
      capacityProfile: 'on-demand',
      base: {
        cluster: 'eks-prod',
        taskManager: { cpuCores: 4, memoryGiB: 16 },
        jobManager: { cpuCores: 1, memoryGiB: 2 },
        taskSlots: 8,
        parallelism: { min: 8, typical: 12, max: 24 },
      },
    });
  });

  it('estimates before a capacity profile is chosen', () => {
    const inputs = estimateInputs(ready);
    expect(inputs.kind).toBe('ready');
    expect(inputs.capacityProfile).toBeUndefined();
  });

  it('ignores a capacity profile the form does not offer', () => {
    expect(
      estimateInputs({ ...ready, capacityProfile: 'reserved' }).capacityProfile,
    ).toBeUndefined();
  });

  it("holds back on the estimate's own fields only", () => {
    const inputs = estimateInputs({ ...ready, parallelism: '12', name: '' });
    expect(inputs).toMatchObject({
      kind: 'incomplete',
      problems: [
        { field: 'parallelism', message: 'parallelism must be a whole number' },
      ],
    });
  });

  it('holds back when the source has fewer partitions than the highest parallelism', () => {
    const inputs = estimateInputs({ ...ready, partitions: 16 });
    expect(inputs.kind === 'incomplete' && inputs.problems).toEqual([
      expect.objectContaining({ field: 'maxParallelism' }),
    ]);
  });

  it('names each field still needed once, in the form’s words', () => {
    const inputs = estimateInputs({ parallelism: 0 });
    expect(inputs.kind).toBe('incomplete');
    if (inputs.kind !== 'incomplete') return;
    expect(fieldsNeeded(inputs.problems)).toEqual([
      'Cluster',
      'TaskManager size',
      'Parallelism',
      'Minimum parallelism',
      'Maximum parallelism',
    ]);
  });
});
