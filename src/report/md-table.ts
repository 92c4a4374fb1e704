/**
 * GitHub-flavoured Markdown tables. Cells must already be escaped (see `escape.ts`): this module
 * only lays them out.
 */

/** Column alignment. */
export type Align = 'left' | 'right' | 'center';

const DELIMITER: Record<Align, string> = { left: ':---', right: '---:', center: ':---:' };

/** The header and delimiter rows of a table. */
export function tableHeader(headers: readonly string[], aligns: readonly Align[] = []): string {
  const delimiter = headers.map((_, i) => DELIMITER[aligns[i] ?? 'left']);
  return `${tableRow(headers)}\n${tableRow(delimiter)}`;
}

/** One table row from escaped cells. */
export function tableRow(cells: readonly string[]): string {
  return `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`;
}

/** A whole table: header, delimiter and rows, without a trailing newline. */
export function markdownTable(headers: readonly string[], aligns: readonly Align[], rows: readonly (readonly string[])[]): string {
  return [tableHeader(headers, aligns), ...rows.map(tableRow)].join('\n');
}
