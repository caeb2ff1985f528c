/**
 * List continue tokens in the format of k8s.io/apiserver/pkg/storage:
 * base64url (unpadded) JSON `{"v":"meta.k8s.io/v1","rv":<revision>,"start":"<key>\u0000"}`.
 * The revision pins the snapshot later pages are read from; -1 means
 * "continue at the latest revision" (the token a 410 hands out).
 */

import { badRequest } from './status';

const TOKEN_VERSION = 'meta.k8s.io/v1';

export interface ContinuePosition {
  resourceVersion: number;
  /** The storage key to continue from (inclusive), e.g. `namespace/name\u0000`. */
  start: string;
}

export function encodeContinue(position: ContinuePosition): string {
  return Buffer.from(
    JSON.stringify({
      v: TOKEN_VERSION,
      rv: position.resourceVersion,
      start: position.start,
    }),
  ).toString('base64url');
}

export function decodeContinue(token: string): ContinuePosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch (error) {
    throw badRequest(`continue key is not valid: ${String(error)}`);
  }
  if (typeof parsed !== 'object' || parsed === null) {
    throw badRequest('continue key is not valid: incorrect encoded start');
  }
  const { v, rv, start } = parsed as Record<string, unknown>;
  if (v !== TOKEN_VERSION) {
    throw badRequest(
      'continue key is not valid: server does not recognize this encoded key',
    );
  }
  if (typeof rv !== 'number' || !Number.isInteger(rv) || rv === 0) {
    throw badRequest(
      'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
    );
  }
  if (typeof start !== 'string' || start.length === 0) {
    throw badRequest('continue key is not valid: encoded start key empty');
  }
  return { resourceVersion: rv, start };
}
