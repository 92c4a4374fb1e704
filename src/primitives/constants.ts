/** Every action input name, in one place (action.yml, settings and docs agree on these). */
export const Inputs = {
  RoleToAssume: 'role-to-assume',
  RoleSessionName: 'role-session-name',
  AwsRegion: 'aws-region',
  Regions: 'regions',
  StateBucket: 'state-bucket',
  StatePrefix: 'state-prefix',
  StateDir: 'state-dir',
  Command: 'command',
  ExecutionId: 'execution-id',
  MaxConcurrentTasks: 'max-concurrent-tasks',
  TaskTimeoutSeconds: 'task-timeout-seconds',
  TimeBudgetMinutes: 'time-budget-minutes',
  ResumeWindowHours: 'resume-window-hours',
  LeaseWaitSeconds: 'lease-wait-seconds',
  Checks: 'checks',
  ConfigFile: 'config-file',
  CostMetric: 'cost-metric',
  TagKey: 'tag-key',
  CommentOnPr: 'comment-on-pr',
  GithubToken: 'github-token',
  ArtifactName: 'artifact-name',
  ReportDir: 'report-dir',
  FailOnCostIncreasePercent: 'fail-on-cost-increase-percent',
  FailOnNewFindings: 'fail-on-new-findings',
  RetentionDays: 'retention-days',
  LogFormat: 'log-format',
} as const;

/** Every action output name. */
export const Outputs = {
  ExecutionId: 'execution-id',
  Status: 'status',
  TotalCost: 'total-cost',
  CostDelta: 'cost-delta',
  CostDeltaPercent: 'cost-delta-percent',
  Forecast: 'forecast',
  PotentialMonthlySavings: 'potential-monthly-savings',
  FindingsCount: 'findings-count',
  PendingTasks: 'pending-tasks',
  ReportDir: 'report-dir',
} as const;

export type InputName = (typeof Inputs)[keyof typeof Inputs];

export const COMMANDS = ['run', 'progress', 'retry', 'cancel', 'cleanup', 'reset-breakers'] as const;
export const COST_METRICS = ['UnblendedCost', 'BlendedCost', 'AmortizedCost', 'NetUnblendedCost', 'NetAmortizedCost'] as const;
export const COMMENT_MODES = ['auto', 'always', 'never'] as const;
export const LOG_FORMATS = ['text', 'json'] as const;
