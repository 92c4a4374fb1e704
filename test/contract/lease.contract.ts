import { expect, it } from 'vitest';
import { LeaseHeldError, LeaseLostError } from '../../src/primitives/errors.js';
import { LeaseKeeper } from '../../src/state/lease-keeper.js';
import { StateStore } from '../../src/state/state-store.js';
import { FakeClock, drive, settle } from './fake-clock.js';
import { ACCOUNT, OTHER_ACCOUNT } from './fixtures.js';
import type { StoreFactory } from './store-contract.js';

const TTL = 120_000;

export function leaseContract(factory: StoreFactory): void {
  const open = async () => {
    const clock = new FakeClock();
    const objects = await factory.create();
    return { clock, objects, store: new StateStore(objects, { clock, onWarning: () => undefined }) };
  };

  it('lets exactly one of two racing runs hold the lease; the other learns holder and expiry', async () => {
    const { store, clock } = await open();
    for (let round = 0; round < 15; round++) {
      const account = `acct-${round}`;
      const outcomes = await Promise.allSettled([store.acquireLease(account, 'run-A', TTL), store.acquireLease(account, 'run-B', TTL)]);
      const held = outcomes.filter((o) => o.status === 'fulfilled');
      const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(held).toHaveLength(1);
      const error = refused[0]?.reason as LeaseHeldError;
      expect(error).toBeInstanceOf(LeaseHeldError);
      const winner = outcomes[0]!.status === 'fulfilled' ? 'run-A' : 'run-B';
      expect(error.holder).toBe(winner);
      expect(error.expiresAt).toBe(new Date(clock.now() + TTL).toISOString());
      expect(error.message).toContain(`locked by ${winner} until ${error.expiresAt}`);
    }
  });

  it('takes over an expired lease, and the old holder then knows it lost it', async () => {
    const { store, clock } = await open();
    const first = await store.acquireLease(ACCOUNT, 'run-A', TTL);
    await expect(store.acquireLease(ACCOUNT, 'run-B', TTL)).rejects.toBeInstanceOf(LeaseHeldError);
    clock.time += TTL;
    const second = await store.acquireLease(ACCOUNT, 'run-B', TTL);
    expect(second.lease.holder).toBe('run-B');
    await expect(store.renewLease(first)).rejects.toBeInstanceOf(LeaseLostError);
    await expect(store.releaseLease(first)).rejects.toBeInstanceOf(LeaseLostError);
    await expect(store.acquireLease(ACCOUNT, 'run-A', TTL)).rejects.toMatchObject({ holder: 'run-B' });
  });

  it('renews and releases; a released lease is free at once; accounts are independent', async () => {
    const { store, clock } = await open();
    const held = await store.acquireLease(ACCOUNT, 'run-A', TTL);
    await store.acquireLease(OTHER_ACCOUNT, 'run-B', TTL);
    clock.time += 60_000;
    const renewed = await store.renewLease(held);
    expect(renewed.lease.expiresAt).toBe(new Date(clock.now() + TTL).toISOString());
    clock.time += 1000;
    await expect(store.renewLease(held)).rejects.toBeInstanceOf(LeaseLostError); // stale version
    await store.releaseLease(renewed);
    expect((await store.acquireLease(ACCOUNT, 'run-C', TTL)).lease.holder).toBe('run-C');
  });

  it('treats a renewal whose first try landed (then retried into a 412) as renewed', async () => {
    const { store, objects, clock } = await open();
    const held = await store.acquireLease(ACCOUNT, 'run-A', TTL);
    clock.time += 1000;
    const landed = { ...held.lease, expiresAt: new Date(clock.now() + TTL).toISOString() };
    await objects.put(`accounts/${ACCOUNT}/lease.json`, JSON.stringify(landed));
    const renewed = await store.renewLease(held);
    expect(renewed.lease).toEqual(landed);
    expect(await store.renewLease(renewed)).toMatchObject({ lease: { holder: 'run-A' } });
  });

  it('waits up to waitMs for a held lease, polling, then takes it when it lapses', async () => {
    const { store, clock } = await open();
    const t0 = clock.now();
    await store.acquireLease(ACCOUNT, 'run-A', 30_000);
    const waited = await drive(clock, store.acquireLease(ACCOUNT, 'run-B', TTL, { waitMs: 60_000, pollMs: 10_000 }));
    expect(waited.lease.holder).toBe('run-B');
    expect(clock.now()).toBe(t0 + 30_000);
    const refused = drive(clock, store.acquireLease(ACCOUNT, 'run-C', TTL, { waitMs: 20_000, pollMs: 10_000 }));
    await expect(refused).rejects.toMatchObject({ name: 'LeaseHeldError', holder: 'run-B' });
    expect(clock.now()).toBe(t0 + 50_000);
  });

  it('keeps the lease with a LeaseKeeper renewing every ttl/3, and releases it', async () => {
    const { store, clock } = await open();
    const keeper = await LeaseKeeper.acquire(store, ACCOUNT, 'run-A', { ttlMs: 90_000 });
    for (let i = 0; i < 3; i++) {
      await clock.advance(30_000);
      await expect.poll(() => keeper.renewals).toBe(i + 1);
    }
    expect(keeper.lease.expiresAt).toBe(new Date(clock.now() + 90_000).toISOString());
    await expect(store.acquireLease(ACCOUNT, 'run-B', TTL)).rejects.toBeInstanceOf(LeaseHeldError);
    await keeper.release();
    expect(clock.pending).toBe(0);
    expect((await store.acquireLease(ACCOUNT, 'run-B', TTL)).lease.holder).toBe('run-B');
  });

  it('reports a lost lease through the signal and the callback', async () => {
    const { store, clock } = await open();
    const lost: LeaseLostError[] = [];
    const keeper = await LeaseKeeper.acquire(store, ACCOUNT, 'run-A', { ttlMs: 90_000, onLost: (e) => lost.push(e) });
    // Another run takes it over (as if our renewals had stalled past expiry).
    clock.time += 90_000;
    await store.acquireLease(ACCOUNT, 'run-B', TTL);
    await clock.advance(30_000);
    await expect.poll(() => keeper.lost).toBe(true);
    expect(keeper.signal.reason).toBeInstanceOf(LeaseLostError);
    expect(lost).toHaveLength(1);
    await settle();
    await keeper.release(); // nothing to give back
    expect((await store.acquireLease(ACCOUNT, 'run-C', TTL).catch((e: unknown) => e)) as LeaseHeldError).toMatchObject({
      holder: 'run-B',
    });
  });
}
