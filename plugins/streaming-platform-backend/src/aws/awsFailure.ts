import {
  AuthenticationError,
  InputError,
  NotAllowedError,
  SerializedError,
  ServiceUnavailableError,
  serializeError,
} from '@backstage/errors';

/*
 * Failures of AWS SDK calls, described for per-source health: which call,
 * where, what kind of failure and the upstream error's name. Only names,
 * codes and HTTP statuses are read from the SDK's error — never its message
 * or response, which may carry upstream text.
 */

/** The SDK error codes of rate limiting (as @smithy's retry strategy has them). */
const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'LimitExceededException',
  'EC2ThrottledException',
  'SlowDown',
]);
const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
const REFUSED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'AuthFailure',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
]);

/** The kind of an AWS call's failure. */
export type AwsFailureKind =
  | 'throttled'
  | 'timeout'
  | 'unreachable'
  | 'server-error'
  | 'refused'
  | 'no-credentials'
  | 'rejected'
  | 'failed';

interface SdkErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: unknown; attempts?: unknown };
}

const safeName = (value: unknown): string | undefined =>
  typeof value === 'string' && /^[A-Za-z][\w.:-]{0,99}$/.test(value)
    ? value
    : undefined;

/**
 * The SDK wraps what is thrown from another realm (a socket error seen from a
 * Jest sandbox, for one) in a new Error whose message is all that is left:
 * "AWS SDK error wrapper for Error: connect ECONNREFUSED 127.0.0.1:1". Only a
 * known network error code is taken from it.
 */
function wrappedErrno(message: unknown): string | undefined {
  if (typeof message !== 'string') return undefined;
  if (!message.startsWith('AWS SDK error wrapper for')) return undefined;
  return /\b(E[A-Z_]+)\b/
    .exec(message)
    ?.slice(1)
    .find(code => NETWORK.has(code) || code === 'ETIMEDOUT');
}

/** The kind of failure and the upstream error name, from an SDK error. */
export function classifyAwsError(error: unknown): {
  kind: AwsFailureKind;
  code: string;
  status?: number;
  attempts?: number;
} {
  const e = (typeof error === 'object' && error ? error : {}) as SdkErrorShape;
  const name = safeName(e.name) ?? 'Error';
  const errno = safeName(e.code) ?? wrappedErrno(e.message);
  const status =
    typeof e.$metadata?.httpStatusCode === 'number'
      ? e.$metadata.httpStatusCode
      : undefined;
  const attempts =
    typeof e.$metadata?.attempts === 'number'
      ? e.$metadata.attempts
      : undefined;
  const base = { status, attempts };
  if (name === 'TimeoutError' || errno === 'ETIMEDOUT') {
    return { kind: 'timeout', code: 'TimeoutError', ...base };
  }
  if (THROTTLING.has(name) || status === 429) {
    return { kind: 'throttled', code: name, ...base };
  }
  if (errno && NETWORK.has(errno)) {
    return { kind: 'unreachable', code: errno, ...base };
  }
  if (name === 'CredentialsProviderError') {
    return { kind: 'no-credentials', code: name, ...base };
  }
  if (REFUSED.has(name) || status === 401 || status === 403) {
    return { kind: 'refused', code: name, ...base };
  }
  if (status !== undefined && status >= 500) {
    return { kind: 'server-error', code: name, ...base };
  }
  if (status !== undefined && status >= 400) {
    return { kind: 'rejected', code: name, ...base };
  }
  return { kind: 'failed', code: name, ...base };
}

/**
 * A typed, serialized error for an AWS call that failed, e.g.
 * "CloudWatch GetMetricData throttled (Throttling) in eu-west-1 after 3
 * attempts"; `code` is the upstream error's name.
 */
export function describeAwsFailure(options: {
  /** The call, e.g. `CloudWatch GetMetricData`. */
  call: string;
  region: string;
  error: unknown;
  /** The per-attempt timeout, named in timeout messages. */
  timeoutMs: number;
}): SerializedError {
  const { call, region, timeoutMs } = options;
  const { kind, code, status, attempts } = classifyAwsError(options.error);
  const http = status === undefined ? '' : `, HTTP ${status}`;
  const where = `in ${region}${
    attempts && attempts > 1 ? ` after ${attempts} attempts` : ''
  }`;
  let error: Error;
  switch (kind) {
    case 'timeout':
      error = new ServiceUnavailableError(
        `${call} timed out (no answer within ${timeoutMs} ms) ${where}`,
      );
      break;
    case 'throttled':
      error = new ServiceUnavailableError(
        `${call} throttled (${code}) ${where}`,
      );
      break;
    case 'unreachable':
      error = new ServiceUnavailableError(
        `${call} endpoint unreachable (${code}) ${where}`,
      );
      break;
    case 'server-error':
      error = new ServiceUnavailableError(
        `${call} failed with a server error (${code}${http}) ${where}`,
      );
      break;
    case 'no-credentials':
      error = new AuthenticationError(
        `${call} has no AWS credentials (${code}) ${where}; configure the default credential chain`,
      );
      break;
    case 'refused':
      error = new NotAllowedError(
        `${call} was refused (${code}${http}) ${where}; check the credentials and IAM permissions`,
      );
      break;
    case 'rejected':
      error = new InputError(
        `${call} rejected the request (${code}${http}) ${where}`,
      );
      break;
    default:
      error = new ServiceUnavailableError(`${call} failed (${code}) ${where}`);
  }
  return sourceError(error, code);
}

/**
 * An error for a source's health: name and message (no stack, no cause),
 * and `code`, the upstream error's name.
 */
export function sourceError(error: Error, code: string): SerializedError {
  const { cause: _cause, stack: _stack, ...serialized } = serializeError(error);
  return { ...serialized, code };
}
