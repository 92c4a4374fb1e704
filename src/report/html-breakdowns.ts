/**
 * report.html's cost by region, linked account and tag: the breakdowns report.md carries, so
 * the two reports show the same figures.
 */
import { escapeHtml } from './escape.js';
import { compareText } from '../records/findings.js';
import { formatPeriod, formatUsd } from './format.js';
import { htmlTable, type Cell } from './html-sections.js';
import type { Report } from '../records/report.js';

const c = (text: string, cls?: string): Cell => (cls ? { text, cls } : { text });

function amountTable(label: string, rows: ReadonlyArray<{ name: string; amount: number; cls?: string }>): string {
  return htmlTable(
    [c(label), c('Amount', 'num')],
    rows.map((r) => [c(r.name, r.cls), c(formatUsd(r.amount), 'num')]),
  );
}

/** Cost by region, linked account and tag, each under its own heading; '' without cost data. */
export function breakdownsHtml(report: Report): string {
  const costs = report.costs;
  if (!costs) return '';
  const out: string[] = [];
  // byService and byRegion cover the month to date; byAccount and byTag the breakdown period when it is set.
  const breakdown = costs.breakdownPeriod ? formatPeriod(costs.breakdownPeriod) : formatPeriod(costs.current.period);
  if (costs.byRegion.length > 0) {
    const rows = [...costs.byRegion]
      .sort((a, b) => b.amount - a.amount || compareText(a.region, b.region))
      .map((r) => ({ name: r.region, amount: r.amount }));
    out.push(
      '<h2>Cost by region</h2>',
      `<p class="note">${escapeHtml(`Month to date, ${formatPeriod(costs.current.period)}.`)}</p>`,
      amountTable('Region', rows),
    );
  }
  if (costs.byAccount && costs.byAccount.length > 0) {
    out.push(
      '<h2>Cost by linked account</h2>',
      `<p class="note">${escapeHtml(`${breakdown}.`)}</p>`,
      amountTable(
        'Account',
        costs.byAccount.map((a) => ({ name: a.accountId, amount: a.amount, cls: 'id' })),
      ),
    );
  }
  if (costs.byTag && costs.byTag.values.length > 0) {
    out.push(
      `<h2>${escapeHtml(`Cost by tag ${costs.byTag.key}`)}</h2>`,
      `<p class="note">${escapeHtml(`${breakdown}.`)}</p>`,
      amountTable(
        'Value',
        costs.byTag.values.map((v) =>
          v.value === '' ? { name: '(untagged)', amount: v.amount, cls: 'alt' } : { name: v.value, amount: v.amount },
        ),
      ),
    );
  }
  return out.join('\n');
}
