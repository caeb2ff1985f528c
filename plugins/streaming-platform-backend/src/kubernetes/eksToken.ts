import { Sha256 } from '@aws-crypto/sha256-js';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';

/** AWS credentials, or a provider of them (as the AWS SDK takes them). */
export type AwsCredentials =
  | { accessKeyId: string; secretAccessKey: string; sessionToken?: string }
  | (() => Promise<{
      accessKeyId: string;
      secretAccessKey: string;
      sessionToken?: string;
    }>);

/** EKS accepts a token for 15 minutes after it was signed. */
export const EKS_TOKEN_LIFETIME_MS = 15 * 60_000;

const TOKEN_PREFIX = 'k8s-aws-v1.';
/** The presigned URL itself is only checked for this long (as `aws eks get-token`). */
const PRESIGN_EXPIRES_SECONDS = 60;

/** RFC 3986 escaping, as SigV4's canonical query string has it. */
const uriEscape = (value: string) =>
  encodeURIComponent(value).replace(
    /[!'()*]/g,
    c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/**
 * An EKS IAM authentication token, as `aws eks get-token` makes it: a
 * SigV4-presigned STS GetCallerIdentity URL, bound to the cluster by the
 * signed `x-k8s-aws-id` header, base64url-encoded without padding.
 */
export async function eksToken(options: {
  clusterName: string;
  region: string;
  credentials?: AwsCredentials;
  now?: number;
}): Promise<{ token: string; expiresAt: number }> {
  const now = options.now ?? Date.now();
  const hostname = `sts.${options.region}.amazonaws.com`;
  const signer = new SignatureV4({
    credentials: options.credentials ?? defaultProvider(),
    region: options.region,
    service: 'sts',
    sha256: Sha256,
  });
  const presigned = await signer.presign(
    new HttpRequest({
      method: 'GET',
      protocol: 'https:',
      hostname,
      path: '/',
      query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
      headers: { host: hostname, 'x-k8s-aws-id': options.clusterName },
    }),
    { expiresIn: PRESIGN_EXPIRES_SECONDS, signingDate: new Date(now) },
  );
  const query = Object.entries(presigned.query ?? {})
    .flatMap(([key, value]) =>
      (Array.isArray(value) ? value : [value]).map(
        v => `${uriEscape(key)}=${uriEscape(v ?? '')}`,
      ),
    )
    .join('&');
  const url = `https://${hostname}/?${query}`;
  return {
    token: TOKEN_PREFIX + Buffer.from(url, 'utf8').toString('base64url'),
    expiresAt: now + EKS_TOKEN_LIFETIME_MS,
  };
}

/**
 * Hands out EKS tokens for one cluster, signing a new one when the current
 * one is 10 minutes old (5 minutes before EKS stops accepting it), so that a
 * request never carries a token that expires on the way.
 */
export class EksTokenSource {
  static readonly REFRESH_AFTER_MS = 10 * 60_000;
  readonly #options: {
    clusterName: string;
    region: string;
    credentials: AwsCredentials;
    now: () => number;
  };
  #current?: { token: string; refreshAt: number };
  #pending?: Promise<string>;

  constructor(options: {
    clusterName: string;
    region: string;
    credentials?: AwsCredentials;
    now?: () => number;
  }) {
    this.#options = {
      clusterName: options.clusterName,
      region: options.region,
      // One provider for the source's lifetime: it caches credentials itself.
      credentials: options.credentials ?? defaultProvider(),
      now: options.now ?? Date.now,
    };
  }

  async token(): Promise<string> {
    const now = this.#options.now();
    if (this.#current && now < this.#current.refreshAt) {
      return this.#current.token;
    }
    // Concurrent requests (six watches start together) share one signing.
    this.#pending ??= eksToken({ ...this.#options, now })
      .then(({ token }) => {
        this.#current = {
          token,
          refreshAt: now + EksTokenSource.REFRESH_AFTER_MS,
        };
        return token;
      })
      .finally(() => {
        this.#pending = undefined;
      });
    return this.#pending;
  }
}
