// An RFC 4180 tokenizer that keeps the offset of every field. The well-kept parsers (csv-parse,
// papaparse) report at most where a record ends (`info.bytes`, `meta.cursor`), never where each field
// starts, and a finding on an export row must sit on exactly the prefix's characters; see docs/ipam.md.
// Linear in the text, one pass, never throws: an unterminated quote runs to the end of the text and is
// reported, as csv-parse and NetBox's importer do.

import type { Span } from '../model';

/** One field: its value (quotes removed, `""` unescaped) and the span of its characters inside any quotes. */
export interface CsvField {
  readonly text: string;
  readonly span: Span;
}

export interface CsvRecord {
  readonly fields: readonly CsvField[];
  /** The record's characters, line end excluded. */
  readonly span: Span;
  /** Set when the record has more than MAX_CSV_FIELDS fields; the rest are not kept. */
  readonly truncated?: boolean;
}

export interface CsvTokens {
  readonly records: readonly CsvRecord[];
  /** Offset of an opening quote that is never closed. */
  readonly unterminatedQuoteAt?: number;
}

/** No export has more columns than this; a line of 50 million commas must not become 50 million fields. */
export const MAX_CSV_FIELDS = 1000;

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Splits CSV text into records; blank lines are left out. `delimiter` is one character. */
export function tokenizeCsv(text: string, delimiter = ','): CsvTokens {
  const records: CsvRecord[] = [];
  const unterminatedQuoteAt = forEachCsvRecord(text, (record) => void records.push(record), delimiter);
  return unterminatedQuoteAt === undefined ? { records } : { records, unterminatedQuoteAt };
}

/**
 * Calls `onRecord` for each record in order, holding only the current one, so a 50 MB export costs
 * the memory of its networks, not of every field. Returns the offset of an unterminated quote.
 */
export function forEachCsvRecord(text: string, onRecord: (record: CsvRecord) => void, delimiter = ','): number | undefined {
  const separator = delimiter.charCodeAt(0);
  let fields: CsvField[] = [];
  let truncated = false;
  let recordStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let i = recordStart;
  let unterminatedQuoteAt: number | undefined;
  const endRecord = (end: number) => {
    // A blank line has no characters at all; a line holding only `""` is a record with one empty field.
    if (end > recordStart) onRecord(truncated ? { fields, span: { start: recordStart, end }, truncated } : { fields, span: { start: recordStart, end } });
    fields = [];
    truncated = false;
  };
  const keep = (field: CsvField) => {
    if (fields.length < MAX_CSV_FIELDS) fields.push(field);
    else truncated = true;
  };
  for (;;) {
    if (text.charCodeAt(i) === QUOTE) {
      const { value, end, closed } = quotedField(text, i);
      if (!closed) unterminatedQuoteAt ??= i;
      keep({ text: value, span: { start: i + 1, end: closed ? end - 1 : end } });
      i = end;
      // Characters between a closing quote and the next delimiter are kept out of the value (lenient, like csv-parse's relax_quotes).
      while (i < text.length && !isFieldEnd(text.charCodeAt(i), separator)) i++;
    } else {
      const start = i;
      while (i < text.length && !isFieldEnd(text.charCodeAt(i), separator)) i++;
      keep({ text: text.slice(start, i), span: { start, end: i } });
    }
    if (i >= text.length) {
      endRecord(i);
      break;
    }
    const c = text.charCodeAt(i);
    if (c === separator) {
      i++;
      if (i < text.length) continue;
      // A delimiter at the very end of the text still opens one last, empty field.
      keep({ text: '', span: { start: i, end: i } });
      endRecord(i);
      break;
    }
    endRecord(i);
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    recordStart = i;
    if (i === text.length) break;
  }
  return unterminatedQuoteAt;
}

function isFieldEnd(c: number, separator: number): boolean {
  return c === separator || c === LF || c === CR;
}

/** A quoted field starting at `open`: its unescaped value and the offset after its closing quote. */
function quotedField(text: string, open: number): { value: string; end: number; closed: boolean } {
  let value = '';
  let from = open + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return { value: value + text.slice(from), end: text.length, closed: false };
    value += text.slice(from, quote);
    if (text.charCodeAt(quote + 1) === QUOTE) {
      value += '"';
      from = quote + 2;
      continue;
    }
    return { value, end: quote + 1, closed: true };
  }
}

/** The header's column names, trimmed and lower-cased, mapped to their index (the first of duplicates). */
export function columnIndex(header: CsvRecord): Map<string, number> {
  const index = new Map<string, number>();
  header.fields.forEach((field, i) => {
    const name = field.text.trim().toLowerCase();
    if (!index.has(name)) index.set(name, i);
  });
  return index;
}

/** The field of `record` in the first of `names` the header has, trimmed; the span shrinks with it. */
export function fieldOf(record: CsvRecord, columns: ReadonlyMap<string, number>, ...names: string[]): CsvField | undefined {
  for (const name of names) {
    const i = columns.get(name);
    if (i === undefined) continue;
    const field = record.fields[i];
    return field ? trimmed(field) : undefined;
  }
  return undefined;
}

/** A field without its surrounding white space. The span shrinks only when the raw text equals the value (no `""` escapes). */
export function trimmed(field: CsvField): CsvField {
  const leading = field.text.length - field.text.trimStart().length;
  const text = field.text.trim();
  if (text.length === field.text.length) return field;
  const raw = field.span.end - field.span.start === field.text.length;
  return { text, span: raw ? { start: field.span.start + leading, end: field.span.start + leading + text.length } : field.span };
}
