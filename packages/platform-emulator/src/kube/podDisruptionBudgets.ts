/**
 * policy/v1 PodDisruptionBudgets as kube-apiserver takes them
 * (pkg/registry/policy/poddisruptionbudget/strategy.go,
 * pkg/apis/policy/validation): spec rules first, then ObjectMeta's (names
 * need only be path segments), status reset on create and kept on update,
 * no unconditional updates. No disruption controller runs here, so the
 * status stays the zero one a new PDB starts with.
 */

import { JsonObject, isJsonObject } from './json';
import { validateLabelSelector } from './labelSelectorValidation';
import { metadataOf } from './objectMeta';
import { FieldError } from './status';
import { servedResourceType } from './types';
import {
  CustomResourceSchema,
  pathSegmentNameProblem,
  validateObjectMeta,
} from './validation';
import { WritableResource } from './writableResource';

const STRING = { type: 'string' };
const INTEGER = { type: 'integer' };
const INT_OR_STRING = {
  'x-kubernetes-int-or-string': true,
  anyOf: [{ type: 'integer' }, { type: 'string' }],
};

/** The fields of k8s.io/api/policy/v1.PodDisruptionBudget, as a structural schema (types only). */
const SCHEMA = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      properties: {
        minAvailable: INT_OR_STRING,
        maxUnavailable: INT_OR_STRING,
        selector: {
          type: 'object',
          properties: {
            matchLabels: { type: 'object', additionalProperties: STRING },
            matchExpressions: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  key: STRING,
                  operator: STRING,
                  values: { type: 'array', items: STRING },
                },
              },
            },
          },
        },
        unhealthyPodEvictionPolicy: STRING,
      },
    },
    status: {
      type: 'object',
      properties: {
        observedGeneration: INTEGER,
        disruptedPods: { type: 'object', additionalProperties: STRING },
        disruptionsAllowed: INTEGER,
        currentHealthy: INTEGER,
        desiredHealthy: INTEGER,
        expectedPods: INTEGER,
        conditions: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              type: STRING,
              status: STRING,
              observedGeneration: INTEGER,
              lastTransitionTime: STRING,
              reason: STRING,
              message: STRING,
            },
          },
        },
      },
    },
  },
};

const UNHEALTHY_POD_EVICTION_POLICIES = ['AlwaysAllow', 'IfHealthyBudget'];

const PERCENT = /^[0-9]+%$/;
const PERCENT_MESSAGE =
  "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%' or '93%', regex used for validation is '[0-9]+%')";

/** How Go's `%#v` prints an intstr.IntOrString holding a string, as these errors show it. */
function printedIntOrString(value: string): string {
  return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${JSON.stringify(
    value,
  )}}`;
}

/** ValidatePositiveIntOrPercent and IsNotMoreThan100Percent. */
function intOrPercentErrors(value: unknown, field: string): FieldError[] {
  if (typeof value === 'number') {
    return value < 0
      ? [
          {
            reason: 'FieldValueInvalid',
            field,
            value,
            detail: 'must be greater than or equal to 0',
          },
        ]
      : [];
  }
  const text = String(value);
  const printedValue = printedIntOrString(text);
  if (!PERCENT.test(text)) {
    return [
      {
        reason: 'FieldValueInvalid',
        field,
        value: text,
        printedValue,
        detail: PERCENT_MESSAGE,
      },
    ];
  }
  return Number(text.slice(0, -1)) > 100
    ? [
        {
          reason: 'FieldValueInvalid',
          field,
          value: text,
          printedValue,
          detail: 'must not be greater than 100%',
        },
      ]
    : [];
}

/** ValidatePodDisruptionBudgetSpec. */
function validateSpec(spec: JsonObject): FieldError[] {
  const errors: FieldError[] = [];
  const { minAvailable, maxUnavailable, unhealthyPodEvictionPolicy } = spec;
  if (minAvailable !== undefined && maxUnavailable !== undefined) {
    errors.push({
      reason: 'FieldValueInvalid',
      field: 'spec',
      value: spec,
      detail: 'minAvailable and maxUnavailable cannot be both set',
    });
  }
  if (minAvailable !== undefined) {
    errors.push(...intOrPercentErrors(minAvailable, 'spec.minAvailable'));
  }
  if (maxUnavailable !== undefined) {
    errors.push(...intOrPercentErrors(maxUnavailable, 'spec.maxUnavailable'));
  }
  errors.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  if (
    unhealthyPodEvictionPolicy !== undefined &&
    !UNHEALTHY_POD_EVICTION_POLICIES.includes(
      String(unhealthyPodEvictionPolicy),
    )
  ) {
    errors.push({
      reason: 'FieldValueNotSupported',
      field: 'spec.unhealthyPodEvictionPolicy',
      value: unhealthyPodEvictionPolicy,
      detail: `supported values: ${UNHEALTHY_POD_EVICTION_POLICIES.map(policy =>
        JSON.stringify(policy),
      ).join(', ')}`,
    });
  }
  return errors;
}

function validate(object: JsonObject): FieldError[] {
  const specErrors = validateSpec(isJsonObject(object.spec) ? object.spec : {});
  if (specErrors.length > 0) {
    // The kind's validation answers alone; ObjectMeta is checked only once it passes.
    return specErrors;
  }
  return validateObjectMeta(metadataOf(object), pathSegmentNameProblem);
}

export const POD_DISRUPTION_BUDGETS: WritableResource = {
  type: servedResourceType('policy/v1/poddisruptionbudgets'),
  schema: new CustomResourceSchema(SCHEMA),
  hasStatusSubresource: true,
  builtIn: true,
  allowUnconditionalUpdate: false,
  nameProblem: pathSegmentNameProblem,
  validate,
  prepareForCreate: object => {
    // The zero PodDisruptionBudgetStatus: these four are not omitempty.
    object.status = {
      disruptionsAllowed: 0,
      currentHealthy: 0,
      desiredHealthy: 0,
      expectedPods: 0,
    };
  },
};
