// Text that may be embedded inside another text (JSON inside a YAML block scalar, YAML inside a
// ConfigMap value), with a map from its own indices back to offsets in the file. Every span the core
// reports goes through `spanOf`, so a squiggle lands on the exact characters of the file however deep
// the value was embedded.

import type { Span } from '../model';

export interface SourceText {
  readonly text: string;
  /** Maps an index into `text` (0 <= i < text.length) to the offset of that character in the file. */
  fileOffset(index: number): number;
  /** The file offset just past character `index`: past the whole escape (`\u0031`) that produced it. */
  fileEnd(index: number): number;
}

export function fileSource(text: string): SourceText {
  return { text, fileOffset: (index) => index, fileEnd: (index) => index + 1 };
}

/**
 * Text decoded from a region of `parent`; `indexMap[i]` is the index in `parent.text` of decoded
 * character i, and `endMap[i]` (default `indexMap[i] + 1`) the index just past the parent characters
 * it was decoded from. Invariant: both have text.length entries and are non-decreasing.
 */
export function embeddedSource(parent: SourceText, text: string, indexMap: readonly number[], endMap?: readonly number[]): SourceText {
  const clamp = (index: number) => Math.max(0, Math.min(index, indexMap.length - 1));
  return {
    text,
    fileOffset(index) {
      if (indexMap.length === 0) return parent.fileOffset(0);
      return parent.fileOffset(indexMap[clamp(index)]);
    },
    fileEnd(index) {
      if (indexMap.length === 0) return parent.fileOffset(0);
      const i = clamp(index);
      return parent.fileEnd((endMap ? endMap[i] : indexMap[i] + 1) - 1);
    },
  };
}

/** The file span of `source.text.slice(start, end)`. */
export function spanOf(source: SourceText, start: number, end: number): Span {
  if (end <= start) {
    const at = source.text.length === 0 ? source.fileOffset(0) : start >= source.text.length ? source.fileEnd(source.text.length - 1) : source.fileOffset(start);
    return { start: at, end: at };
  }
  return { start: source.fileOffset(start), end: source.fileEnd(end - 1) };
}
