// Text that may be embedded inside another text (JSON inside a YAML block scalar, YAML inside a
// ConfigMap value), with a map from its own indices back to offsets in the file. Every span the core
// reports goes through `spanOf`, so a squiggle lands on the exact characters of the file however deep
// the value was embedded.

import type { Span } from '../model';

export interface SourceText {
  readonly text: string;
  /** Maps an index into `text` (0 <= i < text.length) to the offset of that character in the file. */
  fileOffset(index: number): number;
}

export function fileSource(text: string): SourceText {
  return { text, fileOffset: (index) => index };
}

/**
 * Text decoded from a region of `parent`; `indexMap[i]` is the index in `parent.text` of decoded
 * character i. Invariant: indexMap.length === text.length and indexMap is non-decreasing.
 */
export function embeddedSource(parent: SourceText, text: string, indexMap: readonly number[]): SourceText {
  return {
    text,
    fileOffset(index) {
      if (indexMap.length === 0) return parent.fileOffset(0);
      const clamped = Math.max(0, Math.min(index, indexMap.length - 1));
      return parent.fileOffset(indexMap[clamped]);
    },
  };
}

/** The file span of `source.text.slice(start, end)`. */
export function spanOf(source: SourceText, start: number, end: number): Span {
  if (end <= start) {
    const at = source.text.length === 0 ? source.fileOffset(0) : start >= source.text.length ? source.fileOffset(source.text.length - 1) + 1 : source.fileOffset(start);
    return { start: at, end: at };
  }
  return { start: source.fileOffset(start), end: source.fileOffset(end - 1) + 1 };
}
