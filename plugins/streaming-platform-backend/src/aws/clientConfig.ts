import { NodeHttpHandler } from '@smithy/node-http-handler';
import { CloudWatchClientConfig } from '@aws-sdk/client-cloudwatch';

/** Credentials for an AWS SDK client; the default chain when not given. */
export type AwsCredentials = CloudWatchClientConfig['credentials'];

/** How the backend's AWS SDK clients connect. */
export interface AwsConnectionOptions {
  /** An endpoint override: a VPC endpoint, or the platform emulator. */
  endpoint?: string;
  /** Static credentials or a provider; the SDK's default chain when unset. */
  credentials?: AwsCredentials;
  /** The limit on each HTTP attempt, connecting included. */
  requestTimeoutMs: number;
  /** Attempts per call, retries of throttling, 5xx and timeouts included (default 3). */
  maxAttempts?: number;
}

/** The connect timeout: short, since a healthy endpoint accepts at once. */
const MAX_CONNECTION_TIMEOUT_MS = 5_000;

/**
 * The configuration shared by the CloudWatch, Price List and EC2 clients:
 * region, endpoint, credentials, the SDK's standard retries and a timeout on
 * every attempt. `throwOnRequestTimeout` makes `requestTimeout` an error
 * rather than a logged warning (the handler's default).
 */
export function awsClientConfig(
  region: string,
  options: AwsConnectionOptions,
): {
  region: string;
  endpoint?: string;
  credentials?: AwsCredentials;
  maxAttempts: number;
  requestHandler: NodeHttpHandler;
} {
  return {
    region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    maxAttempts: options.maxAttempts ?? 3,
    requestHandler: new NodeHttpHandler({
      requestTimeout: options.requestTimeoutMs,
      throwOnRequestTimeout: true,
      connectionTimeout: Math.min(
        options.requestTimeoutMs,
        MAX_CONNECTION_TIMEOUT_MS,
      ),
    }),
  };
}
