/**
 * Escaping of text that comes from AWS (resource names, tags, ids, service names, error
 * messages) for each output format. Everything an account owner, or anyone who can tag a
 * resource in it, can write is untrusted: it must not inject Markdown, HTML, links, @mentions,
 * issue references, spreadsheet formulas, or a copy of our PR comment marker.
 */

/** Zero-width space: invisible, but breaks the patterns GitHub links (mentions, URLs, refs). */
const ZWSP = '\u200B';

// C0/C1 controls and Unicode line/paragraph separators: they would end a table row or a line.
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;
// Bidirectional overrides and isolates ("Trojan Source"): they make text display as something
// else than it is, e.g. a resource id that reads like a different one.
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Replaces controls and line breaks with spaces and drops bidi controls. */
export function sanitizeText(text: string): string {
  return text.replace(/\r\n/g, ' ').replace(CONTROL, ' ').replace(BIDI, '');
}

/** Any value as text; `null`/`undefined` become the empty string. */
export function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return String(value);
  }
}

// ASCII punctuation that starts inline Markdown (emphasis, code, links, strikethrough, math)
// or splits a GFM table cell. A backslash before ASCII punctuation always renders it literally.
const MARKDOWN_PUNCTUATION = /[\\`*_~[\]|$]/g;

/**
 * Escapes text for GitHub-flavoured Markdown, inline or inside a table cell: one line, no
 * emphasis, code, links, images, math, HTML, table breaks, @mentions (`@org/team`), `#123`
 * references, URL or `www.` autolinks, e-mail autolinks, and no HTML comment (so a planted copy
 * of our comment marker is inert). The text still reads the same.
 */
export function escapeMarkdown(value: unknown): string {
  return sanitizeText(toText(value))
    .replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, `@${ZWSP}`)
    .replace(/#(?=\d)/g, `#${ZWSP}`)
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/\b(www)\./gi, `$1${ZWSP}.`);
}

/** Alias of {@link escapeMarkdown}, named for call sites that build GFM table rows. */
export const escapeMarkdownTableCell = escapeMarkdown;

/** Escapes text for HTML element content. Newlines are kept (they are only whitespace there). */
export function escapeHtml(value: unknown): string {
  return toText(value)
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, ' ')
    .replace(BIDI, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Escapes text for a double- or single-quoted HTML attribute value. */
export function escapeHtmlAttribute(value: unknown): string {
  return escapeHtml(value).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;').replace(/`/g, '&#96;');
}

// Characters that make Excel, LibreOffice or Google Sheets evaluate a cell as a formula
// (OWASP "CSV injection"), also after leading spaces, which some of them skip.
const FORMULA_START = /^[=+\-@\t\r\n]|^\s+[=+\-@]/;

/**
 * One RFC 4180 CSV field, safe to open in a spreadsheet: text that would start a formula
 * (`=`, `+`, `-`, `@`, tab, CR) is prefixed with `'`; fields with a comma, quote or line break
 * are quoted with inner quotes doubled. Finite numbers and booleans are written as they are.
 */
export function escapeCsvCell(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return String(value);
  let text = toText(value).replace(BIDI, '');
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Shortens text to at most `max` characters (Unicode code points), ending with `…` when cut.
 * Never splits a surrogate pair.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const points = Array.from(text);
  if (points.length <= max) return text;
  return `${points.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** Escaped Markdown of AWS text, first shortened to `max` code points. */
export function markdownCell(value: unknown, max = 200): string {
  return escapeMarkdown(truncateText(sanitizeText(toText(value)), max));
}
