/**
 * Opaque pagination tokens, as AWS APIs hand out: base64url of a small JSON
 * object. Callers check what they decode, since clients send tokens back.
 */
export function encodePageToken(state: object): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

export function decodePageToken(token: string): unknown {
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
