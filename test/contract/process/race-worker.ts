// One of two processes racing on the same state directory. Waits for "go" on stdin so
// both start together, then prints what it won as one JSON line.
import { createInterface } from 'node:readline';
import { LeaseHeldError, PreconditionFailedError } from '../../../src/primitives/errors.js';
import { LocalObjectStore } from '../../../src/state/local-store.js';
import { StateStore } from '../../../src/state/state-store.js';

const [dir, holder, roundsArg] = process.argv.slice(2);
if (!dir || !holder) throw new Error('usage: race-worker DIR HOLDER [ROUNDS]');
const rounds = Number(roundsArg ?? 20);
const objects = new LocalObjectStore(dir);
const state = new StateStore(objects, { onWarning: () => undefined });

process.stdout.write('ready\n');
await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once('line', () => resolve()));

const created: number[] = [];
const leases: Array<{ account: string; held: boolean; blockedBy?: string }> = [];
let increments = 0;
for (let round = 0; round < rounds; round++) {
  try {
    await objects.put(`race/create-${round}.json`, holder, { ifNoneMatch: '*' });
    created.push(round);
  } catch (error) {
    if (!(error instanceof PreconditionFailedError)) throw error;
  }
  for (;;) {
    const current = (await objects.get('race/counter.json'))!;
    try {
      await objects.put('race/counter.json', String(Number(current.body) + 1), { ifMatch: current.etag });
      increments++;
      break;
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) throw error;
    }
  }
  const account = `acct-${round}`;
  try {
    await state.acquireLease(account, holder, 120_000);
    leases.push({ account, held: true });
  } catch (error) {
    if (!(error instanceof LeaseHeldError)) throw error;
    leases.push({ account, held: false, blockedBy: error.holder });
  }
}
process.stdout.write(`${JSON.stringify({ holder, created, increments, leases })}\n`);
process.stdin.destroy();
