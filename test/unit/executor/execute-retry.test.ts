import { describe, expect, it } from 'vitest';
import { NonRetryableError, TaskTimeoutError } from '../../../src/primitives/errors.js';
import { backoffBoundMs } from '../../../src/executor/backoff.js';
import { FAKE_EPOCH } from '../../support/fake-clock.js';
import { awsError, harness, policy, seeded, taskOf } from './helpers.js';

/** Fails with `error` the first `failures` times, then returns 'ok'. */
function flaky(id: string, failures: number, error: () => unknown) {
  return taskOf(id, async (ctx) => {
    if (ctx.attempt <= failures) throw error();
    return 'ok';
  });
}

describe('executeGraph retries', () => {
  it('retries retryable errors with full-jitter backoff slept on the clock', async () => {
    const h = harness();
    const retry = { maxAttempts: 4, initialDelayMs: 1000, backoffCoefficient: 3, maxDelayMs: 5000 };
    const task = flaky('cost-analysis', 3, () => awsError('ThrottlingException'));
    const outcome = await h.execute({ tasks: [task], policy: policy({ retry }), random: seeded(42) });

    expect(outcome.status).toBe('completed');
    expect(task.calls.map((c) => c.attempt)).toEqual([1, 2, 3, 4]);
    expect(h.journal.manifest.tasks['cost-analysis']?.attempts).toBe(4);

    const expectedRandom = seeded(42);
    const retrying = h.of('taskRetrying');
    expect(retrying.map((e) => e.attempt)).toEqual([1, 2, 3]);
    retrying.forEach((e, i) => {
      const bound = backoffBoundMs(retry, i + 1);
      expect(bound).toBe([1000, 3000, 5000][i]);
      expect(e.delayMs).toBeGreaterThanOrEqual(0);
      expect(e.delayMs).toBeLessThan(bound);
      expect(e.delayMs).toBe(Math.floor(expectedRandom() * bound));
      expect(e.error).toEqual({ name: 'ThrottlingException', message: 'ThrottlingException from AWS', retryable: true });
    });
    // The only time that passed is the backoff: nothing slept for real, nothing slept twice.
    const slept = retrying.reduce((sum, e) => sum + e.delayMs, 0);
    expect(h.clock.now() - FAKE_EPOCH).toBe(slept);
    expect(slept).toBeGreaterThan(0);
  });

  it('fails after maxAttempts with the last error recorded', async () => {
    const h = harness();
    const task = flaky('ec2-inventory', 99, () => awsError('ServiceUnavailable', 503));
    const outcome = await h.execute({ tasks: [task], policy: policy({ retry: { maxAttempts: 3 } }) });
    expect(outcome.status).toBe('failed');
    expect(task.calls).toHaveLength(3);
    expect(h.of('taskRetrying')).toHaveLength(2);
    expect(h.journal.manifest.tasks['ec2-inventory']).toMatchObject({
      status: 'failed',
      attempts: 3,
      error: { name: 'ServiceUnavailable', message: 'ServiceUnavailable from AWS', retryable: true },
    });
    expect(h.of('taskFailed')).toMatchObject([{ taskId: 'ec2-inventory', attempt: 3 }]);
  });

  it.each([
    ['NonRetryableError', () => new NonRetryableError('bad input')],
    ['ValidationException', () => awsError('ValidationException')],
    ['an unknown error', () => new Error('bug')],
    ['a thrown string', () => 'oops'],
  ])('does not retry %s: the task fails at once', async (_, error) => {
    const h = harness();
    const task = flaky('ec2-inventory', 99, error);
    const outcome = await h.execute({ tasks: [task] });
    expect(outcome.status).toBe('failed');
    expect(task.calls).toHaveLength(1);
    expect(h.of('taskRetrying')).toHaveLength(0);
    expect(h.journal.manifest.tasks['ec2-inventory']?.error?.retryable).toBe(false);
  });

  it.each([
    ['AccessDeniedException', 'AccessDeniedException: AccessDeniedException from AWS'],
    ['OptInRequired', 'OptInRequired: OptInRequired from AWS'],
    ['SubscriptionRequiredException', 'SubscriptionRequiredException: SubscriptionRequiredException from AWS'],
  ])('skips at once on %s, with the reason', async (name, reason) => {
    const h = harness();
    const task = flaky('compute-optimizer', 99, () => awsError(name, 403));
    const outcome = await h.execute({ tasks: [task] });
    expect(outcome.status).toBe('completed');
    expect(task.calls).toHaveLength(1);
    expect(h.journal.manifest.tasks['compute-optimizer']).toMatchObject({ status: 'skipped', skipReason: reason, attempts: 1 });
    expect(h.of('taskSkipped')).toMatchObject([{ taskId: 'compute-optimizer', reason }]);
  });

  it('gives each run the policy attempts, counting attempts across runs', async () => {
    const h = harness();
    h.journal.manifest.tasks['ec2-inventory'] = {
      id: 'ec2-inventory',
      type: 'ec2-inventory',
      status: 'pending',
      attempts: 3,
      dependsOn: [],
      optionalDependsOn: [],
    };
    const task = flaky('ec2-inventory', 4, () => awsError('Throttling'));
    const outcome = await h.execute({ tasks: [task], policy: policy({ retry: { maxAttempts: 2 } }) });
    expect(outcome.status).toBe('completed');
    expect(task.calls.map((c) => c.attempt)).toEqual([4, 5]);
    expect(h.journal.manifest.tasks['ec2-inventory']?.attempts).toBe(5);
  });
});

describe('executeGraph timeouts', () => {
  it('aborts the attempt signal with TaskTimeoutError even when the task ignores it', async () => {
    const h = harness();
    const reasons: unknown[] = [];
    const task = taskOf('ec2-metrics', (ctx) => {
      ctx.signal.addEventListener('abort', () => reasons.push(ctx.signal.reason));
      return new Promise(() => {}); // ignores its signal and never settles
    });
    const outcome = await h.execute({ tasks: [task], policy: policy({ timeoutMs: 2000, retry: { maxAttempts: 2 } }), random: () => 0 });
    expect(outcome.status).toBe('failed');
    expect(task.calls).toHaveLength(2);
    expect(reasons).toHaveLength(2);
    expect(reasons[0]).toBeInstanceOf(TaskTimeoutError);
    expect(task.calls.every((c) => c.signal.aborted)).toBe(true);
    expect(h.journal.manifest.tasks['ec2-metrics']).toMatchObject({
      status: 'failed',
      attempts: 2,
      error: { name: 'TaskTimeoutError', message: 'task ec2-metrics timed out after 2000 ms', retryable: true },
    });
    expect(h.clock.now() - FAKE_EPOCH).toBe(4000);
  });

  it('uses the task timeout over the policy and lets a retry succeed', async () => {
    const h = harness();
    const task = taskOf(
      'cost-analysis',
      async (ctx) => {
        await ctx.clock.sleep(ctx.attempt === 1 ? 10_000 : 100, ctx.signal);
        return 'done';
      },
      { timeoutMs: 500 },
    );
    const outcome = await h.execute({ tasks: [task], policy: policy({ timeoutMs: 60_000 }), random: () => 0 });
    expect(outcome.results.get('cost-analysis')).toBe('done');
    expect(h.of('taskRetrying')).toMatchObject([{ attempt: 1, delayMs: 0, error: { name: 'TaskTimeoutError' } }]);
    expect(h.clock.now() - FAKE_EPOCH).toBe(600);
  });
});

describe('executeGraph results', () => {
  it('fails a task whose result is not JSON-serialisable, clearly, and stores nothing', async () => {
    const h = harness();
    const task = taskOf('ec2-inventory:us-east-1', async () => ({ instances: [{ id: 'i-1', launchTime: new Date(0) }] }));
    const dependant = taskOf('report', async () => 'r', { dependsOn: ['ec2-inventory:us-east-1'] });
    const outcome = await h.execute({ tasks: [task, dependant] });
    expect(outcome.status).toBe('failed');
    expect(task.calls).toHaveLength(1);
    expect(h.journal.saves).toEqual([]);
    expect(h.journal.manifest.tasks['ec2-inventory:us-east-1']).toMatchObject({
      status: 'failed',
      error: {
        name: 'ResultNotSerialisableError',
        message:
          'result of task ec2-inventory:us-east-1 is not JSON-serialisable at $.instances[0].launchTime: a Date: store it as an ISO string',
        retryable: false,
      },
    });
    expect(h.journal.manifest.tasks.report?.status).toBe('skipped');
  });

  it('hands dependants the checked, deep-frozen result itself, not a copy', async () => {
    const h = harness();
    const returned = { keep: 1, drop: undefined, rows: [{ n: 1 }] };
    const producer = taskOf('a', async () => returned);
    const consumer = taskOf('b', async (ctx) => ctx.inputs.get('a'), { dependsOn: ['a'] });
    const outcome = await h.execute({ tasks: [producer, consumer] });
    const seen = outcome.results.get('b') as typeof returned;
    expect(seen).toBe(returned);
    expect(h.journal.results.get('a')).toBe(returned);
    expect([Object.isFrozen(seen), Object.isFrozen(seen.rows), Object.isFrozen(seen.rows[0])]).toEqual([true, true, true]);
  });

  it('fails a dependant that changes its input, and keeps the input as its task returned it', async () => {
    const h = harness();
    const producer = taskOf('a', async () => ({ rows: [{ n: 1 }] }));
    const mutating = taskOf(
      'b',
      async (ctx) => {
        const input = ctx.inputs.get('a') as { rows: Array<{ n: number }> };
        input.rows[0]!.n = 2;
        return input;
      },
      { dependsOn: ['a'] },
    );
    const outcome = await h.execute({ tasks: [producer, mutating] });
    expect(outcome.status).toBe('failed');
    expect(h.journal.manifest.tasks.b).toMatchObject({ status: 'failed', error: { name: 'TypeError' } });
    expect(h.journal.results.get('a')).toEqual({ rows: [{ n: 1 }] });
    expect(h.journal.results.has('b')).toBe(false);
  });
});
