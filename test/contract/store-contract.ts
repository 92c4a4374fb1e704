import { describe } from 'vitest';
import type { ObjectStore } from '../../src/state/object-store.js';
import { executionContract } from './executions.contract.js';
import { journalContract } from './journal.contract.js';
import { journalResultsContract } from './journal-results.contract.js';
import { leaseContract } from './lease.contract.js';
import { objectStoreContract } from './object-store.contract.js';
import { quarantineContract } from './quarantine.contract.js';

/** How a backend under contract makes stores. */
export interface StoreFactory {
  /** A fresh, empty store; `pageSize` makes listings page (backends without pages ignore it). */
  create(options?: { pageSize?: number }): Promise<ObjectStore>;
}

/**
 * The one contract every {@link ObjectStore} backend must meet, from raw conditional writes
 * up to leases, quarantine and the journal. Each backend's test file calls this once.
 */
export function storeContract(name: string, factory: StoreFactory): void {
  describe(`${name} — object store`, () => objectStoreContract(factory));
  describe(`${name} — executions, results, cache`, () => executionContract(factory));
  describe(`${name} — leases`, () => leaseContract(factory));
  describe(`${name} — quarantine`, () => quarantineContract(factory));
  describe(`${name} — journal`, () => journalContract(factory));
  describe(`${name} — journal results`, () => journalResultsContract(factory));
}
