/**
 * The hidden HTML comment that identifies our PR comment.
 */

/** Hidden marker that starts every comment we write; only a comment starting with it is ours. */
export const COMMENT_MARKER = '<!-- finops-aws-action:comment v1 -->';

/**
 * A marker for one of several comments on the same PR (e.g. one per account in a matrix job).
 * The key is reduced to `[A-Za-z0-9._-]` so it cannot end the HTML comment early.
 */
export function commentMarker(key?: string): string {
  const safe = (key ?? '')
    .replace(/[^A-Za-z0-9._-]/g, '')
    .replace(/-{2,}/g, '-')
    .slice(0, 64);
  return safe === '' ? COMMENT_MARKER : `<!-- finops-aws-action:comment v1 key=${safe} -->`;
}
