/**
 * Cutting Markdown down to a size limit without breaking what remains: whole lines only, never
 * half a surrogate pair, and a table cut in two keeps a header on both sides.
 */
import { measureChars, type Measure } from './limits.js';

/** What a cut removed, for the note that says so. */
export interface CutStats {
  lines: number;
  chars: number;
}

/**
 * The longest prefix of `text` (whole code points) whose measure is at most `budget`.
 */
export function prefixWithin(text: string, budget: number, measure: Measure = measureChars): string {
  if (measure(text) <= budget) return text;
  let lo = 0;
  let hi = Math.min(text.length, Math.max(0, budget) * 4 + 4);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(safeSlice(text, mid)) <= budget) lo = mid;
    else hi = mid - 1;
  }
  return safeSlice(text, lo);
}

function safeSlice(text: string, end: number): string {
  const code = text.charCodeAt(end - 1);
  // A high surrogate at the end would leave half a character.
  return code >= 0xd800 && code <= 0xdbff ? text.slice(0, end - 1) : text.slice(0, end);
}

const isTableRow = (line: string): boolean => line.startsWith('|');
const isFence = (line: string): boolean => /^(```|~~~)/.test(line);

/** Per line: where its table starts, and which code fence (open, close) it is in, if any. */
function structure(lines: readonly string[]): { tableFirst: number[]; fence: Array<[number, number] | null> } {
  const tableFirst: number[] = [];
  lines.forEach((line, i) =>
    tableFirst.push(isTableRow(line) ? (i > 0 && isTableRow(lines[i - 1] ?? '') ? (tableFirst[i - 1] ?? i) : i) : -1),
  );
  const fence: Array<[number, number] | null> = lines.map(() => null);
  for (let i = 0; i < lines.length; i++) {
    if (!isFence(lines[i] ?? '')) continue;
    let close = i + 1;
    while (close < lines.length && !isFence(lines[close] ?? '')) close++;
    for (let j = i; j <= Math.min(close, lines.length - 1); j++) fence[j] = [i, close];
    i = close;
  }
  return { tableFirst, fence };
}

/** Options of {@link truncateMiddle}. */
export interface TruncateMiddleOptions {
  /** How to measure size. @default UTF-16 code units */
  measure?: Measure;
  /** The note put where text was cut; it receives what was removed. */
  note: (cut: CutStats) => string;
  /** Share of the budget given to the head, in (0, 1). @default 0.6 */
  headShare?: number;
}

/**
 * Keeps the head and the tail of `text` within `max`, replacing the middle with a note.
 * Returns `text` unchanged when it already fits. Code blocks are kept whole or dropped whole,
 * and when the tail starts inside a Markdown table, its heading and header rows are repeated
 * so the rows still render as a table under a title.
 */
export function truncateMiddle(text: string, max: number, options: TruncateMiddleOptions): string {
  const measure = options.measure ?? measureChars;
  if (measure(text) <= max) return text;
  const lines = text.split('\n');
  const sizes = lines.map((line) => measure(line) + 1);
  // The note only gets shorter as fewer lines are cut, so reserving for the worst case is safe.
  const reserve = measure(options.note({ lines: lines.length, chars: text.length })) + 4;
  const available = Math.max(0, max - reserve);
  const headBudget = Math.floor(available * (options.headShare ?? 0.6));

  const { tableFirst, fence } = structure(lines);

  let headEnd = 0;
  let used = 0;
  while (headEnd < lines.length && used + (sizes[headEnd] ?? 0) <= headBudget) used += sizes[headEnd++] ?? 0;
  // A code block (the Mermaid chart) cut open would swallow the note and everything after it.
  const headFence = headEnd > 0 ? fence[headEnd - 1] : null;
  if (headFence && headFence[1] >= headEnd) {
    for (let i = headFence[0]; i < headEnd; i++) used -= sizes[i] ?? 0;
    headEnd = headFence[0];
  }

  // The tail is shown after the note, apart from the head, so a table it starts inside needs
  // its own header and delimiter rows, and its section heading again.
  const headerFor = (start: number): string[] => {
    const first = tableFirst[start] ?? -1;
    if (first < 0 || start === first) return [];
    const columns = start === first + 1 ? [lines[first] ?? ''] : [lines[first] ?? '', lines[first + 1] ?? ''];
    let h = first - 1;
    while (h >= 0 && (lines[h] ?? '').trim() === '') h--;
    const heading = h >= 0 ? (lines[h] ?? '') : '';
    return /^#{1,6} /.test(heading) ? [`${heading} (continued)`, '', ...columns] : columns;
  };
  let tailStart = lines.length;
  let tailUsed = 0;
  const tailBudget = available - used;
  while (tailStart > headEnd) {
    const next = tailStart - 1;
    const headerSize = headerFor(next).reduce((n, l) => n + measure(l) + 1, 0);
    if (tailUsed + (sizes[next] ?? 0) + headerSize > tailBudget) break;
    tailUsed += sizes[next] ?? 0;
    tailStart = next;
  }
  const tailFence = tailStart < lines.length ? fence[tailStart] : null;
  if (tailFence && tailStart > tailFence[0]) tailStart = Math.min(lines.length, tailFence[1] + 1);
  const header = headerFor(tailStart);

  const removedLines = tailStart - headEnd;
  const removedChars = lines.slice(headEnd, tailStart).reduce((n, l) => n + l.length + 1, 0);
  // Only a first line longer than the whole head budget is cut inside the line.
  const head = headEnd > 0 ? lines.slice(0, headEnd).join('\n') : fence[0] ? '' : prefixWithin(lines[0] ?? '', headBudget, measure);
  const note = options.note({ lines: removedLines, chars: removedChars });
  const tail = [...header, ...lines.slice(tailStart)].join('\n');
  const result = `${head}\n\n${note}\n\n${tail}`.trimEnd() + '\n';
  return measure(result) <= max ? result : prefixWithin(result, max, measure);
}
