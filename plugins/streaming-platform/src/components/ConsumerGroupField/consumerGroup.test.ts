import { createFieldValidation } from '@backstage/plugin-scaffolder-react/alpha';
import {
  consumerGroupProblem,
  proposedConsumerGroup,
  validateConsumerGroup,
} from './consumerGroup';

describe('proposedConsumerGroup', () => {
  it('proposes <namespace>.<name>', () => {
    expect(
      proposedConsumerGroup({ namespace: 'payments', name: 'fraud-scoring' }),
    ).toBe('payments.fraud-scoring');
  });

  it('proposes nothing until both are filled in', () => {
    expect(proposedConsumerGroup({ name: 'fraud-scoring' })).toBeUndefined();
    expect(
      proposedConsumerGroup({ namespace: 'payments', name: '' }),
    ).toBeUndefined();
    expect(
      proposedConsumerGroup({ namespace: ['payments'], name: 'fraud-scoring' }),
    ).toBeUndefined();
  });
});

describe('consumerGroupProblem', () => {
  it('says what validateNewPipeline says of the group', () => {
    expect(consumerGroupProblem('payments:fraud')).toBe(
      'consumerGroup must not contain ":" (MSK publishes no lag metrics for such groups)',
    );
    expect(consumerGroupProblem('payments fraud')).toBe(
      'consumerGroup must be printable ASCII without spaces',
    );
    expect(consumerGroupProblem('café')).toBe(
      'consumerGroup must be printable ASCII without spaces',
    );
    expect(consumerGroupProblem('x'.repeat(256))).toBe(
      'consumerGroup must be at most 255 characters',
    );
  });

  it('finds nothing wrong with a good group, and leaves an empty one to required', () => {
    expect(consumerGroupProblem('payments.fraud-scoring')).toBeUndefined();
    expect(consumerGroupProblem('g~!')).toBeUndefined();
    expect(consumerGroupProblem('')).toBeUndefined();
    expect(consumerGroupProblem(undefined)).toBeUndefined();
  });
});

describe('validateConsumerGroup', () => {
  const validate = (value: string) => {
    const validation = createFieldValidation();
    validateConsumerGroup(value, validation, {} as any);
    return validation.__errors;
  };

  it("adds the rule's message to the field", () => {
    expect(validate('payments:fraud')).toEqual([
      'consumerGroup must not contain ":" (MSK publishes no lag metrics for such groups)',
    ]);
    expect(validate('payments.fraud-scoring')).toEqual([]);
  });
});
