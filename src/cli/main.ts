import { Command, CommanderError } from 'commander';
import { CheckConfigError } from '../analysis/config.js';
import {
  ExecutionNotFoundError,
  InvalidStateKeyError,
  LeaseHeldError,
  LeaseLostError,
  OperationNotApplicableError,
  PreconditionFailedError,
  errorMessage,
} from '../primitives/errors.js';
import { SettingsError } from '../settings/validators.js';
import { registerBreakers } from './commands/breakers.js';
import { registerCancel } from './commands/cancel.js';
import { registerCleanup } from './commands/cleanup.js';
import { registerList } from './commands/list.js';
import { registerProgress } from './commands/progress.js';
import { registerResume } from './commands/resume.js';
import { registerRetry } from './commands/retry.js';
import { registerRun } from './commands/run.js';
import { registerShow } from './commands/show.js';
import { CliError, ExitCode, type CliDeps, type CliIo, type CommandOutcome, type ExitCodeValue } from './context.js';
import { describeLease } from '../operations/account-lease.js';
import { MIN_NODE_VERSION } from './node-version.js';
import { Runtime } from './runtime.js';
import { CLI_VERSION } from './version.js';

export { ExitCode, type CliDeps, type CliIo } from './context.js';

const EXIT_CODES_HELP = `
Exit codes:
  0  ok (a run that completed, or stopped at the time budget with tasks left for resume)
  1  the execution failed or was cancelled, or the command could not complete (AWS, storage)
  2  usage: bad flag or argument, unknown command, or a command that does not apply
     (or Node.js older than ${MIN_NODE_VERSION})
  3  no such execution
  4  another run holds the account's lease (or changed the execution meanwhile)
  130 interrupted (Ctrl-C); the execution is left partial for resume`;

const EXIT_CODE_OF: Record<CommandOutcome, ExitCodeValue> = {
  ok: ExitCode.Ok,
  'execution-failed': ExitCode.Failed,
  interrupted: ExitCode.Interrupted,
  'account-busy': ExitCode.LeaseHeld,
};

/** The `finops-aws` program: every command, with output and exits routed through `runtime`. */
export function buildProgram(runtime: Runtime): Command {
  const program = new Command('finops-aws')
    .description('FinOps for AWS: run the analysis and monitor its executions (same engine and state as the GitHub Action)')
    .version(CLI_VERSION, '-V, --version', 'print the version of finops-aws')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => runtime.io.stdout.write(text),
      writeErr: (text) => runtime.io.stderr.write(text),
      outputError: (text, write) => write(text),
    })
    .showHelpAfterError('(add --help for usage)')
    .showSuggestionAfterError(true)
    .allowExcessArguments(false)
    .addHelpText('after', `${EXIT_CODES_HELP}\n\nQuick start:\n  $ finops-aws run --demo\n  $ finops-aws list\n  $ finops-aws show latest`);
  for (const register of [
    registerRun,
    registerList,
    registerShow,
    registerProgress,
    registerResume,
    registerRetry,
    registerCancel,
    registerCleanup,
    registerBreakers,
  ]) {
    register(program, runtime);
  }
  return program;
}

/**
 * Runs the CLI in-process on `argv` (the arguments after the program name) and resolves to the
 * exit code; nothing here exits the process or reads `process.*`, so tests inject everything.
 */
export async function main(argv: readonly string[], io: CliIo, deps: CliDeps = {}): Promise<number> {
  const runtime = new Runtime(io, deps);
  try {
    await buildProgram(runtime).parseAsync([...argv], { from: 'user' });
    return EXIT_CODE_OF[runtime.outcome];
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    // Ctrl-C aborts whatever was in flight; the abort error itself says nothing useful.
    const { code, message } =
      deps.signal?.aborted && !(error instanceof CliError) ? { code: ExitCode.Interrupted, message: 'interrupted' } : classify(error);
    for (const line of message.split('\n')) io.stderr.write(`error: ${line}\n`);
    return code;
  }
}

/** The exit code and one-line message of an error that stopped a command. */
export function classify(error: unknown): { code: number; message: string } {
  if (error instanceof CliError) return { code: error.exitCode, message: error.message };
  if (error instanceof ExecutionNotFoundError) return { code: ExitCode.NotFound, message: error.message };
  if (
    error instanceof SettingsError ||
    error instanceof CheckConfigError ||
    error instanceof InvalidStateKeyError ||
    error instanceof OperationNotApplicableError
  ) {
    return { code: ExitCode.Usage, message: error.message };
  }
  if (error instanceof LeaseHeldError) {
    return {
      code: ExitCode.LeaseHeld,
      message: `account ${error.accountId} is ${describeLease(error)}: another run is working on it; try again when it is done (run: --lease-wait-seconds waits for it)`,
    };
  }
  if (error instanceof LeaseLostError || error instanceof PreconditionFailedError) {
    return { code: ExitCode.LeaseHeld, message: `${errorMessage(error)}; another run changed the state meanwhile, try again` };
  }
  return { code: ExitCode.Failed, message: errorMessage(error) };
}
