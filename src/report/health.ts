/**
 * Execution health derived from the report's task table and breakers: what ran, what is left,
 * how hard it was (retries), and which circuit breakers stop work.
 */
import { compareText } from '../records/findings.js';
import type { Report } from '../records/report.js';

/** Task counts by status. `running` only appears in a report written mid-run. */
export interface TaskCounts {
  total: number;
  succeeded: number;
  pending: number;
  running: number;
  failed: number;
  skipped: number;
  cancelled: number;
}

/** One breaker that is not closed. */
export interface BreakerView {
  /** Task type or AWS service key, e.g. `ec2-metrics` or `aws:cloudwatch`. */
  key: string;
  state: 'open' | 'half-open';
  consecutiveFailures: number | null;
  openedAt: string | null;
  lastError: string | null;
}

/** Everything the "execution health" sections show. */
export interface ExecutionHealth {
  tasks: TaskCounts;
  /** Attempts beyond the first, summed over tasks. */
  retries: number;
  /** Breakers that are open or half-open, by key. */
  breakers: BreakerView[];
  /** Task ids left for the next run. */
  pending: string[];
  /** True when the execution stopped early and the next run resumes it. */
  resumable: boolean;
}

const STATUS_KEYS = ['succeeded', 'pending', 'running', 'failed', 'skipped', 'cancelled'] as const;
type StatusKey = (typeof STATUS_KEYS)[number];
const isStatusKey = (status: string): status is StatusKey => (STATUS_KEYS as readonly string[]).includes(status);

function countTasks(report: Report): TaskCounts {
  return countTaskStatuses(report.tasks);
}

/** Counts tasks by status (a report's tasks or a manifest's records alike). */
export function countTaskStatuses(tasks: Iterable<{ status: string }>): TaskCounts {
  const counts: TaskCounts = { total: 0, succeeded: 0, pending: 0, running: 0, failed: 0, skipped: 0, cancelled: 0 };
  for (const task of tasks) {
    counts.total++;
    if (isStatusKey(task.status)) counts[task.status]++;
  }
  return counts;
}

function readBreaker(key: string, value: unknown): BreakerView | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const state = record['state'];
  if (state !== 'open' && state !== 'half-open') return null;
  const failures = record['consecutiveFailures'];
  const openedAt = record['openedAt'];
  const lastError = record['lastError'];
  return {
    key,
    state,
    consecutiveFailures: typeof failures === 'number' && Number.isFinite(failures) ? failures : null,
    openedAt: typeof openedAt === 'string' ? openedAt : null,
    lastError: typeof lastError === 'string' ? lastError : null,
  };
}

/** Derives the execution health of a report. Unknown breaker shapes are ignored, never thrown on. */
export function executionHealth(report: Report): ExecutionHealth {
  const retries = report.tasks.reduce((n, t) => n + (Number.isFinite(t.attempts) ? Math.max(0, t.attempts - 1) : 0), 0);
  const breakers = Object.entries(report.breakers ?? {})
    .map(([key, value]) => readBreaker(key, value))
    .filter((b): b is BreakerView => b !== null)
    .sort((a, b) => compareText(a.key, b.key));
  const pending = report.pending.length > 0 ? [...report.pending] : report.tasks.filter((t) => t.status === 'pending').map((t) => t.id);
  return { tasks: countTasks(report), retries, breakers, pending, resumable: report.status === 'partial' || report.status === 'running' };
}

/** A human word for an execution status, with an emoji that reads at a glance. */
export function statusLabel(status: string): string {
  switch (status) {
    case 'completed':
      return '✅ completed';
    case 'partial':
      return '⏸️ partial';
    case 'failed':
      return '❌ failed';
    case 'cancelled':
      return '🚫 cancelled';
    case 'running':
      return '⏳ running';
    default:
      return status;
  }
}
