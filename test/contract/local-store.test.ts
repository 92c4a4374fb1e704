import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { LocalObjectStore } from '../../src/state/local-store.js';
import { storeContract } from './store-contract.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

storeContract('LocalObjectStore', {
  async create() {
    const dir = await mkdtemp(join(tmpdir(), 'finops-local-store-'));
    dirs.push(dir);
    return new LocalObjectStore(dir);
  },
});
