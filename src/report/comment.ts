/**
 * The sticky PR comment: cost deltas against the baseline, new and resolved findings. The body
 * starts with a hidden marker by which the next run finds it again, escapes everything from AWS,
 * and stays under GitHub's comment limit by cutting the middle.
 */
import { buildCommentData, totalSavings, type AmountDelta, type CommentData } from './comment-data.js';
import { escapeMarkdown, markdownCell } from './escape.js';
import { savingsOf } from '../records/findings.js';
import { savingRole } from '../records/counted-savings.js';
import { ALTERNATIVE_MARK, alternativePrefix } from './savings-rows.js';
import { formatCount, formatDate, formatPeriod, formatUsd, formatUsdChange, formatUsdSigned, MINUS, plural } from './format.js';
import { DEFAULT_COMMENT_MAX_CHARS } from './limits.js';
import { markdownTable, type Align } from './md-table.js';
import type { Finding } from '../records/report.js';
import { truncateMiddle } from './truncate.js';
import { COMMENT_MARKER } from './comment-marker.js';

export { buildCommentData, type CommentData, type ServiceDelta, type AmountDelta } from './comment-data.js';
export { COMMENT_MARKER, commentMarker } from './comment-marker.js';
export { findOurComment, planCommentAction, DEFAULT_BOT_LOGIN, type CommentAction, type IssueCommentLike } from './comment-sticky.js';

/** Options of {@link renderComment}. */
export interface CommentOptions {
  /** Budget in UTF-16 code units. @default DEFAULT_COMMENT_MAX_CHARS (65,000) */
  maxLength?: number;
  /** Rows at most per table before "… and N more". @default 50 (services: 25, findings without baseline: 10) */
  maxRows?: number;
  /** The marker to start with. @default COMMENT_MARKER */
  marker?: string;
}

const FINDING_HEADERS = ['Savings / month', 'Check', 'Resource', 'Region', 'Finding'];
const FINDING_ALIGNS: Align[] = ['right', 'left', 'left', 'left', 'left'];

/** The savings cell: alternatives marked, and no amount for what is not a saving (a cost spike). */
function savingsCell(f: Finding): string {
  const role = savingRole(f);
  if (role === 'not-a-saving') return '—';
  return `${role === 'alternative' ? `${ALTERNATIVE_MARK} ` : ''}${formatUsd(savingsOf(f))}`;
}

function titleCell(f: Finding): string {
  const title = markdownCell(f.title, 240);
  return savingRole(f) === 'alternative' ? `*${alternativePrefix(markdownCell(f.alternativeTo ?? '', 60))}* ${title}` : title;
}

function findingsTable(findings: readonly Finding[], max: number, what: string): string {
  const rows = findings
    .slice(0, max)
    .map((f) => [savingsCell(f), markdownCell(f.check, 60), markdownCell(f.resourceId, 160), markdownCell(f.region, 40), titleCell(f)]);
  const table = markdownTable(FINDING_HEADERS, FINDING_ALIGNS, rows);
  if (findings.length <= max) return table;
  const rest = findings.slice(max);
  return `${table}\n\n_… and ${formatCount(rest.length)} more ${what} (${formatUsd(totalSavings(rest))} / month counted) in the artifact report._`;
}

function changeCell(d: AmountDelta): string {
  return d.change === null || d.baseline === null ? 'n/a' : formatUsdChange(d.change, d.baseline);
}

function countChange(now: number, then: number): string {
  const diff = now - then;
  return diff === 0 ? '0' : `${diff > 0 ? '+' : MINUS}${formatCount(Math.abs(diff))}`;
}

function overview(data: CommentData): string {
  const rows: string[][] = [];
  const b = data.baseline !== null;
  if (data.total) {
    rows.push(
      b
        ? ['Month to date', formatUsd(data.total.baseline ?? Number.NaN), formatUsd(data.total.current), changeCell(data.total)]
        : ['Month to date', formatUsd(data.total.current)],
    );
  }
  if (data.forecast !== null && !b) rows.push(['End-of-month forecast', formatUsd(data.forecast)]);
  const s = data.savings;
  rows.push(
    b
      ? [
          'Potential savings / month',
          formatUsd(s.baseline ?? Number.NaN),
          formatUsd(s.current),
          s.change === null ? 'n/a' : formatUsdSigned(s.change),
        ]
      : ['Potential savings / month', formatUsd(s.current)],
  );
  rows.push(
    b && data.baselineFindingsCount !== null
      ? [
          'Findings',
          formatCount(data.baselineFindingsCount),
          formatCount(data.findingsCount),
          countChange(data.findingsCount, data.baselineFindingsCount),
        ]
      : ['Findings', formatCount(data.findingsCount)],
  );
  return b
    ? markdownTable(['', 'Baseline', 'This run', 'Change'], ['left', 'right', 'right', 'right'], rows)
    : markdownTable(['', 'This run'], ['left', 'right'], rows);
}

function context(data: CommentData): string {
  const metric = data.metric ? ` (${escapeMarkdown(data.metric)})` : '';
  const lines = [`Month to date ${formatPeriod(data.period)}${metric}.`];
  if (data.baseline) {
    lines.push(
      `Baseline: execution ${escapeMarkdown(data.baseline.executionId)} of ${escapeMarkdown(formatDate(data.baseline.generatedAt))}, month to date ${formatPeriod(data.baseline.period)}.`,
    );
  } else {
    lines.push('No baseline yet: deltas appear once a scheduled (non-PR) run has completed and recorded one.');
  }
  return lines.join(' ');
}

function notes(data: CommentData): string {
  const out: string[] = [];
  if (!data.sameMonth) out.push('> ⚠️ The baseline is from another month, so the month-to-date deltas compare different months.');
  if (data.status === 'partial') {
    const names = data.pending
      .slice(0, 10)
      .map((p) => markdownCell(p, 120))
      .join(', ');
    const more = data.pending.length > 10 ? `, … and ${formatCount(data.pending.length - 10)} more` : '';
    out.push(
      `> ⏸️ This run is partial: ${plural(data.pending.length, 'task')} pending (${names}${more}). The next run resumes them, so figures may still change.`,
    );
  } else if (data.status === 'failed' || data.status === 'cancelled') {
    out.push(`> ❌ This run ${data.status === 'failed' ? 'failed' : 'was cancelled'}: the figures below are incomplete.`);
  }
  if (data.usedBundledPrices) out.push('> ℹ️ Some savings are priced from the bundled price snapshot.');
  return out.join('\n>\n');
}

function servicesSection(data: CommentData, max: number): string {
  if (!data.baseline || data.total === null) return '';
  if (data.services.length === 0) return '### Cost by service\n\nNo service cost changed since the baseline.';
  const rows = data.services
    .slice(0, max)
    .map((s) => [markdownCell(s.service, 120), formatUsd(s.baseline), formatUsd(s.current), formatUsdChange(s.change, s.baseline)]);
  const parts = [
    '### Cost by service (month to date vs baseline)',
    '',
    markdownTable(['Service', 'Baseline', 'This run', 'Change'], ['left', 'right', 'right', 'right'], rows),
  ];
  const more = data.services.length - Math.min(max, data.services.length);
  const tail = [
    more > 0 ? `${formatCount(more)} more ${more === 1 ? 'service' : 'services'} changed less` : '',
    data.unchangedServices > 0 ? `${plural(data.unchangedServices, 'service')} did not change` : '',
  ]
    .filter(Boolean)
    .join('; ');
  if (tail) parts.push('', `_${tail.charAt(0).toUpperCase()}${tail.slice(1)}._`);
  return parts.join('\n');
}

function findingsSections(data: CommentData, max: number): string[] {
  if (!data.baseline) {
    if (data.findings.length === 0) return ['### Findings\n\nNo findings.'];
    return [
      `### Largest findings (${formatCount(data.findingsCount)} · ${formatUsd(data.savings.current)} / month)`,
      findingsTable(data.findings, Math.min(max, 10), 'findings'),
    ];
  }
  const out: string[] = [];
  if (data.newFindings.length > 0) {
    out.push(
      `### 🆕 New findings (${formatCount(data.newFindings.length)} · ${formatUsd(totalSavings(data.newFindings))} / month)`,
      findingsTable(data.newFindings, max, 'new findings'),
    );
  }
  if (data.resolvedFindings.length > 0) {
    out.push(
      `### ✅ Resolved findings (${formatCount(data.resolvedFindings.length)} · ${formatUsd(totalSavings(data.resolvedFindings))} / month)`,
      findingsTable(data.resolvedFindings, max, 'resolved findings'),
    );
  }
  if (out.length === 0) out.push('No new or resolved findings since the baseline.');
  return out;
}

/**
 * The comment body: the marker, an overview (month to date, potential savings and findings vs the
 * baseline), notes (partial run, other month, bundled prices), per-service deltas, and new and
 * resolved findings. Within `options.maxLength`, cutting the middle with a note when needed.
 */
export function renderComment(data: CommentData, options: CommentOptions = {}): string {
  const marker = options.marker ?? COMMENT_MARKER;
  const maxRows = options.maxRows ?? 50;
  const sections = [
    marker,
    `## 💰 AWS cost impact · account ${escapeMarkdown(data.accountId)}`,
    overview(data),
    context(data),
    notes(data),
    servicesSection(data, Math.min(maxRows, 25)),
    ...findingsSections(data, maxRows),
    '<sub>Posted by finops-aws-action and updated in place on each run. The job summary and its artifact have the full report.</sub>',
  ];
  const body = `${sections.filter((s) => s !== '').join('\n\n')}\n`;
  return truncateMiddle(body, options.maxLength ?? DEFAULT_COMMENT_MAX_CHARS, {
    note: (cut) =>
      `> ✂️ ${formatCount(cut.lines)} lines (${formatCount(cut.chars)} characters) were cut from the middle of this comment to stay under GitHub's 65,536-character limit. The job summary and its artifact have everything.`,
  });
}
