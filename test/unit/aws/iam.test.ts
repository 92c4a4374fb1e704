import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REQUIRED_IAM_ACTIONS } from '../../../src/aws/iam.js';

describe('IAM actions', () => {
  it('the documented list is exactly the operations the adapters call', () => {
    const dir = join(import.meta.dirname, '../../../src/aws');
    const called = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      for (const match of text.matchAll(/awsCall\(\s*'([a-z0-9]+:[A-Za-z]+)'/g)) called.add(match[1]!);
      for (const match of text.matchAll(/call\('([A-Za-z]+)'/g)) {
        const prefix = /awsCall\(`([a-z0-9]+):\$\{op\}`/.exec(text)?.[1];
        if (prefix) called.add(`${prefix}:${match[1]}`);
      }
    }
    expect([...called].sort()).toEqual([...REQUIRED_IAM_ACTIONS]);
  });
});
