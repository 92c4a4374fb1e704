import type { ExecutionManifest, TaskRecord } from '../../../src/records/state.js';
import { manifest } from '../../contract/fixtures.js';

const ACCOUNT = '123456789012';
const T0 = Date.parse('2026-11-25T06:00:00Z');

/** A task record with its status. */
export function task(id: string, status: TaskRecord['status'], extra: Partial<TaskRecord> = {}): TaskRecord {
  return { id, type: id.split(':')[0]!, status, attempts: status === 'pending' ? 0 : 1, dependsOn: [], optionalDependsOn: [], ...extra };
}

/** A failed execution with one of every task status and an open breaker. */
export function mixedExecution(): ExecutionManifest {
  return manifest(ACCOUNT, T0, {
    status: 'failed',
    finishedAt: new Date(T0 + 61_000).toISOString(),
    runs: 2,
    trigger: { event: 'schedule' },
    tasks: {
      'cost-daily': task('cost-daily', 'succeeded', { durationMs: 850 }),
      'ec2-inventory:us-east-1': task('ec2-inventory:us-east-1', 'failed', {
        attempts: 3,
        durationMs: 12_300,
        error: { name: 'NonRetryableError', message: 'DescribeInstances: \u001b[31mbad\u001b[0m filter', retryable: false },
      }),
      'ebs-inventory:us-east-1': task('ebs-inventory:us-east-1', 'skipped', {
        attempts: 0,
        skipReason: 'circuit breaker aws:ec2 is open until 2026-11-25T06:05:00.000Z',
        error: { name: 'CircuitOpenError', message: 'circuit breaker aws:ec2 is open until 2026-11-25T06:05:00.000Z', retryable: false },
      }),
      'metrics:us-east-1': task('metrics:us-east-1', 'pending'),
    },
    breakers: {
      'aws:ec2': {
        state: 'open',
        consecutiveFailures: 3,
        openedAt: new Date(T0).toISOString(),
        lastError: 'DescribeInstances: bad filter',
      },
      'cost-daily': { state: 'closed', consecutiveFailures: 0 },
    },
  });
}
