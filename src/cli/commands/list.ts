import type { Command } from 'commander';
import { accountArgument } from '../arguments.js';
import { listExecutions } from '../../operations/list-executions.js';
import { executionSummary } from '../../operations/executions.js';
import { statusText, tasksCell } from '../execution-text.js';
import { addStoreOptions, settingsFrom, type Flags } from '../options.js';
import { duration, renderTable, when } from '../output.js';
import type { Runtime } from '../runtime.js';

/** `list [ACCOUNT]`: executions, newest first. */
export function registerList(program: Command, runtime: Runtime): void {
  const command = program
    .command('list')
    .argument('[account]', "only this AWS account's executions")
    .description('list executions, newest first: status, start, duration, tasks done/total');
  addStoreOptions(command)
    .addHelpText(
      'after',
      `
Examples:
  $ finops-aws list
  $ finops-aws list 123456789012 --state-bucket my-finops-state
  $ finops-aws list --json | jq -r '.[] | select(.status == "partial") | .executionId'`,
    )
    .action(async (rawAccount: string | undefined, flags: Flags, self: Command) => {
      const account = accountArgument(rawAccount);
      const store = runtime.store(settingsFrom(flags, runtime.io.env, self));
      const executions = await listExecutions({ store, signal: runtime.signal }, { accountId: account });
      const { out } = runtime;
      if (flags['json']) {
        out.json(executions.map(executionSummary));
        return;
      }
      if (executions.length === 0) {
        out.line(`No executions${account ? ` of account ${account}` : ''} in ${store.location}.`);
        return;
      }
      const rows = executions.map((m) => {
        const s = executionSummary(m);
        return [
          m.executionId,
          statusText(m),
          when(m.createdAt),
          m.status === 'running' ? `${duration(s.durationMs)}+` : duration(s.durationMs),
          tasksCell(s.tasks),
        ];
      });
      out.lines(renderTable(['EXECUTION', 'STATUS', 'STARTED', 'DURATION', 'TASKS DONE'], rows));
    });
}
