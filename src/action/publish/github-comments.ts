import { getOctokit } from '@actions/github';
import type { PullRequestComments } from './pr-comment.js';

export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
}

/** The PR's comments through the REST API (`GITHUB_API_URL`, so GHES and tests work). */
export function githubComments(token: string, pr: PullRequestRef): PullRequestComments {
  const octokit = getOctokit(token);
  const where = { owner: pr.owner, repo: pr.repo, issue_number: pr.number };
  return {
    async list() {
      const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...where, per_page: 100 });
      return comments.map((c) => ({ id: c.id, body: c.body ?? null, user: c.user ? { login: c.user.login, type: c.user.type } : null }));
    },
    async create(body) {
      await octokit.rest.issues.createComment({ ...where, body });
    },
    async update(commentId, body) {
      await octokit.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: commentId, body });
    },
  };
}

/** HTTP status of an Octokit error, if it has one. */
export function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}
