import { z } from 'zod';

/**
 * Version of every object this code writes; readers reject any other. Objects are strict: a
 * field this version does not know means the object is not ours or was damaged.
 */
export const SCHEMA_VERSION = 1;

const isoDate = z.iso.datetime();

export const taskStatusSchema = z.enum(['pending', 'running', 'succeeded', 'failed', 'skipped', 'cancelled']);
export const executionStatusSchema = z.enum(['running', 'completed', 'partial', 'failed', 'cancelled']);

export const taskErrorSchema = z.strictObject({
  name: z.string(),
  message: z.string(),
  retryable: z.boolean(),
});

export const taskRecordSchema = z.strictObject({
  id: z.string(),
  type: z.string(),
  status: taskStatusSchema,
  /** Attempts started so far, across all runs. */
  attempts: z.number().int().nonnegative(),
  dependsOn: z.array(z.string()),
  optionalDependsOn: z.array(z.string()),
  startedAt: isoDate.optional(),
  finishedAt: isoDate.optional(),
  durationMs: z.number().nonnegative().optional(),
  error: taskErrorSchema.optional(),
  /** Why a task was skipped (failed dependency, open breaker, not enrolled...). */
  skipReason: z.string().optional(),
});

export const breakerStateSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('closed'), consecutiveFailures: z.number().int().nonnegative() }),
  z.strictObject({
    state: z.literal('open'),
    consecutiveFailures: z.number().int().nonnegative(),
    openedAt: isoDate,
    lastError: z.string().optional(),
  }),
  z.strictObject({ state: z.literal('half-open'), consecutiveFailures: z.number().int().nonnegative() }),
]);

export const triggerSchema = z.strictObject({
  /** GitHub event name (`schedule`, `pull_request`, ...) or `cli`. */
  event: z.string(),
  ref: z.string().optional(),
  sha: z.string().optional(),
  runId: z.string().optional(),
  pullRequest: z.number().int().positive().optional(),
});

/** What an execution analyses, fixed when it is created so that every run of it builds the same tasks. */
export const analysisSettingsSchema = z.strictObject({
  costMetric: z.string(),
  tagKey: z.string().optional(),
  /** Settings of every check by id: enabled, and its parameters. */
  checks: z.record(
    z.string(),
    z.strictObject({ enabled: z.boolean(), params: z.record(z.string(), z.union([z.number(), z.array(z.string())])) }),
  ),
});

export const executionManifestSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  kind: z.literal('execution'),
  executionId: z.string(),
  accountId: z.string(),
  status: executionStatusSchema,
  createdAt: isoDate,
  updatedAt: isoDate,
  finishedAt: isoDate.optional(),
  trigger: triggerSchema.optional(),
  /** Absent on executions created without it (older releases, bare executor runs). */
  analysis: analysisSettingsSchema.optional(),
  /** Set by `cancel`; a run that sees it stops scheduling. */
  cancelRequested: z.boolean(),
  /** How many runs have worked on this execution. */
  runs: z.number().int().nonnegative(),
  tasks: z.record(z.string(), taskRecordSchema),
  breakers: z.record(z.string(), breakerStateSchema),
  /**
   * Result batches this manifest accounts for, oldest first. A stored batch missing here was
   * written by a run that stopped before its next checkpoint: its results are adopted.
   */
  resultBatches: z.array(z.string()).optional(),
});

export const latestPointerSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  kind: z.literal('latest'),
  accountId: z.string(),
  executionId: z.string(),
  updatedAt: isoDate,
});

export const leaseSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  kind: z.literal('lease'),
  accountId: z.string(),
  holder: z.string(),
  acquiredAt: isoDate,
  expiresAt: isoDate,
});

/**
 * Results of the tasks that succeeded between two checkpoints, written once, just before the
 * manifest that records them: one object per checkpoint instead of one per task.
 */
export const resultBatchSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  kind: z.literal('results'),
  executionId: z.string(),
  batch: z.string(),
  writtenAt: isoDate,
  /** Result data by task id. */
  results: z.record(z.string(), z.unknown()),
});

export const cacheEntrySchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  kind: z.literal('cache'),
  key: z.string(),
  writtenAt: isoDate,
  /** Absent for entries that never expire (closed Cost Explorer months). */
  expiresAt: isoDate.optional(),
  data: z.unknown(),
});

/** A task's status (SPEC §2). */
export type TaskStatus = z.infer<typeof taskStatusSchema>;
/** An execution's status (SPEC §2). */
export type ExecutionStatus = z.infer<typeof executionStatusSchema>;
export type TaskRecord = z.infer<typeof taskRecordSchema>;
export type TaskError = z.infer<typeof taskErrorSchema>;
export type BreakerState = z.infer<typeof breakerStateSchema>;
export type Trigger = z.infer<typeof triggerSchema>;
export type AnalysisSettings = z.infer<typeof analysisSettingsSchema>;
export type ExecutionManifest = z.infer<typeof executionManifestSchema>;
export type LatestPointer = z.infer<typeof latestPointerSchema>;
export type Lease = z.infer<typeof leaseSchema>;
export type ResultBatch = z.infer<typeof resultBatchSchema>;
export type CacheEntry = z.infer<typeof cacheEntrySchema>;
