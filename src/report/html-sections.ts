/**
 * The sections of report.html. Every value is escaped where it is put into markup: `cell()`
 * takes plain text, never HTML.
 */
import { escapeHtml, escapeHtmlAttribute } from './escape.js';
import { compareText, savingsOf } from '../records/findings.js';
import { countSavingRoles, savingRole, savingsInReadingOrder } from '../records/counted-savings.js';
import { formatCount, formatDate, formatDuration, formatPeriod, formatUsd, formatUsdChange, plural } from './format.js';
import type { ExecutionHealth } from './health.js';
import type { Report } from '../records/report.js';
import { ALTERNATIVE_MARK, alternativesNote } from './savings-rows.js';
import { lastFullMonth } from './headline-numbers.js';

/** A table cell: plain text (escaped here) and optional space-separated classes. */
export interface Cell {
  text: string;
  cls?: string;
}

const c = (text: string, cls?: Cell['cls']): Cell => (cls ? { text, cls } : { text });

function td(cell: Cell, tag: 'td' | 'th' = 'td'): string {
  const cls = cell.cls ? ` class="${escapeHtmlAttribute(cell.cls)}"` : '';
  return `<${tag}${cls}>${escapeHtml(cell.text)}</${tag}>`;
}

/** A table from a header row and body rows of text cells, in a box that scrolls sideways when it is too wide. */
export function htmlTable(headers: readonly Cell[], rows: readonly (readonly Cell[])[]): string {
  const head = `<thead><tr>${headers.map((h) => td(h, 'th')).join('')}</tr></thead>`;
  const body = rows.map((r) => `<tr>${r.map((cell) => td(cell)).join('')}</tr>`).join('\n');
  // A wide table scrolls inside its own box on a narrow screen instead of widening the page.
  return `<div class="table-wrap">\n<table>\n${head}\n<tbody>\n${body}\n</tbody>\n</table>\n</div>`;
}

const changeClass = (change: number): string => (change > 0 ? 'num up' : change < 0 ? 'num down' : 'num');

function kpi(label: string, value: string, detail: string, cls = ''): string {
  const detailClass = cls ? ` ${cls}` : '';
  return `<div class="kpi"><div class="label">${escapeHtml(label)}</div><div class="value">${escapeHtml(value)}</div><div class="detail${detailClass}">${escapeHtml(detail)}</div></div>`;
}

/** The headline numbers as cards. */
export function kpiSection(report: Report): string {
  const costs = report.costs;
  const cards: string[] = [];
  if (costs) {
    cards.push(kpi('Month to date', formatUsd(costs.current.total), formatPeriod(costs.current.period)));
    cards.push(
      kpi(
        'vs same days last month',
        formatUsdChange(costs.change, costs.previous.total),
        `${formatUsd(costs.previous.total)} in ${formatPeriod(costs.previous.period)}`,
        costs.change > 0 ? 'up' : costs.change < 0 ? 'down' : '',
      ),
    );
    const f = costs.forecast;
    const range =
      f && f.lower !== undefined && f.upper !== undefined
        ? `range ${formatUsd(f.lower)} – ${formatUsd(f.upper)}`
        : 'actual to date + forecast';
    cards.push(kpi('End-of-month forecast', f ? formatUsd(f.total) : 'n/a', f ? range : 'not available'));
    const month = lastFullMonth(report);
    if (month) {
      cards.splice(
        2,
        0,
        kpi(
          'Last full month',
          formatUsd(month.total),
          `${formatUsdChange(month.change, month.priorTotal)} vs the month before · ${formatPeriod(month.period)}`,
          month.change > 0 ? 'up' : month.change < 0 ? 'down' : '',
        ),
      );
    }
  }
  const roles = countSavingRoles(report.findings);
  const alternatives = roles.alternative > 0 ? ` · ${plural(roles.alternative, 'alternative')} not added` : '';
  cards.push(
    kpi(
      'Potential savings',
      `${formatUsd(report.potentialMonthlySavings)} / month`,
      `each resource counted once: ${plural(roles.counted, 'resource')}${alternatives}`,
    ),
  );
  return `<section class="kpis">\n${cards.join('\n')}\n</section>`;
}

/** Partial, failed or cancelled run and bundled prices, as banners. */
export function bannersSection(report: Report, health: ExecutionHealth): string {
  const out: string[] = [];
  if (report.status === 'partial') {
    const names =
      health.pending.slice(0, 20).join(', ') +
      (health.pending.length > 20 ? `, … and ${formatCount(health.pending.length - 20)} more` : '');
    out.push(
      `<p class="banner"><strong>Partial run.</strong> ${escapeHtml(`The time budget ran out with ${plural(health.pending.length, 'task')} pending (${names}). The next run resumes them; finished tasks are not run again.`)}</p>`,
    );
  } else if (report.status === 'failed' || report.status === 'cancelled') {
    out.push(
      `<p class="banner failed"><strong>${report.status === 'failed' ? 'The analysis failed.' : 'The execution was cancelled.'}</strong> ${escapeHtml('The figures below are incomplete; see Execution health.')}</p>`,
    );
  }
  if (report.usedBundledPrices)
    out.push(
      '<p class="banner info">Some savings are priced from the bundled price snapshot: the AWS Price List API was not available.</p>',
    );
  return out.join('\n');
}

/** Top movers table. */
export function moversHtml(report: Report): string {
  const movers = report.costs?.movers ?? [];
  if (movers.length === 0) return '<p class="note">No service cost changed compared with the same days last month.</p>';
  return htmlTable(
    [c('Service'), c('Month to date', 'num'), c('Same days last month', 'num'), c('Change', 'num')],
    movers.map((m) => [
      c(m.service),
      c(formatUsd(m.current), 'num'),
      c(formatUsd(m.previous), 'num'),
      c(formatUsdChange(m.change, m.previous), changeClass(m.change)),
    ]),
  );
}

/**
 * Findings: each resource's counted finding, then its alternatives (marked, and counted "no"),
 * resources largest saving first; at most `max` rows.
 */
export function findingsHtml(report: Report, max: number): string {
  const sorted = savingsInReadingOrder(report.findings);
  if (sorted.length === 0) return '<p class="note">No findings: nothing to save that the checks could see.</p>';
  const rows = sorted.slice(0, max).map((f) => {
    const alternative = savingRole(f) === 'alternative';
    const alt = alternative ? ' alt' : '';
    return [
      c(`${alternative ? `${ALTERNATIVE_MARK} ` : ''}${formatUsd(savingsOf(f))}`, `num${alt}`),
      c(alternative ? 'no, alternative' : 'yes', alternative ? 'alt' : undefined),
      c(f.severity, `sev-${f.severity}`),
      c(f.check),
      c(f.resourceId, 'id'),
      c(f.region),
      c(f.title),
      c(f.recommendation ?? ''),
    ];
  });
  const table = htmlTable(
    [c('Savings / month', 'num'), c('Counted'), c('Severity'), c('Check'), c('Resource'), c('Region'), c('Finding'), c('Recommendation')],
    rows,
  );
  const note = alternativesNote(report.findings);
  const intro = note ? `<p class="note">${escapeHtml(note)}</p>\n` : '';
  if (sorted.length <= max) return `${intro}${table}`;
  return `${intro}${table}\n<p class="note">${escapeHtml(`Showing the ${formatCount(max)} largest of ${formatCount(sorted.length)} findings; findings.csv has all of them.`)}</p>`;
}

/** Cost by service table, largest first. */
export function servicesHtml(report: Report): string {
  const services = [...(report.costs?.byService ?? [])].sort((a, b) => b.current - a.current || compareText(a.service, b.service));
  if (services.length === 0) return '';
  return htmlTable(
    [c('Service'), c('Month to date', 'num'), c('Same days last month', 'num'), c('Change', 'num')],
    services.map((s) => [
      c(s.service),
      c(formatUsd(s.current), 'num'),
      c(formatUsd(s.previous), 'num'),
      c(formatUsdChange(s.change, s.previous), changeClass(s.change)),
    ]),
  );
}

/** What could not be analysed, and why. */
export function gapsHtml(report: Report): string {
  if (report.gaps.length === 0) return '';
  const items = report.gaps.map((g) => `<li><strong>${escapeHtml(g.taskId)}</strong>: ${escapeHtml(g.reason)}</li>`);
  return `<h2>Not analysed</h2>\n<ul class="gaps">\n${items.join('\n')}\n</ul>`;
}

/** Task counts, breakers, pending tasks and the task table. */
export function healthHtml(report: Report, health: ExecutionHealth): string {
  const t = health.tasks;
  const counts = htmlTable(
    ['Tasks', 'Succeeded', 'Pending', 'Running', 'Failed', 'Skipped', 'Cancelled', 'Retries'].map((h) => c(h, 'num')),
    [[t.total, t.succeeded, t.pending, t.running, t.failed, t.skipped, t.cancelled, health.retries].map((n) => c(formatCount(n), 'num'))],
  );
  const out = ['<h2>Execution health</h2>', counts];
  if (health.breakers.length > 0) {
    const items = health.breakers.map((b) => {
      const parts = [`${b.key}: ${b.state}`];
      if (b.consecutiveFailures !== null) parts.push(`after ${plural(b.consecutiveFailures, 'consecutive failure')}`);
      if (b.openedAt) parts.push(`since ${formatDate(b.openedAt)}`);
      const last = b.lastError ? `; last error: ${b.lastError}` : '';
      return `<li>${escapeHtml(parts.join(' ') + last)}</li>`;
    });
    out.push(
      '<p>Circuit breakers not closed (their tasks are skipped until a trial is let through):</p>',
      `<ul class="breakers">\n${items.join('\n')}\n</ul>`,
    );
  }
  if (health.pending.length > 0) {
    const resume = health.resumable ? ' The next run resumes them.' : '';
    out.push(`<p><strong>Pending tasks</strong>: ${escapeHtml(`${health.pending.join(', ')}.${resume}`)}</p>`);
  }
  if (report.tasks.length > 0) {
    const tasks = [...report.tasks].sort((a, b) => compareText(a.id, b.id));
    out.push(
      '<h2>Tasks</h2>',
      htmlTable(
        [c('Task'), c('Status'), c('Attempts', 'num'), c('Duration', 'num'), c('Error')],
        tasks.map((task) => [
          c(task.id, 'id'),
          c(task.status),
          c(String(task.attempts), 'num'),
          c(formatDuration(task.durationMs), 'num'),
          c(task.error ?? ''),
        ]),
      ),
    );
  }
  return out.join('\n');
}
