/**
 * apimachinery's label rules for objects being written: label maps
 * (ValidateLabels) and `metav1.LabelSelector`s (ValidateLabelSelector), as
 * ObjectMeta and built-in kinds such as PodDisruptionBudgets use them.
 */

import { isJsonObject } from './json';
import { labelKeyProblem, labelValueProblem } from './selectors';
import { FieldError } from './status';

/** Keys must be qualified names and values valid label values; errors name the map, as the real server's do. */
export function validateLabels(labels: unknown, field: string): FieldError[] {
  if (!isJsonObject(labels)) {
    return [];
  }
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(labels)) {
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) {
      errors.push({
        reason: 'FieldValueInvalid',
        field,
        value: key,
        detail: keyProblem,
      });
    }
    const valueProblem =
      typeof value === 'string' ? labelValueProblem(value) : 'must be a string';
    if (valueProblem) {
      errors.push({
        reason: 'FieldValueInvalid',
        field,
        value,
        detail: valueProblem,
      });
    }
  }
  return errors;
}

function validateRequirement(
  requirement: unknown,
  field: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const { key, operator, values } = isJsonObject(requirement)
    ? requirement
    : ({} as Record<string, unknown>);
  const valueList = Array.isArray(values) ? values : [];
  switch (operator) {
    case 'In':
    case 'NotIn':
      if (valueList.length === 0) {
        errors.push({
          reason: 'FieldValueRequired',
          field: `${field}.values`,
          detail: "must be specified when `operator` is 'In' or 'NotIn'",
        });
      }
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (valueList.length > 0) {
        errors.push({
          reason: 'FieldValueForbidden',
          field: `${field}.values`,
          detail:
            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
        });
      }
      break;
    default:
      // A missing operator is Go's zero value, the empty string.
      errors.push({
        reason: 'FieldValueInvalid',
        field: `${field}.operator`,
        value: operator ?? '',
        detail: 'not a valid selector operator',
      });
  }
  const keyText = typeof key === 'string' ? key : '';
  const keyProblem = labelKeyProblem(keyText);
  if (keyProblem) {
    errors.push({
      reason: 'FieldValueInvalid',
      field: `${field}.key`,
      value: keyText,
      detail: keyProblem,
    });
  }
  valueList.forEach((value, index) => {
    const problem =
      typeof value === 'string' ? labelValueProblem(value) : 'must be a string';
    if (problem) {
      errors.push({
        reason: 'FieldValueInvalid',
        field: `${field}.values[${index}]`,
        value,
        detail: problem,
      });
    }
  });
  return errors;
}

/**
 * The rules of a `metav1.LabelSelector`. An absent selector is valid: what
 * it selects (for a policy/v1 PodDisruptionBudget, no pods) is the
 * controller's business, not validation's.
 */
export function validateLabelSelector(
  selector: unknown,
  field: string,
): FieldError[] {
  if (!isJsonObject(selector)) {
    return [];
  }
  const errors = validateLabels(selector.matchLabels, `${field}.matchLabels`);
  const expressions = Array.isArray(selector.matchExpressions)
    ? selector.matchExpressions
    : [];
  expressions.forEach((requirement, index) => {
    errors.push(
      ...validateRequirement(
        requirement,
        `${field}.matchExpressions[${index}]`,
      ),
    );
  });
  return errors;
}
