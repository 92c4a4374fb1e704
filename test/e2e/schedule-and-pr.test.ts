import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoAdapters } from '../../src/demo/index.js';
import { COMMENT_MARKER } from '../../src/report/comment-marker.js';
import type { ActionRun } from '../support/run-action.js';
import { analyseDirectly, findingIndex } from './expected.js';
import {
  ACCOUNT,
  explain,
  NEW_SERVICE,
  newServiceMonthToDate,
  prEvent,
  ROLE_ARN,
  startE2E,
  withExtraVolume,
  withNewService,
  type E2E,
} from './harness.js';
import { leaks, secretsOf } from './secrets.js';

const MONEY = /^\d+\.\d{2}$/;
const PR = 42;

/**
 * The main path, in order, on one state bucket: a scheduled run makes the baseline; pull
 * request runs then post one sticky comment, leave it alone when nothing changed, and edit it
 * in place when something did. Every run is the committed dist/index.js in a clean process.
 */
describe('scheduled run, then pull request runs', () => {
  const demo = createDemoAdapters({ now: new Date() });
  const runs: ActionRun[] = [];
  let e: E2E;
  let scheduled: ActionRun;

  beforeAll(async () => {
    e = await startE2E('schedule-pr', demo);
  });
  afterAll(async () => {
    await e?.stop();
  });

  it('(a) a scheduled run over all regions completes and publishes everywhere', async () => {
    scheduled = await e.run({ inputs: { regions: 'all' } });
    runs.push(scheduled);
    expect(scheduled.exitCode, explain(scheduled)).toBe(0);
    expect(scheduled.annotations.error).toEqual([]);

    const out = scheduled.outputs;
    expect(out['execution-id']).toMatch(new RegExp(`^exec_${ACCOUNT}_\\d{8}T\\d{6}Z_[0-9a-f]{8}$`));
    expect(out).toMatchObject({ status: 'completed', 'pending-tasks': '0', 'report-dir': 'finops-report' });
    for (const name of ['total-cost', 'cost-delta', 'forecast', 'potential-monthly-savings'])
      expect(out[name], name).toMatch(/^-?\d+\.\d{2}$/);
    expect(Number(out['total-cost'])).toBeGreaterThan(0);
    expect(Number(out['findings-count'])).toBeGreaterThan(10);

    // The four files, and report.json agreeing with the outputs.
    const dir = join(scheduled.workspace, 'finops-report');
    expect((await readdir(dir)).sort()).toEqual(['findings.csv', 'report.html', 'report.json', 'report.md']);
    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'));
    expect(report).toMatchObject({
      schemaVersion: expect.any(Number),
      executionId: out['execution-id'],
      accountId: ACCOUNT,
      status: 'completed',
      pending: [],
    });
    expect(report.findings).toHaveLength(Number(out['findings-count']));
    expect(report.costs.current.total.toFixed(2)).toBe(out['total-cost']);
    expect((await readFile(join(dir, 'findings.csv'), 'utf8')).trim().split('\n')).toHaveLength(report.findings.length + 1);

    // The same findings, to the cent, as the demo account analysed directly in process.
    const manifest = await e.readState<{
      status: string;
      createdAt: string;
      tasks: Record<string, { status: string; skipReason?: string }>;
    }>(`executions/${out['execution-id']}/manifest.json`);
    const direct = await analyseDirectly(demo, manifest!.createdAt, ['ap-southeast-2', 'eu-west-1', 'us-east-1']);
    expect(findingIndex(report.findings)).toEqual(findingIndex(direct.findings));
    expect(new Set(report.findings.map((f: { region: string }) => f.region))).toEqual(
      new Set(['global', 'us-east-1', 'eu-west-1', 'ap-southeast-2']),
    );

    // Job summary: headline, tables, chart, health.
    expect(scheduled.summary).toContain(`AWS cost report · account ${ACCOUNT}`);
    expect(scheduled.summary).toMatch(/```mermaid\s+%%\{init:[^\n]*\}%%\s+xychart-beta[\s\S]+line \[[\d., ]+\]/);
    for (const heading of ['### Top movers', '### Findings', '### Execution health']) expect(scheduled.summary).toContain(heading);
    expect(scheduled.summary).toContain(`$${Number(out['total-cost']).toLocaleString('en-US', { minimumFractionDigits: 2 })}`);

    // State: the execution completed, the account points at it, and it is the PR baseline.
    expect(manifest!.status).toBe('completed');
    // Every task succeeded but Compute Optimizer in eu-west-1, where the demo account is not enrolled.
    expect(Object.entries(manifest!.tasks).filter(([, t]) => t.status !== 'succeeded')).toEqual([
      ['compute-optimizer:eu-west-1', expect.objectContaining({ status: 'skipped', skipReason: 'Compute Optimizer: not enrolled' })],
    ]);
    expect(await e.readState(`accounts/${ACCOUNT}/latest.json`)).toMatchObject({ executionId: out['execution-id'] });
    expect(await e.readState(`accounts/${ACCOUNT}/baseline.json`)).toMatchObject({ executionId: out['execution-id'] });
    expect(await e.readState(`executions/${out['execution-id']}/report.json`)).toMatchObject({ executionId: out['execution-id'] });

    // Through OIDC: every token for STS's audience, the role and session as configured, and
    // every AWS call signed with credentials the fake STS issued.
    expect(e.github.requests.every((r) => r.path === '/_services/token' && r.query.audience === 'sts.amazonaws.com')).toBe(true);
    expect(new Set(e.aws.issued.map((c) => c.roleArn))).toEqual(new Set([ROLE_ARN]));
    expect(e.aws.issued.every((c) => /^finops-\d+-1$/.test(c.roleSessionName))).toBe(true);
    // One role session serves every client of the run (it lives an hour).
    expect(e.aws.count('sts', 'AssumeRoleWithWebIdentity')).toBe(1);
    const signed = e.aws.requests.filter((r) => r.operation !== 'AssumeRoleWithWebIdentity');
    const issuedKeys = new Set(e.aws.issued.map((c) => c.accessKeyId));
    expect(signed.filter((r) => !issuedKeys.has(r.accessKeyId ?? ''))).toEqual([]);
    expect(e.aws.count('ec2', 'DescribeRegions')).toBe(1);
    expect(new Set(e.aws.requests.filter((r) => r.service === 'ec2').map((r) => r.region))).toEqual(
      new Set(['us-east-1', 'eu-west-1', 'ap-southeast-2']),
    );
    expect(e.aws.requests.filter((r) => r.status !== 200)).toEqual([
      expect.objectContaining({ service: 'compute-optimizer', region: 'eu-west-1', status: 403, error: 'OptInRequiredException' }),
    ]);
  });

  it('(b) a PR run posts one sticky comment with the deltas against the baseline', async () => {
    // A busy PR: more than a page of other people's comments, and a planted copy of our marker.
    for (let i = 0; i < 104; i++)
      e.github.addComment(PR, `review comment ${i}`, { login: `reviewer-${i % 3}`, id: 500 + (i % 3), type: 'User' });
    e.github.addComment(PR, `${COMMENT_MARKER}\nplanted by someone else`, { login: 'mallory', id: 666, type: 'User' });
    // The branch's account changed: a forgotten volume and a new service's bill.
    e.aws.setData(withNewService(withExtraVolume(demo)));

    const run = await e.run({ inputs: { regions: 'all' }, event: prEvent(PR) });
    runs.push(run);
    expect(run.exitCode, explain(run)).toBe(0);
    expect(e.github.writes().map((w) => `${w.method} ${w.status}`)).toEqual(['POST 201']);
    const ours = e.github.comments.filter((c) => c.user.login === 'github-actions[bot]');
    expect(ours).toHaveLength(1);
    const body = ours[0]!.body;
    expect(body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(body).toContain(`Baseline: execution ${scheduled.outputs['execution-id']!.replaceAll('_', '\\_')}`);
    // New: the forgotten volume, and the new service's bill as a cost spike.
    expect(body).toMatch(/New findings \(2 · /);
    expect(body).toMatch(/\| \$60\.00 \| ebs-unattached \| vol-0e2e0000000000001 \| us-east-1 \|/);
    expect(body).toMatch(new RegExp(`\\| cost-spike \\| ${NEW_SERVICE.name} \\| global \\|`));
    expect(body).toMatch(/\| Findings \| \d+ \| \d+ \| \+2 \|/);
    expect(body).toMatch(/\| Potential savings \/ month \| \$[\d,.]+ \| \$[\d,.]+ \| \+\$60\.00 \|/);
    const added = newServiceMonthToDate().toFixed(2);
    expect(body).toContain(`| ${NEW_SERVICE.name} | $0.00 | $${added} | +$${added} (n/a) |`);
    expect(e.github.comments.find((c) => c.user.login === 'mallory')!.body).toContain('planted by someone else');
    // A PR run is never the baseline.
    expect(await e.readState(`accounts/${ACCOUNT}/baseline.json`)).toMatchObject({ executionId: scheduled.outputs['execution-id'] });
  });

  it('(b) a second PR run with the same data writes nothing, though our comment is on page 2', async () => {
    const before = e.github.writes().length;
    const run = await e.run({ inputs: { regions: 'all' }, event: prEvent(PR) });
    runs.push(run);
    expect(run.exitCode, explain(run)).toBe(0);
    expect(e.github.writes()).toHaveLength(before);
    const pages = e.github.requests
      .filter((r) => r.method === 'GET' && r.path.endsWith(`/issues/${PR}/comments`))
      .map((r) => r.query.page ?? '1');
    expect(pages).toContain('2');
  });

  it('(b) a PR run with changed data edits the same comment in place', async () => {
    const id = e.github.comments.find((c) => c.user.login === 'github-actions[bot]')!.id;
    e.aws.setData(demo);
    const run = await e.run({ inputs: { regions: 'all' }, event: prEvent(PR) });
    runs.push(run);
    expect(run.exitCode, explain(run)).toBe(0);
    expect(e.github.writes().map((w) => `${w.method} ${w.path} ${w.status}`)).toEqual([
      `POST /repos/octo-org/octo-repo/issues/${PR}/comments 201`,
      `PATCH /repos/octo-org/octo-repo/issues/comments/${id} 200`,
    ]);
    const ours = e.github.comments.filter((c) => c.user.login === 'github-actions[bot]');
    expect(ours.map((c) => c.id)).toEqual([id]);
    expect(ours[0]!.body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(ours[0]!.body).not.toContain('vol-0e2e0000000000001');
    expect(ours[0]!.body).toMatch(/\| Findings \| (\d+) \| \1 \| /);
  });

  it('(h) no credential or token appears in logs, summary, report files, comments or state; all were masked', async () => {
    expect(runs.length).toBe(4);
    expect(e.aws.issued.length).toBeGreaterThan(0);
    expect(await leaks(e, runs)).toEqual([]);
    const masked = new Set(runs.flatMap((r) => r.masked));
    const unmasked = secretsOf(e)
      .filter((s) => s.kind.startsWith('AWS') || s.kind === 'OIDC ID token')
      .filter((s) => !masked.has(s.value));
    expect(unmasked.map((s) => s.kind)).toEqual([]);
  });
});
