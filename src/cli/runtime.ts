import { systemClock, type Clock } from '../primitives/clock.js';
import type { Settings } from '../settings/settings.js';
import type { StateStore } from '../state/state-store.js';
import { defaultAdaptersFor } from './aws-target.js';
import type { AwsTarget, CliDeps, CliIo, CommandOutcome } from './context.js';
import { Output } from './output.js';
import { openStore } from './store.js';

/** What every command works with: output, clock, the store the flags chose and the AWS side. */
export class Runtime {
  readonly out: Output;
  readonly clock: Clock;
  /** Set by the command that ran; `main` maps it to the exit code. */
  outcome: CommandOutcome = 'ok';

  constructor(
    readonly io: CliIo,
    readonly deps: CliDeps,
  ) {
    this.out = new Output(io);
    this.clock = deps.clock ?? systemClock;
  }

  get signal(): AbortSignal | undefined {
    return this.deps.signal;
  }

  /** Opens the state store; its warnings (quarantined objects) go to stderr. */
  store(settings: Settings, onWarning: (message: string) => void = (m) => this.out.warn(m)): StateStore {
    return openStore(settings, this.io, this.deps, this.clock, onWarning);
  }

  /** The account to analyse and its adapters: the demo account, or the default credential chain's. */
  target(demo: boolean, region: string): Promise<AwsTarget> {
    const adaptersFor = this.deps.adaptersFor ?? defaultAdaptersFor;
    return adaptersFor({ demo, region, env: this.io.env, now: this.clock.now(), ...(this.signal ? { signal: this.signal } : {}) });
  }
}
