import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoAdapters } from '../../src/demo/index.js';
import { explain, prEvent, startE2E, withExtraVolume, type E2E } from './harness.js';

const PR = 17;
const NEW_FINDING = /1 new finding\(s\) against the baseline \(fail-on-new-findings\): ebs-unattached vol-0e2e0000000000001/;

/**
 * `fail-on-new-findings` is decided from the run and its baseline, before anything is
 * published: a PR comment that is turned off or refused must not switch the gate off.
 */
describe('fail-on-new-findings on a pull request', () => {
  const demo = createDemoAdapters({ now: new Date() });
  let e: E2E;

  beforeAll(async () => {
    e = await startE2E('gates', demo);
    const scheduled = await e.run();
    expect(scheduled.exitCode, explain(scheduled)).toBe(0);
    // The branch's account has one more unattached volume than the baseline: one new finding.
    e.aws.setData(withExtraVolume(demo));
  });
  afterAll(async () => {
    await e?.stop();
  });

  it('without the gate, the same pull request run passes', async () => {
    const run = await e.run({ event: prEvent(PR), inputs: { 'comment-on-pr': 'never' } });
    expect(run.exitCode, explain(run)).toBe(0);
    expect(run.annotations.error).toEqual([]);
  });

  it('fires with comment-on-pr: never, after publishing, and writes no comment', async () => {
    const writes = e.github.writes().length;
    const run = await e.run({ event: prEvent(PR), inputs: { 'comment-on-pr': 'never', 'fail-on-new-findings': 'true' } });
    expect(run.exitCode, explain(run)).toBe(1);
    expect(run.annotations.error.join('\n')).toMatch(NEW_FINDING);
    expect(run.outputs.status).toBe('completed');
    expect(run.summary).toContain('AWS cost report');
    expect(e.github.writes()).toHaveLength(writes);
  });

  it('fires when the comment write is refused (403), and the summary says why the comment is missing', async () => {
    e.github.setPermissions({ comments: 'read' });
    const writes = e.github.writes().length;
    const run = await e.run({ event: prEvent(PR), inputs: { 'comment-on-pr': 'always', 'fail-on-new-findings': 'true' } });
    expect(run.exitCode, explain(run)).toBe(1);
    expect(run.annotations.error.join('\n')).toMatch(NEW_FINDING);
    expect(
      e.github
        .writes()
        .slice(writes)
        .map((w) => `${w.method} ${w.status}`),
    ).toEqual(['POST 403']);
    expect(run.summary).toMatch(/The PR comment could not be written: the token lacks the pull-requests: write permission/);
  });
});
