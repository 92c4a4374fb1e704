import { describe, expect, it } from 'vitest';
import {
  buildCommentData,
  COMMENT_MARKER,
  commentMarker,
  DEFAULT_BOT_LOGIN,
  findOurComment,
  planCommentAction,
  renderComment,
  type IssueCommentLike,
} from '../../../src/report/comment.js';
import { GITHUB_COMMENT_MAX_CHARS } from '../../../src/report/limits.js';
import { baselineReport, fixtureReport, largeReport } from './fixture-report.js';
import { HOSTILE, hostileFinding } from './hostile.js';

const bot = { login: DEFAULT_BOT_LOGIN, type: 'Bot' };
const person = { login: 'mallory', type: 'User' };

describe('renderComment', () => {
  it('starts with the marker and shows deltas, new and resolved findings', () => {
    const body = renderComment(buildCommentData(fixtureReport(), baselineReport()));
    expect(body.startsWith(`${COMMENT_MARKER}\n`)).toBe(true);
    expect(body).toContain('| Month to date | $9,477.52 | $10,010.32 | +$532.80 (+5.6%) |');
    expect(body).toContain('| Potential savings / month | $838.81 | $1,266.52 | +$427.71 |');
    expect(body).toContain('| AWS Glue | $42.17 | $0.00 | −$42.17 (−100.0%) |');
    // The new gp3 finding is an alternative to a volume the baseline counted already: listed, marked, not added.
    expect(body).toContain('### 🆕 New findings (4 · $462.82 / month)');
    expect(body).toContain(
      '| ↳ $10.00 | ebs-gp2-to-gp3 | vol-0a9b8c7d6e5f40312 | us-east-1 | *Alternative to ebs-unattached, not counted:* 500 GiB',
    );
    expect(body).toContain('| — | cost-spike | EC2 - Other | global |');
    expect(body).toContain('### ✅ Resolved findings (2 · $37.30 / month)');
    expect(body).toContain('This run is partial: 2 tasks pending');
  });

  it('is the same for a re-run with the same data, so nothing is written', () => {
    const first = renderComment(buildCommentData(fixtureReport(), baselineReport()));
    const rerun = {
      ...fixtureReport(),
      executionId: 'exec_123456789012_20261125T063000Z_00000000',
      generatedAt: '2026-11-25T06:44:00.000Z',
    };
    const second = renderComment(buildCommentData(rerun, baselineReport()));
    expect(second).toBe(first);
    expect(planCommentAction({ id: 7, body: first }, second)).toEqual({ kind: 'unchanged', id: 7 });
  });

  it('escapes AWS strings and keeps a planted marker inert', () => {
    const current = fixtureReport();
    current.findings.push(hostileFinding());
    const body = renderComment(buildCommentData(current, baselineReport()));
    expect(body.indexOf(COMMENT_MARKER)).toBe(0);
    expect(body.lastIndexOf(COMMENT_MARKER)).toBe(0);
    expect(body).not.toContain('<script');
    expect(body).not.toContain('@octo-org');
    expect(body).not.toContain('http://evil');
    expect(body).toContain('&lt;script&gt;');
    expect(findOurComment([{ id: 1, body: `Looks good! ${body}`, user: person }])).toBeNull();
  });

  it('caps tables and says how many rows are left out', () => {
    const big = largeReport(50_000);
    const body = renderComment(buildCommentData(big, baselineReport()));
    expect(body.length).toBeLessThan(GITHUB_COMMENT_MAX_CHARS);
    expect(body).toMatch(/_… and 49,950 more new findings \(\$[\d,.]+ \/ month counted\) in the artifact report\._/);
  });

  it('stays under 65,536 characters by cutting the middle and says what was cut', () => {
    const big = largeReport(50_000);
    const body = renderComment(buildCommentData(big, baselineReport()), { maxRows: Number.POSITIVE_INFINITY });
    expect(body.length).toBeLessThan(GITHUB_COMMENT_MAX_CHARS);
    expect(body.length).toBeGreaterThan(60_000);
    expect(body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(body).toMatch(/> ✂️ [\d,]+ lines \([\d,]+ characters\) were cut from the middle of this comment/);
    // The head keeps the overview, the tail keeps the end, and the cut table gets its header back.
    expect(body).toContain('| Month to date |');
    expect(body.trimEnd().endsWith('have the full report.</sub>')).toBe(true);
    const afterCut = body.slice(body.indexOf('were cut from the middle'));
    expect(afterCut).toContain('| Savings / month | Check | Resource | Region | Finding |\n| ---: | :--- | :--- | :--- | :--- |\n| $');
  });

  it('honours a smaller budget', () => {
    const body = renderComment(buildCommentData(fixtureReport(), baselineReport()), { maxLength: 1_200 });
    expect(body.length).toBeLessThanOrEqual(1_200);
    expect(body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(body).toContain('were cut from the middle');
  });

  it('renders without a baseline', () => {
    const body = renderComment(buildCommentData(fixtureReport(), null));
    expect(body).toContain('No baseline yet');
    expect(body).toContain('### Largest findings (15 · $1,266.52 / month)');
    expect(body).not.toContain('New findings');
  });

  it('says when nothing changed in findings', () => {
    const base = baselineReport();
    const body = renderComment(buildCommentData({ ...fixtureReport(), findings: base.findings }, base));
    expect(body).toContain('No new or resolved findings since the baseline.');
  });

  it('can use a keyed marker for several comments on one PR', () => {
    expect(commentMarker('123456789012')).toBe('<!-- finops-aws-action:comment v1 key=123456789012 -->');
    expect(commentMarker('a-->b<c')).toBe('<!-- finops-aws-action:comment v1 key=a-bc -->');
    expect(commentMarker('')).toBe(COMMENT_MARKER);
    const marker = commentMarker('prod');
    expect(renderComment(buildCommentData(fixtureReport(), null), { marker }).startsWith(marker)).toBe(true);
  });
});

describe('findOurComment', () => {
  const ours = (id: number, user = bot): IssueCommentLike => ({ id, body: `${COMMENT_MARKER}\n\n## report`, user });

  it('finds the comment that starts with the marker', () => {
    const comments = [{ id: 1, body: 'LGTM', user: person }, ours(2), { id: 3, body: null, user: bot }];
    expect(findOurComment(comments)?.id).toBe(2);
    expect(findOurComment([])).toBeNull();
  });

  it('ignores a planted marker inside someone else comment', () => {
    const planted = { id: 1, body: `Please merge\n${COMMENT_MARKER}`, user: person };
    const leadingSpace = { id: 2, body: ` ${COMMENT_MARKER}`, user: bot };
    expect(findOurComment([planted, leadingSpace])).toBeNull();
  });

  it('only accepts the expected author when known', () => {
    const impostor = ours(1, person);
    expect(findOurComment([impostor], DEFAULT_BOT_LOGIN)).toBeNull();
    expect(findOurComment([impostor, ours(5)], DEFAULT_BOT_LOGIN)?.id).toBe(5);
    expect(findOurComment([ours(5)], 'GitHub-Actions[bot]')?.id).toBe(5);
  });

  it('prefers a bot author when the login is unknown, and the oldest comment', () => {
    expect(findOurComment([ours(1, person), ours(9), ours(4)])?.id).toBe(4);
    expect(findOurComment([ours(3, { login: 'ci-user', type: 'User' })])?.id).toBe(3);
  });

  it('uses a keyed marker', () => {
    const marker = commentMarker('prod');
    const other = ours(1);
    const prod = { id: 2, body: `${marker}\nprod`, user: bot };
    expect(findOurComment([other, prod], undefined, marker)?.id).toBe(2);
    expect(findOurComment([prod])).toBeNull();
  });
});

describe('planCommentAction', () => {
  it('creates when there is no comment', () => {
    expect(planCommentAction(null, 'x')).toEqual({ kind: 'create' });
  });

  it('updates when the body changed', () => {
    expect(planCommentAction({ id: 3, body: `${COMMENT_MARKER}\nold` }, `${COMMENT_MARKER}\nnew`)).toEqual({ kind: 'update', id: 3 });
    expect(planCommentAction({ id: 3, body: null }, `${COMMENT_MARKER}\nnew`)).toEqual({ kind: 'update', id: 3 });
  });

  it('makes no write when only line ends or trailing whitespace differ', () => {
    expect(planCommentAction({ id: 3, body: 'a\r\nb\r\n' }, 'a\nb\n')).toEqual({ kind: 'unchanged', id: 3 });
  });

  it('finds then plans end to end', () => {
    const body = renderComment(buildCommentData(fixtureReport(), baselineReport()));
    const comments: IssueCommentLike[] = [
      { id: 10, body: HOSTILE.marker, user: person },
      { id: 11, body, user: bot },
    ];
    expect(planCommentAction(findOurComment(comments, DEFAULT_BOT_LOGIN), body)).toEqual({ kind: 'unchanged', id: 11 });
    const changed = renderComment(buildCommentData({ ...fixtureReport(), potentialMonthlySavings: 1 }, baselineReport()));
    expect(planCommentAction(findOurComment(comments, DEFAULT_BOT_LOGIN), changed)).toEqual({ kind: 'update', id: 11 });
    expect(planCommentAction(findOurComment(comments.slice(0, 1), DEFAULT_BOT_LOGIN), changed)).toEqual({ kind: 'create' });
  });
});
