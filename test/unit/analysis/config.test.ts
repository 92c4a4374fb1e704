import { describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../../../src/analysis/checks/registry.js';
import {
  CheckConfigError,
  defaultChecksConfig,
  parseCheckSelection,
  parseChecksConfig,
  selectChecks,
} from '../../../src/analysis/config.js';
import { NonRetryableError } from '../../../src/primitives/errors.js';

const fail = (text: string) => {
  try {
    parseChecksConfig(text);
  } catch (error) {
    expect(error).toBeInstanceOf(CheckConfigError);
    expect(error).toBeInstanceOf(NonRetryableError);
    return (error as Error).message;
  }
  throw new Error('expected a config error');
};

describe('checks config file', () => {
  it('has the documented defaults', () => {
    const config = defaultChecksConfig();
    expect(Object.keys(config)).toEqual(CHECK_IDS);
    expect(config['ebs-unattached']!.params).toEqual({ minAgeDays: 7 });
    expect(config['ebs-gp2-to-gp3']!.params).toEqual({});
    expect(config['ebs-snapshot-old']!.params).toEqual({ minAgeDays: 90 });
    expect(config['ec2-idle']!.params).toEqual({ maxCpuPercent: 5, maxNetworkMbPerDay: 5, lookbackDays: 14 });
    expect(config['ec2-underutilised']!.params).toEqual({ maxCpuPercent: 20, lookbackDays: 14 });
    expect(config['ec2-stopped-long']!.params).toEqual({ minStoppedDays: 30 });
    expect(config['ec2-previous-generation']!.params.families).toEqual(
      expect.arrayContaining(['t1', 't2', 'm1', 'm2', 'm3', 'm4', 'c1', 'c3', 'c4', 'r3', 'r4', 'i2']),
    );
    expect(config['nat-idle']!.params).toEqual({ maxGbProcessed: 1, lookbackDays: 14 });
    expect(config['elb-idle']!.params).toEqual({ maxRequestsPerDay: 100, lookbackDays: 7 });
    expect(config['rds-idle']!.params).toEqual({ maxConnections: 0, lookbackDays: 7 });
    expect(config['cost-spike']!.params).toEqual({ minIncreaseUsd: 10, minIncreasePercent: 10 });
    expect(Object.values(config).every((c) => c.enabled)).toBe(true);
  });

  it('reads YAML over the defaults', () => {
    const config = parseChecksConfig(
      [
        'checks:',
        '  ec2-idle:',
        '    maxCpuPercent: 3',
        '    lookbackDays: 30',
        '  ebs-snapshot-old:',
        '    enabled: false',
        '  ec2-previous-generation:',
        '    families: [t2, m4]',
      ].join('\n'),
    );
    expect(config['ec2-idle']).toEqual({ enabled: true, params: { maxCpuPercent: 3, maxNetworkMbPerDay: 5, lookbackDays: 30 } });
    expect(config['ebs-snapshot-old']!.enabled).toBe(false);
    expect(config['ec2-previous-generation']!.params.families).toEqual(['t2', 'm4']);
  });

  it('reads JSON, and an empty file means defaults', () => {
    expect(parseChecksConfig('{"checks": {"nat-idle": {"maxGbProcessed": 0.5}}}')['nat-idle']!.params.maxGbProcessed).toBe(0.5);
    expect(parseChecksConfig('')).toEqual(defaultChecksConfig());
    expect(parseChecksConfig('checks:\n  ec2-idle:\n')['ec2-idle']).toEqual(defaultChecksConfig()['ec2-idle']);
  });

  it('names the exact key of a wrong type or range', () => {
    expect(fail('checks:\n  ec2-idle:\n    maxCpuPercent: "five"')).toBe(
      'config-file: checks.ec2-idle.maxCpuPercent must be a number between 0 and 100, got "five"',
    );
    expect(fail('checks:\n  ec2-idle:\n    maxCpuPercent: 150')).toBe(
      'config-file: checks.ec2-idle.maxCpuPercent must be a number between 0 and 100, got 150',
    );
    expect(fail('checks:\n  ebs-unattached:\n    minAgeDays: 2.5')).toBe(
      'config-file: checks.ebs-unattached.minAgeDays must be a whole number between 0 and 3650, got 2.5',
    );
    expect(fail('checks:\n  rds-idle:\n    enabled: "yes"')).toBe('config-file: checks.rds-idle.enabled must be true or false, got "yes"');
    expect(fail('checks:\n  ec2-previous-generation:\n    families: [t2, 4]')).toMatch(
      /^config-file: checks\.ec2-previous-generation\.families must be a list of instance families treated as previous generation such as \["t2", "m4"\]/,
    );
  });

  it('names unknown check ids and unknown parameters', () => {
    expect(fail('checks:\n  ec2-idel:\n    maxCpuPercent: 3')).toBe(
      `config-file: checks.ec2-idel is not a check id; valid ids: ${CHECK_IDS.join(', ')}`,
    );
    expect(fail('checks:\n  ec2-idle:\n    maxCpu: 3')).toBe(
      'config-file: checks.ec2-idle.maxCpu is not a parameter of ec2-idle; accepted: enabled, maxCpuPercent, maxNetworkMbPerDay, lookbackDays',
    );
    expect(fail('check:\n  ec2-idle: {}')).toBe('config-file: unknown top-level key "check"; only "checks" is accepted');
    expect(fail('checks:\n  ec2-idle: 3')).toBe('config-file: checks.ec2-idle must be a mapping of parameters, got 3');
    expect(fail('checks: [1, 2]')).toMatch(/^config-file: checks must be a mapping of check ids/);
  });

  it('reports every problem at once, and bad YAML plainly', () => {
    expect(fail('checks:\n  ec2-idle:\n    maxCpuPercent: -1\n  nat-idle:\n    lookbackDays: 0').split('\n')).toHaveLength(2);
    expect(fail('checks: [unclosed')).toMatch(/^config-file: not valid YAML or JSON/);
  });
});

describe('checks selection', () => {
  it('parses all or a comma list', () => {
    expect(parseCheckSelection('all')).toEqual(CHECK_IDS);
    expect(parseCheckSelection(' ec2-idle, nat-idle ,ec2-idle')).toEqual(['ec2-idle', 'nat-idle']);
  });

  it('rejects unknown ids, listing the valid ones', () => {
    expect(() => parseCheckSelection('ec2-idle,foo,bar')).toThrow(
      `checks: unknown check ids "foo", "bar"; valid ids: ${CHECK_IDS.join(', ')}`,
    );
  });

  it('disables unselected checks; a check disabled in the file stays disabled', () => {
    const config = parseChecksConfig('checks:\n  nat-idle:\n    enabled: false');
    const selected = selectChecks(config, ['ec2-idle', 'nat-idle']);
    expect(
      Object.entries(selected)
        .filter(([, c]) => c.enabled)
        .map(([id]) => id),
    ).toEqual(['ec2-idle']);
    expect(Object.values(selectChecks(defaultChecksConfig(), 'all')).every((c) => c.enabled)).toBe(true);
  });
});
