// Plain-text tables with aligned columns, for `plan` and `suggest` on a terminal.

export interface Column {
  readonly header: string;
  /** Numbers read best aligned on their last digit. */
  readonly alignRight?: boolean;
}

/** The header and the rows, each cell padded to its column's widest; no trailing spaces. */
export function textTable(columns: readonly Column[], rows: ReadonlyArray<readonly string[]>, indent = ''): string[] {
  const widths = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) =>
    indent +
    cells
      .map((cell, i) => (columns[i].alignRight ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...rows.map(line)];
}
