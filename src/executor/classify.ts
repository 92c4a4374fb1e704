import { CircuitOpenError, isFinopsError, TaskSkippedError } from '../primitives/errors.js';

/**
 * What to do with an error a task attempt threw:
 * - `retryable`: transient (throttling, 5xx, network, timeout) → retry with backoff;
 * - `fail`: retrying cannot help (validation, bad request, bug) → the task fails at once;
 * - `skip`: the task does not apply to this account (no access, not enrolled) → skipped with the reason.
 */
export type Verdict = 'retryable' | 'fail' | 'skip';

/**
 * AWS error names that mean "this account cannot or may not use this feature". The task is
 * skipped, not failed: the report says why, and the rest of the analysis carries on.
 * Names containing `NotEnrolled` are also skipped (e.g. Compute Optimizer, Cost Optimization Hub).
 *
 * | name                          | typical source                                         |
 * |-------------------------------|--------------------------------------------------------|
 * | AccessDenied                  | S3, STS, query-protocol services                       |
 * | AccessDeniedException         | Cost Explorer ("not enabled for cost explorer"), JSON services |
 * | UnauthorizedOperation         | EC2                                                    |
 * | AuthorizationError            | SNS and other query-protocol services                  |
 * | OptInRequired                 | EC2 in a region the account has not opted in to        |
 * | OptInRequiredException        | Compute Optimizer                                      |
 * | SubscriptionRequiredException | Support / Trusted Advisor without a business plan      |
 * | DataUnavailableException      | Cost Explorer on an account with no data yet           |
 */
export const SKIP_ERROR_NAMES: ReadonlySet<string> = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'AuthorizationError',
  'OptInRequired',
  'OptInRequiredException',
  'SubscriptionRequiredException',
  'DataUnavailableException',
]);

/**
 * Throttling and transient server-side names. `LimitExceededException` is Cost Explorer's
 * rate limit (its request quota is per second), hence retryable here.
 */
export const RETRYABLE_ERROR_NAMES: ReadonlySet<string> = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'BandwidthLimitExceeded',
  'LimitExceededException',
  'SlowDown',
  'PriorRequestNotComplete',
  'EC2ThrottledException',
  'TransactionInProgressException',
  'RequestTimeout',
  'RequestTimeoutException',
  'InternalError',
  'InternalFailure',
  'InternalServerError',
  'InternalServerException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'Unavailable',
  'TimeoutError',
  'IDPCommunicationError',
]);

/** Node socket and DNS codes of a connection that may work on the next try. */
export const RETRYABLE_NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ETIMEDOUT',
  'ECONNREFUSED',
  'EPIPE',
  'EAI_AGAIN',
  'ECONNABORTED',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  statusCode?: unknown;
  cause?: unknown;
}

/**
 * Classifies by shape only (name, `$metadata.httpStatusCode`, `$retryable`, `code`), so the core
 * never imports the AWS SDK and never parses message text. Unknown errors fail: retrying a bug
 * wastes the time budget and hides it.
 */
export function classifyError(error: unknown): Verdict {
  if (error instanceof TaskSkippedError || error instanceof CircuitOpenError) return 'skip';
  if (isFinopsError(error)) return error.retryable ? 'retryable' : 'fail';
  if (typeof error !== 'object' || error === null) return 'fail';
  const shape = error as ErrorShape;
  const name = typeof shape.name === 'string' ? shape.name : '';
  if (SKIP_ERROR_NAMES.has(name) || name.includes('NotEnrolled')) return 'skip';
  // The SDK sets `$retryable` on errors its own retry strategy considers transient.
  if (shape.$retryable) return 'retryable';
  if (RETRYABLE_ERROR_NAMES.has(name)) return 'retryable';
  if (hasNetworkCode(shape)) return 'retryable';
  const status = shape.$metadata?.httpStatusCode ?? shape.statusCode;
  if (typeof status === 'number' && (status === 429 || status >= 500)) return 'retryable';
  return 'fail';
}

function hasNetworkCode(shape: ErrorShape): boolean {
  // Network errors arrive wrapped (fetch's TypeError, the SDK's own errors): follow a few causes.
  let current: ErrorShape | undefined = shape;
  for (let depth = 0; current && depth < 4; depth++) {
    if (typeof current.code === 'string' && RETRYABLE_NETWORK_CODES.has(current.code)) return true;
    current = typeof current.cause === 'object' && current.cause !== null ? (current.cause as ErrorShape) : undefined;
  }
  return false;
}

/** `Name: message` for records and skip reasons; tolerates thrown non-errors. */
export function describeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  if (typeof error === 'object' && error !== null) {
    const { name, message } = error as { name?: unknown; message?: unknown };
    return { name: typeof name === 'string' ? name : 'Error', message: typeof message === 'string' ? message : safeString(error) };
  }
  return { name: 'Error', message: safeString(error) };
}

function safeString(value: unknown): string {
  try {
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
