import { BudgetExhaustedError, ExecutionCancelledError, ExecutionInterruptedError } from '../primitives/errors.js';
import { describeError } from './classify.js';
import type { Clock } from '../primitives/clock.js';
import type { ExecutionJournal } from './journal.js';

/** Why a run stopped before running out of work. */
export type StopKind = 'budget' | 'interrupted' | 'cancelled';

/**
 * The run's one AbortSignal and why it was aborted. Three sources stop a run: the time
 * budget's hard stop, the caller's signal (SIGTERM, job cancel) and a cancel of the
 * execution; the first one wins and its reason is what in-flight tasks see.
 */
export class RunStop {
  private readonly controller = new AbortController();
  private stopKind: StopKind | undefined;

  constructor(private readonly journal: ExecutionJournal) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get kind(): StopKind | undefined {
    return this.stopKind;
  }

  /** Resolves once the run is stopped. */
  readonly stopped: Promise<void> = new Promise((resolve) => this.signal.addEventListener('abort', () => resolve(), { once: true }));

  halt(kind: StopKind, reason: unknown): void {
    if (this.stopKind) return;
    this.stopKind = kind;
    this.controller.abort(reason);
  }

  /** Polls the journal: it may have seen a cancel on its latest checkpoint. */
  pollCancel(): void {
    if (!this.stopKind && this.journal.cancelRequested()) this.halt('cancelled', new ExecutionCancelledError());
  }

  /**
   * Arms the hard stop at `stopAt` (epoch ms), the outside signal and the journal's cancel push.
   * @returns the disarm, to call once the run is over
   */
  arm(options: { stopAt: number | undefined; clock: Clock; outside: AbortSignal | undefined }): () => void {
    const { stopAt, clock, outside } = options;
    const disarm: Array<() => void> = [];
    if (stopAt !== undefined) {
      const timer = new AbortController();
      const exhausted = () =>
        this.halt('budget', new BudgetExhaustedError('time budget exhausted: in-flight tasks stopped and left pending'));
      if (stopAt <= clock.now()) exhausted();
      else clock.sleep(stopAt - clock.now(), timer.signal).then(exhausted, () => {});
      disarm.push(() => timer.abort());
    }
    if (outside) {
      const onAbort = () =>
        this.halt(
          'interrupted',
          new ExecutionInterruptedError(`run stopped: ${describeError(outside.reason).message}`, { cause: outside.reason }),
        );
      if (outside.aborted) onAbort();
      else outside.addEventListener('abort', onAbort, { once: true });
      disarm.push(() => outside.removeEventListener('abort', onAbort));
    }
    const unsubscribe = this.journal.onCancelRequested?.(() => this.halt('cancelled', new ExecutionCancelledError()));
    if (unsubscribe) disarm.push(unsubscribe);
    return () => disarm.forEach((d) => d());
  }
}
