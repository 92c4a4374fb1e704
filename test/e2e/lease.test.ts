import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, explain, startE2E, type E2E } from './harness.js';

interface Lease {
  holder: string;
  expiresAt: string;
}

/**
 * Two runs on one account at once (what `concurrency:` usually prevents, and the action must
 * survive anyway): the second sees the first's lease, exits 0 with a notice naming the holder
 * and the expiry, and touches nothing; the first finishes undisturbed.
 */
describe('a second run while the first holds the lease', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E('lease');
  });
  afterAll(async () => {
    await e?.stop();
  });

  it('(d) exits cleanly with a notice naming the holder and expiry; state stays intact', async () => {
    // Slow inventory keeps the first run inside its lease for several seconds.
    e.aws.setFaults({ latencyMs: { ec2: 1_200, elbv2: 1_200, rds: 1_200 } });
    const first = e.start({ env: { GITHUB_RUN_ID: '7001' } });
    let lease: Lease | undefined;
    for (let i = 0; i < 200 && !lease; i++) {
      const found = await e.readState<Lease>(`accounts/${ACCOUNT}/lease.json`);
      if (found && Date.parse(found.expiresAt) > Date.now()) lease = found;
      else await sleep(50);
    }
    expect(lease?.holder).toMatch(/^github-run-7001-1-\d+$/);

    const keysBefore = await e.stateKeys();
    const second = await e.run({ env: { GITHUB_RUN_ID: '7002' } });
    expect(second.exitCode, explain(second)).toBe(0);
    const notice = second.annotations.notice.join('\n');
    expect(notice).toContain(`account ${ACCOUNT} is locked by ${lease!.holder} until `);
    expect(notice).toMatch(/until \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/);
    expect(second.annotations.error).toEqual([]);
    expect(second.outputs).toEqual({});
    expect(second.summary).toContain(`is locked by ${lease!.holder} until`);

    // The second run asked AWS who it is, and nothing else.
    const secondKeys = new Set(e.aws.issued.filter((c) => c.roleSessionName === 'finops-7002-1').map((c) => c.accessKeyId));
    const bySecond = e.aws.requests.filter((r) => secondKeys.has(r.accessKeyId ?? ''));
    expect(bySecond.map((r) => `${r.service}:${r.operation}`)).toEqual(['sts:GetCallerIdentity']);

    const done = await first.done;
    expect(done.exitCode, explain(done)).toBe(0);
    expect(done.outputs.status).toBe('completed');
    const id = done.outputs['execution-id']!;
    const keys = await e.stateKeys();
    // One execution only, the first run's; every key that existed when the second ran is still there.
    expect(new Set(keys.filter((k) => k.includes('/executions/')).map((k) => k.split('/')[2]))).toEqual(new Set([id]));
    expect(keysBefore.filter((k) => !keys.includes(k))).toEqual([]);
    expect(await e.readState(`executions/${id}/manifest.json`)).toMatchObject({ status: 'completed', runs: 1 });
    expect(await e.readState(`accounts/${ACCOUNT}/latest.json`)).toMatchObject({ executionId: id });
    const released = await e.readState<Lease>(`accounts/${ACCOUNT}/lease.json`);
    expect(Date.parse(released!.expiresAt)).toBeLessThanOrEqual(Date.now());
  });
});
