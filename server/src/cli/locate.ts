// Offsets to positions for every output format. The core speaks in UTF-16 offsets; people and tools
// read lines and columns, 0-based in JSON (as LSP), 1-based in text, SARIF and annotations.

import { LineIndex, Span, lineIndexOf, positionAt } from '../core';

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** Turns a span of a file into a 0-based range; each file's line index is built once, on first use. */
export type Locate = (uri: string, span: Span) => Range;

export function locator(texts: ReadonlyMap<string, string>): Locate {
  const indexes = new Map<string, LineIndex>();
  return (uri, span) => {
    let index = indexes.get(uri);
    if (!index) indexes.set(uri, (index = lineIndexOf(texts.get(uri) ?? '')));
    return { start: positionAt(index, span.start), end: positionAt(index, span.end) };
  };
}
