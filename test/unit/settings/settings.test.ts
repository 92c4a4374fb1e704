import { describe, expect, it } from 'vitest';
import type { InputName } from '../../../src/primitives/constants.js';
import { parseSettings } from '../../../src/settings/settings.js';
import { SettingsError } from '../../../src/settings/validators.js';

const from = (inputs: Partial<Record<InputName, string>>) => (name: InputName) => inputs[name] ?? '';

describe('parseSettings', () => {
  it('applies the documented defaults', () => {
    const s = parseSettings(from({}));
    expect(s).toMatchObject({
      command: 'run',
      awsRegion: 'us-east-1',
      regions: ['us-east-1'],
      state: { kind: 'local', dir: '.finops-state', prefix: 'finops/' },
      maxConcurrentTasks: 4,
      taskTimeoutMs: 300_000,
      timeBudgetMs: 20 * 60_000,
      resumeWindowMs: 24 * 3_600_000,
      leaseWaitMs: 0,
      checks: 'all',
      costMetric: 'UnblendedCost',
      commentOnPr: 'auto',
      artifactName: 'finops-report',
      reportDir: 'finops-report',
      failOnNewFindings: false,
      logFormat: 'text',
    });
    expect(s.roleToAssume).toBeUndefined();
  });

  it('parses a production configuration', () => {
    const s = parseSettings(
      from({
        'role-to-assume': 'arn:aws:iam::123456789012:role/finops-reader',
        'aws-region': 'eu-west-1',
        regions: ' us-east-1, eu-west-1 ,us-east-1',
        'state-bucket': 'my-finops-state',
        'state-prefix': 'team/finops',
        'time-budget-minutes': '15',
        'fail-on-cost-increase-percent': '12.5',
        checks: 'ebs-unattached,ec2-idle',
      }),
    );
    expect(s.regions).toEqual(['us-east-1', 'eu-west-1']);
    expect(s.state).toEqual({ kind: 's3', bucket: 'my-finops-state', prefix: 'team/finops/' });
    expect(s.timeBudgetMs).toBe(15 * 60_000);
    expect(s.failOnCostIncreasePercent).toBe(12.5);
    expect(s.checks).toEqual(['ebs-unattached', 'ec2-idle']);
  });

  it.each<[InputName, string, RegExp]>([
    ['role-to-assume', 'finops-reader', /role-to-assume.*IAM role ARN/],
    ['role-to-assume', 'arn:aws:iam::12345:role/x', /role-to-assume/],
    ['role-session-name', 'a b', /role-session-name.*2 to 64/],
    ['aws-region', 'US-EAST-1', /aws-region.*AWS region/],
    ['regions', 'us-east-1,mars-1', /regions.*"mars-1" is not a region/],
    ['regions', ',', /regions.*"all" or a comma-separated list/],
    ['state-bucket', 'My_Bucket', /state-bucket.*valid S3 bucket name/],
    ['state-bucket', 'a..b', /state-bucket.*adjacent dots/],
    ['state-bucket', '192.168.1.1', /state-bucket.*IP address/],
    ['state-prefix', '../etc', /state-prefix.*relative key prefix/],
    ['state-prefix', '/abs', /state-prefix/],
    ['command', 'destroy', /command.*one of run, progress, retry, cancel, cleanup, reset-breakers/],
    ['execution-id', '../../x', /execution-id.*exec_123456789012_/],
    ['max-concurrent-tasks', '0', /max-concurrent-tasks.*1 to 64/],
    ['max-concurrent-tasks', '2.5', /max-concurrent-tasks.*whole number/],
    ['task-timeout-seconds', '-5', /task-timeout-seconds/],
    ['time-budget-minutes', '99999', /time-budget-minutes.*1 to 360/],
    ['resume-window-hours', 'soon', /resume-window-hours/],
    ['lease-wait-seconds', '1e3', /lease-wait-seconds/],
    ['checks', 'EC2 idle', /checks.*not a check id/],
    ['cost-metric', 'Unblended', /cost-metric.*UnblendedCost, BlendedCost/],
    ['comment-on-pr', 'yes', /comment-on-pr.*auto, always, never/],
    ['artifact-name', 'a/b', /artifact-name/],
    ['fail-on-cost-increase-percent', 'ten', /fail-on-cost-increase-percent.*number/],
    ['fail-on-new-findings', 'yes', /fail-on-new-findings.*true or false/],
    ['log-format', 'xml', /log-format.*text, json/],
    ['retention-days', '0', /retention-days/],
  ])('rejects %s=%j naming the input', (name, value, message) => {
    expect(() => parseSettings(from({ [name]: value }))).toThrow(message);
  });

  it('reports every bad input at once', () => {
    try {
      parseSettings(from({ 'aws-region': 'x', 'max-concurrent-tasks': 'many' }));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SettingsError);
      expect((error as SettingsError).errors.map((e) => e.input)).toEqual(['aws-region', 'max-concurrent-tasks']);
    }
  });

  it('requires retention-days for cleanup', () => {
    expect(() => parseSettings(from({ command: 'cleanup' }))).toThrow(/retention-days.*required with command "cleanup"/);
    expect(parseSettings(from({ command: 'cleanup', 'retention-days': '30' })).retentionDays).toBe(30);
  });

  it('requires an execution id for commands that act on one', () => {
    expect(() => parseSettings(from({ command: 'cancel' }))).toThrow(/execution-id.*required with command "cancel"/);
  });
});
