import type { InputName } from '../primitives/constants.js';

/**
 * The default of every action input that has one, as the raw string action.yml writes it
 * (`test/unit/settings/defaults.test.ts` keeps the two equal). The settings parse these
 * strings with the same validators as a user's value, and the CLI shows and uses them, so a
 * default is changed here and in action.yml, nowhere else.
 *
 * Inputs without a default are absent: they are unset unless given (`regions` falls back to
 * `[aws-region]`, which is derived, not written). A value may be a runner expression such as
 * `${{ github.token }}`: the runner resolves it before the action starts, and the code treats
 * the unresolved text as no value (see {@link isRunnerExpression}).
 */
export const INPUT_DEFAULTS = {
  'aws-region': 'us-east-1',
  'state-prefix': 'finops/',
  'state-dir': '.finops-state',
  command: 'run',
  'max-concurrent-tasks': '4',
  'task-timeout-seconds': '300',
  'time-budget-minutes': '20',
  'resume-window-hours': '24',
  'lease-wait-seconds': '0',
  checks: 'all',
  'cost-metric': 'UnblendedCost',
  'comment-on-pr': 'auto',
  'github-token': '${{ github.token }}',
  'artifact-name': 'finops-report',
  'report-dir': 'finops-report',
  'fail-on-new-findings': 'false',
  'log-format': 'text',
} as const satisfies Partial<Record<InputName, string>>;

/** An input that has an entry in {@link INPUT_DEFAULTS}. */
export type DefaultedInput = keyof typeof INPUT_DEFAULTS;

/** An input that is unset unless given. */
export type OptionalInput = Exclude<InputName, DefaultedInput>;

const EXPRESSION = /\$\{\{.*?\}\}/s;

/**
 * Whether a raw value holds a workflow expression (`${{ … }}`) nobody resolved. On the runner
 * such a default arrives already replaced by its value; the text itself only reaches the code
 * from this table or from a caller that copied action.yml literally, and it is never a value.
 */
export function isRunnerExpression(raw: string): boolean {
  return EXPRESSION.test(raw);
}
