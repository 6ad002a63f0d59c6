// A CSV export with a header row, read row by row: the readers of NetBox, phpIPAM and Infoblox share it.

import { CsvField, CsvRecord, columnIndex, fieldOf, forEachCsvRecord, tokenizeCsv } from './csv';
import type { ReadingBuilder } from './builder';

export interface CsvRow {
  /** The trimmed field of the first named column the header has, when it is not empty. */
  field(...names: string[]): CsvField | undefined;
  /** Its text, or undefined. */
  text(...names: string[]): string | undefined;
  readonly record: CsvRecord;
}

/** Calls `readRow` for each record after the header; reports an unterminated quote on the builder. */
export function readCsvTable(text: string, builder: ReadingBuilder, readRow: (row: CsvRow) => void): CsvRecord | undefined {
  let header: CsvRecord | undefined;
  let columns = new Map<string, number>();
  const unterminatedQuoteAt = forEachCsvRecord(text, (record) => {
    if (!header) {
      header = record;
      columns = columnIndex(record);
      return;
    }
    const field = (...names: string[]) => {
      const found = fieldOf(record, columns, ...names);
      return found && found.text !== '' ? found : undefined;
    };
    readRow({ record, field, text: (...names) => field(...names)?.text });
  });
  if (unterminatedQuoteAt !== undefined) builder.problem({ start: unterminatedQuoteAt, end: unterminatedQuoteAt + 1 }, 'a quoted field is never closed; the rest of the file is one field');
  return header;
}

/** Header names as a set, for detection and for telling the user which columns were expected. */
export function headerNames(text: string): Set<string> {
  const firstLine = text.slice(0, Math.min(text.length, 4096)).split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const { records } = tokenizeCsv(firstLine);
  return new Set((records[0]?.fields ?? []).map((f) => f.text.trim().toLowerCase()));
}
