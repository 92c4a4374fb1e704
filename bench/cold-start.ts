// Figure 6: cold start of the committed `node dist/index.js` to its first AWS request. The
// action is spawned as the runner would (INPUT_* with action.yml's defaults, GITHUB_* files,
// static dummy credentials) with AWS_ENDPOINT_URL on a loopback server that notes when the
// first request arrives and refuses it, so the action fails fast without any real AWS call.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { emit, isMain, median, round, ROOT } from './support/harness.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const REFUSAL =
  '<ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>refused by the benchmark</Message></Error><RequestId>bench</RequestId></ErrorResponse>';

/** INPUT_* variables the runner would set: every input's default from action.yml, as strings. */
async function defaultInputs(): Promise<Record<string, string>> {
  const action = parse(await readFile(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: unknown }> };
  const env: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) {
    if (spec.default === undefined) continue;
    // `${{ github.token }}` is expanded by the runner; a dummy stands in.
    env[`INPUT_${name.toUpperCase()}`] = String(spec.default).includes('${{') ? 'ghs_benchDummyToken' : String(spec.default);
  }
  return env;
}

interface Sample {
  firstRequestMs: number;
  exitMs: number;
  exitCode: number | null;
  firstRequest: string;
}

async function once(inputs: Record<string, string>, node: string, script: string): Promise<Sample> {
  const work = await mkdtemp(join(tmpdir(), 'finops-bench-cold-'));
  let first: { at: number; what: string } | undefined;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      first ??= {
        at: performance.now(),
        what: `${req.method} ${req.headers['x-amz-target'] ?? /Action=(\w+)/.exec(body)?.[1] ?? req.url}`,
      };
      res.writeHead(403, { 'content-type': 'text/xml' }).end(REFUSAL);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    for (const file of ['summary.md', 'output.txt', 'state.txt', 'event.json'])
      await writeFile(join(work, file), file === 'event.json' ? '{}' : '');
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: work,
      ...inputs,
      'INPUT_STATE-DIR': join(work, 'state'),
      'INPUT_REPORT-DIR': join(work, 'report'),
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'schedule',
      GITHUB_EVENT_PATH: join(work, 'event.json'),
      GITHUB_REPOSITORY: 'bench/finops',
      GITHUB_RUN_ID: '1',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_WORKSPACE: work,
      GITHUB_STEP_SUMMARY: join(work, 'summary.md'),
      GITHUB_OUTPUT: join(work, 'output.txt'),
      GITHUB_STATE: join(work, 'state.txt'),
      RUNNER_TEMP: work,
      AWS_ACCESS_KEY_ID: 'AKIDBENCHEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'bench-secret',
      AWS_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: join(work, 'none'),
      AWS_SHARED_CREDENTIALS_FILE: join(work, 'none'),
      AWS_ENDPOINT_URL: endpoint,
    };
    const t0 = performance.now();
    const child = spawn(node, [script], { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const exitCode = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const exitMs = performance.now() - t0;
    if (!first) throw new Error(`dist/index.js exited ${exitCode} without an AWS request:\n${out.slice(-2000)}`);
    return { firstRequestMs: round(first.at - t0, 0), exitMs: round(exitMs, 0), exitCode, firstRequest: first.what };
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(work, { recursive: true, force: true });
  }
}

/** Node's own start-up for the same spawn (an empty script), to tell the action's share apart. */
async function bareNode(node: string): Promise<number> {
  const t0 = performance.now();
  await new Promise((resolve) => spawn(node, ['-e', ''], { env: { PATH: process.env.PATH ?? '' } }).on('exit', resolve));
  return performance.now() - t0;
}

export async function measure(runs = RUNS) {
  const inputs = await defaultInputs();
  const samples: Sample[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    samples.push(await once(inputs, process.execPath, join(ROOT, 'dist/index.js')));
    bare.push(await bareNode(process.execPath));
  }
  return {
    runs,
    node: process.version,
    firstRequest: samples[0]!.firstRequest,
    exitCodes: [...new Set(samples.map((s) => s.exitCode))],
    firstRequestMs: median(samples.map((s) => s.firstRequestMs)),
    samplesMs: samples.map((s) => s.firstRequestMs),
    exitMs: median(samples.map((s) => s.exitMs)),
    bareNodeMs: round(median(bare), 0),
  };
}

if (isMain(import.meta.url)) {
  const r = await measure();
  emit(
    'Cold start of dist/index.js',
    [
      `first AWS request (${r.firstRequest}) after ${r.firstRequestMs} ms (median of ${r.runs}: ${JSON.stringify(r.samplesMs)}); process exit after ${r.exitMs} ms; bare node start ${r.bareNodeMs} ms; exit codes ${JSON.stringify(r.exitCodes)}`,
    ],
    r,
  );
}
