import { COMMANDS, COMMENT_MODES, COST_METRICS, Inputs, LOG_FORMATS, type InputName } from '../primitives/constants.js';
import { INPUT_DEFAULTS, type DefaultedInput, type OptionalInput } from './defaults.js';
import * as v from './validators.js';

export type Command = (typeof COMMANDS)[number];
export type CostMetric = (typeof COST_METRICS)[number];
export type CommentMode = (typeof COMMENT_MODES)[number];
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Where execution state lives: an S3 bucket in production, a directory otherwise. */
export type StateLocation = { kind: 's3'; bucket: string; prefix: string } | { kind: 'local'; dir: string; prefix: string };

/**
 * Every input, parsed once and typed. Each field says which input it comes from; a `@default`
 * is what the field holds when the input is unset, from {@link INPUT_DEFAULTS}. Durations are in
 * milliseconds, converted from the input's own unit.
 */
export interface Settings {
  /** What this run does (`command`). @default 'run' */
  command: Command;
  /**
   * The execution to act on (`execution-id`): required by `retry`, `cancel` and `reset-breakers`;
   * `progress` without it shows the latest one. `run` picks its own through the resume window.
   */
  executionId?: string;
  /** IAM role ARN assumed with GitHub OIDC (`role-to-assume`); undefined uses the default AWS credential chain. */
  roleToAssume?: string;
  /** Session name of the assumed role (`role-session-name`); undefined builds one from the run id and attempt. */
  roleSessionName?: string;
  /** Region of the AWS clients (`aws-region`), and the analysed region when `regions` is unset. @default 'us-east-1' */
  awsRegion: string;
  /** Regions to analyse (`regions`), deduplicated in the given order, or `all` enabled regions. @default [awsRegion] */
  regions: string[] | 'all';
  /**
   * Where execution state lives: the bucket of `state-bucket` when given, else the directory of
   * `state-dir`; `prefix` (`state-prefix`, normalised to end with `/`) is the key prefix of
   * either. @default { kind: 'local', dir: '.finops-state', prefix: 'finops/' }
   */
  state: StateLocation;
  /** Tasks run at once, 1 to 64 (`max-concurrent-tasks`). @default 4 */
  maxConcurrentTasks: number;
  /** Timeout of one attempt of a task, in ms (`task-timeout-seconds`, 1 to 3600 s). @default 300_000 (300 s) */
  taskTimeoutMs: number;
  /**
   * Time this run may use, in ms (`time-budget-minutes`, 1 to 360 min); work left when it runs
   * out is checkpointed for the next run. @default 1_200_000 (20 min)
   */
  timeBudgetMs: number;
  /**
   * A running or partial execution younger than this is resumed instead of starting a new one,
   * in ms (`resume-window-hours`, 0 to 720 h). @default 86_400_000 (24 h)
   */
  resumeWindowMs: number;
  /**
   * How long to wait for another run's lease on the account before exiting cleanly, in ms
   * (`lease-wait-seconds`, 0 to 3600 s); 0 does not wait. @default 0
   */
  leaseWaitMs: number;
  /** Selected check ids (`checks`), deduplicated; `all` keeps every enabled check. @default 'all' */
  checks: string[] | 'all';
  /** YAML or JSON file of check thresholds and switches (`config-file`); undefined keeps each check's own. */
  configFile?: string;
  /** The Cost Explorer metric every cost is read in (`cost-metric`). @default 'UnblendedCost' */
  costMetric: CostMetric;
  /** Cost allocation tag key the costs are also broken down by (`tag-key`); undefined skips that breakdown. */
  tagKey?: string;
  /**
   * When the sticky PR comment is posted (`comment-on-pr`): `auto` on pull request events when
   * there is something to say, `always`, or `never`. @default 'auto'
   */
  commentOnPr: CommentMode;
  /**
   * Token the PR comment is posted with (`github-token`). action.yml's default
   * `${{ github.token }}` is filled in by the runner; undefined (no token, or that expression
   * unresolved) skips the comment.
   */
  githubToken?: string;
  /** Name of the uploaded report artifact (`artifact-name`), made unique per run attempt. @default 'finops-report' */
  artifactName: string;
  /** Directory the report files are written to (`report-dir`). @default 'finops-report' */
  reportDir: string;
  /**
   * Fail the step when month-to-date cost grew more than this many percent against the same
   * days of last month (`fail-on-cost-increase-percent`, 0 to 100000); undefined never fails on cost.
   */
  failOnCostIncreasePercent?: number;
  /** Fail the step on a pull request with findings the baseline did not have (`fail-on-new-findings`). @default false */
  failOnNewFindings: boolean;
  /**
   * Executions of this account not updated for this many days are removed after a run
   * (`retention-days`, 1 to 3650); undefined keeps them. Required by `cleanup`.
   */
  retentionDays?: number;
  /** Log lines as `text`, or `json`: one object per line with execution and task context (`log-format`). @default 'text' */
  logFormat: LogFormat;
}

/** Reads one raw input; empty string when unset (the `@actions/core` convention). */
export type InputSource = (name: InputName) => string;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * Parses every input, collecting all problems before failing, so nothing is called or
 * written with a bad value. An unset input takes its default from {@link INPUT_DEFAULTS},
 * parsed by the same validator as a value the user gives.
 * @throws SettingsError listing each bad input and what it accepts.
 */
export function parseSettings(source: InputSource): Settings {
  const errors: v.InputError[] = [];
  const read = <T>(name: InputName, parse: (raw: string) => T, fallback: () => T): T => {
    const raw = source(name);
    if (raw.trim() === '') return fallback();
    try {
      return parse(raw);
    } catch (error) {
      if (error instanceof v.InputError) {
        errors.push(error);
        return fallback();
      }
      throw error;
    }
  };
  const withDefault = <T>(name: DefaultedInput, parse: (raw: string) => T): T => read(name, parse, () => parseDefault(name, parse));
  const optional = <T>(name: OptionalInput, parse: (raw: string) => T): T | undefined => read<T | undefined>(name, parse, () => undefined);

  const awsRegion = withDefault(Inputs.AwsRegion, (r) => v.region(Inputs.AwsRegion, r));
  const bucket = optional(Inputs.StateBucket, (r) => v.bucketName(Inputs.StateBucket, r));
  const prefix = withDefault(Inputs.StatePrefix, (r) => v.keyPrefix(Inputs.StatePrefix, r));
  const stateDir = withDefault(Inputs.StateDir, (r) => v.path(Inputs.StateDir, r));
  const command = withDefault(Inputs.Command, (r) => v.oneOf(Inputs.Command, r, COMMANDS));
  const executionId = optional(Inputs.ExecutionId, (r) => v.executionId(Inputs.ExecutionId, r));
  if (
    executionId === undefined &&
    ['retry', 'cancel', 'reset-breakers'].includes(command) &&
    !errors.some((e) => e.input === Inputs.ExecutionId)
  ) {
    errors.push(new v.InputError(Inputs.ExecutionId, `is required with command "${command}"`));
  }

  const settings: Settings = {
    command,
    ...(executionId === undefined ? {} : { executionId }),
    awsRegion,
    regions: optional(Inputs.Regions, (r) => v.regionList(Inputs.Regions, r)) ?? [awsRegion],
    state: bucket === undefined ? { kind: 'local', dir: stateDir, prefix } : { kind: 's3', bucket, prefix },
    maxConcurrentTasks: withDefault(Inputs.MaxConcurrentTasks, (r) => v.integer(Inputs.MaxConcurrentTasks, r, 1, 64)),
    taskTimeoutMs: withDefault(Inputs.TaskTimeoutSeconds, (r) => v.integer(Inputs.TaskTimeoutSeconds, r, 1, 3600)) * SECOND,
    timeBudgetMs: withDefault(Inputs.TimeBudgetMinutes, (r) => v.integer(Inputs.TimeBudgetMinutes, r, 1, 360)) * MINUTE,
    resumeWindowMs: withDefault(Inputs.ResumeWindowHours, (r) => v.integer(Inputs.ResumeWindowHours, r, 0, 24 * 30)) * HOUR,
    leaseWaitMs: withDefault(Inputs.LeaseWaitSeconds, (r) => v.integer(Inputs.LeaseWaitSeconds, r, 0, 3600)) * SECOND,
    checks: withDefault(Inputs.Checks, (r) => v.checkList(Inputs.Checks, r)),
    costMetric: withDefault(Inputs.CostMetric, (r) => v.oneOf(Inputs.CostMetric, r, COST_METRICS)),
    commentOnPr: withDefault(Inputs.CommentOnPr, (r) => v.oneOf(Inputs.CommentOnPr, r, COMMENT_MODES)),
    artifactName: withDefault(Inputs.ArtifactName, (r) => v.artifactName(Inputs.ArtifactName, r)),
    reportDir: withDefault(Inputs.ReportDir, (r) => v.path(Inputs.ReportDir, r)),
    failOnNewFindings: withDefault(Inputs.FailOnNewFindings, (r) => v.boolean(Inputs.FailOnNewFindings, r)),
    logFormat: withDefault(Inputs.LogFormat, (r) => v.oneOf(Inputs.LogFormat, r, LOG_FORMATS)),
  };
  assign(
    settings,
    'roleToAssume',
    optional(Inputs.RoleToAssume, (r) => v.roleArn(Inputs.RoleToAssume, r)),
  );
  assign(
    settings,
    'roleSessionName',
    optional(Inputs.RoleSessionName, (r) => v.roleSessionName(Inputs.RoleSessionName, r)),
  );
  assign(
    settings,
    'configFile',
    optional(Inputs.ConfigFile, (r) => v.path(Inputs.ConfigFile, r)),
  );
  assign(
    settings,
    'tagKey',
    optional(Inputs.TagKey, (r) => v.tagKey(Inputs.TagKey, r)),
  );
  assign(
    settings,
    'githubToken',
    withDefault(Inputs.GithubToken, (r) => v.githubToken(Inputs.GithubToken, r)),
  );
  assign(
    settings,
    'failOnCostIncreasePercent',
    optional(Inputs.FailOnCostIncreasePercent, (r) => v.decimal(Inputs.FailOnCostIncreasePercent, r, 0, 100_000)),
  );
  assign(
    settings,
    'retentionDays',
    optional(Inputs.RetentionDays, (r) => v.integer(Inputs.RetentionDays, r, 1, 3650)),
  );

  if (settings.command === 'cleanup' && settings.retentionDays === undefined && !errors.some((e) => e.input === Inputs.RetentionDays)) {
    errors.push(
      new v.InputError(Inputs.RetentionDays, 'is required with command "cleanup": executions not updated for that many days are removed'),
    );
  }
  if (errors.length > 0) throw new v.SettingsError(errors);
  return settings;
}

/** The table's default of an input, through the input's own validator. */
function parseDefault<T>(name: DefaultedInput, parse: (raw: string) => T): T {
  try {
    return parse(INPUT_DEFAULTS[name]);
  } catch (error) {
    // A bug in the table, not the user's doing: it must not read as a bad input.
    throw new Error(`The default of input "${name}" (${JSON.stringify(INPUT_DEFAULTS[name])}) fails its own validation`, { cause: error });
  }
}

function assign<K extends keyof Settings>(settings: Settings, key: K, value: Settings[K] | undefined): void {
  if (value !== undefined) settings[key] = value;
}
