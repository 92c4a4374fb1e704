import { DefaultArtifactClient } from '@actions/artifact';
import { basename, dirname } from 'node:path';

export type ArtifactOutcome = { uploaded: true; name: string; id?: number; size?: number } | { uploaded: false; reason: string };

/**
 * Uploads the report files as one artifact. Where the artifact service is not available (a
 * local run, GHES, no runtime token) it reports why instead of failing: the files are in
 * `report-dir` either way.
 */
export async function uploadReportArtifact(name: string, files: readonly string[], env: NodeJS.ProcessEnv): Promise<ArtifactOutcome> {
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
    return {
      uploaded: false,
      reason: 'the artifact service is not available to this job (no ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL)',
    };
  }
  if (files.length === 0) return { uploaded: false, reason: 'no report files' };
  const root = dirname(files[0] as string);
  try {
    const response = await new DefaultArtifactClient().uploadArtifact(name, [...files], root);
    return {
      uploaded: true,
      name,
      ...(response.id === undefined ? {} : { id: response.id }),
      ...(response.size === undefined ? {} : { size: response.size }),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { uploaded: false, reason: `upload of ${files.map((f) => basename(f)).join(', ')} failed: ${message}` };
  }
}

/** Artifact names must be unique within a workflow run: re-run attempts get their own. */
export function artifactNameFor(base: string, env: NodeJS.ProcessEnv): string {
  const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? '1');
  return Number.isInteger(attempt) && attempt > 1 ? `${base}-attempt-${attempt}` : base;
}
