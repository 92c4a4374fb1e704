import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Inputs, Outputs } from '../../../src/primitives/constants.js';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it.each(Object.values(Inputs))('documents input %s in the inputs table', (name) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${name}\` \\| (string|integer|number|boolean) \\|`, 'm'));
  });

  it.each(Object.values(Outputs))('documents output %s', (name) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${name}\` \\| \\w`, 'm'));
  });
});
