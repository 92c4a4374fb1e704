import type { Finding, Severity } from '../../records/report.js';
import { roundUsd } from '../../primitives/money.js';
import type { PriceEntry, PriceSource } from '../pricing/price-book.js';
import { combinedSource } from '../pricing/price-book.js';

/** Severity by monthly saving: ≥ $100 high, ≥ $10 medium, else low. */
export function severityFor(monthlyUsd: number): Severity {
  if (monthlyUsd >= 100) return 'high';
  if (monthlyUsd >= 10) return 'medium';
  return 'low';
}

/** `name (id)` when the resource has a Name tag. */
export function label(id: string, name: string | null | undefined): string {
  return name ? `${name} (${id})` : id;
}

/**
 * A finding with its saving rounded to cents and severity derived from it. When no price was
 * found the saving is 0 and the evidence says `priceUnavailable`, so the finding is still listed.
 */
export function makeFinding(
  base: Omit<Finding, 'estimatedMonthlySavings' | 'severity' | 'priceSource'>,
  saving: { usd: number; prices: ReadonlyArray<PriceEntry | undefined> } | undefined,
  source?: PriceSource | 'cost-explorer',
): Finding {
  const usd = saving ? roundUsd(Math.max(0, saving.usd)) : 0;
  const priceSource = source ?? (saving ? combinedSource(saving.prices) : undefined);
  return {
    ...base,
    evidence: saving ? base.evidence : { ...base.evidence, priceUnavailable: true },
    estimatedMonthlySavings: usd,
    severity: severityFor(usd),
    ...(priceSource ? { priceSource } : {}),
  };
}

/**
 * Rounds a measured number for evidence to two decimals: a percentage, GB, requests per day.
 * Not for money: amounts in USD are rounded with `roundUsd`.
 */
export function roundMeasurement(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * What an EC2 saving is priced at: the Linux on-demand list rate. Said in the evidence because
 * it overstates spot, Reserved Instance and Savings Plan usage and understates licensed OSes.
 */
export function ec2PricingBasis(instance: { lifecycle: string | null; platformDetails: string | null }): Record<string, string> {
  return { pricedAs: 'Linux on-demand', purchase: instance.lifecycle ?? 'on-demand', platform: instance.platformDetails ?? 'unknown' };
}
