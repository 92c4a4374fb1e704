import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoAdapters } from '../../src/demo/index.js';
import { COMMENT_MARKER } from '../../src/report/comment-marker.js';
import { explain, prEvent, quietAccount, startE2E, withExtraVolume, type E2E } from './harness.js';

const PR = 23;

/**
 * `comment-on-pr` on an account with nothing to say (no finding, no cost change against the
 * baseline): `auto` stays silent where `always` comments; once there is something to say, `auto`
 * brings the comment up to date. (`never` writing nothing is in gates.test.ts.)
 */
describe('comment-on-pr modes', () => {
  const quiet = quietAccount(createDemoAdapters({ now: new Date() }));
  let e: E2E;

  beforeAll(async () => {
    e = await startE2E('comment-modes', quiet);
    const scheduled = await e.run();
    expect(scheduled.exitCode, explain(scheduled)).toBe(0);
    expect(scheduled.outputs['findings-count']).toBe('0');
  });
  afterAll(async () => {
    await e?.stop();
  });

  it('auto: nothing to say (no finding, no cost change), so no comment is written', async () => {
    const run = await e.run({ event: prEvent(PR) });
    expect(run.exitCode, explain(run)).toBe(0);
    expect(run.outputs['findings-count']).toBe('0');
    expect(run.stdout).toContain('PR comment skipped: nothing changed against the baseline and no findings');
    expect(e.github.writes()).toEqual([]);
    expect(e.github.comments).toEqual([]);
  });

  it('always: the same pull request gets the comment though there is nothing to say', async () => {
    const run = await e.run({ event: prEvent(PR), inputs: { 'comment-on-pr': 'always' } });
    expect(run.exitCode, explain(run)).toBe(0);
    expect(e.github.writes().map((w) => `${w.method} ${w.status}`)).toEqual(['POST 201']);
    expect(e.github.comments).toHaveLength(1);
    expect(e.github.comments[0]!.body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(e.github.comments[0]!.body).toMatch(/\| Findings \| 0 \| 0 \| /);
  });

  it('auto: with a new finding to report, the comment is brought up to date', async () => {
    e.aws.setData(withExtraVolume(quiet));
    const id = e.github.comments[0]!.id;
    const run = await e.run({ event: prEvent(PR) });
    expect(run.exitCode, explain(run)).toBe(0);
    expect(e.github.writes().map((w) => `${w.method} ${w.status}`)).toEqual(['POST 201', 'PATCH 200']);
    expect(e.github.comments.map((c) => c.id)).toEqual([id]);
    expect(e.github.comments[0]!.body).toContain('vol-0e2e0000000000001');
  });
});
