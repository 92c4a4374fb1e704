import { COMMANDS, COMMENT_MODES, COST_METRICS, Inputs, LOG_FORMATS, type InputName } from '../primitives/constants.js';
import * as v from './validators.js';

export type Command = (typeof COMMANDS)[number];
export type CostMetric = (typeof COST_METRICS)[number];
export type CommentMode = (typeof COMMENT_MODES)[number];
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Where execution state lives: an S3 bucket in production, a directory otherwise. */
export type StateLocation = { kind: 's3'; bucket: string; prefix: string } | { kind: 'local'; dir: string; prefix: string };

/** Every input, parsed once and typed. Durations are in milliseconds. */
export interface Settings {
  command: Command;
  executionId?: string;
  roleToAssume?: string;
  roleSessionName?: string;
  awsRegion: string;
  /** Regions to analyse, or `all` enabled regions. @default [awsRegion] */
  regions: string[] | 'all';
  state: StateLocation;
  maxConcurrentTasks: number;
  taskTimeoutMs: number;
  timeBudgetMs: number;
  resumeWindowMs: number;
  leaseWaitMs: number;
  /** Selected check ids; `all` keeps every enabled check. */
  checks: string[] | 'all';
  configFile?: string;
  costMetric: CostMetric;
  tagKey?: string;
  commentOnPr: CommentMode;
  githubToken?: string;
  artifactName: string;
  reportDir: string;
  failOnCostIncreasePercent?: number;
  failOnNewFindings: boolean;
  /** Executions older than this are removed after a run; undefined keeps them. */
  retentionDays?: number;
  logFormat: LogFormat;
}

/** Reads one raw input; empty string when unset (the `@actions/core` convention). */
export type InputSource = (name: InputName) => string;

const MINUTE = 60_000;

/**
 * Parses every input, collecting all problems before failing, so nothing is called or
 * written with a bad value.
 * @throws SettingsError listing each bad input and what it accepts.
 */
export function parseSettings(source: InputSource): Settings {
  const errors: v.InputError[] = [];
  const read = <T>(name: InputName, parse: (raw: string) => T, fallback: T): T => {
    const raw = source(name);
    if (raw.trim() === '') return fallback;
    try {
      return parse(raw);
    } catch (error) {
      if (error instanceof v.InputError) {
        errors.push(error);
        return fallback;
      }
      throw error;
    }
  };
  const optional = <T>(name: InputName, parse: (raw: string) => T): T | undefined => read<T | undefined>(name, parse, undefined);

  const awsRegion = read(Inputs.AwsRegion, (r) => v.region(Inputs.AwsRegion, r), 'us-east-1');
  const bucket = optional(Inputs.StateBucket, (r) => v.bucketName(Inputs.StateBucket, r));
  const prefix = read(Inputs.StatePrefix, (r) => v.keyPrefix(Inputs.StatePrefix, r), 'finops/');
  const stateDir = read(Inputs.StateDir, (r) => v.path(Inputs.StateDir, r), '.finops-state');
  const command = read(Inputs.Command, (r) => v.oneOf(Inputs.Command, r, COMMANDS), 'run');
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
    regions: read(Inputs.Regions, (r) => v.regionList(Inputs.Regions, r), [awsRegion]),
    state: bucket === undefined ? { kind: 'local', dir: stateDir, prefix } : { kind: 's3', bucket, prefix },
    maxConcurrentTasks: read(Inputs.MaxConcurrentTasks, (r) => v.integer(Inputs.MaxConcurrentTasks, r, 1, 64), 4),
    taskTimeoutMs: read(Inputs.TaskTimeoutSeconds, (r) => v.integer(Inputs.TaskTimeoutSeconds, r, 1, 3600), 300) * 1000,
    timeBudgetMs: read(Inputs.TimeBudgetMinutes, (r) => v.integer(Inputs.TimeBudgetMinutes, r, 1, 360), 20) * MINUTE,
    resumeWindowMs: read(Inputs.ResumeWindowHours, (r) => v.integer(Inputs.ResumeWindowHours, r, 0, 24 * 30), 24) * 60 * MINUTE,
    leaseWaitMs: read(Inputs.LeaseWaitSeconds, (r) => v.integer(Inputs.LeaseWaitSeconds, r, 0, 3600), 0) * 1000,
    checks: read(Inputs.Checks, parseCheckList, 'all'),
    costMetric: read(Inputs.CostMetric, (r) => v.oneOf(Inputs.CostMetric, r, COST_METRICS), 'UnblendedCost'),
    commentOnPr: read(Inputs.CommentOnPr, (r) => v.oneOf(Inputs.CommentOnPr, r, COMMENT_MODES), 'auto'),
    artifactName: read(Inputs.ArtifactName, (r) => v.artifactName(Inputs.ArtifactName, r), 'finops-report'),
    reportDir: read(Inputs.ReportDir, (r) => v.path(Inputs.ReportDir, r), 'finops-report'),
    failOnNewFindings: read(Inputs.FailOnNewFindings, (r) => v.boolean(Inputs.FailOnNewFindings, r), false),
    logFormat: read(Inputs.LogFormat, (r) => v.oneOf(Inputs.LogFormat, r, LOG_FORMATS), 'text'),
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
    optional(Inputs.GithubToken, (r) => r.trim()),
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

function parseCheckList(raw: string): string[] | 'all' {
  const value = raw.trim();
  if (value === 'all') return 'all';
  const ids = value
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  for (const id of ids) {
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id))
      throw new v.InputError(
        Inputs.Checks,
        `must be "all" or a comma-separated list of check ids such as ebs-unattached,ec2-idle; ${JSON.stringify(id)} is not a check id`,
      );
  }
  if (ids.length === 0) throw new v.InputError(Inputs.Checks, 'must be "all" or a comma-separated list of check ids');
  return [...new Set(ids)];
}

function assign<K extends keyof Settings>(settings: Settings, key: K, value: Settings[K] | undefined): void {
  if (value !== undefined) settings[key] = value;
}
