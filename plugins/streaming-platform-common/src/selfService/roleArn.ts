/**
 * The IAM role a new pipeline's pods assume through IRSA (for S3
 * checkpoints), named by the platform's pattern: `{cluster}`, `{namespace}`
 * and `{name}` are replaced, e.g.
 * `arn:aws:iam::123456789012:role/flink-{namespace}-{name}`.
 */

/** IAM role names hold at most 64 characters. */
export const IAM_ROLE_NAME_MAX_LENGTH = 64;

const ROLE_ARN_PATTERN = /^arn:aws[a-z-]*:iam::\d{12}:role\/([\w+=,.@{}/-]+)$/;

/**
 * Why a configured role ARN pattern cannot name pipeline roles, or
 * undefined when it can: it must be an IAM role ARN and hold `{name}`, so
 * that each pipeline gets its own role.
 *
 * @public
 */
export function pipelineRoleArnPatternProblem(
  pattern: string,
): string | undefined {
  if (!ROLE_ARN_PATTERN.test(pattern)) {
    return `'${pattern}' is not an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)`;
  }
  if (!pattern.includes('{name}')) {
    return `'${pattern}' must hold {name}: each pipeline needs its own role`;
  }
  return undefined;
}

/**
 * The role ARN of one pipeline, and its role name (the part after the last
 * `/`), from a pattern that passed `pipelineRoleArnPatternProblem`.
 *
 * @public
 */
export function pipelineRoleArnFor(
  pattern: string,
  pipeline: { cluster: string; namespace: string; name: string },
): { arn: string; roleName: string } {
  const arn = pattern
    .replace(/\{cluster\}/g, pipeline.cluster)
    .replace(/\{namespace\}/g, pipeline.namespace)
    .replace(/\{name\}/g, pipeline.name);
  return { arn, roleName: arn.slice(arn.lastIndexOf('/') + 1) };
}
