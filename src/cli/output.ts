import { sanitizeText } from '../report/escape.js';
import { formatDate, formatDuration } from '../report/format.js';
import type { CliIo } from './context.js';

/** Lines and JSON to stdout, notes and warnings to stderr. */
export class Output {
  constructor(private readonly io: CliIo) {}

  line(text = ''): void {
    this.io.stdout.write(`${text}\n`);
  }

  lines(texts: readonly string[]): void {
    for (const text of texts) this.line(text);
  }

  /** One JSON document (pretty, newline-terminated) for `--json`. */
  json(value: unknown): void {
    this.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** One JSON value on a single line (for streams such as `progress --watch --json`). */
  jsonLine(value: unknown): void {
    this.io.stdout.write(`${JSON.stringify(value)}\n`);
  }

  warn(text: string): void {
    this.io.stderr.write(`warning: ${text}\n`);
  }

  note(text: string): void {
    this.io.stderr.write(`${text}\n`);
  }
}

/** Table cells longer than this are cut with an ellipsis (the full text is in `--json`). */
const MAX_CELL = 90;

/**
 * A plain-text table: a header row and left-aligned columns two spaces apart. Cells are cut
 * to one line so a long AWS error message cannot break the layout.
 */
export function renderTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  const clean = rows.map((row) => row.map(cell));
  const widths = headers.map((h, i) => Math.max(h.length, ...clean.map((r) => (r[i] ?? '').length)));
  const render = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [render(headers), ...clean.map(render)];
}

function cell(text: string): string {
  // Names and messages from AWS reach a terminal here: no control sequences, one line.
  const one = sanitizeText(text).replace(/\s+/g, ' ');
  return one.length > MAX_CELL ? `${one.slice(0, MAX_CELL - 1)}…` : one;
}

/** An instant for tables, in UTC; `—` when absent. */
export function when(iso: string | undefined): string {
  return iso === undefined ? '—' : formatDate(iso);
}

/** A duration in ms for tables; `—` when unknown. */
export function duration(ms: number | undefined | null): string {
  return formatDuration(ms ?? null);
}
