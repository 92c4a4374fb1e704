import { SCHEMA_VERSION, type ExecutionManifest } from '../../src/records/state.js';
import { compactTimestamp } from '../../src/state/execution-id.js';

export const ACCOUNT = '123456789012';
export const OTHER_ACCOUNT = '210987654321';

/** A deterministic execution id for `accountId` at `atMs`. */
export function executionId(accountId: string, atMs: number, suffix = '0000abcd'): string {
  return `exec_${accountId}_${compactTimestamp(atMs)}_${suffix}`;
}

/** A valid manifest with two pending tasks. */
export function manifest(accountId: string, atMs: number, overrides: Partial<ExecutionManifest> = {}): ExecutionManifest {
  const at = new Date(atMs).toISOString();
  const task = (id: string, type: string) => ({
    id,
    type,
    status: 'pending' as const,
    attempts: 0,
    dependsOn: [],
    optionalDependsOn: [],
  });
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'execution',
    executionId: executionId(accountId, atMs),
    accountId,
    status: 'running',
    createdAt: at,
    updatedAt: at,
    cancelRequested: false,
    runs: 1,
    tasks: {
      'cost-analysis': task('cost-analysis', 'cost-analysis'),
      'ec2-inventory:us-east-1': task('ec2-inventory:us-east-1', 'ec2-inventory'),
    },
    breakers: {},
    ...overrides,
  };
}

/** Collects an async iterable. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
