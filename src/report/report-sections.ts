/**
 * Sections only the full Markdown report (report.md) carries: the complete cost breakdowns and
 * the task table. The job summary leaves them out to stay short.
 */
import { markdownCell } from './escape.js';
import { compareText } from '../records/findings.js';
import { formatDuration, formatPeriod, formatUsd, formatUsdChange } from './format.js';
import { markdownTable } from './md-table.js';
import type { Report } from '../records/report.js';

/** Cost by service, region, linked account and tag, each as a table (anomalies are under the headline). */
export function breakdownSections(report: Report): string {
  const costs = report.costs;
  if (!costs) return '';
  const out: string[] = [];
  if (costs.byService.length > 0) {
    const rows = [...costs.byService]
      .sort((a, b) => b.current - a.current || compareText(a.service, b.service))
      .map((s) => [markdownCell(s.service, 120), formatUsd(s.current), formatUsd(s.previous), formatUsdChange(s.change, s.previous)]);
    out.push(
      '### Cost by service',
      '',
      markdownTable(['Service', 'Month to date', 'Same days last month', 'Change'], ['left', 'right', 'right', 'right'], rows),
      '',
    );
  }
  if (costs.byRegion.length > 0) {
    const rows = [...costs.byRegion]
      .sort((a, b) => b.amount - a.amount || compareText(a.region, b.region))
      .map((r) => [markdownCell(r.region, 40), formatUsd(r.amount)]);
    out.push('### Cost by region', '', markdownTable(['Region', 'Month to date'], ['left', 'right'], rows), '');
  }
  // Cost Explorer groups by linked account and tag over the last full month, not the month to date.
  const breakdown = formatPeriod(costs.breakdownPeriod ?? costs.current.period);
  if (costs.byAccount && costs.byAccount.length > 0) {
    const rows = costs.byAccount.map((a) => [markdownCell(a.accountId, 40), formatUsd(a.amount)]);
    out.push('### Cost by linked account', '', markdownTable(['Account', breakdown], ['left', 'right'], rows), '');
  }
  if (costs.byTag && costs.byTag.values.length > 0) {
    const rows = costs.byTag.values.map((v) => [v.value === '' ? '*(untagged)*' : markdownCell(v.value, 120), formatUsd(v.amount)]);
    out.push(`### Cost by tag ${markdownCell(costs.byTag.key, 120)}`, '', markdownTable(['Value', breakdown], ['left', 'right'], rows), '');
  }
  return out.join('\n').trimEnd();
}

/** Every task with its status, attempts, duration and error. */
export function tasksSection(report: Report): string {
  if (report.tasks.length === 0) return '';
  const rows = [...report.tasks]
    .sort((a, b) => compareText(a.id, b.id))
    .map((t) => [
      markdownCell(t.id, 120),
      markdownCell(t.status, 20),
      String(t.attempts),
      formatDuration(t.durationMs),
      t.error ? markdownCell(t.error, 300) : '',
    ]);
  return [
    '### Tasks',
    '',
    markdownTable(['Task', 'Status', 'Attempts', 'Duration', 'Error'], ['left', 'left', 'right', 'right', 'left'], rows),
  ].join('\n');
}
