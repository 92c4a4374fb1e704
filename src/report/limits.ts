/**
 * Size limits of the places we publish to, and how we measure against them.
 */

/** GitHub's limit of one step's job summary, in bytes ("supports content up to a size of 1024k"). */
export const GITHUB_SUMMARY_MAX_BYTES = 1_048_576;

/**
 * Default budget of our summary, in UTF-8 bytes: GitHub's limit minus 64 KiB that the publisher
 * may append (notices such as "cannot comment on this fork PR") in the same step.
 */
export const DEFAULT_SUMMARY_MAX_BYTES = GITHUB_SUMMARY_MAX_BYTES - 65_536;

/** GitHub's limit of an issue or PR comment body ("maximum is 65536 characters"). */
export const GITHUB_COMMENT_MAX_CHARS = 65_536;

/**
 * Default budget of our PR comment, in UTF-16 code units (JavaScript `length`, never fewer than
 * the characters GitHub counts), with a margin below {@link GITHUB_COMMENT_MAX_CHARS}.
 */
export const DEFAULT_COMMENT_MAX_CHARS = 65_000;

/** Size of a string once encoded as UTF-8, in bytes, without allocating the encoding. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Measures a string in some unit (bytes, characters). */
export type Measure = (text: string) => number;

/** Measures in UTF-16 code units. */
export const measureChars: Measure = (text) => text.length;
