import { Option, type Command } from 'commander';
import { Inputs, type InputName } from '../primitives/constants.js';
import { INPUT_DEFAULTS } from '../settings/defaults.js';
import { parseSettings, type Settings } from '../settings/settings.js';
import { InputError, SettingsError } from '../settings/validators.js';
import * as v from '../settings/validators.js';
import { CliError, ExitCode, type CliIo } from './context.js';

/** Commander's parsed options of a command (values are raw strings; validation is ours). */
export type Flags = Record<string, unknown>;

/**
 * The prototype's environment variables, still honoured as defaults under the flags. The
 * region also follows the SDK's own variables, so a laptop's `AWS_REGION` just works.
 */
const ENVIRONMENT: Partial<Record<InputName, readonly string[]>> = {
  [Inputs.StateBucket]: ['FINOPS_STATE_BUCKET'],
  [Inputs.MaxConcurrentTasks]: ['MAX_CONCURRENT_TASKS'],
  [Inputs.TaskTimeoutSeconds]: ['TASK_TIMEOUT_SECONDS'],
  [Inputs.AwsRegion]: ['AWS_REGION', 'AWS_DEFAULT_REGION'],
};

/** Inputs the CLI has flags for; the rest keep the settings' defaults. */
const FLAG_INPUTS: readonly InputName[] = [
  Inputs.StateDir,
  Inputs.StateBucket,
  Inputs.StatePrefix,
  Inputs.AwsRegion,
  Inputs.Regions,
  Inputs.Checks,
  Inputs.ConfigFile,
  Inputs.CostMetric,
  Inputs.TagKey,
  Inputs.MaxConcurrentTasks,
  Inputs.TaskTimeoutSeconds,
  Inputs.TimeBudgetMinutes,
  Inputs.ResumeWindowHours,
  Inputs.LeaseWaitSeconds,
  Inputs.ReportDir,
];

/** The inputs of the state store; commands that only read state look at nothing else. */
const STORE_INPUTS: readonly InputName[] = [Inputs.StateDir, Inputs.StateBucket, Inputs.StatePrefix, Inputs.AwsRegion];

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * `--state-dir`, `--state-bucket`, `--state-prefix`, `--aws-region` and `--json`: every command has them.
 * Flags show the action's defaults (INPUT_DEFAULTS), so a flag and its input never disagree.
 */
export function addStoreOptions(command: Command): Command {
  return command
    .option('--state-dir <dir>', 'local state directory (used when no bucket is given)', INPUT_DEFAULTS['state-dir'])
    .option('--state-bucket <bucket>', 'S3 bucket holding the state (env FINOPS_STATE_BUCKET)')
    .option('--state-prefix <prefix>', 'key prefix in the bucket', INPUT_DEFAULTS['state-prefix'])
    .option('--aws-region <region>', `home region for AWS clients (env AWS_REGION, else ${INPUT_DEFAULTS['aws-region']})`)
    .option('--json', 'print JSON for scripts instead of tables');
}

/** The analysis flags shared by `run`, `resume` and `retry`, with the action's defaults. */
export function addAnalysisOptions(command: Command, options: { resumeWindow: boolean }): Command {
  // A commander default is shown in the help and nothing more (sourceOf reads only typed flags).
  // A flag with an environment variable names its default in its own text instead, after the
  // variable, in the order the two apply.
  command
    .option('--demo', 'analyse the built-in synthetic demo account (no AWS credentials needed)')
    .option(
      '--regions <list>',
      'comma-separated regions, or "all" enabled regions (default: --aws-region; resume/retry: the regions the execution was built for)',
    )
    .option('--checks <list>', 'comma-separated check ids, or "all"', INPUT_DEFAULTS.checks)
    .option('--config-file <path>', 'YAML/JSON file with check thresholds (checks: { <id>: { ... } })')
    .option('--cost-metric <metric>', 'Cost Explorer metric', INPUT_DEFAULTS['cost-metric'])
    .option('--tag-key <key>', 'also break costs down by this tag key')
    .option(
      '--max-concurrent-tasks <n>',
      `tasks running at once, 1-64 (env MAX_CONCURRENT_TASKS; default ${INPUT_DEFAULTS['max-concurrent-tasks']})`,
    )
    .option(
      '--task-timeout-seconds <n>',
      `per-attempt timeout of a task, 1-3600 (env TASK_TIMEOUT_SECONDS; default ${INPUT_DEFAULTS['task-timeout-seconds']})`,
    )
    .option(
      '--time-budget-minutes <n>',
      'time this run may take, 1-360; what is left stays pending for resume',
      INPUT_DEFAULTS['time-budget-minutes'],
    )
    .option('--lease-wait-seconds <n>', 'wait this long for another run on the account to finish', INPUT_DEFAULTS['lease-wait-seconds'])
    .option('--report-dir <dir>', 'where report.json, report.md, report.html and findings.csv go', INPUT_DEFAULTS['report-dir'])
    .addOption(new Option('--log-level <level>', 'progress detail (env LOG_LEVEL)').choices(['debug', 'info', 'warning', 'error']));
  if (options.resumeWindow)
    command.option(
      '--resume-window-hours <n>',
      'resume the latest running/partial execution younger than this',
      INPUT_DEFAULTS['resume-window-hours'],
    );
  return command;
}

/**
 * Where each raw value came from, so an error names what the user actually typed: a flag given
 * on the command line, else the input's environment variable, else nothing, and the settings
 * take the table's default. A commander default is the same value, so it is never read: it
 * must not hide an environment variable.
 */
function sourceOf(flags: Flags, env: CliIo['env'], command: Command, inputs: readonly InputName[]) {
  const origins = new Map<string, string>();
  const explicit = (name: InputName) => command.getOptionValueSource(camel(name)) === 'cli';
  const read = (name: InputName): string => {
    if (!inputs.includes(name)) return '';
    const value = flags[camel(name)];
    if (explicit(name) && typeof value === 'string') {
      origins.set(name, `--${name}`);
      return value;
    }
    // An explicit --state-dir means "this directory", even when FINOPS_STATE_BUCKET is set.
    if (name === Inputs.StateBucket && explicit(Inputs.StateDir)) return '';
    for (const variable of ENVIRONMENT[name] ?? []) {
      const raw = env[variable];
      if (raw !== undefined && raw.trim() !== '') {
        origins.set(name, `${variable} (environment)`);
        return raw;
      }
    }
    return '';
  };
  return { read, origins };
}

/**
 * Flags and environment as typed {@link Settings}, with the action's own validators, so a bad
 * value fails the same way everywhere, before any AWS call or state write. `store` scope reads
 * only the state flags (a bad MAX_CONCURRENT_TASKS must not break `list`).
 * @throws CliError (usage) naming each bad flag or variable and what it accepts
 */
export function settingsFrom(flags: Flags, env: CliIo['env'], command: Command, scope: 'store' | 'analysis' = 'store'): Settings {
  const { read, origins } = sourceOf(flags, env, command, scope === 'store' ? STORE_INPUTS : FLAG_INPUTS);
  try {
    return parseSettings(read);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    throw new CliError(ExitCode.Usage, error.errors.map((e) => relabel(e, origins.get(e.input) ?? `--${e.input}`)).join('\n'));
  }
}

/** `--days must be a whole number ...` instead of `Input "days" must be ...`. */
export function relabel(error: InputError, label: string): string {
  const prefix = `Input "${error.input}" `;
  return `${label} ${error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message}`;
}

/** Runs one validator on a flag value; a failure is a usage error naming the flag. */
export function flagValue<T>(label: string, parse: (input: string) => T): T {
  try {
    return parse(label);
  } catch (error) {
    if (error instanceof InputError) throw new CliError(ExitCode.Usage, relabel(error, label));
    throw error;
  }
}

/** A whole-number flag within bounds. */
export function integerFlag(label: string, raw: unknown, min: number, max: number): number {
  return flagValue(label, (input) => v.integer(input, String(raw ?? ''), min, max));
}

/** How much of the run's progress is printed (`--log-level`, `LOG_LEVEL`). */
export type LogLevel = 'debug' | 'info' | 'warning' | 'error';

/** `--log-level`, else `LOG_LEVEL` (the prototype's, case-insensitive; `warn` is `warning`); undefined when neither. */
export function logLevelFrom(flags: Flags, env: CliIo['env']): LogLevel | undefined {
  if (typeof flags['logLevel'] === 'string') return flags['logLevel'] as LogLevel;
  const raw = env['LOG_LEVEL']?.trim().toLowerCase();
  if (raw === undefined || raw === '') return undefined;
  const value = raw === 'warn' ? 'warning' : raw;
  return flagValue('LOG_LEVEL (environment)', (input) => v.oneOf(input, value, ['debug', 'info', 'warning', 'error'] as const));
}
