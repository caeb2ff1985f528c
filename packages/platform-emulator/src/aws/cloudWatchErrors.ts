import { AwsJsonError } from './awsJson';

/*
 * CloudWatch's errors as the service sends them in its JSON 1.0 protocol.
 * The service is query-compatible: besides `__type` it names the error's
 * query-protocol code in `x-amzn-query-error: <Code>;<Sender|Receiver>`, and
 * @aws-sdk/client-cloudwatch looks that code up first (`awsQueryError` in its
 * error schemas) to pick the exception class.
 */

const SHAPE = 'com.amazonaws.cloudwatch#';

/** 400 `InvalidParameterValue` → `InvalidParameterValueException`. */
export const invalidParameterValue = (message: string) =>
  new AwsJsonError(400, `${SHAPE}InvalidParameterValueException`, message, {
    queryError: 'InvalidParameterValue;Sender',
  });

/** 400 `MissingParameter` → `MissingRequiredParameterException`. */
export const missingParameter = (message: string) =>
  new AwsJsonError(400, `${SHAPE}MissingRequiredParameterException`, message, {
    queryError: 'MissingParameter;Sender',
  });

/** 400 `InvalidNextToken`. */
export const invalidNextToken = () =>
  new AwsJsonError(
    400,
    `${SHAPE}InvalidNextToken`,
    'The service could not process the NextToken; it may be from another request.',
    { queryError: 'InvalidNextToken;Sender' },
  );

/**
 * 400 `Throttling`, the code CloudWatch's query protocol always used for rate
 * limits; the body's type is the generic Coral throttling exception. Both
 * names are in the SDK's THROTTLING_ERROR_CODES, so its retry strategy backs
 * off with its throttling delay; the SDK surfaces the error as `Throttling`.
 */
export const throttling = () =>
  new AwsJsonError(
    400,
    'com.amazon.coral.availability#ThrottlingException',
    'Rate exceeded',
    { queryError: 'Throttling;Sender' },
  );

/**
 * 500 `InternalServiceError` → `InternalServiceFault` (whose model member is
 * `Message`). HTTP 500 is transient to the SDK's retry strategy.
 */
export const internalServiceFault = () =>
  new AwsJsonError(
    500,
    `${SHAPE}InternalServiceFault`,
    'Internal service error',
    {
      queryError: 'InternalServiceError;Receiver',
      messageMember: 'Message',
    },
  );

/** What JSON-protocol services answer for an operation they do not have. */
export const unknownOperation = (operation: string) =>
  new AwsJsonError(
    400,
    'UnknownOperationException',
    `Operation ${operation} is not served by this emulator.`,
  );
