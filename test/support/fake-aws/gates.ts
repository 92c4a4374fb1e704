import type { ServiceName } from './types.js';

/** Which requests a gate holds: a service, optionally one operation, optionally one signing region. */
export interface GateMatch {
  service: ServiceName;
  operation?: string;
  region?: string;
}

/**
 * Requests held before they are answered, until released: a point the client is provably
 * stuck at, however fast or slow the machine (a crash suite kills it there).
 */
export interface Gate {
  /** Requests waiting at the gate now. */
  readonly held: number;
  /** Resolves once `count` requests are waiting at the gate at the same time. */
  whenHeld(count?: number): Promise<void>;
  /** Lets the waiting requests through and every later one; the gate stays open. */
  release(): void;
}

class OpenableGate implements Gate {
  held = 0;
  private open = false;
  private readonly waiting: Array<() => void> = [];
  private readonly watchers: Array<{ count: number; resolve: () => void }> = [];

  constructor(readonly matches: readonly GateMatch[]) {}

  covers(service: ServiceName, operation: string, region: string | undefined): boolean {
    if (this.open) return false;
    return this.matches.some(
      (m) =>
        m.service === service &&
        (m.operation === undefined || m.operation === operation) &&
        (m.region === undefined || m.region === region),
    );
  }

  wait(): Promise<void> {
    this.held++;
    for (const w of this.watchers.filter((w) => this.held >= w.count)) {
      this.watchers.splice(this.watchers.indexOf(w), 1);
      w.resolve();
    }
    return new Promise((resolve) =>
      this.waiting.push(() => {
        this.held--;
        resolve();
      }),
    );
  }

  whenHeld(count = 1): Promise<void> {
    if (this.held >= count) return Promise.resolve();
    return new Promise((resolve) => this.watchers.push({ count, resolve }));
  }

  release(): void {
    this.open = true;
    for (const pass of this.waiting.splice(0)) pass();
  }
}

/** The gates of one fake: requests pass through {@link Gates.pass} before they are answered. */
export class Gates {
  private readonly gates: OpenableGate[] = [];

  hold(matches: readonly GateMatch[]): Gate {
    if (matches.length === 0) throw new TypeError('a gate needs at least one service to hold');
    const gate = new OpenableGate(matches);
    this.gates.push(gate);
    return gate;
  }

  /** Waits at the first closed gate that covers the request, if any. */
  async pass(service: ServiceName, operation: string, region: string | undefined): Promise<void> {
    const gate = this.gates.find((g) => g.covers(service, operation, region));
    if (gate) await gate.wait();
  }

  releaseAll(): void {
    for (const gate of this.gates.splice(0)) gate.release();
  }
}
