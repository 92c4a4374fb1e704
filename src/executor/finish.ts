import { describeError } from './classify.js';
import type { Clock } from '../primitives/clock.js';
import type { ExecutorEvent } from './events.js';
import type { ExecutionOutcome } from './options.js';
import type { ExecutionJournal } from './journal.js';
import type { TaskLedger } from './ledger.js';
import { finalStatus } from './status.js';
import type { RunStop } from './stop.js';
import type { TaskDefinition } from './types.js';

/**
 * Closes a run once nothing is in flight: a cancel turns every pending task `cancelled`; the
 * execution gets its final status (`finalStatus`), `finishedAt` unless partial, the events that
 * explain a partial run, and a flushed checkpoint.
 */
export async function finishRun(run: {
  order: readonly TaskDefinition[];
  ledger: TaskLedger;
  journal: ExecutionJournal;
  clock: Clock;
  stop: RunStop;
  results: Map<string, unknown>;
  emit: (event: ExecutorEvent) => void;
}): Promise<ExecutionOutcome> {
  const { order, ledger, journal, clock, stop, emit } = run;
  const manifest = journal.manifest;
  const executionId = manifest.executionId;
  if (stop.kind === 'cancelled') {
    for (const t of order) if (ledger.get(t.id).status === 'pending') ledger.cancel(t);
  }
  const pending = order.filter((t) => ledger.get(t.id).status === 'pending').map((t) => t.id);
  const status = stop.kind === 'cancelled' ? 'cancelled' : finalStatus(order.map((t) => ledger.get(t.id).status));
  manifest.status = status;
  if (status === 'partial') delete manifest.finishedAt;
  else manifest.finishedAt = new Date(clock.now()).toISOString();
  journal.changed();
  if (status === 'cancelled') emit({ type: 'executionCancelled', executionId, at: clock.now() });
  if (status === 'partial' && stop.kind === 'interrupted') {
    emit({ type: 'executionInterrupted', executionId, reason: describeError(stop.signal.reason).message, pending, at: clock.now() });
  } else if (status === 'partial') {
    // Without an outside stop, only the budget leaves tasks pending (deferred, or stopped at the hard stop).
    emit({ type: 'budgetExhausted', pending, at: clock.now() });
  }
  await journal.flush();
  emit({ type: 'checkpointWritten', executionId, writes: journal.writes ?? 0, at: clock.now() });
  emit({ type: 'executionFinished', executionId, status, pending, at: clock.now() });
  return { status, pending, results: run.results };
}
