import * as core from '@actions/core';

/** The action's entry: settings → adapters → analysis → publish. The only `setFailed`. */
export async function run(): Promise<void> {
  try {
    core.info('finops-aws-action: engine ready; analysis wiring lands with the action issue.');
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}
