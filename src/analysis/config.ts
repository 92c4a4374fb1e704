import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { NonRetryableError } from '../primitives/errors.js';
import { CHECK_IDS, CHECKS, getCheck } from './checks/registry.js';
import type { ParamSpec } from './checks/types.js';

/** A bad config file or `checks` input; the message names the file or input and the exact key. */
export class CheckConfigError extends NonRetryableError {}

/** One check's effective settings. */
export interface CheckSettings {
  enabled: boolean;
  params: Record<string, number | string[]>;
}

/** Settings of every check by id (all ids present). */
export type ChecksConfig = Record<string, CheckSettings>;

/** Every check enabled with its documented defaults. */
export function defaultChecksConfig(): ChecksConfig {
  const config: ChecksConfig = {};
  for (const check of CHECKS) {
    const params: Record<string, number | string[]> = {};
    for (const [name, spec] of Object.entries(check.params)) params[name] = spec.kind === 'number' ? spec.default : [...spec.default];
    config[check.id] = { enabled: true, params };
  }
  return config;
}

/** What a value of this parameter must be, as said in errors. */
export function expectation(spec: ParamSpec): string {
  if (spec.kind === 'string-list') return `a list of ${spec.description} such as ${spec.example}`;
  return `${spec.integer ? 'a whole number' : 'a number'} between ${spec.min} and ${spec.max}`;
}

function paramSchema(spec: ParamSpec): z.ZodType {
  if (spec.kind === 'string-list') return z.array(z.string().regex(spec.itemPattern));
  const base = spec.integer ? z.number().int() : z.number();
  return base.min(spec.min).max(spec.max);
}

const fileSchema = z
  .object({
    checks: z
      .object(
        Object.fromEntries(
          CHECKS.map((check) => [
            check.id,
            z
              .object({
                enabled: z.boolean().optional(),
                ...Object.fromEntries(Object.entries(check.params).map(([n, s]) => [n, paramSchema(s).optional()])),
              })
              .strict()
              .nullable()
              .optional(),
          ]),
        ),
      )
      .strict()
      .nullable()
      .optional(),
  })
  .strict();

/**
 * Parses a config file (YAML or JSON; JSON is YAML) of the form
 * `checks: { <id>: { enabled: bool, <parameter>: value } }` over the defaults.
 * @param source how errors name the file, e.g. `config-file` or its path.
 * @throws CheckConfigError listing every problem: unknown check ids, unknown parameters, wrong types or ranges.
 */
export function parseChecksConfig(text: string, source = 'config-file'): ChecksConfig {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new CheckConfigError(`${source}: not valid YAML or JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (raw === null || raw === undefined) return defaultChecksConfig();
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw new CheckConfigError(parsed.error.issues.map((issue) => describeIssue(issue, raw, source)).join('\n'));
  const config = defaultChecksConfig();
  const checks = (parsed.data.checks ?? {}) as Record<string, Record<string, unknown> | null | undefined>;
  for (const [id, settings] of Object.entries(checks)) {
    if (!settings) continue;
    const target = config[id]!;
    for (const [key, value] of Object.entries(settings)) {
      if (value === undefined) continue;
      if (key === 'enabled') target.enabled = value as boolean;
      else target.params[key] = value as number | string[];
    }
  }
  return config;
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current = root;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeIssue(issue: z.core.$ZodIssue, root: unknown, source: string): string {
  const path = issue.path.map(String);
  const dotted = path.join('.');
  const got = (p: readonly PropertyKey[]) => {
    const value = valueAt(root, p);
    return value === undefined ? '' : `, got ${JSON.stringify(value)}`;
  };
  if (issue.code === 'unrecognized_keys') {
    return issue.keys
      .map((key) => {
        if (path.length === 0) return `${source}: unknown top-level key "${key}"; only "checks" is accepted`;
        if (path.length === 1) return `${source}: checks.${key} is not a check id; valid ids: ${CHECK_IDS.join(', ')}`;
        const check = getCheck(path[1]!);
        const names = ['enabled', ...Object.keys(check?.params ?? {})];
        return `${source}: ${dotted}.${key} is not a parameter of ${path[1]}; accepted: ${names.join(', ')}`;
      })
      .join('\n');
  }
  if (path.length === 0) return `${source}: must be a mapping with a "checks" key${got([])}`;
  if (path.length === 1) return `${source}: checks must be a mapping of check ids${got(issue.path)}`;
  if (path.length === 2) return `${source}: ${dotted} must be a mapping of parameters${got(issue.path)}`;
  const [, id, name] = path;
  if (name === 'enabled') return `${source}: ${dotted} must be true or false${got(issue.path)}`;
  const spec = getCheck(id!)?.params[name!];
  if (!spec) return `${source}: ${dotted}: ${issue.message}`;
  const paramPath = issue.path.slice(0, 3);
  return `${source}: checks.${id}.${name} must be ${expectation(spec)}${got(paramPath)}`;
}

/**
 * Parses the `checks` input: `all` (or empty) or a comma list of check ids.
 * @throws CheckConfigError naming the unknown ids and listing the valid ones.
 */
export function parseCheckSelection(raw: string | readonly string[], source = 'checks'): string[] {
  const ids =
    typeof raw === 'string'
      ? raw
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '')
      : [...raw];
  if (ids.length === 0 || (ids.length === 1 && ids[0] === 'all')) return [...CHECK_IDS];
  const unknown = ids.filter((id) => !CHECK_IDS.includes(id));
  if (unknown.length > 0) {
    throw new CheckConfigError(
      `${source}: unknown check id${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}; valid ids: ${CHECK_IDS.join(', ')}`,
    );
  }
  return [...new Set(ids)];
}

/**
 * The config with only the selected checks enabled (a check disabled in the file stays
 * disabled even when selected: the file is the more deliberate choice).
 */
export function selectChecks(config: ChecksConfig, selection: readonly string[] | 'all'): ChecksConfig {
  const selected = new Set(selection === 'all' ? CHECK_IDS : parseCheckSelection(selection));
  const result: ChecksConfig = {};
  for (const [id, settings] of Object.entries(config)) result[id] = { ...settings, enabled: settings.enabled && selected.has(id) };
  return result;
}
