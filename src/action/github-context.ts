import { readFileSync } from 'node:fs';
import type { Trigger } from '../records/state.js';

/** What the action needs to know about the workflow run, read from the runner's environment. */
export interface RunContext {
  eventName: string;
  owner?: string;
  repo?: string;
  /** PR number on `pull_request`/`pull_request_target` events. */
  pullRequest?: number;
  /** True when the PR comes from a fork (its token is read-only and OIDC is usually absent). */
  fromFork: boolean;
  runId?: string;
  runAttempt?: string;
  ref?: string;
  sha?: string;
  serverUrl: string;
}

interface EventPayload {
  pull_request?: { number?: number; head?: { repo?: { full_name?: string } }; base?: { repo?: { full_name?: string } } };
}

export function readRunContext(env: NodeJS.ProcessEnv): RunContext {
  const eventName = env.GITHUB_EVENT_NAME ?? 'local';
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  let payload: EventPayload = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as EventPayload;
    } catch {
      payload = {};
    }
  }
  const pr = payload.pull_request;
  const number = typeof pr?.number === 'number' && Number.isInteger(pr.number) && pr.number > 0 ? pr.number : undefined;
  const head = pr?.head?.repo?.full_name;
  const base = pr?.base?.repo?.full_name;
  return {
    eventName,
    ...(owner && repo ? { owner, repo } : {}),
    ...(number === undefined ? {} : { pullRequest: number }),
    fromFork: head !== undefined && base !== undefined && head !== base,
    ...optional('runId', env.GITHUB_RUN_ID),
    ...optional('runAttempt', env.GITHUB_RUN_ATTEMPT),
    ...optional('ref', env.GITHUB_REF),
    ...optional('sha', env.GITHUB_SHA),
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
  };
}

export function triggerOf(context: RunContext): Trigger {
  return {
    event: context.eventName,
    ...(context.ref ? { ref: context.ref } : {}),
    ...(context.sha ? { sha: context.sha } : {}),
    ...(context.runId ? { runId: context.runId } : {}),
    ...(context.pullRequest ? { pullRequest: context.pullRequest } : {}),
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}
