import * as core from '@actions/core';
import { describeEvent } from '../operations/event-log.js';
import type { ExecutorEvent } from '../executor/events.js';
import { createProgressTracker } from '../executor/progress.js';
import type { LogFormat } from '../settings/settings.js';

export interface ActionLogger {
  event(event: ExecutorEvent): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warning(message: string, fields?: Record<string, unknown>): void;
}

/**
 * Executor events as the runner's log: readable lines with a progress prefix, or one JSON
 * object per line with execution and task context (`log-format: json`).
 */
export function createActionLogger(format: LogFormat, context: { executionId?: string } = {}): ActionLogger {
  const progress = createProgressTracker();
  const json = (level: string, message: string, fields: Record<string, unknown> = {}) =>
    core.info(JSON.stringify({ time: new Date().toISOString(), level, message, ...context, ...fields }));
  return {
    event(event) {
      progress.onEvent(event);
      if (event.type === 'executionStarted') context.executionId = event.executionId;
      const record = describeEvent(event);
      if (format === 'json') {
        json(record.level, record.message, record.fields);
        return;
      }
      const snap = progress.snapshot();
      const done = snap.succeeded + snap.failed + snap.skipped + snap.cancelled;
      const line = `[${done}/${snap.total}] ${record.message}`;
      if (record.level === 'debug') core.debug(line);
      else if (record.level === 'warning') core.warning(line);
      else core.info(line);
    },
    info(message, fields) {
      if (format === 'json') json('info', message, fields);
      else core.info(message);
    },
    warning(message, fields) {
      if (format === 'json') json('warning', message, fields);
      else core.warning(message);
    },
  };
}
