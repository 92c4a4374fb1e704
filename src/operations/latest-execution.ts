import type { ExecutionManifest } from '../records/state.js';
import { isValidAccountId } from '../state/execution-id.js';
import type { StoreDeps } from './store-deps.js';

/** `accounts/{account}/latest.json`: the pointer every run sets before it creates an execution. */
const LATEST_POINTER = /^accounts\/([^/]+)\/latest\.json$/;
// A store shared by many accounts: a few pointer reads at a time, not a burst.
const READ_CONCURRENCY = 8;

/**
 * What `latest` names: the account's latest execution; `none` when the account (or the store)
 * has none; `ambiguous` when no account was named and several have one.
 */
export type LatestExecution = { kind: 'found'; manifest: ExecutionManifest } | { kind: 'none' } | { kind: 'ambiguous'; accounts: string[] };

/**
 * The latest execution of `accountId`, as its `latest.json` pointer names it. Without an account,
 * the store's: the one account that has a latest execution, else `ambiguous` with the accounts
 * (sorted) that have one, so the caller can ask which. Accounts are found by listing their
 * pointers, not by reading every execution; a pointer to an execution that is gone (removed by
 * cleanup) counts as none.
 */
export async function latestExecution(deps: StoreDeps, request: { accountId?: string | undefined } = {}): Promise<LatestExecution> {
  const { store, signal } = deps;
  if (request.accountId !== undefined) {
    const manifest = await store.getLatest(request.accountId, signal);
    return manifest ? { kind: 'found', manifest } : { kind: 'none' };
  }
  const accounts: string[] = [];
  for await (const key of store.objects.list('accounts/', signal)) {
    const account = LATEST_POINTER.exec(key)?.[1];
    if (account !== undefined && isValidAccountId(account)) accounts.push(account);
  }
  const latest: ExecutionManifest[] = [];
  for (let i = 0; i < accounts.length; i += READ_CONCURRENCY) {
    const batch = await Promise.all(accounts.slice(i, i + READ_CONCURRENCY).map((account) => store.getLatest(account, signal)));
    for (const manifest of batch) if (manifest) latest.push(manifest);
  }
  if (latest.length === 0) return { kind: 'none' };
  if (latest.length === 1) return { kind: 'found', manifest: latest[0]! };
  return { kind: 'ambiguous', accounts: latest.map((m) => m.accountId).sort() };
}
