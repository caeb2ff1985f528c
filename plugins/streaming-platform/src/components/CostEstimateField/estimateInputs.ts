import {
  CapacityProfile,
  CostEstimateRequest,
  FieldProblem,
  NewPipelineParameters,
  costEstimateRequestFor,
  validateNewPipeline,
} from '@internal/backstage-plugin-streaming-platform-common';

/**
 * The form fields an estimate is priced from, with the words the message
 * uses for them. A problem anywhere else on the form (a topic, the HEC
 * endpoint) does not hold the estimate back.
 */
export const ESTIMATE_FIELDS: Readonly<
  Partial<Record<keyof NewPipelineParameters, string>>
> = {
  cluster: 'Cluster',
  taskManagerSize: 'TaskManager size',
  parallelism: 'Parallelism',
  minParallelism: 'Minimum parallelism',
  maxParallelism: 'Maximum parallelism',
};

/** A cost estimate request without its capacity profile: one per profile is sent. */
export type EstimateBase = Omit<CostEstimateRequest, 'capacityProfile'>;

/** What the form allows: a request to send, or the problems in its way. */
export type EstimateInputs = {
  /** The profile the form selects now, when it selects one. */
  capacityProfile?: CapacityProfile;
} & (
  | { kind: 'ready'; base: EstimateBase }
  | { kind: 'incomplete'; problems: FieldProblem[] }
);

const PROFILES: readonly CapacityProfile[] = ['spot-first', 'on-demand'];

/**
 * Reads the estimate's inputs from the form's values, checked first by the
 * rules of the form, the validate action and the backend, so the estimate
 * never prices something the form would refuse, and the message can name
 * what is missing.
 */
export function estimateInputs(
  values: Record<string, unknown>,
): EstimateInputs {
  const profile = values.capacityProfile;
  const capacityProfile = PROFILES.find(p => p === profile);
  const problems = validateNewPipeline(values).filter(p =>
    Object.hasOwn(ESTIMATE_FIELDS, p.field),
  );
  if (problems.length) return { kind: 'incomplete', problems, capacityProfile };

  // The same request the template's estimate action builds from the same values.
  const request = costEstimateRequestFor(
    values as Partial<NewPipelineParameters>,
    'spot-first',
  );
  if (!request) {
    // Not expected once the rules pass; said rather than priced half-read.
    const unread = Object.keys(ESTIMATE_FIELDS).map(field => ({
      field,
      message: `${field} could not be read for the estimate`,
    }));
    return { kind: 'incomplete', problems: unread, capacityProfile };
  }
  const { capacityProfile: _sent, ...base } = request;
  return { kind: 'ready', capacityProfile, base };
}

/** The fields an incomplete form still needs, in the form's words, each once. */
export function fieldsNeeded(problems: FieldProblem[]): string[] {
  return [
    ...new Set(
      problems.map(
        p => ESTIMATE_FIELDS[p.field as keyof NewPipelineParameters] ?? p.field,
      ),
    ),
  ];
}
