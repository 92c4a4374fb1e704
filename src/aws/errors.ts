import { NonRetryableError, TaskSkippedError } from '../primitives/errors.js';

const ACCESS_DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'AuthorizationError',
  'UnauthorizedException',
]);
const REGION_DISABLED = new Set(['OptInRequired', 'AuthFailure']);
const NO_DATA = new Set(['DataUnavailableException', 'BillExpirationException']);
const VALIDATION = new Set([
  'ValidationException',
  'ValidationError',
  'InvalidParameterValue',
  'InvalidParameterValueException',
  'InvalidParameterCombination',
  'InvalidParameterException',
  'InvalidParameter',
  'MissingParameter',
  'InvalidNextTokenException',
  'InvalidNextToken',
]);

/** Whether `error` (as `mapAwsError` returns it, or raw from the SDK) is an access denial. */
export function isAccessDenied(error: unknown): boolean {
  const raw = error instanceof TaskSkippedError ? error.cause : error;
  return ACCESS_DENIED.has(String((raw as AwsErrorShape | undefined)?.name));
}

interface AwsErrorShape {
  name?: unknown;
  message?: unknown;
}

/**
 * Turns an SDK error into what the executor should do with it, with what we were doing:
 * - access denied → `TaskSkippedError` naming the missing permission;
 * - region not enabled (`OptInRequired`, EC2's `AuthFailure` in a disabled region) → skipped;
 * - Cost Explorer not enabled / no data yet → skipped;
 * - validation → `NonRetryableError`;
 * - anything else (throttling, 5xx, network, abort) → the same error, its message prefixed
 *   with the operation, so the executor still sees its name, `$retryable` and status code.
 * @param operation IAM action form, e.g. `ec2:DescribeInstances`.
 * @param where region or `global`.
 */
export function mapAwsError(error: unknown, operation: string, where: string): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const shape = error as AwsErrorShape;
  const name = typeof shape.name === 'string' ? shape.name : '';
  const message = typeof shape.message === 'string' ? shape.message : '';
  if (name === 'AbortError') return error;
  const detail = `${name}${message ? `: ${message}` : ''}`;
  if (ACCESS_DENIED.has(name)) {
    if (/not enabled for cost explorer/i.test(message)) {
      return new TaskSkippedError(`Cost Explorer is not enabled for this account (${detail})`, { cause: error });
    }
    return new TaskSkippedError(`access denied to ${operation} in ${where}: grant ${operation} to the role to include this (${detail})`, {
      cause: error,
    });
  }
  if (REGION_DISABLED.has(name)) {
    return new TaskSkippedError(`${operation} is not available in ${where}: the region is not enabled for this account (${detail})`, {
      cause: error,
    });
  }
  if (NO_DATA.has(name)) {
    return new TaskSkippedError(`${operation} has no data for this account yet (${detail})`, { cause: error });
  }
  if (VALIDATION.has(name)) {
    return new NonRetryableError(`${operation} in ${where} rejected the request (${detail})`, { cause: error });
  }
  if (error instanceof Error && !error.message.startsWith(`${operation} in ${where}:`)) {
    try {
      error.message = `${operation} in ${where}: ${error.message}`;
    } catch {
      // A frozen error keeps its message; the executor still classifies it by shape.
    }
  }
  return error;
}

/** Runs one AWS call and maps its failure with {@link mapAwsError}. */
export async function awsCall<T>(operation: string, where: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw mapAwsError(error, operation, where);
  }
}
