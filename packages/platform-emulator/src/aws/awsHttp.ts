import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';

/** One AWS API call, as a service handler sees it. */
export interface AwsRequest {
  /** `X-Amz-Target`'s operation for JSON protocols, `Action` for query ones. */
  operation: string;
  body: string;
  /** The region of the SigV4 credential scope, when the request is signed. */
  region?: string;
}

/** A service handler's answer. */
export interface AwsResponse {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

export type AwsHandler = (request: AwsRequest) => AwsResponse;

/** Larger requests are refused; AWS APIs cap payloads (CloudWatch at 1 MB). */
const MAX_BODY_BYTES = 1024 * 1024;

export class RequestTooLargeError extends Error {}

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      throw new RequestTooLargeError('Request body too large');
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The region a request was signed for, from the SigV4 credential scope
 * (`Credential=<key>/<date>/<region>/<service>/aws4_request`). Signatures
 * are not verified.
 */
export function signedRegion(
  authorization: string | undefined,
): string | undefined {
  return /Credential=[^/,\s]+\/\d{8}\/([^/,\s]+)\//.exec(
    authorization ?? '',
  )?.[1];
}

export function writeAwsResponse(
  response: ServerResponse,
  answer: AwsResponse,
): void {
  const payload = Buffer.from(answer.body, 'utf8');
  response.writeHead(answer.status, {
    'Content-Type': answer.contentType,
    'Content-Length': payload.length,
    'x-amzn-RequestId': randomUUID(),
    ...answer.headers,
  });
  response.end(payload);
}
