import { AwsResponse } from './awsHttp';

/**
 * An error of an AWS JSON-protocol service: HTTP status, `__type` and
 * message, and for query-compatible services (CloudWatch) the query
 * protocol's `Code;Sender|Receiver`, sent in `x-amzn-query-error`.
 */
export class AwsJsonError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly options: {
      queryError?: string;
      /** The member the service model names the message (`message` or `Message`). */
      messageMember?: 'message' | 'Message';
    } = {},
  ) {
    super(message);
  }
}

export function jsonResponse(
  contentType: string,
  output: unknown,
  status = 200,
): AwsResponse {
  return { status, contentType, body: JSON.stringify(output) };
}

export function jsonErrorResponse(
  contentType: string,
  error: AwsJsonError,
): AwsResponse {
  const { queryError, messageMember = 'message' } = error.options;
  return {
    status: error.status,
    contentType,
    body: JSON.stringify({
      __type: error.type,
      [messageMember]: error.message,
    }),
    headers: queryError ? { 'x-amzn-query-error': queryError } : undefined,
  };
}

/** The request's JSON object; `SerializationException` when it is not one. */
export function parseJsonInput(body: string): Record<string, unknown> {
  let input: unknown;
  try {
    input = body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    input = undefined;
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new AwsJsonError(
      400,
      'SerializationException',
      'The request body is not a JSON object.',
    );
  }
  return input as Record<string, unknown>;
}

/**
 * Answers a JSON-protocol call: the operation's output, or its error.
 * Anything else thrown is a bug and propagates.
 */
export function answerJson(
  contentType: string,
  run: () => unknown,
): AwsResponse {
  try {
    return jsonResponse(contentType, run());
  } catch (error) {
    if (error instanceof AwsJsonError) {
      return jsonErrorResponse(contentType, error);
    }
    throw error;
  }
}
