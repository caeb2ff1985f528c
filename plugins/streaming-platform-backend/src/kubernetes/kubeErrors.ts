import {
  AuthenticationError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { STATUS_CODES } from 'node:http';

/*
 * Failures of Kubernetes API calls as @backstage/errors types. Messages name
 * the cluster, the call and the cause: an HTTP status or a network error
 * code, never the response body or a request header (which holds the token).
 */

/** What failed: e.g. `list Pod in cluster eks-demo`. */
export type KubeCallName = string;

/** An error for an HTTP status the API server answered with. */
export function kubeStatusError(call: KubeCallName, status: number): Error {
  const message = `Kubernetes API could not ${call}: HTTP ${status} ${
    STATUS_CODES[status] ?? ''
  }`.trimEnd();
  switch (status) {
    case 401:
      return new AuthenticationError(message);
    case 403:
      return new NotAllowedError(message);
    case 404:
      return new NotFoundError(message);
    case 400:
    case 422:
      return new InputError(message);
    default:
      return new ServiceUnavailableError(message);
  }
}

const NETWORK_CAUSES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host lookup failed',
  EPIPE: 'connection closed',
  UND_ERR_SOCKET: 'connection closed',
  UND_ERR_CONNECT_TIMEOUT: 'connect timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
};

/** The short cause of a transport failure, from its code or name only. */
function transportCause(error: unknown): string {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const { code, name } = current as { code?: unknown; name?: unknown };
    if (typeof code === 'string' && NETWORK_CAUSES[code]) {
      return `${NETWORK_CAUSES[code]} (${code})`;
    }
    if (name === 'TimeoutError') return 'timeout';
    current = (current as { cause?: unknown }).cause;
  }
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
  if (typeof code === 'string' && /^[A-Z_]{2,40}$/.test(code)) {
    return `connection failed (${code})`;
  }
  if (name === 'SyntaxError') return 'invalid JSON in the response';
  if (typeof error === 'object' && error && 'message' in error) {
    const message = String((error as Error).message);
    // Undici ends a cut stream with "terminated".
    if (message === 'terminated') return 'connection closed';
  }
  return 'connection failed';
}

/**
 * An error for a call that got no usable answer: a network failure, a
 * timeout, an unparsable body. Errors that already are typed pass through.
 */
export function kubeTransportError(call: KubeCallName, error: unknown): Error {
  if (
    error instanceof AuthenticationError ||
    error instanceof NotAllowedError ||
    error instanceof NotFoundError ||
    error instanceof InputError ||
    error instanceof ServiceUnavailableError
  ) {
    return error;
  }
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  if (typeof status === 'number') {
    return kubeStatusError(call, status);
  }
  return new ServiceUnavailableError(
    `Kubernetes API could not ${call}: ${transportCause(error)}`,
  );
}
