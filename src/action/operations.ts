import type { RunCommandDeps } from './run-command.js';

/**
 * The commands besides `run` (`progress`, `retry`, `cancel`, `cleanup`, `reset-breakers`),
 * the same operations as the CLI, for `workflow_dispatch`.
 */
export async function runOperation(deps: RunCommandDeps): Promise<void> {
  throw new Error(`command "${deps.settings.command}" is not available in the action yet; use the finops-aws CLI`);
}
