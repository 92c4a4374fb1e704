import type { StateBucketClient } from '../aws/state-bucket.js';
import type { AwsAdapters } from '../aws/ports/index.js';
import type { Clock } from '../primitives/clock.js';

/** Exit codes scripts can rely on (README "Operating it"). */
export const ExitCode = {
  Ok: 0,
  /** The execution failed or was cancelled, or the command could not complete (AWS, storage). */
  Failed: 1,
  /** Bad flag or argument, unknown command, or a command that does not apply to the execution. */
  Usage: 2,
  /** No such execution. */
  NotFound: 3,
  /** Another run holds the account's lease (or changed the execution while we updated it). */
  LeaseHeld: 4,
  /** Stopped by SIGINT/SIGTERM; the execution is left `partial` for `resume`. */
  Interrupted: 130,
} as const;

/** One of the {@link ExitCode} values. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * How a command ended, for `main` to turn into an exit code (the only place that does):
 * `execution-failed` when the execution it ran or watched ended failed or cancelled,
 * `interrupted` when Ctrl-C stopped a run, `account-busy` when a run held an account.
 */
export type CommandOutcome = 'ok' | 'execution-failed' | 'interrupted' | 'account-busy';

/** An error the CLI reports as one line on stderr with a chosen exit code. */
export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCodeValue,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A writable text stream (process.stdout in production, a buffer in tests). */
export interface TextOut {
  write(chunk: string): unknown;
}

/** Where the CLI reads its environment and writes its output. */
export interface CliIo {
  stdout: TextOut;
  stderr: TextOut;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is an interactive terminal: live progress line instead of log lines. */
  isTTY: boolean;
}

/** The AWS account a run analyses and the adapters that reach it. */
export interface AwsTarget {
  accountId: string;
  adapters: AwsAdapters;
  /** For messages: `demo account` or the caller ARN. */
  label: string;
}

/** Builds the AWS side of a run: the demo account, or the account of the default credential chain. */
export type AdaptersFor = (request: {
  demo: boolean;
  region: string;
  env: CliIo['env'];
  now: number;
  signal?: AbortSignal;
}) => Promise<AwsTarget>;

/** What tests (and the entry point) inject; every field has a production default. */
export interface CliDeps {
  adaptersFor?: AdaptersFor;
  clock?: Clock;
  /** Builds the S3 client of `--state-bucket`. @default from the environment (endpoint override → path style) */
  s3Client?: (options: { region: string }) => StateBucketClient;
  /** `MaxKeys` of each S3 listing page with an injected `s3Client` (tests prove every page is read). */
  s3PageSize?: number;
  /** Aborted on SIGINT/SIGTERM: a run stops, checkpoints and leaves its execution `partial`. */
  signal?: AbortSignal;
}
