import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

// Each case: the inputs (and config file text) a user might get wrong, and the input the
// error must name. None may reach AWS or write state.
const cases: Array<{ name: string; inputs: Record<string, string>; config?: string; names: RegExp }> = [
  { name: 'wrong type for concurrency', inputs: { 'max-concurrent-tasks': 'four' }, names: /max-concurrent-tasks/ },
  { name: 'zero concurrency', inputs: { 'max-concurrent-tasks': '0' }, names: /max-concurrent-tasks/ },
  { name: 'huge concurrency', inputs: { 'max-concurrent-tasks': '100000' }, names: /max-concurrent-tasks/ },
  { name: 'negative timeout', inputs: { 'task-timeout-seconds': '-1' }, names: /task-timeout-seconds/ },
  { name: 'fractional timeout', inputs: { 'task-timeout-seconds': '1.5' }, names: /task-timeout-seconds/ },
  { name: 'huge budget', inputs: { 'time-budget-minutes': '99999999999999999999' }, names: /time-budget-minutes/ },
  { name: 'budget with unit', inputs: { 'time-budget-minutes': '20m' }, names: /time-budget-minutes/ },
  { name: 'negative resume window', inputs: { 'resume-window-hours': '-24' }, names: /resume-window-hours/ },
  { name: 'lease wait as words', inputs: { 'lease-wait-seconds': 'forever' }, names: /lease-wait-seconds/ },
  { name: 'unknown check in input', inputs: { checks: 'ebs-unattached,ec2-everything' }, names: /checks.*ec2-everything/ },
  { name: 'malformed check list', inputs: { checks: 'EBS Unattached' }, names: /checks/ },
  { name: 'role name instead of ARN', inputs: { 'role-to-assume': 'finops-reader' }, names: /role-to-assume/ },
  { name: 'ARN of a user', inputs: { 'role-to-assume': 'arn:aws:iam::123456789012:user/alice' }, names: /role-to-assume/ },
  { name: 'ARN with short account', inputs: { 'role-to-assume': 'arn:aws:iam::1234:role/x' }, names: /role-to-assume/ },
  { name: 'session name with spaces', inputs: { 'role-session-name': 'my session' }, names: /role-session-name/ },
  { name: 'bucket with capitals', inputs: { 'state-bucket': 'My-Bucket' }, names: /state-bucket/ },
  { name: 'bucket too short', inputs: { 'state-bucket': 'ab' }, names: /state-bucket/ },
  { name: 'bucket as IP', inputs: { 'state-bucket': '10.0.0.1' }, names: /state-bucket/ },
  { name: 'bucket URL', inputs: { 'state-bucket': 's3://my-bucket' }, names: /state-bucket/ },
  { name: 'region typo', inputs: { 'aws-region': 'us-east1' }, names: /aws-region/ },
  { name: 'unknown region in list', inputs: { regions: 'us-east-1,moon-1' }, names: /regions/ },
  { name: 'prefix escaping upwards', inputs: { 'state-prefix': '../other-team/' }, names: /state-prefix/ },
  { name: 'absolute prefix', inputs: { 'state-prefix': '/finops/' }, names: /state-prefix/ },
  { name: 'execution id path trick', inputs: { command: 'cancel', 'execution-id': '../../etc/passwd' }, names: /execution-id/ },
  { name: 'command missing its execution id', inputs: { command: 'retry' }, names: /execution-id/ },
  { name: 'unknown command', inputs: { command: 'delete-everything' }, names: /command/ },
  { name: 'unknown cost metric', inputs: { 'cost-metric': 'Unblended' }, names: /cost-metric/ },
  { name: 'comment mode', inputs: { 'comment-on-pr': 'sometimes' }, names: /comment-on-pr/ },
  { name: 'gate as words', inputs: { 'fail-on-cost-increase-percent': 'ten' }, names: /fail-on-cost-increase-percent/ },
  { name: 'gate negative', inputs: { 'fail-on-cost-increase-percent': '-5' }, names: /fail-on-cost-increase-percent/ },
  { name: 'boolean as yes', inputs: { 'fail-on-new-findings': 'yes' }, names: /fail-on-new-findings/ },
  { name: 'log format', inputs: { 'log-format': 'yaml' }, names: /log-format/ },
  { name: 'artifact name with slash', inputs: { 'artifact-name': 'reports/finops' }, names: /artifact-name/ },
  { name: 'config file missing', inputs: { 'config-file': 'does-not-exist.yml' }, names: /config-file.*no such file/ },
  { name: 'config malformed YAML', inputs: {}, config: 'checks: [unclosed', names: /config-file.*not valid YAML/ },
  {
    name: 'config unknown check',
    inputs: {},
    config: 'checks:\n  ec2-everything:\n    enabled: true\n',
    names: /config-file.*checks\.ec2-everything is not a check id/,
  },
  {
    name: 'config unknown parameter',
    inputs: {},
    config: 'checks:\n  ec2-idle:\n    maxCpu: 5\n',
    names: /config-file.*checks\.ec2-idle\.maxCpu is not a parameter/,
  },
  {
    name: 'config wrong type',
    inputs: {},
    config: 'checks:\n  ec2-idle:\n    maxCpuPercent: "five"\n',
    names: /config-file.*checks\.ec2-idle\.maxCpuPercent must be/,
  },
  {
    name: 'config negative threshold',
    inputs: {},
    config: 'checks:\n  ebs-unattached:\n    minAgeDays: -3\n',
    names: /config-file.*checks\.ebs-unattached\.minAgeDays must be/,
  },
  {
    name: 'config huge threshold',
    inputs: {},
    config: 'checks:\n  ec2-idle:\n    maxCpuPercent: 1e9\n',
    names: /config-file.*checks\.ec2-idle\.maxCpuPercent must be/,
  },
  {
    name: 'config enabled as string',
    inputs: {},
    config: 'checks:\n  nat-idle:\n    enabled: "no"\n',
    names: /config-file.*checks\.nat-idle\.enabled must be true or false/,
  },
  {
    name: 'config top-level typo',
    inputs: {},
    config: 'check:\n  nat-idle:\n    enabled: false\n',
    names: /config-file.*unknown top-level key "check"/,
  },
];

describe('bad input: a clear error naming the input, exit 1, no AWS call, no state write', () => {
  let aws: Server;
  let awsRequests = 0;
  let base: string;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'finops-bad-input-'));
    aws = createServer((_req, res) => {
      awsRequests++;
      res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => aws.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => aws.close(resolve));
    await rm(base, { recursive: true, force: true });
  });

  it('covers at least 30 cases', () => expect(cases.length).toBeGreaterThanOrEqual(30));

  it.each(cases)('$name', async ({ inputs, config, names }) => {
    const dir = await mkdtemp(join(base, 'case-'));
    const all: Record<string, string> = { 'state-dir': join(dir, 'state'), 'report-dir': join(dir, 'report'), ...inputs };
    if (config !== undefined) {
      await writeFile(join(dir, 'finops.yml'), config);
      all['config-file'] = join(dir, 'finops.yml');
    } else if (all['config-file']) all['config-file'] = join(dir, all['config-file']);
    const before = awsRequests;
    const { code, output } = await runAction(all, dir, `http://127.0.0.1:${(aws.address() as AddressInfo).port}`);
    expect(code, output).toBe(1);
    const error = output.split('\n').find((l) => l.startsWith('::error::')) ?? '';
    expect(error.replace(/%0A/g, '\n'), output).toMatch(names);
    expect(awsRequests - before).toBe(0);
    expect(existsSync(join(dir, 'state')), 'state directory written').toBe(false);
    expect(existsSync(join(dir, 'report')), 'report directory written').toBe(false);
  });
});

function runAction(inputs: Record<string, string>, cwd: string, awsEndpoint: string): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: cwd,
    GITHUB_STEP_SUMMARY: join(cwd, 'summary.md'),
    GITHUB_OUTPUT: join(cwd, 'output.txt'),
    AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEEXAMPLE00',
    AWS_SECRET_ACCESS_KEY: 'example-secret',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL: awsEndpoint,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [dist], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}
