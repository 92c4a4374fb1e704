import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, prEvent, startE2E, type E2E } from './harness.js';

/** Input → the input name the error must carry (some come back from the config loader, not the settings). */
const BAD_INPUTS: Array<[string, string, string]> = [
  ['max-concurrent-tasks', 'lots', 'Input "max-concurrent-tasks"'],
  ['time-budget-minutes', '0', 'Input "time-budget-minutes"'],
  ['comment-on-pr', 'sometimes', 'Input "comment-on-pr"'],
  ['regions', 'mars-north-9', 'Input "regions"'],
  ['cost-metric', 'Bogus', 'Input "cost-metric"'],
  ['log-format', 'xml', 'Input "log-format"'],
  ['role-to-assume', 'not-an-arn', 'Input "role-to-assume"'],
  ['state-bucket', 'Bad_Bucket', 'Input "state-bucket"'],
  ['command', 'explode', 'Input "command"'],
  ['checks', 'ebs-unattached,nope', 'checks: unknown check id "nope"'],
  ['config-file', 'missing.yml', 'config-file: cannot read "missing.yml"'],
];

describe('misconfiguration fails fast and clearly; missing permissions degrade', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E('misconfig');
  });
  afterAll(async () => {
    await e?.stop();
  });

  it('(e) role-to-assume without the id-token permission → exit 1 with the fix, nothing called', async () => {
    const run = await e.run({ env: { ACTIONS_ID_TOKEN_REQUEST_URL: undefined, ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined } });
    expect(run.exitCode, explain(run)).toBe(1);
    expect(run.annotations.error).toHaveLength(1);
    expect(run.annotations.error[0]).toContain('role-to-assume');
    expect(run.annotations.error[0]).toContain('permissions: id-token: write');
    expect(e.aws.requests).toEqual([]);
    expect(e.github.requests).toEqual([]);
    expect(await e.stateKeys()).toEqual([]);
  });

  it.each(BAD_INPUTS)('(f) %s: %s → exit 1 naming the input, before any AWS call or state write', async (name, value, message) => {
    const before = { aws: e.aws.requests.length, github: e.github.requests.length };
    const run = await e.run({ inputs: { [name]: value } });
    expect(run.exitCode, explain(run)).toBe(1);
    expect(run.annotations.error.join('\n')).toContain(message);
    if (message.startsWith('Input')) expect(run.annotations.error.join('\n')).toContain(`"${value}"`);
    expect(e.aws.requests.length).toBe(before.aws);
    expect(e.github.requests.length).toBe(before.github);
    expect(await e.stateKeys()).toEqual([]);
  });

  it('(g) a read-only token on a PR: no comment, a notice in the summary, exit 0', async () => {
    e.github.setPermissions({ comments: 'read' });
    const run = await e.run({ event: prEvent(7) });
    expect(run.exitCode, explain(run)).toBe(0);
    expect(run.outputs.status).toBe('completed');
    expect(e.github.comments).toEqual([]);
    expect(e.github.writes().map((w) => w.status)).toEqual([403]);
    expect(run.summary).toMatch(/The PR comment could not be written: the token lacks the pull-requests: write permission/);
    expect(run.summary).toContain('AWS cost report');
    expect(run.annotations.error).toEqual([]);
  });
});
