/**
 * Answers an AWS SDK v3 client's commands in-process: a middleware at the `initialize` step
 * records each command (name and input, i.e. one HTTP request: every page is its own `send`)
 * and returns the stub's output without touching the network. The real adapter code (paging,
 * batching, mapping) runs unchanged above it.
 */
export interface SdkCall {
  command: string;
  input: Record<string, unknown>;
}

interface StackClient {
  middlewareStack: { add(middleware: unknown, options: { step: 'initialize'; name: string; priority?: 'high' | 'low' }): void };
}

export function stubSdkClient(
  client: StackClient,
  answer: (command: string, input: Record<string, unknown>) => Record<string, unknown> | Promise<Record<string, unknown>>,
): SdkCall[] {
  const calls: SdkCall[] = [];
  client.middlewareStack.add(
    (_next: unknown, context: { commandName?: string }) => async (args: { input: Record<string, unknown> }) => {
      const command = context.commandName ?? 'unknown';
      calls.push({ command, input: args.input });
      return { output: { $metadata: { httpStatusCode: 200, attempts: 1 }, ...(await answer(command, args.input)) }, response: {} };
    },
    { step: 'initialize', name: 'benchSdkStub', priority: 'low' },
  );
  return calls;
}

/** Calls by command name. */
export function byCommand(calls: readonly SdkCall[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of calls) counts[c.command] = (counts[c.command] ?? 0) + 1;
  return counts;
}

/** Static dummy credentials: nothing leaves the process, but the SDK wants some. */
export const DUMMY_CREDENTIALS = { accessKeyId: 'AKIDBENCHEXAMPLE', secretAccessKey: 'bench-secret' };
