// The decoded value of a YAML scalar together with the position of each decoded character in the
// source, for every scalar style: plain, single- and double-quoted (with escapes and line folding),
// literal and folded block scalars (with indentation indicators and CRLF line ends).

import type { Scalar } from 'yaml';
import { SourceText, embeddedSource } from './sourceText';

/** Decodes the scalar whose source is `source.text.slice(start, end)`, styled as `type`. */
export function scalarSource(source: SourceText, scalar: Scalar): SourceText | undefined {
  const range = scalar.range;
  if (!range) return undefined;
  const [start, end] = range;
  switch (scalar.type) {
    case 'QUOTE_DOUBLE':
      return decodeDoubleQuoted(source, start + 1, end - 1);
    case 'QUOTE_SINGLE':
      return decodeSingleQuoted(source, start + 1, end - 1);
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      return typeof scalar.value === 'string' ? alignBlock(source, start, end, scalar.value) : undefined;
    default:
      return decodePlain(source, start, end);
  }
}

function decodePlain(source: SourceText, start: number, end: number): SourceText {
  const raw = source.text.slice(start, end);
  if (!/[\r\n]/.test(raw)) return embeddedSource(source, raw, indexRange(start, end));
  return decodeFolding(source, start, end, () => undefined);
}

function decodeSingleQuoted(source: SourceText, start: number, end: number): SourceText {
  return decodeFolding(source, start, end, (text, i) => (text[i] === "'" && text[i + 1] === "'" ? { value: "'", length: 2 } : undefined));
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};
const HEX_ESCAPE_LENGTH: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

function decodeDoubleQuoted(source: SourceText, start: number, end: number): SourceText {
  return decodeFolding(source, start, end, (text, i) => {
    if (text[i] !== '\\') return undefined;
    const code = text[i + 1];
    if (code === undefined) return undefined;
    if (code === '\n' || code === '\r') {
      // An escaped line break joins the lines without a space; leading spaces of the next line go too.
      let j = i + 1;
      if (text[j] === '\r') j++;
      if (text[j] === '\n') j++;
      while (text[j] === ' ' || text[j] === '\t') j++;
      return { value: '', length: j - i };
    }
    if (code in SIMPLE_ESCAPES) return { value: SIMPLE_ESCAPES[code], length: 2 };
    const hexLength = HEX_ESCAPE_LENGTH[code];
    if (hexLength) {
      const hex = text.slice(i + 2, i + 2 + hexLength);
      const point = /^[0-9a-fA-F]+$/.test(hex) && hex.length === hexLength ? parseInt(hex, 16) : NaN;
      if (!Number.isNaN(point) && point <= 0x10ffff) return { value: String.fromCodePoint(point), length: 2 + hexLength };
    }
    return { value: code, length: 2 };
  });
}

interface Escape {
  readonly value: string;
  readonly length: number;
}

/**
 * Decodes a flow scalar: `escape` recognises escapes at an index; a line break with the indentation
 * around it folds to one space, and each further empty line to a newline (YAML 1.2 §7.3).
 */
function decodeFolding(source: SourceText, start: number, end: number, escape: (text: string, i: number) => Escape | undefined): SourceText {
  const text = source.text;
  let value = '';
  const map: number[] = [];
  // Where each decoded character's source ends: an escape such as `\u0031` spans several characters.
  const ends: number[] = [];
  // White space is held back until something other than a line break follows it, since white space
  // before a break is dropped. (Appending it and cutting it off again made long scalars quadratic.)
  let heldFrom = -1;
  const releaseHeld = (upTo: number) => {
    for (let k = heldFrom; heldFrom >= 0 && k < upTo; k++) {
      value += text[k];
      map.push(k);
      ends.push(k + 1);
    }
    heldFrom = -1;
  };
  let i = start;
  while (i < end) {
    const c = text[i];
    if (c === ' ' || c === '\t') {
      if (heldFrom < 0) heldFrom = i;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      heldFrom = -1;
      let breaks = 0;
      const breakAt = i;
      while (i < end && (text[i] === '\r' || text[i] === '\n' || text[i] === ' ' || text[i] === '\t')) {
        if (text[i] === '\n') breaks++;
        i++;
      }
      const folded = breaks <= 1 ? ' ' : '\n'.repeat(breaks - 1);
      for (const ch of folded) {
        value += ch;
        map.push(breakAt);
        ends.push(breakAt + 1);
      }
      continue;
    }
    releaseHeld(i);
    const escaped = escape(text, i);
    if (escaped) {
      for (let k = 0; k < escaped.value.length; k++) {
        value += escaped.value[k];
        map.push(i);
        ends.push(i + escaped.length);
      }
      i += escaped.length;
      continue;
    }
    value += c;
    map.push(i);
    ends.push(i + 1);
    i++;
  }
  releaseHeld(end);
  return embeddedSource(source, value, map, ends);
}

/**
 * Maps a block scalar's decoded value onto its source lines. The value was produced by the YAML
 * parser; we only find where each character came from, walking value and source side by side: a
 * source line break stands for a value `\n` (literal) or a folding space, and each line's common
 * indentation is skipped.
 */
function alignBlock(source: SourceText, start: number, end: number, value: string): SourceText {
  const text = source.text;
  let j = text.indexOf('\n', start);
  if (j < 0 || j >= end) return embeddedSource(source, value, new Array<number>(value.length).fill(start));
  j++;
  const indent = contentIndent(text, j, end, value);
  const map: number[] = [];
  const skipIndent = () => {
    let skipped = 0;
    while (skipped < indent && j < end && text[j] === ' ') {
      j++;
      skipped++;
    }
  };
  skipIndent();
  const skipCarriageReturn = () => {
    while (text[j] === '\r' && text[j + 1] === '\n') j++;
  };
  for (let i = 0; i < value.length; i++) {
    skipCarriageReturn();
    const v = value[i];
    if (text[j] === '\n' && v !== '\n' && v !== ' ') {
      // Source line breaks with no value character of their own: folded empty lines.
      while (j < end && text[j] === '\n') {
        j++;
        skipIndent();
        skipCarriageReturn();
      }
    }
    if (j >= end) {
      map.push(Math.max(start, end - 1));
      continue;
    }
    map.push(j);
    if (text[j] === '\n') {
      j++;
      skipIndent();
    } else if (text[j] === v || (v !== '\n' && v !== ' ')) {
      j++;
    }
  }
  return embeddedSource(source, value, map);
}

/** The indentation of the block's content: source line width minus the decoded line's width. */
function contentIndent(text: string, lineStart: number, end: number, value: string): number {
  const firstValueLine = value.split('\n').find((line) => line.length > 0);
  let j = lineStart;
  while (j < end) {
    let lineEnd = text.indexOf('\n', j);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    let line = text.slice(j, lineEnd);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim().length > 0) {
      if (firstValueLine !== undefined && line.endsWith(firstValueLine)) return line.length - firstValueLine.length;
      return line.length - line.trimStart().length;
    }
    j = lineEnd + 1;
  }
  return 0;
}

function indexRange(start: number, end: number): number[] {
  const out = new Array<number>(end - start);
  for (let i = 0; i < out.length; i++) out[i] = start + i;
  return out;
}
