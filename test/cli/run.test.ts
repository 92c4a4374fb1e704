import { access, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NonRetryableError } from '../../src/primitives/errors.js';
import { LocalObjectStore } from '../../src/state/local-store.js';
import { StateStore } from '../../src/state/state-store.js';
import { BACKENDS, cli, s3Backend, tempDir } from './support/harness.js';
import { hangUntilAborted, instrumentedDemo } from './support/instrumented.js';

const ACCOUNT = '123456789012';

describe.each(BACKENDS)('run on the %s store', (_name, makeBackend) => {
  it('run --demo analyses the demo account, writes the four report files and prints the headline', async () => {
    const backend = await makeBackend();
    const reportDir = await tempDir('report');
    const result = await cli(['run', '--demo', ...backend.args, '--report-dir', reportDir], { deps: backend.deps });
    expect(result.stderr).toContain('Starting execution');
    expect(result.code).toBe(0);
    expect((await readdir(reportDir)).sort()).toEqual(['findings.csv', 'report.html', 'report.json', 'report.md']);
    expect(result.stdout).toMatch(/^Execution exec_123456789012_\d{8}T\d{6}Z_[0-9a-f]{8} completed/);
    expect(result.stdout).toMatch(/Month to date +\$[\d,]+\.\d\d/);
    expect(result.stdout).toMatch(/Savings +\$[\d,]+\.\d\d \/ month from \d+ resources, each counted once \(\d+ findings\)/);
    expect(result.stdout).toMatch(/Last month +\$[\d,]+\.\d\d, [+−-]\$[\d,]+\.\d\d .* vs the month before/);
    // Top findings group each resource: the counted finding, then its alternatives, marked.
    expect(result.stdout).toContain('Top findings (each resource counted once; ↳ alternatives on the same resource are not added):');
    expect(result.stdout).toMatch(
      /\$175\.20\/mo  aws-compute-optimizer  i-0c3a7e9f4d1b50002 .*\n +\$175\.20\/mo  ↳ ec2-idle  alternative, not counted\n/,
    );
    expect(result.stdout).toContain(`Report files in ${reportDir}: report.json, report.md, report.html, findings.csv`);
    const report = JSON.parse(await readFile(join(reportDir, 'report.json'), 'utf8'));
    expect(report.accountId).toBe(ACCOUNT);
    expect(report.status).toBe('completed');
    expect(report.findings.length).toBeGreaterThan(0);
    // The demo shows all three of its regions unless --regions narrows it.
    expect(new Set(report.findings.map((f: { region: string }) => f.region))).toEqual(
      new Set(['global', 'us-east-1', 'eu-west-1', 'ap-southeast-2']),
    );

    const executions = await backend.store().listExecutions(ACCOUNT);
    expect(executions.map((e) => e.status)).toEqual(['completed']);
  });

  it('--json prints one machine-readable result; --regions and --checks narrow the run', async () => {
    const backend = await makeBackend();
    const reportDir = await tempDir('report');
    const result = await cli(
      [
        'run',
        '--demo',
        ...backend.args,
        '--report-dir',
        reportDir,
        '--json',
        '--regions',
        'eu-west-1',
        '--checks',
        'ebs-unattached,cost-spike',
      ],
      { deps: backend.deps },
    );
    expect(result.code).toBe(0);
    const out = result.json();
    expect(out).toMatchObject({
      accountId: ACCOUNT,
      status: 'completed',
      resumed: false,
      interrupted: false,
      pending: [],
      failed: [],
      reportDir,
    });
    expect(out.files.map((f: string) => f.slice(reportDir.length + 1))).toEqual([
      'report.json',
      'report.md',
      'report.html',
      'findings.csv',
    ]);
    expect(out.totalCost).toBeGreaterThan(0);
    const report = JSON.parse(await readFile(join(reportDir, 'report.json'), 'utf8'));
    expect(new Set(report.findings.map((f: { check: string }) => f.check))).toEqual(new Set(['ebs-unattached', 'cost-spike']));
    expect(report.findings.every((f: { region: string }) => ['eu-west-1', 'global'].includes(f.region))).toBe(true);
  });

  it('without --demo, analyses the account the credentials belong to (adapters and identity injected)', async () => {
    const backend = await makeBackend();
    const aws = instrumentedDemo({ accountId: '210987654321' });
    const result = await cli(['run', ...backend.args, '--report-dir', await tempDir('report'), '--aws-region', 'eu-west-1', '--json'], {
      deps: { ...backend.deps, adaptersFor: aws.adaptersFor },
    });
    expect(result.code).toBe(0);
    expect(result.json().accountId).toBe('210987654321');
    // The real default is the home region only.
    expect(aws.count('ec2[eu-west-1]')).toBeGreaterThan(0);
    expect(aws.count('ec2[us-east-1]')).toBe(0);
    expect((await backend.store().listExecutions('210987654321')).length).toBe(1);
  });

  it('a failed task fails the execution: exit 1, and the failure is named', async () => {
    const backend = await makeBackend();
    const aws = instrumentedDemo({
      intercept: (call) =>
        call === 'ec2[eu-west-1].listInstances' ? Promise.reject(new NonRetryableError('DescribeInstances: invalid filter')) : undefined,
    });
    const result = await cli(['run', '--demo', ...backend.args, '--report-dir', await tempDir('report')], {
      deps: { ...backend.deps, adaptersFor: aws.adaptersFor },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('failed');
    expect(result.stdout).toContain('1 task failed (ec2-inventory:eu-west-1)');
    expect(result.stdout).toMatch(/finops-aws retry exec_/);
  });

  it('the account lease held by another run: exit 4 naming the holder, nothing run', async () => {
    const backend = await makeBackend();
    await backend.store().acquireLease(ACCOUNT, 'nightly-run-42', 120_000);
    const aws = instrumentedDemo();
    const result = await cli(['run', '--demo', ...backend.args, '--report-dir', await tempDir('report')], {
      deps: { ...backend.deps, adaptersFor: aws.adaptersFor },
    });
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/error: account 123456789012 is locked by nightly-run-42 until \d{4}-/);
    // Only DescribeRegions (resolving "all" comes first); no cost, inventory or metric call.
    expect(aws.count('') - aws.count('regions.')).toBe(0);
    expect(await backend.store().listExecutions()).toEqual([]);
  });

  it('Ctrl-C (the signal) stops the run: exit 130, the execution stays partial for resume', async () => {
    const backend = await makeBackend();
    const stop = new AbortController();
    const aws = instrumentedDemo({
      intercept: (call, signal) => {
        if (call !== 'cloudwatch[us-east-1].getMetricData') return undefined;
        setTimeout(() => stop.abort(new Error('SIGINT')), 20);
        return hangUntilAborted(signal);
      },
    });
    const result = await cli(['run', '--demo', ...backend.args, '--report-dir', await tempDir('report')], {
      deps: { ...backend.deps, adaptersFor: aws.adaptersFor, signal: stop.signal },
    });
    expect(result.code).toBe(130);
    expect(result.stdout).toMatch(/Interrupted: \d+ tasks? pending\. `finops-aws resume exec_/);
    const [execution] = await backend.store().listExecutions(ACCOUNT);
    expect(execution?.status).toBe('partial');
    expect(execution?.tasks['metrics:us-east-1']?.status).toBe('pending');
  });
});

describe('run: flags, environment and output modes', () => {
  it('on a terminal: one live progress line redrawn in place, no per-task log lines, cleared before the result', async () => {
    const result = await cli(['run', '--demo', '--state-dir', await tempDir('s'), '--report-dir', await tempDir('r')], { isTTY: true });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/\r\x1b\[2K\[#+\.*\] \d+\/\d+ done · \d+ running/);
    // Finished: all but the demo's one skip (Compute Optimizer not enrolled in eu-west-1) done.
    expect(result.stderr).toMatch(/\r\x1b\[2K\[#{20}\] \d+\/\d+ done · 0 running · 1 skipped/);
    expect(result.stderr).not.toMatch(/ info +done /);
    expect(result.stderr.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('log lines with one task at a time: never more than 1 running, never more stored than done, and every task done and stored at the end', async () => {
    const result = await cli([
      'run',
      '--demo',
      '--max-concurrent-tasks',
      '1',
      '--state-dir',
      await tempDir('s'),
      '--report-dir',
      await tempDir('r'),
    ]);
    expect(result.code).toBe(0);
    const counts = [...result.stderr.matchAll(/\[(\d+)\/(\d+) done(?: \((\d+) stored\))?, (\d+) running\]/g)].map((m) => ({
      done: Number(m[1]),
      total: Number(m[2]),
      stored: m[3] === undefined ? Number(m[1]) : Number(m[3]),
      running: Number(m[4]),
    }));
    // One line per task that ended: every task but the demo's one skip is done.
    const total = counts[0]!.total;
    expect(counts).toHaveLength(total);
    for (const c of counts) expect([c.running <= 1, c.stored <= c.done]).toEqual([true, true]);
    expect(counts.at(-1)).toEqual({ done: total - 1, total, stored: total - 1, running: 0 });
  });

  it('bad flag values: exit 2, every bad flag named with what it accepts, before any AWS call or state write', async () => {
    const dir = await tempDir('state');
    const aws = instrumentedDemo();
    const result = await cli(
      [
        'run',
        '--demo',
        '--state-dir',
        join(dir, 'state'),
        '--max-concurrent-tasks',
        '0',
        '--regions',
        'us-east-1,mars',
        '--time-budget-minutes',
        'soon',
        '--cost-metric',
        'Cheapest',
      ],
      { deps: { adaptersFor: aws.adaptersFor } },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error: --max-concurrent-tasks must be a whole number from 1 to 64, got "0"');
    expect(result.stderr).toContain('error: --regions must be "all" or a comma-separated list of AWS regions');
    expect(result.stderr).toContain('error: --time-budget-minutes must be a whole number from 1 to 360, got "soon"');
    expect(result.stderr).toContain('error: --cost-metric must be one of UnblendedCost');
    expect(aws.targets).toBe(0);
    await expect(access(join(dir, 'state'))).rejects.toThrow();
  });

  it.each([
    [['--checks', 'ebs-unattached,no-such-check'], '--checks: unknown check id "no-such-check"; valid ids:'],
    [['--config-file', '/nonexistent/finops.yml'], '--config-file: cannot read "/nonexistent/finops.yml": no such file'],
    [['--state-bucket', 'Not_A_Bucket'], '--state-bucket must be a valid S3 bucket name'],
    [['--state-prefix', '/abs/'], '--state-prefix must be a relative key prefix'],
    [['--log-level', 'loud'], "option '--log-level <level>' argument 'loud' is invalid. Allowed choices are debug, info, warning, error"],
    [['--no-such-flag'], "unknown option '--no-such-flag'"],
  ])('%j → exit 2 with a clear message', async (args, message) => {
    const aws = instrumentedDemo();
    const result = await cli(['run', '--demo', '--state-dir', join(await tempDir('state'), 's'), ...args], {
      deps: { adaptersFor: aws.adaptersFor },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(aws.targets).toBe(0);
  });

  it('a config file with a bad threshold names the file and the key', async () => {
    const dir = await tempDir('config');
    const file = join(dir, 'finops.yml');
    await writeFile(file, 'checks:\n  ebs-unattached:\n    minAgeDays: -3\n');
    const result = await cli(['run', '--demo', '--state-dir', join(dir, 's'), '--config-file', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--config-file ${file}: checks.ebs-unattached.`);
  });

  it("the prototype's environment variables are defaults: MAX_CONCURRENT_TASKS, TASK_TIMEOUT_SECONDS, LOG_LEVEL", async () => {
    const bad = await cli(['run', '--demo', '--state-dir', join(await tempDir('s'), 's')], {
      env: { MAX_CONCURRENT_TASKS: 'lots', TASK_TIMEOUT_SECONDS: '0', LOG_LEVEL: 'chatty' },
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('error: MAX_CONCURRENT_TASKS (environment) must be a whole number from 1 to 64, got "lots"');
    expect(bad.stderr).toContain('error: TASK_TIMEOUT_SECONDS (environment) must be a whole number from 1 to 3600, got "0"');

    const badLevel = await cli(['run', '--demo', '--state-dir', join(await tempDir('s'), 's')], { env: { LOG_LEVEL: 'chatty' } });
    expect(badLevel.stderr).toContain('error: LOG_LEVEL (environment) must be one of debug, info, warning, error; got "chatty"');

    // MAX_CONCURRENT_TASKS=1 runs one task at a time; LOG_LEVEL=DEBUG shows every start.
    const stateDir = await tempDir('s');
    const serial = await cli(['run', '--demo', '--state-dir', stateDir, '--report-dir', await tempDir('r')], {
      env: { MAX_CONCURRENT_TASKS: '1', LOG_LEVEL: 'DEBUG' },
    });
    expect(serial.code).toBe(0);
    expect(serial.stderr).toMatch(/ debug +started cost-daily \(attempt 1\)/);
    const [execution] = await new StateStore(new LocalObjectStore(stateDir)).listExecutions();
    const ran = Object.values(execution!.tasks)
      .filter((t) => t.startedAt !== undefined && t.finishedAt !== undefined)
      .map((t) => [Date.parse(t.startedAt!), Date.parse(t.finishedAt!)] as const)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(ran.length).toBeGreaterThan(10);
    // No task started before the one before it had finished.
    for (let i = 1; i < ran.length; i++) expect(ran[i]![0]).toBeGreaterThanOrEqual(ran[i - 1]![1]);

    // A flag wins over its variable.
    const flagged = await cli(
      ['run', '--demo', '--state-dir', await tempDir('s'), '--report-dir', await tempDir('r'), '--max-concurrent-tasks', '2'],
      { env: { MAX_CONCURRENT_TASKS: 'lots' } },
    );
    expect(flagged.code).toBe(0);
  });
});

describe('FINOPS_STATE_BUCKET', () => {
  it('chooses the S3 store without --state-bucket; an explicit --state-dir still wins', async () => {
    const s3 = await s3Backend();
    const env = { FINOPS_STATE_BUCKET: s3.bucket! };
    const first = await cli(['run', '--demo', '--report-dir', await tempDir('r'), '--json'], { env, deps: s3.deps });
    expect(first.code).toBe(0);
    expect(first.json().state).toBe(`s3://${s3.bucket}/finops/`);
    expect((await s3.store().listExecutions()).length).toBe(1);

    const dir = await tempDir('s');
    const local = await cli(['run', '--demo', '--state-dir', dir, '--report-dir', await tempDir('r'), '--json'], { env, deps: s3.deps });
    expect(local.json().state).toBe(dir);
    expect((await s3.store().listExecutions()).length).toBe(1);
  });
});
