import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Inputs, type InputName } from '../../../src/primitives/constants.js';
import { INPUT_DEFAULTS, isRunnerExpression } from '../../../src/settings/defaults.js';
import { parseSettings } from '../../../src/settings/settings.js';

// The failsafe schema keeps every scalar a string, as the runner hands inputs over: `default: 4`
// and `default: "4"` both read as '4', and nothing is turned into a number or a boolean.
const action = parse(readFileSync(new URL('../../../action.yml', import.meta.url), 'utf8'), { schema: 'failsafe' }) as {
  inputs: Record<string, { default?: string }>;
};
const declared = Object.entries(action.inputs);
const tableDefault = (name: string): string | undefined => (INPUT_DEFAULTS as Partial<Record<string, string>>)[name];

describe('INPUT_DEFAULTS and action.yml', () => {
  it('name the same inputs as Inputs', () => {
    expect(declared.map(([name]) => name).sort()).toEqual(Object.values(Inputs).sort());
  });

  it.each(declared)('%s: action.yml and the table give the same default, or neither has one', (name, spec) => {
    expect(tableDefault(name)).toBe(spec.default);
  });

  it.each(Object.entries(INPUT_DEFAULTS))('%s: the table entry is an input of action.yml with the default %j', (name, value) => {
    expect(action.inputs[name], `no input "${name}" in action.yml`).toBeDefined();
    expect(action.inputs[name]?.default).toBe(value);
  });

  it('settings are the same whether the runner passes the defaults or the inputs are unset', () => {
    const runner = (name: InputName) => tableDefault(name) ?? '';
    expect(parseSettings(runner)).toEqual(parseSettings(() => ''));
  });
});

describe('github-token', () => {
  it("defaults to the runner's token expression, which the code never takes for a token", () => {
    expect(isRunnerExpression(INPUT_DEFAULTS['github-token'])).toBe(true);
    expect(parseSettings(() => '').githubToken).toBeUndefined();
    expect(parseSettings((name) => (name === Inputs.GithubToken ? '${{ github.token }}' : '')).githubToken).toBeUndefined();
  });

  it('keeps a token the runner resolved', () => {
    expect(parseSettings((name) => (name === Inputs.GithubToken ? ' ghs_resolved123 ' : '')).githubToken).toBe('ghs_resolved123');
  });

  it.each(Object.entries(INPUT_DEFAULTS).filter(([name]) => name !== Inputs.GithubToken))(
    '%s: no other default is a runner expression (the code would take its text literally)',
    (_name, value) => {
      expect(isRunnerExpression(value)).toBe(false);
    },
  );
});
