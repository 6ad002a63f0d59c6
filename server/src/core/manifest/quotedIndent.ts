// Go's YAML decoder (go-yaml, used by kubectl and client-go) accepts a multi-line quoted scalar whose
// continuation lines are indented no deeper than its key, a form YAML 1.2 and the `yaml` package
// reject:
//
//   spec:
//     config: '{
//       "type": "macvlan"
//     }'            <- the closing line sits at the key's indentation
//
// Manifests like this are applied every day, so when a document fails on an unclosed quote, the
// parser retries on a copy of the text in which such continuation lines are indented one column past
// their key. The copy keeps a map back to the original offsets, so spans stay exact.

import { SourceText, embeddedSource } from './sourceText';

/** The start of a quoted scalar that is a map value or a sequence item: `key: '`, `- "`. */
const QUOTED_VALUE_START = /^( *)((?:- +)*)(?:((?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s'"#][^#]*?)):[ \t]+)?(['"])/;
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:\s|$)/;

/**
 * The text with under-indented continuation lines of unclosed quoted scalars indented one column past
 * their key, mapped back to `source`; undefined when nothing needed indenting.
 */
export function indentQuotedContinuations(source: SourceText): SourceText | undefined {
  const lines = splitLines(source.text);
  let text = '';
  const map: number[] = [];
  let changed = false;
  let i = 0;
  const copy = (line: Line, indentBy: number) => {
    for (let k = 0; k < indentBy; k++) {
      text += ' ';
      map.push(line.start);
    }
    text += line.text;
    for (let k = 0; k < line.text.length; k++) map.push(line.start + k);
  };
  while (i < lines.length) {
    const line = lines[i++];
    copy(line, 0);
    const start = QUOTED_VALUE_START.exec(line.text);
    if (!start) continue;
    const quote = start[4];
    const column = start[1].length + start[2].length;
    if (closes(line.text, start[0].length, quote)) continue;
    // Continuation lines up to and including the one that closes the scalar.
    while (i < lines.length && !DOCUMENT_MARKER.test(lines[i].text)) {
      const next = lines[i++];
      const indent = next.text.length - next.text.trimStart().length;
      const blank = next.text.trim().length === 0;
      const indentBy = !blank && indent <= column ? column + 1 - indent : 0;
      if (indentBy > 0) changed = true;
      copy(next, indentBy);
      if (closes(next.text, 0, quote)) break;
    }
  }
  return changed ? embeddedSource(source, text, map) : undefined;
}

interface Line {
  /** The line with its line break. */
  readonly text: string;
  readonly start: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const next = end < 0 ? text.length : end + 1;
    lines.push({ text: text.slice(start, next), start });
    start = next;
  }
  return lines;
}

/** Whether the quoted scalar still open at `from` closes on this line. */
function closes(line: string, from: number, quote: string): boolean {
  for (let k = from; k < line.length; k++) {
    const c = line[k];
    if (quote === '"' && c === '\\') {
      k++;
    } else if (c === quote) {
      if (quote === "'" && line[k + 1] === "'") k++;
      else return true;
    }
  }
  return false;
}
