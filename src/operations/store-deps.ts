import type { Clock } from '../primitives/clock.js';
import type { StateStore } from '../state/state-store.js';

/** What every operation on stored executions works with. */
export interface StoreDeps {
  store: StateStore;
  /** @default the store's clock */
  clock?: Clock;
  /** Stops the operation (Ctrl-C, a cancelled job). */
  signal?: AbortSignal | undefined;
}

/** An operation that changes state holds the account's lease meanwhile, under this name. */
export interface MutationDeps extends StoreDeps {
  /** Who holds the lease while the change is made, as shown to a run that finds it held. */
  holder: string;
}
