// A JSON reader that keeps the span of every value, so an imported prefix can be found in the export
// text. `JSON.parse` gives no offsets, and the manifest layer's YAML parser is built for small files:
// cloud CLI exports run to tens of megabytes. One pass, bounded nesting, never throws.

import type { Span } from '../model';

export type JsonNode =
  | { readonly type: 'object'; readonly span: Span; readonly entries: ReadonlyMap<string, JsonNode> }
  | { readonly type: 'array'; readonly span: Span; readonly items: readonly JsonNode[] }
  /** `span` covers the characters inside the quotes; `value` is the unescaped string. */
  | { readonly type: 'string'; readonly span: Span; readonly value: string }
  | { readonly type: 'number'; readonly span: Span; readonly value: number }
  | { readonly type: 'literal'; readonly span: Span; readonly value: boolean | null };

export type JsonResult = { readonly ok: true; readonly value: JsonNode } | { readonly ok: false; readonly error: string; readonly at: number };

/** Deeper nesting is refused: no export nests more than a handful of levels. */
export const MAX_JSON_DEPTH = 64;

class JsonSyntaxError {
  constructor(readonly message: string, readonly at: number) {}
}

export function parseJson(text: string): JsonResult {
  const parser = new Parser(text);
  try {
    parser.skipSpace();
    const value = parser.value(0);
    parser.skipSpace();
    if (parser.at < text.length) return { ok: false, error: 'unexpected text after the JSON value', at: parser.at };
    return { ok: true, value };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, error: error.message, at: error.at };
    return { ok: false, error: 'not valid JSON', at: 0 };
  }
}

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Parser {
  at: number;
  /** The next backslash at or after the last search, remembered so a file without any is searched once, not once per string. */
  private nextBackslash = -1;
  constructor(private readonly text: string) {
    this.at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  skipSpace(): void {
    const text = this.text;
    while (this.at < text.length) {
      const c = text.charCodeAt(this.at);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return;
      this.at++;
    }
  }

  value(depth: number): JsonNode {
    if (depth > MAX_JSON_DEPTH) throw new JsonSyntaxError(`nesting deeper than ${MAX_JSON_DEPTH} levels`, this.at);
    const c = this.text[this.at];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, this.at)) {
        const start = this.at;
        this.at += word.length;
        return { type: 'literal', span: { start, end: this.at }, value };
      }
    }
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(this.text);
    if (!match) throw new JsonSyntaxError(c === undefined ? 'the JSON ends too early' : `unexpected character "${c}"`, this.at);
    const start = this.at;
    this.at += match[0].length;
    return { type: 'number', span: { start, end: this.at }, value: Number(match[0]) };
  }

  private object(depth: number): JsonNode {
    const start = this.at++;
    const entries = new Map<string, JsonNode>();
    this.skipSpace();
    if (this.text[this.at] === '}') return { type: 'object', span: { start, end: ++this.at }, entries };
    for (;;) {
      this.skipSpace();
      if (this.text[this.at] !== '"') throw new JsonSyntaxError('expected a quoted key', this.at);
      const key = this.string().value;
      this.skipSpace();
      this.expect(':');
      this.skipSpace();
      entries.set(key, this.value(depth + 1));
      this.skipSpace();
      if (this.text[this.at] === ',') {
        this.at++;
        continue;
      }
      this.expect('}');
      return { type: 'object', span: { start, end: this.at }, entries };
    }
  }

  private array(depth: number): JsonNode {
    const start = this.at++;
    const items: JsonNode[] = [];
    this.skipSpace();
    if (this.text[this.at] === ']') return { type: 'array', span: { start, end: ++this.at }, items };
    for (;;) {
      this.skipSpace();
      items.push(this.value(depth + 1));
      this.skipSpace();
      if (this.text[this.at] === ',') {
        this.at++;
        continue;
      }
      this.expect(']');
      return { type: 'array', span: { start, end: this.at }, items };
    }
  }

  private string(): JsonNode & { type: 'string' } {
    const open = this.at;
    let value = '';
    let from = open + 1;
    for (;;) {
      const quote = this.text.indexOf('"', from);
      const backslash = this.backslashFrom(from);
      if (quote < 0) throw new JsonSyntaxError('a string is never closed', open);
      if (backslash < 0 || quote < backslash) {
        value += this.text.slice(from, quote);
        this.at = quote + 1;
        return { type: 'string', span: { start: open + 1, end: quote }, value };
      }
      value += this.text.slice(from, backslash);
      const escape = this.text[backslash + 1];
      if (escape === 'u') {
        const hex = this.text.slice(backslash + 2, backslash + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonSyntaxError('bad \\u escape', backslash);
        value += String.fromCharCode(parseInt(hex, 16));
        from = backslash + 6;
      } else if (escape !== undefined && ESCAPES[escape] !== undefined) {
        value += ESCAPES[escape];
        from = backslash + 2;
      } else throw new JsonSyntaxError('bad escape in a string', backslash);
    }
  }

  private backslashFrom(from: number): number {
    if (this.nextBackslash !== Infinity && this.nextBackslash < from) {
      const found = this.text.indexOf('\\', from);
      this.nextBackslash = found < 0 ? Infinity : found;
    }
    return this.nextBackslash === Infinity ? -1 : this.nextBackslash;
  }

  private expect(c: string): void {
    if (this.text[this.at] !== c) throw new JsonSyntaxError(this.at >= this.text.length ? 'the JSON ends too early' : `expected "${c}"`, this.at);
    this.at++;
  }
}

/** Helpers that read a parsed export without caring whether a field is missing or of another type. */
export function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  return node?.type === 'object' ? node.entries.get(key) : undefined;
}

export function itemsOf(node: JsonNode | undefined): readonly JsonNode[] {
  return node?.type === 'array' ? node.items : [];
}

export function stringOf(node: JsonNode | undefined): string | undefined {
  return node?.type === 'string' ? node.value : undefined;
}

export function numberOf(node: JsonNode | undefined): number | undefined {
  return node?.type === 'number' ? node.value : undefined;
}

/** A string member, or the `name`/`label`/`value` of a nested object (NetBox nests `status`, `tenant`, `vrf`). */
export function labelOf(node: JsonNode | undefined): string | undefined {
  if (node?.type === 'string') return node.value || undefined;
  if (node?.type === 'object') return stringOf(node.entries.get('label')) ?? stringOf(node.entries.get('name')) ?? stringOf(node.entries.get('value'));
  return undefined;
}
