import type { Clock } from '../primitives/clock.js';

/**
 * Tells listeners, once, that an execution was cancelled, and while anyone listens, asks
 * `poll` every `everyMs` whether it was (so a cancel is noticed during long stretches
 * without a checkpoint). The poll stops when the last listener leaves.
 */
export class CancelWatch {
  private seen: boolean;
  private readonly listeners = new Set<() => void>();
  private polling: AbortController | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly everyMs: number,
    /** Looks at the store; calls `markSeen()` itself when it finds a cancel. */
    private readonly poll: (signal: AbortSignal) => Promise<unknown>,
    private readonly onError: (error: unknown) => void,
    initiallySeen = false,
  ) {
    this.seen = initiallySeen;
  }

  get cancelled(): boolean {
    return this.seen;
  }

  markSeen(): void {
    if (this.seen) return;
    this.seen = true;
    this.stopPolling();
    for (const listener of [...this.listeners]) listener();
  }

  /** Adds a listener (called at once, asynchronously, if the cancel was already seen). Returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    if (this.seen) queueMicrotask(() => this.listeners.has(listener) && listener());
    else if (this.listeners.size === 1) this.startPolling();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stopPolling();
    };
  }

  private startPolling(): void {
    if (this.everyMs <= 0) return;
    const controller = new AbortController();
    this.polling = controller;
    void (async () => {
      while (!controller.signal.aborted && !this.seen) {
        try {
          await this.clock.sleep(this.everyMs, controller.signal);
          await this.poll(controller.signal);
        } catch (error) {
          if (controller.signal.aborted) return;
          this.onError(error); // a failed poll is retried at the next tick
        }
      }
    })();
  }

  private stopPolling(): void {
    this.polling?.abort();
    this.polling = undefined;
  }
}
