/** The executor's public surface: the action, the CLI and the analyses import from here. */
export {
  executeGraph,
  finalStatus,
  resolveOptions,
  validateGraph,
  DEFAULT_MAX_CONCURRENT_TASKS,
  DEFAULT_SAFETY_MARGIN_MS,
} from './execute.js';
export type { ExecuteOptions, ExecutionOutcome } from './execute.js';
export { DEFAULT_POLICY, DEFAULT_POLICY_SET, resolvePolicy, validatePolicySet } from './policy.js';
export type { PolicySet, TaskPolicyOverride } from './policy.js';
export { resetBreakers, initialBreakerState } from './breaker.js';
export { reopenTasks } from './reopen.js';
export { classifyError, SKIP_ERROR_NAMES, RETRYABLE_ERROR_NAMES, RETRYABLE_NETWORK_CODES } from './classify.js';
export type { Verdict } from './classify.js';
export { createProgressTracker } from './progress.js';
export type { ProgressSnapshot, ProgressTracker } from './progress.js';
export { systemClock } from '../primitives/clock.js';
export type { Clock } from '../primitives/clock.js';
export type { ExecutorEvent, ExecutorEventListener } from './events.js';
export type { ExecutionJournal } from './journal.js';
export { taskId, isValidTaskId } from './types.js';
export type { TaskDefinition, TaskContext, TaskPolicy, RetryPolicy, BreakerPolicy, TaskStatus, ExecutionStatus } from './types.js';
