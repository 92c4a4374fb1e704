import type { ExecutorEvent } from '../executor/events.js';

export type LogLevel = 'debug' | 'info' | 'warning' | 'error';

/** One executor event as a log record: a level, a readable line and its structured context. */
export interface LogRecord {
  level: LogLevel;
  message: string;
  fields: Record<string, string | number | boolean | undefined>;
}

/** Turns a core event into a log record; the action and the CLI print it their own way. */
export function describeEvent(event: ExecutorEvent): LogRecord {
  switch (event.type) {
    case 'executionStarted':
      return info(`${event.resumed ? 'Resuming' : 'Starting'} execution ${event.executionId} with ${event.total} tasks`, {
        executionId: event.executionId,
        total: event.total,
        resumed: event.resumed,
      });
    case 'taskStarted':
      return debug(`started ${event.taskId} (attempt ${event.attempt})`, {
        taskId: event.taskId,
        taskType: event.taskType,
        attempt: event.attempt,
      });
    case 'taskFinished':
      return debug(`finished ${event.taskId} in ${formatDuration(event.durationMs)}; its result is stored with the next checkpoint`, {
        taskId: event.taskId,
        taskType: event.taskType,
        attempt: event.attempt,
        durationMs: event.durationMs,
      });
    case 'taskSucceeded':
      return info(`done ${event.taskId} in ${formatDuration(event.durationMs)}`, {
        taskId: event.taskId,
        taskType: event.taskType,
        attempt: event.attempt,
        durationMs: event.durationMs,
      });
    case 'taskRetrying':
      return warning(
        `retrying ${event.taskId} in ${formatDuration(event.delayMs)} after attempt ${event.attempt}: ${event.error.message}`,
        { taskId: event.taskId, taskType: event.taskType, attempt: event.attempt, delayMs: event.delayMs, error: event.error.message },
      );
    case 'taskFailed':
      return warning(`failed ${event.taskId} after ${event.attempt} attempt(s): ${event.error.message}`, {
        taskId: event.taskId,
        taskType: event.taskType,
        attempt: event.attempt,
        error: event.error.message,
      });
    case 'taskSkipped':
      return info(`skipped ${event.taskId}: ${event.reason}`, { taskId: event.taskId, taskType: event.taskType, reason: event.reason });
    case 'taskReused':
      return debug(`reused the stored result of ${event.taskId}`, { taskId: event.taskId, taskType: event.taskType });
    case 'taskDeferred':
      return info(`deferred ${event.taskId} to the next run: ${event.reason}`, {
        taskId: event.taskId,
        taskType: event.taskType,
        reason: event.reason,
      });
    case 'breakerOpened':
      return warning(`circuit breaker ${event.key} opened after ${event.state.consecutiveFailures} consecutive failures`, {
        breaker: event.key,
      });
    case 'breakerHalfOpen':
      return info(`circuit breaker ${event.key} half-open: one trial task allowed`, { breaker: event.key });
    case 'breakerClosed':
      return info(`circuit breaker ${event.key} closed`, { breaker: event.key });
    case 'checkpointWritten':
      return debug(`checkpoint ${event.writes} written`, { executionId: event.executionId, writes: event.writes });
    case 'budgetExhausted':
      return warning(`time budget exhausted: ${event.pending.length} task(s) left for the next run`, { pending: event.pending.length });
    case 'executionCancelled':
      return warning(`execution ${event.executionId} was cancelled`, { executionId: event.executionId });
    case 'taskReset':
      return info(`reset ${event.taskId} to pending: ${event.reason}`, {
        taskId: event.taskId,
        taskType: event.taskType,
        reason: event.reason,
      });
    case 'taskInterrupted':
      return info(`interrupted ${event.taskId} (${event.status}): ${event.reason}`, {
        taskId: event.taskId,
        taskType: event.taskType,
        status: event.status,
        reason: event.reason,
      });
    case 'executionInterrupted':
      return warning(`execution ${event.executionId} interrupted: ${event.reason}; ${event.pending.length} task(s) left for the next run`, {
        executionId: event.executionId,
        pending: event.pending.length,
        reason: event.reason,
      });
    case 'executionFinished':
      return info(
        `execution ${event.executionId} ${event.status}${event.pending.length > 0 ? `, ${event.pending.length} task(s) pending` : ''}`,
        { executionId: event.executionId, status: event.status, pending: event.pending.length },
      );
  }
}

/** `850 ms`, `12.3 s`, `4m05s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes}m${String(seconds).padStart(2, '0')}s`;
}

const info = (message: string, fields: LogRecord['fields']): LogRecord => ({ level: 'info', message, fields });
const debug = (message: string, fields: LogRecord['fields']): LogRecord => ({ level: 'debug', message, fields });
const warning = (message: string, fields: LogRecord['fields']): LogRecord => ({ level: 'warning', message, fields });
