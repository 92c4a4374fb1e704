/**
 * The named errors of the product. Each says whether retrying can help, so the
 * executor's classification never depends on message text.
 */
export abstract class FinopsError extends Error {
  abstract readonly retryable: boolean;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** An attempt ran past its per-attempt timeout. */
export class TaskTimeoutError extends FinopsError {
  readonly retryable = true;
  constructor(
    readonly taskId: string,
    readonly timeoutMs: number,
  ) {
    super(`task ${taskId} timed out after ${timeoutMs} ms`);
  }
}

/** The breaker for `key` is open: tasks behind it are skipped until it recovers. */
export class CircuitOpenError extends FinopsError {
  readonly retryable = false;
  constructor(
    readonly key: string,
    readonly retryAt: string,
  ) {
    super(`circuit breaker ${key} is open until ${retryAt}`);
  }
}

/** The run's time budget ran out; work left is resumed by the next run. */
export class BudgetExhaustedError extends FinopsError {
  readonly retryable = false;
  constructor(message = 'time budget exhausted') {
    super(message);
  }
}

/** Another run holds the account's lease. */
export class LeaseHeldError extends FinopsError {
  readonly retryable = false;
  constructor(
    readonly accountId: string,
    readonly holder: string,
    readonly expiresAt: string,
  ) {
    super(`account ${accountId} is locked by ${holder} until ${expiresAt}`);
  }
}

/** A stored object failed validation; it has been (or must be) quarantined. */
export class StateCorruptError extends FinopsError {
  readonly retryable = false;
  constructor(
    readonly key: string,
    reason: string,
  ) {
    super(`state object ${key} is unreadable: ${reason}`);
  }
}

/** A conditional write lost: somebody else created or changed the object first. */
export class PreconditionFailedError extends FinopsError {
  readonly retryable = false;
  constructor(
    readonly key: string,
    readonly condition: string,
  ) {
    super(`conditional write of ${key} failed (${condition}): it was changed by another writer`);
  }
}

/** The account's lease was taken over or vanished while this run held it: stop writing state. */
export class LeaseLostError extends FinopsError {
  readonly retryable = false;
  constructor(
    readonly accountId: string,
    readonly holder: string,
    reason: string,
  ) {
    super(`lease on account ${accountId} held by ${holder} was lost: ${reason}`);
  }
}

/** A state key, execution id, account id or task id is malformed or would escape the store. */
export class InvalidStateKeyError extends FinopsError {
  readonly retryable = false;
}

/** Reading or writing the state store failed (network, permissions, disk); says whether a retry may help. */
export class StateIoError extends FinopsError {
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A failure that retrying cannot fix (access denied, validation): the task fails at once. */
export class NonRetryableError extends FinopsError {
  readonly retryable = false;
}

/**
 * The task cannot apply to this account (service not enrolled, not opted in, permission
 * missing for an optional feature): it ends `skipped` with this reason, not `failed`.
 */
export class TaskSkippedError extends FinopsError {
  readonly retryable = false;
}

/** The task graph is malformed (unknown dependency, cycle, duplicate id). */
export class GraphError extends FinopsError {
  readonly retryable = false;
}

/** A task's result cannot be stored as JSON without changing it; retrying would give the same. */
export class ResultNotSerialisableError extends FinopsError {
  readonly retryable = false;
  constructor(
    readonly taskId: string,
    readonly path: string,
    problem: string,
  ) {
    super(`result of task ${taskId} is not JSON-serialisable at ${path}: ${problem}`);
  }
}

/** The execution was cancelled (the `cancel` command); in-flight work is abandoned. */
export class ExecutionCancelledError extends FinopsError {
  readonly retryable = false;
  constructor(message = 'execution cancelled') {
    super(message);
  }
}

/** The run was stopped from outside (SIGTERM, job cancelled); pending work resumes next run. */
export class ExecutionInterruptedError extends FinopsError {
  readonly retryable = false;
  constructor(message = 'run interrupted', options?: { cause?: unknown }) {
    super(message, options);
  }
}

export function isFinopsError(error: unknown): error is FinopsError {
  return error instanceof FinopsError;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An operation named an execution the store does not have. */
export class ExecutionNotFoundError extends FinopsError {
  readonly retryable = false;
  constructor(
    readonly executionId: string,
    readonly location: string,
  ) {
    super(`execution ${executionId} not found in ${location}`);
  }
}

/**
 * The operation does not apply to what it was asked about (resuming a cancelled execution,
 * another account's execution, a breaker the execution does not have): nothing was changed.
 */
export class OperationNotApplicableError extends FinopsError {
  readonly retryable = false;
}
