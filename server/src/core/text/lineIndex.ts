// Line starts of a text, for messages that name "file:line" and for front ends that need positions.
// Lines are 0-based here; callers add 1 where people read them.

export interface LineIndex {
  /** Offsets where each line starts; lineStarts[0] === 0. Sorted ascending. */
  readonly lineStarts: readonly number[];
}

export function lineIndexOf(text: string): LineIndex {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) lineStarts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) lineStarts.push(i + 1);
  }
  return { lineStarts };
}

/** 0-based line and UTF-16 character of an offset. */
export function positionAt(index: LineIndex, offset: number): { line: number; character: number } {
  const starts = index.lineStarts;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: offset - starts[low] };
}
