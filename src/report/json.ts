/**
 * report.json: the report as pretty JSON with a stable key order, so two runs with the same
 * data write identical files and diffs between runs show only what changed.
 */
import type { Report } from '../records/report.js';

export { parseReport, readReportJson, reportSchema, type ParsedReport } from '../records/report-schema.js';

// One total order of every key of the model that agrees with the order of each object's fields
// (e.g. `period` before `total`, `service` before `current`); keys not listed (evidence and
// breaker names, fields added later) follow in code-point order.
const KEY_ORDER = [
  'schemaVersion',
  'id',
  'executionId',
  'accountId',
  'taskId',
  'type',
  'status',
  'state',
  'consecutiveFailures',
  'openedAt',
  'lastError',
  'attempts',
  'durationMs',
  'error',
  'generatedAt',
  'period',
  'service',
  'start',
  'end',
  'check',
  'resourceId',
  'resourceType',
  'region',
  'title',
  'severity',
  'estimatedMonthlySavings',
  'countedInSavings',
  'alternativeTo',
  'recommendation',
  'priceSource',
  'evidence',
  'reason',
  'metric',
  'currency',
  'key',
  'value',
  'date',
  'current',
  'previous',
  'total',
  'priorTotal',
  'lower',
  'upper',
  'amount',
  'change',
  'changePercent',
  'impact',
  'lastMonth',
  'forecast',
  'byService',
  'byRegion',
  'byAccount',
  'byTag',
  'values',
  'daily',
  'movers',
  'anomalies',
  'costs',
  'findings',
  'potentialMonthlySavings',
  'tasks',
  'breakers',
  'pending',
  'gaps',
  'usedBundledPrices',
];
const RANK = new Map(KEY_ORDER.map((k, i) => [k, i]));

function compareKeys(a: string, b: string): number {
  const ra = RANK.get(a) ?? Number.MAX_SAFE_INTEGER;
  const rb = RANK.get(b) ?? Number.MAX_SAFE_INTEGER;
  return ra - rb || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * JSON.stringify replacer that lists each object's keys in the stable order. A shallow copy per
 * object, alive only while its own fields are written, instead of a sorted copy of the whole
 * report (megabytes at thousands of findings) made before writing it.
 */
function inStableOrder(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const source = value as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(source).sort(compareKeys)) ordered[key] = source[key];
  return ordered;
}

/** report.json text: two-space indented, keys in a stable order, ending with a newline. */
export function renderReportJson(report: Report): string {
  return `${JSON.stringify(report, inStableOrder, 2)}\n`;
}
