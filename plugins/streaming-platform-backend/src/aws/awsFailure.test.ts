import { classifyAwsError, describeAwsFailure } from './awsFailure';

const sdkError = (
  name: string,
  status?: number,
  attempts?: number,
  code?: string,
) =>
  Object.assign(new Error('upstream text that must not be shown'), {
    name,
    ...(code ? { code } : {}),
    $metadata: { httpStatusCode: status, attempts },
  });

describe('describeAwsFailure', () => {
  it.each([
    [
      sdkError('Throttling', 400, 3),
      'throttled',
      'ServiceUnavailableError',
      'CloudWatch GetMetricData throttled (Throttling) in eu-west-1 after 3 attempts',
    ],
    [
      sdkError('InternalServiceFault', 500, 3),
      'server-error',
      'ServiceUnavailableError',
      'CloudWatch GetMetricData failed with a server error (InternalServiceFault, HTTP 500) in eu-west-1 after 3 attempts',
    ],
    [
      sdkError('TimeoutError', undefined, 2, 'ETIMEDOUT'),
      'timeout',
      'ServiceUnavailableError',
      'CloudWatch GetMetricData timed out (no answer within 1000 ms) in eu-west-1 after 2 attempts',
    ],
    [
      sdkError('Error', undefined, 1, 'ECONNREFUSED'),
      'unreachable',
      'ServiceUnavailableError',
      'CloudWatch GetMetricData endpoint unreachable (ECONNREFUSED) in eu-west-1',
    ],
    [
      sdkError('AccessDenied', 403, 1),
      'refused',
      'NotAllowedError',
      'CloudWatch GetMetricData was refused (AccessDenied, HTTP 403) in eu-west-1; check the credentials and IAM permissions',
    ],
    [
      sdkError('CredentialsProviderError'),
      'no-credentials',
      'AuthenticationError',
      'CloudWatch GetMetricData has no AWS credentials (CredentialsProviderError) in eu-west-1; configure the default credential chain',
    ],
    [
      sdkError('InvalidParameterValueException', 400, 1),
      'rejected',
      'InputError',
      'CloudWatch GetMetricData rejected the request (InvalidParameterValueException, HTTP 400) in eu-west-1',
    ],
    [
      'a string',
      'failed',
      'ServiceUnavailableError',
      'CloudWatch GetMetricData failed (Error) in eu-west-1',
    ],
  ])('%s is %s', (error, kind, name, message) => {
    expect(classifyAwsError(error).kind).toBe(kind);
    const serialized = describeAwsFailure({
      call: 'CloudWatch GetMetricData',
      region: 'eu-west-1',
      error,
      timeoutMs: 1000,
    });
    expect(serialized).toEqual({
      name,
      message,
      code: classifyAwsError(error).code,
    });
    expect(JSON.stringify(serialized)).not.toContain('upstream text');
  });
});
