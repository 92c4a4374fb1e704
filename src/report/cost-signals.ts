/**
 * Cost spikes and anomalies: the growth a reader must see first. A cost spike is a finding that
 * is not a saving (its `estimatedMonthlySavings` is 0); what it is worth is in its evidence, the
 * increase projected over a month. Anomalies come from AWS Cost Anomaly Detection.
 */
import { compareText } from '../records/findings.js';
import { notSavings } from '../records/counted-savings.js';
import type { Finding, Report } from '../records/report.js';

/** One cost spike as the reports show it; a number is `null` when the finding does not carry it. */
export interface CostSpikeView {
  /** The service (the finding's resource id). */
  service: string;
  region: string;
  title: string;
  severity: Finding['severity'];
  /** Cost in the current period (month to date), USD. */
  current: number | null;
  /** Cost in the period compared with (the same days last month), USD. */
  previous: number | null;
  /** Increase over the current period against what the previous period's pace predicts, USD. */
  increase: number | null;
  /** `increase` in percent of the expected cost; `null` when nothing was expected. */
  increasePercent: number | null;
  /** The increase projected over a month if it continues, USD. */
  projectedMonthlyIncrease: number | null;
}

/** What the "cost spikes and anomalies" sections show. */
export interface CostSignals {
  /** Largest projected increase first. */
  spikes: CostSpikeView[];
  anomalies: NonNullable<NonNullable<Report['costs']>['anomalies']>;
}

function numberIn(evidence: Finding['evidence'], key: string): number | null {
  const value = evidence?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function spikeView(finding: Finding): CostSpikeView {
  const e = finding.evidence ?? {};
  return {
    service: finding.resourceId,
    region: finding.region,
    title: finding.title,
    severity: finding.severity,
    current: numberIn(e, 'currentUsd'),
    previous: numberIn(e, 'previousUsd'),
    increase: numberIn(e, 'increaseUsd'),
    increasePercent: numberIn(e, 'increasePercent'),
    projectedMonthlyIncrease: numberIn(e, 'projectedMonthlyIncreaseUsd'),
  };
}

/** The report's cost spikes (its findings that are not savings) and anomalies. */
export function costSignals(report: Report): CostSignals {
  const spikes = notSavings(report.findings)
    .map(spikeView)
    .sort(
      (a, b) =>
        (b.projectedMonthlyIncrease ?? Number.NEGATIVE_INFINITY) - (a.projectedMonthlyIncrease ?? Number.NEGATIVE_INFINITY) ||
        compareText(a.service, b.service),
    );
  return { spikes, anomalies: report.costs?.anomalies ?? [] };
}
