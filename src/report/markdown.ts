/**
 * The job summary and report.md: one layout, assembled within a byte budget. The findings
 * table is the only part that grows with the account, so it takes whatever room the other
 * sections leave; if even they do not fit, the middle is cut with a note. Rendering never throws.
 */
import { escapeMarkdown, sanitizeText, truncateText } from './escape.js';
import { savingsInReadingOrder } from '../records/counted-savings.js';
import { formatCount } from './format.js';
import { executionHealth } from './health.js';
import { DEFAULT_SUMMARY_MAX_BYTES, utf8ByteLength } from './limits.js';
import { tableHeader } from './md-table.js';
import { dailyCostMermaid } from './mermaid.js';
import type { Report } from '../records/report.js';
import { breakdownSections, tasksSection } from './report-sections.js';
import {
  bannerSection,
  costSignalsSection,
  FINDINGS_ALIGNS,
  FINDINGS_HEADERS,
  findingRow,
  findingsHeading,
  gapsSection,
  headlineSection,
  healthSection,
  moversSection,
} from './summary-sections.js';
import { alternativesNote } from './savings-rows.js';
import { truncateMiddle } from './truncate.js';

/** Options of {@link renderSummaryMarkdown}. */
export interface SummaryOptions {
  /** Budget in UTF-8 bytes. @default DEFAULT_SUMMARY_MAX_BYTES (1 MiB minus 64 KiB for notices) */
  maxBytes?: number;
  /** Findings rows at most, largest savings first. @default 25 */
  maxFindings?: number;
  /** Top movers rows at most. @default 10 */
  maxMovers?: number;
  /** Cost spikes, and anomalies, at most (each). @default 10 */
  maxSignals?: number;
  /** "Not analysed" items at most. @default 50 */
  maxGaps?: number;
  /** Link to the uploaded artifact, named where tables are cut (only `https:` URLs are used). */
  artifactUrl?: string;
  /** Add the full cost breakdowns and task table (report.md). @default false */
  detailed?: boolean;
}

/** Budget and caps of report.md: everything, up to a size any Markdown viewer copes with. */
const REPORT_MD_OPTIONS: SummaryOptions = {
  maxBytes: 50 * 1_048_576,
  maxFindings: Number.POSITIVE_INFINITY,
  maxMovers: 50,
  maxSignals: 10_000,
  maxGaps: 10_000,
  detailed: true,
};

/** A safe Markdown link to the artifact, or plain words when no usable URL is known. */
function artifactReference(url: string | undefined): string {
  if (url) {
    try {
      const parsed = new URL(url);
      if (parsed.protocol === 'https:') {
        const href = parsed.href.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
        return `the [artifact report](${href})`;
      }
    } catch {
      // Not a URL: fall back to words.
    }
  }
  return 'the artifact report';
}

function findingsSection(report: Report, budgetBytes: number, cap: number, artifact: string): string {
  const heading = findingsHeading(report);
  const findings = savingsInReadingOrder(report.findings);
  if (findings.length === 0) return `${heading}\n\nNo findings: nothing to save that the checks could see.`;
  const note = alternativesNote(report.findings);
  const intro = note ? `${heading}\n\n${note}` : heading;
  const header = tableHeader(FINDINGS_HEADERS, FINDINGS_ALIGNS);
  const total = findings.length;
  const noteFor = (shown: number): string =>
    `_Showing the ${formatCount(shown)} largest of ${formatCount(total)} findings; ${formatCount(total - shown)} more in ${artifact} (report.html, findings.csv)._`;
  // Room for the worst-case note, so adding it never breaks the budget.
  let remaining = budgetBytes - utf8ByteLength(`${intro}\n\n${header}\n\n${noteFor(0)}`) - 8;
  const rows: string[] = [];
  for (const finding of findings) {
    if (rows.length >= cap) break;
    const row = findingRow(finding);
    const size = utf8ByteLength(row) + 1;
    if (size > remaining) break;
    remaining -= size;
    rows.push(row);
  }
  const parts = [intro, ''];
  if (rows.length > 0) parts.push(header, ...rows);
  if (rows.length < total) parts.push('', noteFor(rows.length));
  return parts.join('\n');
}

function join(sections: readonly string[]): string {
  return `${sections.filter((s) => s !== '').join('\n\n')}\n`;
}

function render(report: Report, options: SummaryOptions): string {
  const maxBytes = options.maxBytes ?? DEFAULT_SUMMARY_MAX_BYTES;
  const artifact = artifactReference(options.artifactUrl);
  const health = executionHealth(report);
  const chart = dailyCostMermaid(report.costs?.daily ?? []);
  const before = [
    headlineSection(report),
    bannerSection(report, health),
    costSignalsSection(report, options.maxSignals ?? 10),
    chart ? `### Daily cost\n\n${chart}` : '',
    moversSection(report, options.maxMovers ?? 10),
    options.detailed ? breakdownSections(report) : '',
  ];
  const after = [gapsSection(report, options.maxGaps ?? 50), healthSection(report, health), options.detailed ? tasksSection(report) : ''];
  const fixedBytes = utf8ByteLength(join([...before, ...after])) + 4;
  const findings = findingsSection(report, maxBytes - fixedBytes, options.maxFindings ?? 25, artifact);
  const markdown = join([...before, findings, ...after]);
  return truncateMiddle(markdown, maxBytes, {
    measure: utf8ByteLength,
    note: (cut) =>
      `> ✂️ ${formatCount(cut.lines)} lines were cut here to keep ${options.detailed ? 'this report within its size limit' : "the summary under GitHub's 1 MiB limit"}; ${artifact} has everything.`,
  });
}

/** The last resort when rendering failed: say so rather than fail the step. */
function fallback(report: Report, error: unknown, maxBytes: number): string {
  const message = escapeMarkdown(truncateText(sanitizeText(error instanceof Error ? error.message : String(error)), 300));
  const account = escapeMarkdown(truncateText(String((report as Partial<Report> | null)?.accountId ?? 'unknown'), 40));
  const text = `## 💰 AWS cost report · account ${account}\n\nThe summary could not be rendered (${message}). The artifact report has the results.\n`;
  return utf8ByteLength(text) <= maxBytes ? text : '';
}

/**
 * The job summary: headline (month to date, delta vs the same days last month, the last full
 * month vs the month before, forecast, potential savings), partial-run banner, cost spikes and
 * anomalies, daily cost chart (Mermaid), top movers, findings (each resource's counted finding
 * then its alternatives, largest savings first, capped with a note pointing to the artifact),
 * what could not be analysed, and execution health. Always within `options.maxBytes` UTF-8 bytes; never throws.
 */
export function renderSummaryMarkdown(report: Report, options: SummaryOptions = {}): string {
  try {
    return render(report, options);
  } catch (error) {
    return fallback(report, error, options.maxBytes ?? DEFAULT_SUMMARY_MAX_BYTES);
  }
}

/**
 * report.md: the summary's layout with every finding, the full cost breakdowns and the task
 * table. Bounded (50 MiB) only so that a pathological account cannot exhaust memory.
 */
export function renderReportMarkdown(report: Report, options: Pick<SummaryOptions, 'artifactUrl'> = {}): string {
  return renderSummaryMarkdown(report, { ...REPORT_MD_OPTIONS, ...options });
}

const NOTICE_ICON = { note: 'ℹ️', warning: '⚠️' } as const;

/**
 * A one-paragraph call-out for the summary, e.g. "the PR comment was skipped: this token cannot
 * write pull requests". The message is escaped (it may quote an API error) and kept on one line.
 */
export function renderSummaryNotice(message: string, level: keyof typeof NOTICE_ICON = 'warning'): string {
  return `> ${NOTICE_ICON[level]} ${escapeMarkdown(truncateText(sanitizeText(message), 2_000))}\n`;
}
