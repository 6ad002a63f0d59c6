// Command-line flags inside YAML scalars: `--flag=value` and `--flag value` in container commands,
// systemd `ExecStart=` lines and k3s `*-arg` entries (domain-rules.md §2-§5, §6.3, §8). Every
// position is an index into a scalar's decoded text, so facts built from it get exact file spans.

import type { Fact } from '../../model';
import type { ExtractContext, FieldSpec } from './context';
import { splitCommaList } from './context';
import type { Node } from '../yamlNode';

/** Characters [start, end) of the decoded text of a scalar `node`: a word, or a flag's value. */
export interface ScalarSlice {
  readonly node: Node;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface FlagOccurrence {
  readonly name: string;
  /** The whole `--flag=value` word (or the `--flag` word of the two-word form). */
  readonly word: ScalarSlice;
  /** Absent for a bare boolean flag or a flag left without value at the end of the line. */
  readonly value?: ScalarSlice;
}

/**
 * Splits the decoded text of each scalar into words, in order. Quotes and template placeholders
 * (`{{ … }}`, `${…}`) do not split, so `--cidr="a b"` and `--cidr={{ .Values.x }}` stay one word;
 * a lone `\` (a shell or systemd line continuation) is not a word.
 */
export function argumentWords(ctx: ExtractContext, nodes: readonly Node[], range?: { start: number; end: number }): ScalarSlice[] {
  const words: ScalarSlice[] = [];
  for (const node of nodes) {
    const source = ctx.text(node);
    if (!source) continue;
    const text = source.text;
    const end = range?.end ?? text.length;
    let i = range?.start ?? 0;
    while (i < end) {
      if (/\s/.test(text[i])) {
        i++;
        continue;
      }
      const start = i;
      i = wordEnd(text, i, end);
      const word = text.slice(start, i);
      if (word !== '\\') words.push({ node, start, end: i, text: word });
    }
  }
  return words;
}

function wordEnd(text: string, i: number, end: number): number {
  while (i < end && !/\s/.test(text[i])) {
    const close = groupClose(text, i);
    if (close !== undefined) {
      const found = text.indexOf(close, i + 1);
      i = found < 0 || found >= end ? end : found + close.length;
    } else {
      i++;
    }
  }
  return i;
}

/** The text that closes a quote or placeholder opening at `i`, if one opens there. */
function groupClose(text: string, i: number): string | undefined {
  const c = text[i];
  if (c === '"' || c === "'") return c;
  if (c === '{' && text[i + 1] === '{') return '}}';
  if (c === '$' && text[i + 1] === '{') return '}';
  return undefined;
}

/**
 * Reads the flags of a word list. `--flag=value` takes the text after the first `=`; `--flag value`
 * takes the next word, unless the flag is boolean (Go's flag packages never read a boolean's value
 * from the next word) or the next word is itself a flag.
 */
export function readFlags(words: readonly ScalarSlice[], isBoolean: (name: string) => boolean): FlagOccurrence[] {
  const flags: FlagOccurrence[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = unquoted(words[i]);
    const match = /^--([A-Za-z0-9][A-Za-z0-9-]*)(=?)/.exec(word.text);
    if (!match) continue;
    const name = match[1];
    if (match[2] === '=') {
      flags.push({ name, word: words[i], value: unquoted({ ...word, start: word.start + match[0].length, text: word.text.slice(match[0].length) }) });
      continue;
    }
    if (match[0].length !== word.text.length) continue;
    const next = words[i + 1];
    if (!isBoolean(name) && next && !next.text.startsWith('-')) {
      flags.push({ name, word: words[i], value: unquoted(next) });
      i++;
    } else {
      flags.push({ name, word: words[i] });
    }
  }
  return flags;
}

/** The last occurrence of each flag: Go's flag packages let a repeated string flag's last value win. */
export function lastFlags(flags: readonly FlagOccurrence[]): Map<string, FlagOccurrence> {
  return new Map(flags.map((f) => [f.name, f]));
}

/** Strips one pair of matching quotes around a word or value, so spans land inside them. */
function unquoted(value: ScalarSlice): ScalarSlice {
  const t = value.text;
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) {
    return { ...value, start: value.start + 1, end: value.end - 1, text: t.slice(1, -1) };
  }
  return value;
}

export interface KeyValueArg {
  readonly name: string;
  readonly value: ScalarSlice;
}

/** A `key=value` entry of a k3s `*-arg` list; k3s strips leading dashes, so they are allowed. */
export function keyValueArg(ctx: ExtractContext, node: Node): KeyValueArg | undefined {
  const source = ctx.text(node);
  if (!source) return undefined;
  const match = /^\s*-{0,2}([A-Za-z0-9][A-Za-z0-9-]*)=/.exec(source.text);
  if (!match) return undefined;
  const start = match[0].length;
  return { name: match[1], value: unquoted({ node, start, end: source.text.length, text: source.text.slice(start) }) };
}

/**
 * What a value holds: one value; a `dual-stack` pair (`a,b`, one per family) whose facts carry their
 * list position for the dual-stack shape rules; or a `plain` comma list of peers (DNS servers).
 */
export type ValueShape = 'single' | 'dual-stack' | 'plain';

/** One fact per element of a comma-separated value, each with its exact span. */
export function flagValueFacts(ctx: ExtractContext, value: ScalarSlice, spec: FieldSpec, shape: ValueShape): Fact[] {
  if (shape === 'single') return ctx.slice(value.node, value.start, value.end, spec);
  const parts = splitCommaList(value.text);
  return parts.flatMap(([s, e], index) => ctx.slice(value.node, value.start + s, value.start + e, spec, shape === 'dual-stack' && parts.length > 1 ? { index, length: parts.length } : undefined));
}

/** Go's `strconv.ParseBool`; undefined for text it rejects. */
export function parseGoBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}
