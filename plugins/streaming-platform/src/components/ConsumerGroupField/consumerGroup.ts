import { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import {
  defaultConsumerGroup,
  validateNewPipeline,
} from '@internal/backstage-plugin-streaming-platform-common';

/**
 * The consumer group the form proposes for its values: `<namespace>.<name>`
 * once both are filled in, nothing before.
 */
export function proposedConsumerGroup(
  values: Record<string, unknown>,
): string | undefined {
  const { namespace, name } = values;
  if (typeof namespace !== 'string' || typeof name !== 'string') {
    return undefined;
  }
  if (!namespace || !name) return undefined;
  return defaultConsumerGroup(namespace, name);
}

/**
 * What is wrong with a consumer group, by the rule of the form, the validate
 * action and the backend (`validateNewPipeline`); undefined when nothing is.
 * An empty field is the JSON Schema's `required` to report, not this.
 */
export function consumerGroupProblem(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return validateNewPipeline({ consumerGroup: value }).find(
    p => p.field === 'consumerGroup',
  )?.message;
}

/**
 * The field's check when the user asks for the next page: a consumer group
 * the rules refuse keeps the user on it, with the rule's message.
 */
export const validateConsumerGroup: CustomFieldValidator<string> = (
  value,
  validation,
) => {
  const problem = consumerGroupProblem(value);
  if (problem) validation.addError(problem);
};
