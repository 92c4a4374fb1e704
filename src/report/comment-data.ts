/**
 * What the PR comment says, computed from the current report and the baseline (the latest
 * completed non-PR execution). Pure arithmetic, no formatting: `renderComment` lays it out.
 */
import { compareText, findingKey } from '../records/findings.js';
import { countedSavingsTotal, notSavings, savingsInReadingOrder, withSavingMarks } from '../records/counted-savings.js';
import { percentChange } from './format.js';
import type { Finding, Period, Report } from '../records/report.js';
import { roundUsd } from '../primitives/money.js';

/** One service's month-to-date cost now and in the baseline. */
export interface ServiceDelta {
  service: string;
  /** Month to date in this run; 0 when the service has no cost now. */
  current: number;
  /** Month to date in the baseline; 0 when the service had no cost then. */
  baseline: number;
  change: number;
  /** Percent of `baseline`; `null` when the baseline is 0. */
  changePercent: number | null;
}

/** A before/after pair of one amount. */
export interface AmountDelta {
  current: number;
  baseline: number | null;
  /** `null` without a baseline. */
  change: number | null;
  changePercent: number | null;
}

/** Everything the PR comment shows. Deliberately free of run-specific values (execution id, time) of the current run, so that a re-run with the same data renders the same comment and no write is made. */
export interface CommentData {
  accountId: string;
  status: string;
  /** Month-to-date period of this run. */
  period: Period;
  metric: string | null;
  baseline: { executionId: string; generatedAt: string; period: Period } | null;
  /** False when the baseline's month differs from this run's, so month-to-date deltas compare different months. */
  sameMonth: boolean;
  /** Month-to-date total; `null` when this run has no cost data. */
  total: AmountDelta | null;
  forecast: number | null;
  /** Per service, largest absolute change first; services without any change are left out. */
  services: ServiceDelta[];
  /** Count of services present in both reports whose cost did not change. */
  unchangedServices: number;
  savings: AmountDelta;
  /** Findings not in the baseline, in reading order (see {@link readingOrder}; empty without a baseline). */
  newFindings: Finding[];
  /** Baseline findings no longer found, in reading order (empty without a baseline). */
  resolvedFindings: Finding[];
  /** All current findings, in reading order (shown when there is no baseline). */
  findings: Finding[];
  findingsCount: number;
  /** Findings in the baseline; `null` without one. */
  baselineFindingsCount: number | null;
  /** Tasks left for the next run. */
  pending: string[];
  usedBundledPrices: boolean;
}

function delta(current: number, baseline: number | null): AmountDelta {
  if (baseline === null) return { current, baseline: null, change: null, changePercent: null };
  const change = roundUsd(current - baseline);
  return { current, baseline, change, changePercent: percentChange(change, baseline) };
}

function serviceDeltas(current: Report, baseline: Report | null): { services: ServiceDelta[]; unchanged: number } {
  if (!current.costs || !baseline?.costs) return { services: [], unchanged: 0 };
  const now = new Map(current.costs.byService.map((s) => [s.service, s.current]));
  const then = new Map(baseline.costs.byService.map((s) => [s.service, s.current]));
  const names = [...new Set([...now.keys(), ...then.keys()])];
  let unchanged = 0;
  const services: ServiceDelta[] = [];
  for (const service of names) {
    const cur = now.get(service) ?? 0;
    const base = then.get(service) ?? 0;
    const change = roundUsd(cur - base);
    if (change === 0) {
      unchanged++;
      continue;
    }
    services.push({ service, current: cur, baseline: base, change, changePercent: percentChange(change, base) });
  }
  services.sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || compareText(a.service, b.service));
  return { services, unchanged };
}

/**
 * Findings as the comment lists them: each resource's counted finding then its alternatives,
 * resources largest saving first, then the findings that are not savings (cost spikes).
 */
function readingOrder(findings: readonly Finding[]): Finding[] {
  return [...savingsInReadingOrder(findings), ...notSavings(findings)];
}

function difference(from: readonly Finding[], without: readonly Finding[]): Finding[] {
  const keys = new Set(without.map(findingKey));
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of from) {
    const key = findingKey(f);
    if (keys.has(key) || seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return readingOrder(out);
}

/**
 * Compares the current report with the baseline: per-service month-to-date deltas, new and
 * resolved findings (identified by check and resource id), and the change in potential savings.
 * Without a baseline, deltas are `null` and no finding counts as new or resolved.
 */
export function buildCommentData(current: Report, baseline: Report | null): CommentData {
  const { services, unchanged } = serviceDeltas(current, baseline);
  // Each report's own marks: an alternative stays an alternative in the lists of either.
  const findings = withSavingMarks(current.findings);
  const baselineFindings = baseline ? withSavingMarks(baseline.findings) : [];
  const costs = current.costs;
  return {
    accountId: current.accountId,
    status: current.status,
    period: costs?.current.period ?? current.period,
    metric: costs?.metric ?? null,
    baseline: baseline
      ? { executionId: baseline.executionId, generatedAt: baseline.generatedAt, period: baseline.costs?.current.period ?? baseline.period }
      : null,
    sameMonth:
      baseline === null ||
      (baseline.costs?.current.period ?? baseline.period).start.slice(0, 7) === (costs?.current.period ?? current.period).start.slice(0, 7),
    total: costs ? delta(costs.current.total, baseline?.costs ? baseline.costs.current.total : null) : null,
    forecast: costs?.forecast?.total ?? null,
    services,
    unchangedServices: unchanged,
    savings: delta(current.potentialMonthlySavings, baseline ? baseline.potentialMonthlySavings : null),
    newFindings: baseline ? difference(findings, baselineFindings) : [],
    resolvedFindings: baseline ? difference(baselineFindings, findings) : [],
    findings: readingOrder(findings),
    findingsCount: current.findings.length,
    baselineFindingsCount: baseline ? baseline.findings.length : null,
    pending: [...current.pending],
    usedBundledPrices: current.usedBundledPrices,
  };
}

/** Sum of the savings `findings` count (alternatives and cost spikes add nothing), in USD. */
export function totalSavings(findings: readonly Finding[]): number {
  return countedSavingsTotal(findings);
}
