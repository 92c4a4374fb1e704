import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The committed bundle: tests run what users run, never a fresh build. */
export const DIST_ENTRY = join(REPO_ROOT, 'dist/index.js');

export interface RunActionOptions {
  /** Inputs by their action.yml names; unset ones get action.yml's defaults, as on the runner. */
  inputs?: Record<string, string>;
  /** More environment (endpoints, OIDC variables...), on top of the runner's; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /** @default { name: 'schedule', payload: { schedule: '0 6 * * *' } } */
  event?: { name: string; payload?: unknown };
  /** Working directory (relative `report-dir` and `state-dir` land here). @default a new temporary directory */
  workspace?: string;
  /** @default '1' */
  runAttempt?: string;
  /** The run is killed (SIGKILL) after this long. @default 120000 */
  timeoutMs?: number;
}

export interface ActionRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  /** GITHUB_OUTPUT, both `name=value` and `name<<delimiter` forms. */
  outputs: Record<string, string>;
  /** GITHUB_STEP_SUMMARY. */
  summary: string;
  workspace: string;
  /** Messages of `::notice::`, `::warning::` and `::error::` commands, decoded. */
  annotations: { notice: string[]; warning: string[]; error: string[] };
  /** Values the action asked the runner to mask (`::add-mask::`). */
  masked: string[];
  durationMs: number;
}

const LOOPBACK = /^http:\/\/127\.0\.0\.1:\d+(\/|$)/;
const MUST_BE_LOOPBACK = /^(AWS_ENDPOINT_URL.*|GITHUB_API_URL|ACTIONS_ID_TOKEN_REQUEST_URL|ACTIONS_RESULTS_URL)$/;

/** Inputs with a literal default in action.yml (expressions such as `${{ github.token }}` are the runner's to fill). */
function actionDefaults(): Record<string, string> {
  const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: unknown }> };
  return Object.fromEntries(
    Object.entries(action.inputs)
      .filter(([, spec]) => spec.default !== undefined && !String(spec.default).includes('${{'))
      .map(([name, spec]) => [name, String(spec.default)]),
  );
}

export function parseGithubOutput(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line);
    if (heredoc) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]!);
      outputs[heredoc[1]!] = value.join('\n');
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}

const decodeCommand = (text: string) => text.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%');

function workflowCommands(stdout: string): Pick<ActionRun, 'annotations' | 'masked'> {
  const annotations: ActionRun['annotations'] = { notice: [], warning: [], error: [] };
  const masked: string[] = [];
  for (const line of stdout.split('\n')) {
    const command = /^::(notice|warning|error|add-mask)(?: [^:]*)?::(.*)$/.exec(line);
    if (!command) continue;
    if (command[1] === 'add-mask') masked.push(decodeCommand(command[2]!));
    else annotations[command[1] as keyof ActionRun['annotations']].push(decodeCommand(command[2]!));
  }
  return { annotations, masked };
}

/**
 * Starts `node dist/index.js` as the runner does: inputs as `INPUT_<NAME>`, the runner's
 * files and variables, and an environment built from scratch (nothing of the developer's
 * AWS_* or GITHUB_* settings, no ~/.aws), so the only servers it can reach are the ones the
 * test passes. Endpoints that are not loopback are refused.
 */
export function startAction(options: RunActionOptions = {}): { child: ChildProcess; done: Promise<ActionRun> } {
  if (Number(process.versions.node.split('.')[0]) < 24)
    throw new Error(`the action runs on Node 24; these tests run on ${process.version} (use node_modules/.bin/node)`);
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value !== undefined && MUST_BE_LOOPBACK.test(name) && !LOOPBACK.test(value))
      throw new Error(`refusing ${name}=${value}: tests only talk to 127.0.0.1`);
  }
  const runDir = mkdtempSync(join(tmpdir(), 'finops-action-'));
  const workspace = options.workspace ?? join(runDir, 'workspace');
  for (const dir of [workspace, join(runDir, 'home'), join(runDir, 'temp')]) mkdirSync(dir, { recursive: true });
  const files = {
    output: join(runDir, 'github_output'),
    summary: join(runDir, 'step_summary'),
    event: join(runDir, 'event.json'),
    state: join(runDir, 'github_state'),
    envFile: join(runDir, 'github_env'),
  };
  for (const file of [files.output, files.summary, files.state, files.envFile]) writeFileSync(file, '');
  const event = options.event ?? { name: 'schedule', payload: { schedule: '0 6 * * *' } };
  writeFileSync(files.event, JSON.stringify(event.payload ?? {}));

  const inputs = { ...actionDefaults(), ...options.inputs };
  const env: Record<string, string | undefined> = {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: join(runDir, 'home'),
    RUNNER_TEMP: join(runDir, 'temp'),
    RUNNER_OS: 'Linux',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.envFile,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_REPOSITORY_OWNER: 'octo-org',
    GITHUB_RUN_ID: String(8_000_000_000 + Math.floor(Math.random() * 1_000_000)),
    GITHUB_RUN_ATTEMPT: options.runAttempt ?? '1',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed',
    GITHUB_JOB: 'finops',
    GITHUB_ACTOR: 'octocat',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(runDir, 'home/.aws/config'),
    AWS_SHARED_CREDENTIALS_FILE: join(runDir, 'home/.aws/credentials'),
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, value])),
    ...options.env,
  };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];

  const started = Date.now();
  const child = spawn(process.execPath, [DIST_ENTRY], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs ?? 120_000);

  const done = new Promise<ActionRun>((resolveRun, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolveRun({
        exitCode,
        signal,
        timedOut,
        stdout,
        stderr,
        outputs: parseGithubOutput(readFileSync(files.output, 'utf8')),
        summary: readFileSync(files.summary, 'utf8'),
        workspace,
        ...workflowCommands(stdout),
        durationMs: Date.now() - started,
      });
    });
  });
  return { child, done };
}

/** Runs the action to the end. */
export function runAction(options: RunActionOptions = {}): Promise<ActionRun> {
  return startAction(options).done;
}
