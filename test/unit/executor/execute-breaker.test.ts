import { describe, expect, it } from 'vitest';
import { resetBreakers } from '../../../src/executor/breaker.js';
import { FAKE_EPOCH } from '../../support/fake-clock.js';
import { awsError, harness, policy, sleeper, taskOf } from './helpers.js';

const breakerPolicy = policy({ retry: { maxAttempts: 2 }, breaker: { failureThreshold: 2, recoveryTimeMs: 60_000 } });
const down = (id: string, extra = {}) =>
  taskOf(
    id,
    async () => {
      throw awsError('ServiceUnavailable', 503);
    },
    extra,
  );

describe('executeGraph circuit breaker', () => {
  it('opens after consecutive failed tasks (not attempts), skips the rest, and survives save/load', async () => {
    const h = harness();
    const tasks = [
      down('ec2-metrics:r0'),
      down('ec2-metrics:r1'),
      sleeper('ec2-metrics:r2', 10),
      sleeper('ec2-metrics:r3', 10),
      sleeper('other', 10),
    ];
    const first = await h.execute({ tasks, policy: breakerPolicy, maxConcurrentTasks: 1, random: () => 0 });

    // Two tasks of two attempts each: four failed attempts, but the breaker counts two tasks.
    expect(tasks[0]!.calls).toHaveLength(2);
    const opened = h.of('breakerOpened');
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({
      key: 'ec2-metrics',
      state: { state: 'open', consecutiveFailures: 2, lastError: 'ServiceUnavailable from AWS' },
    });
    const openedAt =
      h.journal.manifest.breakers['ec2-metrics']?.state === 'open' ? h.journal.manifest.breakers['ec2-metrics'].openedAt : '';
    const retryAt = new Date(Date.parse(openedAt) + 60_000).toISOString();
    for (const id of ['ec2-metrics:r2', 'ec2-metrics:r3']) {
      expect(h.journal.manifest.tasks[id]).toMatchObject({
        status: 'skipped',
        attempts: 0,
        skipReason: `circuit breaker ec2-metrics is open until ${retryAt}`,
        error: { name: 'CircuitOpenError', retryable: false },
      });
    }
    expect(tasks[2]!.calls).toHaveLength(0);
    expect(h.journal.manifest.tasks.other?.status).toBe('succeeded');
    expect(first.status).toBe('failed');

    // The next run loads the manifest through JSON and the schema: the breaker is still open.
    const second = h.journal.reload();
    expect(second.manifest.breakers['ec2-metrics']).toEqual(h.journal.manifest.breakers['ec2-metrics']);
    const early = sleeper('ec2-metrics:r4', 10);
    await h.execute({ journal: second, tasks: [early], policy: breakerPolicy });
    expect(early.calls).toHaveLength(0);
    expect(second.manifest.tasks['ec2-metrics:r4']).toMatchObject({
      status: 'skipped',
      skipReason: `circuit breaker ec2-metrics is open until ${retryAt}`,
    });

    // After the recovery time: exactly one trial, the others wait for its outcome; success closes.
    await h.clock.advance(60_000);
    const third = second.reload();
    const trial = [sleeper('ec2-metrics:r5', 100), sleeper('ec2-metrics:r6', 100), sleeper('ec2-metrics:r7', 100)];
    const start = h.clock.now();
    const outcome = await h.execute({ journal: third, tasks: trial, policy: breakerPolicy });
    expect(outcome.status).toBe('completed');
    const starts = h
      .of('taskStarted')
      .filter((e) => e.at >= start)
      .map((e) => [e.taskId, e.at - start]);
    expect(starts).toEqual([
      ['ec2-metrics:r5', 0],
      ['ec2-metrics:r6', 100],
      ['ec2-metrics:r7', 100],
    ]);
    expect(h.events.map((e) => e.type).filter((t) => t.startsWith('breaker'))).toEqual([
      'breakerOpened',
      'breakerHalfOpen',
      'breakerClosed',
    ]);
    expect(third.reload().manifest.breakers['ec2-metrics']).toEqual({ state: 'closed', consecutiveFailures: 0 });
  });

  it('re-opens when the half-open trial fails', async () => {
    const h = harness();
    h.journal.manifest.breakers['ec2-metrics'] = {
      state: 'open',
      consecutiveFailures: 2,
      openedAt: new Date(FAKE_EPOCH - 60_000).toISOString(),
    };
    const tasks = [down('ec2-metrics:r0'), sleeper('ec2-metrics:r1', 10)];
    await h.execute({ tasks, policy: breakerPolicy, random: () => 0 });
    expect(h.events.map((e) => e.type).filter((t) => t.startsWith('breaker'))).toEqual(['breakerHalfOpen', 'breakerOpened']);
    expect(h.journal.manifest.breakers['ec2-metrics']).toMatchObject({
      state: 'open',
      consecutiveFailures: 3,
      openedAt: new Date(FAKE_EPOCH).toISOString(),
    });
    expect(tasks[1]!.calls).toHaveLength(0);
    expect(h.journal.manifest.tasks['ec2-metrics:r1']?.skipReason).toMatch(/circuit breaker ec2-metrics is open until/);
  });

  it('resets the count on success, and a classified skip counts as the service answering', async () => {
    const h = harness();
    const denied = taskOf('ec2-metrics:r2', async () => {
      throw awsError('AccessDeniedException', 403);
    });
    const tasks = [down('ec2-metrics:r0'), sleeper('ec2-metrics:r1', 10), down('ec2-metrics:r3'), denied, down('ec2-metrics:r4')];
    await h.execute({ tasks, policy: breakerPolicy, maxConcurrentTasks: 1, random: () => 0 });
    expect(h.of('breakerOpened')).toHaveLength(0);
    expect(h.journal.manifest.breakers['ec2-metrics']).toEqual({ state: 'closed', consecutiveFailures: 1 });
  });

  it('shares extra breaker keys across task types', async () => {
    const h = harness();
    const tasks = [
      down('cost-analysis', { breakerKeys: ['aws:ce'] }),
      down('cost-forecast', { breakerKeys: ['aws:ce'] }),
      sleeper('savings-plans', 10, 's', { breakerKeys: ['aws:ce'], dependsOn: ['cost-forecast'] }),
      sleeper('rightsizing', 10, 'r', { breakerKeys: ['aws:ce'], optionalDependsOn: ['cost-forecast'] }),
    ];
    await h.execute({ tasks, policy: breakerPolicy, maxConcurrentTasks: 1, random: () => 0 });
    expect(h.of('breakerOpened').map((e) => e.key)).toEqual(['aws:ce']);
    expect(h.journal.manifest.tasks.rightsizing?.skipReason).toMatch(/^circuit breaker aws:ce is open until /);
    expect(h.journal.manifest.tasks['savings-plans']?.skipReason).toBe('dependency cost-forecast failed');
  });

  it('is closed again by resetBreakers for the next run', async () => {
    const h = harness();
    h.journal.manifest.breakers['ec2-metrics'] = { state: 'open', consecutiveFailures: 9, openedAt: new Date(FAKE_EPOCH).toISOString() };
    resetBreakers(h.journal.manifest, 'ec2-metrics');
    const task = sleeper('ec2-metrics:r0', 10);
    await h.execute({ tasks: [task], policy: breakerPolicy });
    expect(task.calls).toHaveLength(1);
  });
});
