/**
 * The schema of report.json, for readers that must not trust what they load: the PR run reads
 * the baseline's report from the state store, and a corrupt or foreign object must be rejected,
 * not rendered.
 */
import { z } from 'zod';
import { REPORT_SCHEMA_VERSION, type Report } from './report.js';

const usd = z.number();
const day = z.iso.date();
const period = z.object({ start: day, end: day });
const serviceCost = z.object({ service: z.string(), current: usd, previous: usd, change: usd, changePercent: z.number().nullable() });
const periodTotal = z.object({ period, total: usd });

const costSummary = z.object({
  metric: z.string(),
  currency: z.literal('USD'),
  current: periodTotal,
  previous: periodTotal,
  change: usd,
  changePercent: z.number().nullable(),
  lastMonth: z.object({ period, total: usd, priorTotal: usd, change: usd, changePercent: z.number().nullable() }).optional(),
  forecast: z.object({ total: usd, lower: usd.optional(), upper: usd.optional() }).nullable().optional(),
  byService: z.array(serviceCost),
  byRegion: z.array(z.object({ region: z.string(), amount: usd })),
  byAccount: z.array(z.object({ accountId: z.string(), amount: usd })).optional(),
  byTag: z.object({ key: z.string(), values: z.array(z.object({ value: z.string(), amount: usd })) }).optional(),
  daily: z.array(z.object({ date: day, amount: usd })),
  movers: z.array(serviceCost),
  anomalies: z
    .array(z.object({ id: z.string(), service: z.string().optional(), start: z.string(), end: z.string().optional(), impact: usd }))
    .optional(),
});

const finding = z.object({
  check: z.string().min(1),
  resourceId: z.string(),
  resourceType: z.string(),
  region: z.string(),
  title: z.string(),
  evidence: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  estimatedMonthlySavings: usd,
  severity: z.enum(['low', 'medium', 'high']),
  recommendation: z.string().optional(),
  priceSource: z.enum(['price-list', 'bundled', 'cost-explorer']).optional(),
  // Optional: reports written before findings were marked still read (see `withSavingMarks`).
  countedInSavings: z.boolean().optional(),
  alternativeTo: z.string().min(1).optional(),
});

const task = z.object({
  id: z.string(),
  type: z.string(),
  status: z.string(),
  attempts: z.number().int().nonnegative(),
  durationMs: z.number().nonnegative().nullable(),
  error: z.string().nullable(),
});

/** Zod schema of report.json (schema version {@link REPORT_SCHEMA_VERSION}); unknown keys are dropped. */
export const reportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  executionId: z.string().min(1),
  accountId: z.string().min(1),
  status: z.string().min(1),
  generatedAt: z.iso.datetime({ offset: true }),
  period,
  costs: costSummary.nullable(),
  findings: z.array(finding),
  potentialMonthlySavings: usd,
  tasks: z.array(task),
  breakers: z.record(z.string(), z.unknown()),
  pending: z.array(z.string()),
  gaps: z.array(z.object({ taskId: z.string(), reason: z.string() })),
  usedBundledPrices: z.boolean(),
});

/** The outcome of {@link parseReport}. */
export type ParsedReport = { ok: true; report: Report } | { ok: false; error: string };

/**
 * Validates a value read from report.json. Never throws: an invalid report comes back with a
 * short description of the first problems (path and message).
 */
export function parseReport(value: unknown): ParsedReport {
  const result = reportSchema.safeParse(value);
  if (result.success) return { ok: true, report: result.data };
  const problems = result.error.issues.slice(0, 5).map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`);
  const more = result.error.issues.length > 5 ? ` (+${result.error.issues.length - 5} more)` : '';
  return { ok: false, error: `invalid report.json: ${problems.join('; ')}${more}` };
}

/** Parses and validates report.json text. Never throws. */
export function readReportJson(text: string): ParsedReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `report.json is not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  return parseReport(value);
}
