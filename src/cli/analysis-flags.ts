import type { Command } from 'commander';
import { CheckConfigError, type ChecksConfig } from '../analysis/config.js';
import { loadChecksConfig } from '../operations/checks-config.js';
import type { Settings } from '../settings/settings.js';
import { CliError, ExitCode, type CliIo } from './context.js';
import { logLevelFrom, settingsFrom, type Flags, type LogLevel } from './options.js';

/** Everything a run needs from its flags, validated before any AWS call or state write. */
export interface AnalysisFlags {
  settings: Settings;
  checks: ChecksConfig;
  logLevel: LogLevel | undefined;
  demo: boolean;
  json: boolean;
  /** Whether `--regions` (or nothing) chose the regions: resume/retry default to the execution's own. */
  regionsGiven: boolean;
}

/**
 * Reads and checks the analysis flags: settings through the action's validators, the config
 * file (read and validated now, so a typo fails in a second, not after the inventory), the
 * check selection, and the log level.
 * @throws CliError (usage) naming the flag, the file or the variable
 */
export async function analysisFlags(flags: Flags, command: Command, env: CliIo['env']): Promise<AnalysisFlags> {
  const settings = settingsFrom(flags, env, command, 'analysis');
  const logLevel = logLevelFrom(flags, env);
  try {
    const checks = await loadChecksConfig(settings.configFile, settings.checks, { configFile: '--config-file', checks: '--checks' });
    return {
      settings,
      checks,
      logLevel,
      demo: flags['demo'] === true,
      json: flags['json'] === true,
      regionsGiven: command.getOptionValueSource('regions') === 'cli',
    };
  } catch (error) {
    if (error instanceof CheckConfigError) throw new CliError(ExitCode.Usage, error.message);
    throw error;
  }
}
