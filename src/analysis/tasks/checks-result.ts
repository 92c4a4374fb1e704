import type { Finding } from '../../records/report.js';

/** Result of a `checks:{region}` or `cost-checks` task. */
export interface ChecksResult {
  region: string;
  findings: Finding[];
  /** Checks that ran. */
  ran: string[];
  /** Enabled checks that could not run, with why (their inventory or metrics task did not succeed). */
  notRun: Array<{ check: string; reason: string }>;
}
