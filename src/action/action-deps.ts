import type { ChecksConfig } from '../analysis/config.js';
import type { AwsAdapters } from '../aws/ports/index.js';
import type { Clock } from '../primitives/clock.js';
import type { Settings } from '../settings/settings.js';
import type { StateStore } from '../state/state-store.js';
import type { RunContext } from './github-context.js';
import type { ActionLogger } from './logger.js';

/** What a command of the action works with, built once by `main.ts`. */
export interface ActionDeps {
  settings: Settings;
  checks: ChecksConfig;
  store: StateStore;
  adapters: AwsAdapters;
  /** The account the credentials belong to (STS). */
  accountId: string;
  context: RunContext;
  logger: ActionLogger;
  clock: Clock;
  env: NodeJS.ProcessEnv;
  /** Aborted on SIGTERM/SIGINT (a cancelled job). */
  signal: AbortSignal;
}

/** How a command ends the step: `failure` says why it fails; without it the step passes. */
export interface StepResult {
  failure?: string | undefined;
}
