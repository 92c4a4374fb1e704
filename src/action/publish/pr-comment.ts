import type { CommentData, IssueCommentLike } from '../../report/comment.js';
import { findOurComment, planCommentAction, renderComment } from '../../report/comment.js';
import type { CommentMode } from '../../settings/settings.js';

/** The pull request's comments, as far as the sticky comment needs them. */
export interface PullRequestComments {
  /** Every comment of the PR, all pages, oldest first. */
  list(): Promise<IssueCommentLike[]>;
  create(body: string): Promise<void>;
  update(commentId: number, body: string): Promise<void>;
}

export type CommentOutcome = { kind: 'created' | 'updated' | 'unchanged' } | { kind: 'skipped'; reason: string };

export interface PublishCommentOptions {
  mode: CommentMode;
  /** What the comment says, decided by the run; `undefined` when the run is not for a pull request. */
  data: CommentData | undefined;
  comments: PullRequestComments | undefined;
  /** Author of our earlier comment (the token's user), so nobody else's comment is edited. */
  botLogin?: string;
}

/**
 * The sticky comment: found by its marker (at the start of a comment by our user only),
 * edited in place, never rewritten when its text would not change. `auto` comments only
 * when there is something to say: a change against the baseline or any finding.
 */
export async function publishPrComment(options: PublishCommentOptions): Promise<CommentOutcome> {
  const { data } = options;
  if (options.mode === 'never') return { kind: 'skipped', reason: 'comment-on-pr is never' };
  if (data === undefined) return { kind: 'skipped', reason: 'not a pull request event' };
  if (!options.comments) return { kind: 'skipped', reason: 'no token to comment with' };
  const body = renderComment(data);
  const existing = findOurComment(await options.comments.list(), options.botLogin);
  if (options.mode === 'auto' && !existing && !hasSomethingToSay(data)) {
    return { kind: 'skipped', reason: 'nothing changed against the baseline and no findings' };
  }
  const action = planCommentAction(existing, body);
  switch (action.kind) {
    case 'unchanged':
      return { kind: 'unchanged' };
    case 'update':
      await options.comments.update(action.id, body);
      return { kind: 'updated' };
    case 'create':
      await options.comments.create(body);
      return { kind: 'created' };
  }
}

function hasSomethingToSay(data: CommentData): boolean {
  return (
    data.newFindings.length > 0 || data.resolvedFindings.length > 0 || data.findingsCount > 0 || data.services.some((s) => s.change !== 0)
  );
}
