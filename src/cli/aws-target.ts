import { createAwsAdapters } from '../aws/adapters.js';
import { getCallerIdentity } from '../aws/identity.js';
import { createDemoAdapters, DEMO_ACCOUNT_ID } from '../demo/index.js';
import type { AdaptersFor } from './context.js';

/**
 * The production {@link AdaptersFor}: the synthetic demo account for `--demo` (no AWS call at
 * all), otherwise the account of the SDK's default credential chain, identified with STS
 * GetCallerIdentity before anything else (which also proves the credentials work).
 */
export const defaultAdaptersFor: AdaptersFor = async ({ demo, region, signal, now }) => {
  // The demo's data is relative to "now", so its month-to-date matches the execution's dates.
  if (demo) return { accountId: DEMO_ACCOUNT_ID, adapters: createDemoAdapters({ now: new Date(now) }), label: 'demo account' };
  const identity = await getCallerIdentity({ region }, signal);
  return { accountId: identity.accountId, adapters: createAwsAdapters({ region }), label: identity.arn };
};
