/**
 * The `Status` objects a Kubernetes API server answers errors with, worded
 * as k8s.io/apimachinery words them, so clients that match on reason, code
 * or message behave as against a real cluster.
 */

export type CauseReason =
  | 'FieldValueInvalid'
  | 'FieldValueRequired'
  | 'FieldValueNotSupported'
  | 'FieldValueTypeInvalid'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueDuplicate'
  | 'FieldManagerConflict'
  | 'ResourceVersionTooLarge'
  | 'UnexpectedServerResponse';

export interface StatusCause {
  reason: CauseReason;
  message: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export interface KubeStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: { continue?: string };
  status: 'Failure' | 'Success';
  message: string;
  reason: string;
  details?: StatusDetails;
  code: number;
}

/** An error that the server answers with its Status. */
export class KubeApiError extends Error {
  readonly status: KubeStatus;

  constructor(status: KubeStatus) {
    super(status.message);
    this.name = 'KubeApiError';
    this.status = status;
  }

  get code(): number {
    return this.status.code;
  }
}

/** A resource as error messages name it: `pods`, `flinkdeployments.flink.apache.org`. */
export interface QualifiedResource {
  group: string;
  resource: string;
}

/** A kind as validation errors name it: `FlinkDeployment.flink.apache.org`. */
export interface QualifiedKind {
  group: string;
  kind: string;
}

function failure(
  code: number,
  reason: string,
  message: string,
  details?: StatusDetails,
): KubeApiError {
  return new KubeApiError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  });
}

function qualifiedResourceName(resource: QualifiedResource): string {
  return resource.group
    ? `${resource.resource}.${resource.group}`
    : resource.resource;
}

function resourceDetails(
  resource: QualifiedResource,
  name: string,
): StatusDetails {
  return {
    name,
    ...(resource.group ? { group: resource.group } : {}),
    kind: resource.resource,
  };
}

export function notFound(
  resource: QualifiedResource,
  name: string,
): KubeApiError {
  return failure(
    404,
    'NotFound',
    `${qualifiedResourceName(resource)} "${name}" not found`,
    resourceDetails(resource, name),
  );
}

/** A path the server has no route for. */
export function pathNotFound(): KubeApiError {
  return failure(
    404,
    'NotFound',
    'the server could not find the requested resource',
    {},
  );
}

export function alreadyExists(
  resource: QualifiedResource,
  name: string,
): KubeApiError {
  return failure(
    409,
    'AlreadyExists',
    `${qualifiedResourceName(resource)} "${name}" already exists`,
    resourceDetails(resource, name),
  );
}

export function conflict(
  resource: QualifiedResource,
  name: string,
  problem: string,
): KubeApiError {
  return failure(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedResourceName(
      resource,
    )} "${name}": ${problem}`,
    resourceDetails(resource, name),
  );
}

export const OBJECT_MODIFIED =
  'the object has been modified; please apply your changes to the latest version and try again';

/** A server-side apply conflict (409 with FieldManagerConflict causes). */
export function applyConflict(
  message: string,
  causes: StatusCause[],
): KubeApiError {
  return failure(409, 'Conflict', message, { causes });
}

/** A patch that cannot be applied to the object (422, as apiserver's patcher answers). */
export function patchNotApplicable(message: string): KubeApiError {
  return failure(422, 'Invalid', message);
}

export function badRequest(message: string): KubeApiError {
  return failure(400, 'BadRequest', message);
}

export function unauthorized(): KubeApiError {
  return failure(401, 'Unauthorized', 'Unauthorized');
}

export function forbidden(message: string): KubeApiError {
  return failure(403, 'Forbidden', message);
}

export function methodNotAllowed(): KubeApiError {
  return failure(
    405,
    'MethodNotAllowed',
    'the server does not allow this method on the requested resource',
    {},
  );
}

export function notAcceptable(): KubeApiError {
  return failure(
    406,
    'NotAcceptable',
    'only the following media types are accepted: application/json',
  );
}

export function expired(message: string): KubeApiError {
  return failure(410, 'Expired', message);
}

export function requestEntityTooLarge(limitBytes: number): KubeApiError {
  return failure(
    413,
    'RequestEntityTooLarge',
    `Request entity too large: limit is ${limitBytes}`,
  );
}

export function unsupportedMediaType(accepted: string[]): KubeApiError {
  return failure(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(
      ', ',
    )}`,
  );
}

export function internalError(problem: string): KubeApiError {
  return failure(500, 'InternalError', `Internal error occurred: ${problem}`, {
    causes: [{ reason: 'UnexpectedServerResponse', message: problem }],
  });
}

export function serviceUnavailable(message: string): KubeApiError {
  return failure(503, 'ServiceUnavailable', message);
}

/** A resourceVersion newer than the server has seen (504, as etcd-backed servers answer). */
export function resourceVersionTooLarge(
  requested: number,
  current: number,
): KubeApiError {
  return failure(
    504,
    'Timeout',
    `Too large resource version: ${requested}, current: ${current}`,
    {
      causes: [
        {
          reason: 'ResourceVersionTooLarge',
          message: 'Too large resource version',
        },
      ],
      retryAfterSeconds: 1,
    },
  );
}

/** One invalid field, as k8s.io/apimachinery/pkg/util/validation/field.Error. */
export interface FieldError {
  reason: Exclude<
    CauseReason,
    | 'FieldManagerConflict'
    | 'ResourceVersionTooLarge'
    | 'UnexpectedServerResponse'
  >;
  /** e.g. `spec.job.upgradeMode`, `metadata.name` */
  field: string;
  /** The offending value; omitted for Required, Forbidden and TooLong. */
  value?: unknown;
  /**
   * The value as the message prints it, where Go's `%#v` of a typed value
   * is not its JSON, e.g. `intstr.IntOrString{Type:1, IntVal:0, StrVal:"5"}`.
   */
  printedValue?: string;
  detail?: string;
}

const ERROR_TYPE_TEXT: Record<FieldError['reason'], string> = {
  FieldValueInvalid: 'Invalid value',
  FieldValueTypeInvalid: 'Invalid value',
  FieldValueRequired: 'Required value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueDuplicate: 'Duplicate value',
};

function formatBadValue(value: unknown): string {
  if (value === null || value === undefined) {
    return 'null';
  }
  if (typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'object') {
    return JSON.stringify(JSON.stringify(value));
  }
  return String(value);
}

/** The message of one field error without its field path (`ErrorBody`). */
export function fieldErrorBody(error: FieldError): string {
  const type = ERROR_TYPE_TEXT[error.reason];
  const withValue =
    error.reason === 'FieldValueRequired' ||
    error.reason === 'FieldValueForbidden' ||
    error.reason === 'FieldValueTooLong'
      ? type
      : `${type}: ${error.printedValue ?? formatBadValue(error.value)}`;
  return error.detail ? `${withValue}: ${error.detail}` : withValue;
}

export function fieldErrorMessage(error: FieldError): string {
  return `${error.field}: ${fieldErrorBody(error)}`;
}

/** 422 Invalid naming each bad field, as `errors.NewInvalid` does. */
export function invalid(
  kind: QualifiedKind,
  name: string,
  errors: FieldError[],
): KubeApiError {
  const qualifiedKind = kind.group ? `${kind.kind}.${kind.group}` : kind.kind;
  const messages = errors.map(fieldErrorMessage);
  const aggregate =
    messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`;
  return failure(
    422,
    'Invalid',
    `${qualifiedKind} "${name}" is invalid: ${aggregate}`,
    {
      name,
      ...(kind.group ? { group: kind.group } : {}),
      kind: kind.kind,
      causes: errors.map(error => ({
        reason: error.reason,
        message: fieldErrorBody(error),
        field: error.field,
      })),
    },
  );
}
