/**
 * report.html's cost spikes and anomalies, right under the headline cards: growth is the story
 * a reader must not miss, and it is not a saving.
 */
import { costSignals } from './cost-signals.js';
import { escapeHtml } from './escape.js';
import { formatDate, formatPercent, formatUsd, formatUsdSigned } from './format.js';
import { htmlTable, type Cell } from './html-sections.js';
import type { Report } from '../records/report.js';

const c = (text: string, cls?: string): Cell => (cls ? { text, cls } : { text });
const usd = (amount: number | null): string => (amount === null ? 'n/a' : formatUsd(amount));

/** The section, or '' when the report has neither a cost spike nor an anomaly. */
export function costSignalsHtml(report: Report): string {
  const { spikes, anomalies } = costSignals(report);
  if (spikes.length === 0 && anomalies.length === 0) return '';
  const out = ['<h2>Cost spikes and anomalies</h2>'];
  if (spikes.length > 0) {
    out.push(
      `<p class="note">${escapeHtml('Services whose cost rose sharply against the same days last month, with the increase projected over a month if it continues. Growth is not a saving: it is not in the potential savings.')}</p>`,
      htmlTable(
        [
          c('Service'),
          c('Month to date', 'num'),
          c('Same days last month', 'num'),
          c('Increase', 'num'),
          c('Projected increase / month', 'num'),
        ],
        spikes.map((s) => [
          c(s.service),
          c(usd(s.current), 'num'),
          c(usd(s.previous), 'num'),
          c(
            s.increase === null ? 'n/a' : `${formatUsdSigned(s.increase)} (${formatPercent(s.increasePercent, { signed: true })})`,
            'num up',
          ),
          c(s.projectedMonthlyIncrease === null ? 'n/a' : formatUsdSigned(s.projectedMonthlyIncrease), 'num up strong'),
        ]),
      ),
    );
  }
  if (anomalies.length > 0) {
    out.push(
      '<p>Anomalies found by AWS Cost Anomaly Detection:</p>',
      htmlTable(
        [c('Service'), c('Start'), c('End'), c('Impact', 'num')],
        anomalies.map((a) => [
          c(a.service ?? '—'),
          c(formatDate(a.start)),
          c(a.end ? formatDate(a.end) : 'ongoing'),
          c(formatUsd(a.impact), 'num'),
        ]),
      ),
    );
  }
  return out.join('\n');
}
