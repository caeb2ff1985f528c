import { pipelineRoleArnFor, pipelineRoleArnPatternProblem } from './roleArn';

describe('pipelineRoleArnPatternProblem', () => {
  it.each([
    'arn:aws:iam::123456789012:role/flink-{namespace}-{name}',
    'arn:aws:iam::123456789012:role/streaming/{cluster}/{name}',
    'arn:aws-cn:iam::123456789012:role/flink-{name}',
  ])('accepts %s', pattern => {
    expect(pipelineRoleArnPatternProblem(pattern)).toBeUndefined();
  });

  it.each([
    ['no ARN', 'flink-{name}', /not an IAM role ARN/],
    ['a short account', 'arn:aws:iam::1234:role/flink-{name}', /12-digit/],
    ['a user ARN', 'arn:aws:iam::123456789012:user/flink-{name}', /not an IAM/],
    [
      'one role for all',
      'arn:aws:iam::123456789012:role/flink',
      /must hold \{name\}/,
    ],
  ])('refuses %s', (_what, pattern, message) => {
    expect(pipelineRoleArnPatternProblem(pattern)).toMatch(message);
  });
});

describe('pipelineRoleArnFor', () => {
  const pipeline = {
    cluster: 'eks-prod',
    namespace: 'payments',
    name: 'card-auth',
  };

  it.each([
    [
      'arn:aws:iam::123456789012:role/flink-{namespace}-{name}',
      'arn:aws:iam::123456789012:role/flink-payments-card-auth',
      'flink-payments-card-auth',
    ],
    [
      'arn:aws:iam::123456789012:role/streaming/{cluster}/{name}-{name}',
      'arn:aws:iam::123456789012:role/streaming/eks-prod/card-auth-card-auth',
      'card-auth-card-auth',
    ],
  ])('fills %s', (pattern, arn, roleName) => {
    expect(pipelineRoleArnFor(pattern, pipeline)).toEqual({ arn, roleName });
  });
});
