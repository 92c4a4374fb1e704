/**
 * findings.csv: one row per finding, for spreadsheets and scripts. RFC 4180 (CRLF line ends,
 * quoted fields) and safe to open in Excel or Sheets (no cell evaluates as a formula).
 */
import { escapeCsvCell } from './escape.js';
import { compareText } from '../records/findings.js';
import { notSavings, savingRole, savingsInReadingOrder } from '../records/counted-savings.js';
import { roundUsd } from '../primitives/money.js';
import type { Finding } from '../records/report.js';

/** Column order of findings.csv. */
export const FINDINGS_CSV_COLUMNS = [
  'check',
  'resourceId',
  'resourceType',
  'region',
  'title',
  'estimatedMonthlySavings',
  'severity',
  'evidence',
  'countedInSavings',
  'alternativeTo',
] as const;

/** Evidence as compact JSON with keys in a stable order, e.g. `{"ageDays":41,"sizeGiB":500}`. */
export function evidenceJson(evidence: Finding['evidence']): string {
  const entries = Object.entries(evidence ?? {}).sort(([a], [b]) => compareText(a, b));
  return JSON.stringify(Object.fromEntries(entries));
}

/**
 * The CSV text: a header row, then the saving findings (each resource's counted finding, then
 * its alternatives, resources largest saving first), then the findings that are not savings
 * (cost spikes). Savings are plain numbers in USD with up to two decimals (no currency sign);
 * the rows whose `countedInSavings` is `true` add up to the potential saving. The two columns
 * on counting come last, so scripts reading the earlier columns by position keep working.
 */
export function renderFindingsCsv(findings: readonly Finding[]): string {
  const rows = [FINDINGS_CSV_COLUMNS.join(',')];
  for (const f of [...savingsInReadingOrder(findings), ...notSavings(findings)]) {
    const savings = Number.isFinite(f.estimatedMonthlySavings) ? roundUsd(f.estimatedMonthlySavings) : '';
    const counted = savingRole(f) === 'counted';
    rows.push(
      [
        f.check,
        f.resourceId,
        f.resourceType,
        f.region,
        f.title,
        savings,
        f.severity,
        evidenceJson(f.evidence),
        counted,
        f.alternativeTo ?? '',
      ]
        .map(escapeCsvCell)
        .join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}
