import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addAnalysisOptions, addStoreOptions, settingsFrom } from '../../src/cli/options.js';
import { Inputs } from '../../src/primitives/constants.js';
import { INPUT_DEFAULTS } from '../../src/settings/defaults.js';
import { parseSettings } from '../../src/settings/settings.js';

/** A `run`-like command with every shared flag, parsed from `argv` (flags only). */
function parsed(argv: string[] = []): Command {
  const command = addAnalysisOptions(addStoreOptions(new Command('run')), { resumeWindow: true }).exitOverride();
  command.parse(argv, { from: 'user' });
  return command;
}

const settings = (command: Command, env: Record<string, string> = {}) => settingsFrom(command.opts(), env, command, 'analysis');
const inputNames = new Set<string>(Object.values(Inputs));

describe('CLI flags and the table of defaults', () => {
  it.each(
    parsed()
      .options.filter((o) => inputNames.has(o.name()) && o.defaultValue !== undefined)
      .map((o) => [o.long!, o.name(), o.defaultValue as unknown] as const),
  )('%s shows the default of input %s', (_flag, name, shown) => {
    expect(shown).toBe(INPUT_DEFAULTS[name as keyof typeof INPUT_DEFAULTS]);
  });

  it.each([
    ['--max-concurrent-tasks', 'max-concurrent-tasks'],
    ['--task-timeout-seconds', 'task-timeout-seconds'],
    ['--aws-region', 'aws-region'],
  ] as const)('%s names its default in the help, after its environment variable', (flag, name) => {
    const option = parsed().options.find((o) => o.long === flag)!;
    expect(option.defaultValue).toBeUndefined();
    expect(option.description).toContain(INPUT_DEFAULTS[name]);
  });

  it('no flags and no environment give the action defaults', () => {
    expect(settings(parsed())).toEqual(parseSettings(() => ''));
  });

  it('an environment variable applies under the flags, whatever default the flag shows', () => {
    const env = { MAX_CONCURRENT_TASKS: '8', TASK_TIMEOUT_SECONDS: '60', AWS_REGION: 'eu-west-1', FINOPS_STATE_BUCKET: 'my-state' };
    expect(settings(parsed(), env)).toMatchObject({
      maxConcurrentTasks: 8,
      taskTimeoutMs: 60_000,
      awsRegion: 'eu-west-1',
      state: { kind: 's3', bucket: 'my-state', prefix: 'finops/' },
    });
    // Were a commander default given to a flag with a variable, the variable still wins.
    const command = parsed();
    command.setOptionValueWithSource('maxConcurrentTasks', INPUT_DEFAULTS['max-concurrent-tasks'], 'default');
    expect(settings(command, env).maxConcurrentTasks).toBe(8);
  });

  it('a flag the user typed wins over its variable, and an explicit --state-dir over FINOPS_STATE_BUCKET', () => {
    const env = { MAX_CONCURRENT_TASKS: '8', AWS_DEFAULT_REGION: 'eu-west-1', FINOPS_STATE_BUCKET: 'my-state' };
    const s = settings(parsed(['--max-concurrent-tasks', '2', '--aws-region', 'ap-southeast-2', '--state-dir', 'here']), env);
    expect(s).toMatchObject({ maxConcurrentTasks: 2, awsRegion: 'ap-southeast-2', state: { kind: 'local', dir: 'here' } });
  });

  it('a blank variable counts as unset', () => {
    expect(settings(parsed(), { MAX_CONCURRENT_TASKS: '  ', AWS_REGION: '' })).toMatchObject({
      maxConcurrentTasks: Number(INPUT_DEFAULTS['max-concurrent-tasks']),
      awsRegion: INPUT_DEFAULTS['aws-region'],
    });
  });

  it('an error names the flag or the variable the bad value came from', () => {
    expect(() => settings(parsed(['--time-budget-minutes', '0']))).toThrow(/^--time-budget-minutes must be a whole number from 1 to 360/);
    expect(() => settings(parsed(), { TASK_TIMEOUT_SECONDS: 'soon' })).toThrow(/^TASK_TIMEOUT_SECONDS \(environment\) must be/);
  });
});
