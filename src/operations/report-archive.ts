import { parseExecutionId, assertAccountId } from '../state/execution-id.js';
import type { StateStore } from '../state/state-store.js';
import { renderReportJson, readReportJson } from '../report/json.js';
import type { Report } from '../records/report.js';

/**
 * Reports kept beside their execution (`executions/{id}/report.json`, rewritten by each run of
 * it) and the account's PR baseline pointer (`accounts/{account}/baseline.json`): the latest
 * completed execution of a non-PR run, which PR comments compare against.
 */
const reportKey = (executionId: string) => `executions/${parseExecutionId(executionId).executionId}/report.json`;
const baselineKey = (accountId: string) => `accounts/${assertAccountId(accountId)}/baseline.json`;

export async function saveReport(store: StateStore, report: Report, signal?: AbortSignal): Promise<void> {
  await store.objects.put(reportKey(report.executionId), renderReportJson(report), undefined, signal);
}

/** The stored report of an execution; `undefined` when absent or unreadable (a warning says which). */
export async function loadReport(
  store: StateStore,
  executionId: string,
  onWarning?: (m: string) => void,
  signal?: AbortSignal,
): Promise<Report | undefined> {
  const stored = await store.objects.get(reportKey(executionId), signal);
  if (!stored) return undefined;
  const parsed = readReportJson(stored.body);
  if (!parsed.ok) {
    onWarning?.(`stored report of ${executionId} is unreadable and was ignored: ${parsed.error}`);
    return undefined;
  }
  return parsed.report;
}

export async function setBaseline(store: StateStore, accountId: string, executionId: string, signal?: AbortSignal): Promise<void> {
  const body = JSON.stringify(
    { schemaVersion: 1, kind: 'baseline', accountId, executionId, updatedAt: new Date(store.clock.now()).toISOString() },
    null,
    2,
  );
  await store.objects.put(baselineKey(accountId), body, undefined, signal);
}

/** The baseline report for PR comments, or `null` when the account has none yet. */
export async function loadBaseline(
  store: StateStore,
  accountId: string,
  onWarning?: (m: string) => void,
  signal?: AbortSignal,
): Promise<Report | null> {
  const stored = await store.objects.get(baselineKey(accountId), signal);
  if (!stored) return null;
  let executionId: unknown;
  try {
    executionId = (JSON.parse(stored.body) as { executionId?: unknown }).executionId;
  } catch {
    executionId = undefined;
  }
  if (typeof executionId !== 'string' || parseExecutionIdSafe(executionId)?.accountId !== accountId) {
    onWarning?.(`baseline pointer of account ${accountId} is unreadable and was ignored`);
    return null;
  }
  return (await loadReport(store, executionId, onWarning, signal)) ?? null;
}

function parseExecutionIdSafe(id: string) {
  try {
    return parseExecutionId(id);
  } catch {
    return undefined;
  }
}
