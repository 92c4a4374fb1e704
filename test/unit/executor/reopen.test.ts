import { describe, expect, it } from 'vitest';
import { reopenTasks } from '../../../src/executor/reopen.js';
import { awsError, harness, sleeper, taskOf } from './helpers.js';

describe('reopenTasks (the retry command)', () => {
  it('reopens failed and breaker-skipped tasks with their skipped dependants, then a run finishes them', async () => {
    const h = harness();
    let broken = true;
    const bad = taskOf('cost-analysis', async () => {
      if (broken) throw awsError('ValidationException');
      return 'fixed';
    });
    const dependant = sleeper('report', 10, 'r', { dependsOn: ['cost-analysis'] });
    const denied = taskOf('compute-optimizer', async () => {
      throw awsError('OptInRequiredException');
    });
    const good = sleeper('ec2-inventory', 10);
    await h.execute({ tasks: [bad, dependant, denied, good] });
    expect(h.journal.manifest.status).toBe('failed');

    const journal = h.journal.reload();
    expect(reopenTasks(journal.manifest).sort()).toEqual(['cost-analysis', 'report']);
    expect(journal.manifest.tasks['cost-analysis']).toMatchObject({ status: 'pending', attempts: 1 });
    expect(journal.manifest.tasks['cost-analysis']?.error).toBeUndefined();
    expect(journal.manifest.tasks['compute-optimizer']?.status).toBe('skipped');

    broken = false;
    const outcome = await h.execute({ journal, tasks: [bad, dependant, denied, good] });
    expect(outcome.status).toBe('completed');
    expect(good.calls).toHaveLength(1);
    expect(dependant.calls).toHaveLength(1);
  });

  it('reopens only the named tasks (and dependants), never succeeded ones', () => {
    const base = { attempts: 1, dependsOn: [] as string[], optionalDependsOn: [] as string[] };
    const manifest = {
      tasks: {
        a: { ...base, id: 'a', type: 'a', status: 'succeeded' as const },
        b: {
          ...base,
          id: 'b',
          type: 'b',
          status: 'skipped' as const,
          error: { name: 'CircuitOpenError', message: 'open', retryable: false },
        },
        c: { ...base, id: 'c', type: 'c', status: 'cancelled' as const, dependsOn: ['b'] },
      },
    };
    expect(reopenTasks(manifest, ['a', 'b'])).toEqual(['b', 'c']);
    expect(manifest.tasks.a.status).toBe('succeeded');
  });
});
