/**
 * Which comment to edit, and whether to write at all. Pure decisions over the comments the
 * publisher listed; the publisher makes the API calls.
 */
import { COMMENT_MARKER } from './comment-marker.js';

/** The login GitHub gives the default `GITHUB_TOKEN` when it writes comments. */
export const DEFAULT_BOT_LOGIN = 'github-actions[bot]';

/** The fields of a GitHub issue comment that matter here (a REST `issue comment` fits). */
export interface IssueCommentLike {
  id: number;
  body?: string | null;
  user?: { login: string; type?: string } | null;
}

/** What the publisher should do with the comment. */
export type CommentAction = { kind: 'create' } | { kind: 'update'; id: number } | { kind: 'unchanged'; id: number };

/**
 * The comment we wrote before, or `null`. Only a body that *starts* with the marker counts, so a
 * copy of the marker quoted or planted inside someone else's comment never matches. When
 * `botLogin` is known, only that author counts; otherwise comments by bots are preferred over a
 * person's comment that starts with the marker. Of several matches the oldest (lowest id) wins,
 * so the same comment stays sticky.
 */
export function findOurComment<T extends IssueCommentLike>(
  comments: readonly T[],
  botLogin?: string,
  marker: string = COMMENT_MARKER,
): T | null {
  let candidates = comments.filter((c) => typeof c.body === 'string' && c.body.startsWith(marker));
  if (botLogin) {
    const login = botLogin.toLowerCase();
    candidates = candidates.filter((c) => c.user?.login.toLowerCase() === login);
  } else if (candidates.some((c) => c.user?.type === 'Bot')) {
    candidates = candidates.filter((c) => c.user?.type === 'Bot');
  }
  return candidates.reduce<T | null>((oldest, c) => (oldest === null || c.id < oldest.id ? c : oldest), null);
}

/** GitHub may hand back CRLF line ends and drop trailing whitespace; neither is a change. */
function normalise(body: string): string {
  return body.replace(/\r\n/g, '\n').trimEnd();
}

/**
 * Create when there is no comment yet, update it when the body differs, and make no API write
 * when it would not change.
 */
export function planCommentAction(existing: Pick<IssueCommentLike, 'id' | 'body'> | null, newBody: string): CommentAction {
  if (!existing) return { kind: 'create' };
  return normalise(existing.body ?? '') === normalise(newBody)
    ? { kind: 'unchanged', id: existing.id }
    : { kind: 'update', id: existing.id };
}
