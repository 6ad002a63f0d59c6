// A plain list: one CIDR (or address) a line; what follows it on the line, after white space or `#`,
// names it. Blank lines and lines starting with `#` are comments.

import { ReadingBuilder } from './builder';
import type { ImportReading } from './types';

export function readCidrList(text: string): ImportReading {
  const builder = new ReadingBuilder('listed network');
  let lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    readLine(builder, text, lineStart, lineEnd);
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return builder.finish('cidr-list');
}

function readLine(builder: ReadingBuilder, text: string, start: number, end: number): void {
  const line = text.slice(start, end);
  const leading = line.length - line.trimStart().length;
  const content = line.trim();
  if (content === '' || content.startsWith('#')) return;
  const token = /^[^\s#,;]+/.exec(content)?.[0] ?? content;
  const name = content.slice(token.length).replace(/^[\s#,;]+/, '').trim();
  const tokenStart = start + leading;
  builder.prefix(token, { start: tokenStart, end: tokenStart + token.length }, name ? { name } : {});
}
