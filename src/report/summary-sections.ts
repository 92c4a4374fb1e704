/**
 * The sections of the Markdown summary, each a pure function of the report. Every string that
 * came from AWS goes through `markdownCell`/`escapeMarkdown`; numbers go through `format.ts`.
 */
import { escapeMarkdown, markdownCell } from './escape.js';
import { savingsOf } from '../records/findings.js';
import { countSavingRoles, savingRole } from '../records/counted-savings.js';
import { costSignals } from './cost-signals.js';
import { lastFullMonth } from './headline-numbers.js';
import { formatCount, formatDate, formatPercent, formatPeriod, formatUsd, formatUsdChange, formatUsdSigned, plural } from './format.js';
import { executionHealth, statusLabel, type ExecutionHealth } from './health.js';
import { markdownTable, tableRow, type Align } from './md-table.js';
import type { Finding, Report, Severity } from '../records/report.js';
import { ALTERNATIVE_MARK, alternativePrefix, savingsCountSentence } from './savings-rows.js';

/**
 * Headline: the numbers people come for (month to date against the same days last month, the
 * last full month against the month before, the forecast, the potential saving), and where
 * they come from.
 */
export function headlineSection(report: Report): string {
  const costs = report.costs;
  const title = `## 💰 AWS cost report · account ${escapeMarkdown(report.accountId)}`;
  // A partial run whose checks have not run yet has found nothing *so far*; $0.00 alone would read as a result.
  const checksPending = report.pending.filter((id) => id === 'cost-checks' || id.startsWith('checks:')).length;
  const savings = `**${formatUsd(report.potentialMonthlySavings)}** / month${checksPending > 0 ? ` so far (${plural(checksPending, 'check task')} pending)` : ''}`;
  const counting = savingsCountSentence(report.findings);
  if (!costs) {
    return [
      title,
      '',
      `Cost data is not available for this run (see *Not analysed*). Potential savings: ${savings}. ${counting}`,
      '',
      footer(report),
    ].join('\n');
  }
  const forecast = costs.forecast ? formatUsd(costs.forecast.total) : 'n/a';
  const month = lastFullMonth(report);
  const headers = ['Month to date', 'vs same days last month'];
  const cells = [`**${formatUsd(costs.current.total)}**`, formatUsdChange(costs.change, costs.previous.total)];
  if (month) {
    headers.push('Last full month', 'vs the month before');
    cells.push(formatUsd(month.total), formatUsdChange(month.change, month.priorTotal));
  }
  headers.push('End-of-month forecast', 'Potential savings');
  cells.push(forecast, savings);
  const table = markdownTable(
    headers,
    headers.map((): Align => 'right'),
    [cells],
  );
  const lines = [
    `Month to date ${formatPeriod(costs.current.period)}, compared with ${formatPeriod(costs.previous.period)} (${escapeMarkdown(costs.metric)}).`,
  ];
  if (month) lines.push(`Last full month ${formatPeriod(month.period)}, compared with the month before.`);
  lines.push(counting);
  return [title, '', table, '', lines.join(' '), '', footer(report)].join('\n');
}

function footer(report: Report): string {
  return `<sub>${statusLabel(report.status)} · execution ${escapeMarkdown(report.executionId)} · generated ${escapeMarkdown(formatDate(report.generatedAt))}</sub>`;
}

/** Call-outs at the top: a partial, failed or cancelled run, and bundled prices. Empty when none apply. */
export function bannerSection(report: Report, health: ExecutionHealth = executionHealth(report), maxNames = 10): string {
  const lines: string[] = [];
  if (report.status === 'partial') {
    lines.push(
      `> ⏸️ **Partial run**: the time budget ran out with ${plural(health.pending.length, 'task')} pending${namesInline(health.pending, maxNames)}. ` +
        'The next run resumes them; finished tasks are not run again.',
    );
  } else if (report.status === 'failed') {
    lines.push(`> ❌ **The analysis failed**: ${plural(health.tasks.failed, 'task')} failed. See *Execution health* below.`);
  } else if (report.status === 'cancelled') {
    lines.push('> 🚫 **The execution was cancelled**: the figures below are incomplete.');
  }
  if (report.usedBundledPrices) {
    if (lines.length > 0) lines.push('>');
    lines.push('> ℹ️ Some savings are priced from the bundled price snapshot: the AWS Price List API was not available.');
  }
  return lines.join('\n');
}

function namesInline(names: readonly string[], max: number): string {
  if (names.length === 0) return '';
  const shown = names.slice(0, max).map((n) => markdownCell(n, 120));
  const more = names.length > max ? ` and ${formatCount(names.length - max)} more` : '';
  return ` (${shown.join(', ')}${more})`;
}

/** Top movers: services whose month-to-date cost changed most. Empty without cost data. */
export function moversSection(report: Report, maxRows = 10): string {
  const costs = report.costs;
  if (!costs) return '';
  if (costs.movers.length === 0) return '### Top movers\n\nNo service cost changed compared with the same days last month.';
  const rows = costs.movers
    .slice(0, maxRows)
    .map((m) => [markdownCell(m.service, 120), formatUsd(m.current), formatUsd(m.previous), formatUsdChange(m.change, m.previous)]);
  return [
    '### Top movers',
    '',
    markdownTable(['Service', 'Month to date', 'Same days last month', 'Change'], ['left', 'right', 'right', 'right'], rows),
  ].join('\n');
}

const SEVERITY_LABEL: Record<Severity, string> = { high: '🔴 high', medium: '🟠 medium', low: '🟡 low' };

/** Column headers of the findings table. */
export const FINDINGS_HEADERS = ['Savings / month', 'Severity', 'Check', 'Resource', 'Region', 'Finding'] as const;
/** Column alignment of the findings table. */
export const FINDINGS_ALIGNS: readonly Align[] = ['right', 'left', 'left', 'left', 'left', 'left'];

/**
 * One findings table row (escaped). An alternative (another finding of the same resource is
 * counted) is marked in its savings cell and says so before its title.
 */
export function findingRow(finding: Finding): string {
  const alternative = savingRole(finding) === 'alternative';
  const usd = formatUsd(savingsOf(finding));
  const title = markdownCell(finding.title, 240);
  return tableRow([
    alternative ? `${ALTERNATIVE_MARK} ${usd}` : usd,
    SEVERITY_LABEL[finding.severity] ?? markdownCell(finding.severity, 20),
    markdownCell(finding.check, 60),
    markdownCell(finding.resourceId, 160),
    markdownCell(finding.region, 40),
    alternative ? `*${alternativePrefix(markdownCell(finding.alternativeTo ?? '', 60))}* ${title}` : title,
  ]);
}

/** Heading of the findings section: the saving findings and the potential saving they add up to. */
export function findingsHeading(report: Report): string {
  const roles = countSavingRoles(report.findings);
  return `### Findings: ${formatCount(roles.counted + roles.alternative)} · ${formatUsd(report.potentialMonthlySavings)} / month`;
}

/**
 * Cost spikes (with the increase projected over a month) and anomalies, right under the
 * headline: growth is the story a reader must not miss, and it is not a saving. Empty when
 * there is neither.
 */
export function costSignalsSection(report: Report, maxRows = 10): string {
  const { spikes, anomalies } = costSignals(report);
  if (spikes.length === 0 && anomalies.length === 0) return '';
  const out = ['### ⚠️ Cost spikes and anomalies', ''];
  if (spikes.length > 0) {
    out.push(
      'Services whose cost rose sharply against the same days last month, with the increase projected over a month if it continues. Growth is not a saving: it is not in the potential savings.',
      '',
      markdownTable(
        ['Service', 'Month to date', 'Same days last month', 'Increase', 'Projected increase / month'],
        ['left', 'right', 'right', 'right', 'right'],
        spikes
          .slice(0, maxRows)
          .map((s) => [
            markdownCell(s.service, 120),
            s.current === null ? 'n/a' : formatUsd(s.current),
            s.previous === null ? 'n/a' : formatUsd(s.previous),
            s.increase === null ? 'n/a' : `${formatUsdSigned(s.increase)} (${formatPercent(s.increasePercent, { signed: true })})`,
            s.projectedMonthlyIncrease === null ? 'n/a' : `**${formatUsdSigned(s.projectedMonthlyIncrease)}**`,
          ]),
      ),
    );
    if (spikes.length > maxRows) out.push('', `_… and ${formatCount(spikes.length - maxRows)} more in the artifact report._`);
  }
  if (anomalies.length > 0) {
    if (spikes.length > 0) out.push('');
    out.push(
      '**Anomalies** found by AWS Cost Anomaly Detection:',
      '',
      markdownTable(
        ['Service', 'Start', 'End', 'Impact'],
        ['left', 'left', 'left', 'right'],
        anomalies
          .slice(0, maxRows)
          .map((a) => [
            markdownCell(a.service ?? '—', 120),
            markdownCell(formatDate(a.start), 40),
            markdownCell(a.end ? formatDate(a.end) : 'ongoing', 40),
            formatUsd(a.impact),
          ]),
      ),
    );
    if (anomalies.length > maxRows) out.push('', `_… and ${formatCount(anomalies.length - maxRows)} more in the artifact report._`);
  }
  return out.join('\n');
}

/** Sections that could not be produced and why; empty when everything was analysed. */
export function gapsSection(report: Report, maxItems = 50): string {
  if (report.gaps.length === 0) return '';
  const items = report.gaps.slice(0, maxItems).map((g) => `- **${markdownCell(g.taskId, 120)}**: ${markdownCell(g.reason, 300)}`);
  if (report.gaps.length > maxItems) items.push(`- … and ${formatCount(report.gaps.length - maxItems)} more in the artifact report.`);
  return ['### Not analysed', '', ...items].join('\n');
}

/** Tasks by status, retries, breakers that are not closed, and what the next run resumes. */
export function healthSection(report: Report, health: ExecutionHealth = executionHealth(report), maxItems = 20): string {
  const t = health.tasks;
  const headers = ['Tasks', 'Succeeded', 'Pending', 'Failed', 'Skipped', 'Retries'];
  const cells = [t.total, t.succeeded, t.pending, t.failed, t.skipped, health.retries].map(formatCount);
  if (t.running > 0) {
    headers.splice(3, 0, 'Running');
    cells.splice(3, 0, formatCount(t.running));
  }
  if (t.cancelled > 0) {
    headers.push('Cancelled');
    cells.push(formatCount(t.cancelled));
  }
  const out = [
    '### Execution health',
    '',
    markdownTable(
      headers,
      headers.map((): Align => 'right'),
      [cells],
    ),
  ];
  if (health.breakers.length > 0) {
    out.push('', '**Circuit breakers not closed** (their tasks are skipped until the breaker lets a trial through):', '');
    for (const b of health.breakers.slice(0, maxItems)) {
      const failures = b.consecutiveFailures === null ? '' : ` after ${plural(b.consecutiveFailures, 'consecutive failure')}`;
      const since = b.openedAt ? ` since ${escapeMarkdown(formatDate(b.openedAt))}` : '';
      const last = b.lastError ? `; last error: ${markdownCell(b.lastError, 200)}` : '';
      out.push(`- **${markdownCell(b.key, 80)}** ${b.state}${failures}${since}${last}`);
    }
    if (health.breakers.length > maxItems) out.push(`- … and ${formatCount(health.breakers.length - maxItems)} more`);
  }
  if (health.pending.length > 0) {
    const resume = health.resumable ? ' The next run resumes them.' : '';
    out.push(
      '',
      `**Pending tasks**: ${health.pending
        .slice(0, maxItems)
        .map((p) => markdownCell(p, 120))
        .join(', ')}${health.pending.length > maxItems ? `, … and ${formatCount(health.pending.length - maxItems)} more` : ''}.${resume}`,
    );
  }
  return out.join('\n');
}
