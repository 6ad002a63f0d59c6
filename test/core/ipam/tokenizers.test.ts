// Property tests of the CSV tokenizer and the JSON reader against independent oracles: records the
// test itself writes with RFC 4180 quoting, and JSON.parse/JSON.stringify. Each field or string must
// come back with its value, and its span must cover exactly its characters in the text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { tokenizeCsv } from '../../../server/src/core/ipam/csv';
import { JsonNode, parseJson } from '../../../server/src/core/ipam/json';

const fieldText = fc.string({ unit: fc.constantFrom('a', '1', '.', '/', ' ', ',', '"', '\n', '\r\n', 'é', '😀'), maxLength: 12 });

function writeField(value: string): string {
  return /[",\r\n]/.test(value) || value === '' ? `"${value.replace(/"/g, '""')}"` : value;
}

test('tokenizeCsv returns the fields an RFC 4180 writer wrote, each span on its characters', () => {
  fc.assert(
    fc.property(fc.array(fc.array(fieldText, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n'), (rows, lineEnd) => {
      const text = rows.map((row) => row.map(writeField).join(',')).join(lineEnd);
      const { records, unterminatedQuoteAt } = tokenizeCsv(text);
      assert.equal(unterminatedQuoteAt, undefined);
      assert.deepEqual(records.map((r) => r.fields.map((f) => f.text)), rows);
      for (const record of records) {
        for (const field of record.fields) {
          assert.equal(text.slice(field.span.start, field.span.end), field.text.replace(/"/g, text[field.span.start - 1] === '"' ? '""' : '"'));
        }
      }
    }),
    { numRuns: 500 },
  );
});

test('tokenizeCsv never throws and always ends on arbitrary text', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' '), maxLength: 60 }), (text) => {
      const { records } = tokenizeCsv(text);
      for (const r of records) for (const f of r.fields) assert.ok(f.span.start >= 0 && f.span.end <= text.length && f.span.start <= f.span.end);
    }),
    { numRuns: 1000 },
  );
});

/** The plain value a JsonNode stands for, to compare with JSON.parse. */
function plain(node: JsonNode): unknown {
  if (node.type === 'object') return Object.fromEntries([...node.entries].map(([k, v]) => [k, plain(v)]));
  if (node.type === 'array') return node.items.map(plain);
  return node.value;
}

function strings(node: JsonNode): Array<JsonNode & { type: 'string' }> {
  if (node.type === 'string') return [node];
  if (node.type === 'array') return node.items.flatMap(strings);
  if (node.type === 'object') return [...node.entries.values()].flatMap(strings);
  return [];
}

test('parseJson agrees with JSON.parse, and every string span holds that string as JSON writes it', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(undefined, 2), (value, indent) => {
      const text = JSON.stringify(value, null, indent);
      const parsed = parseJson(text);
      assert.ok(parsed.ok, text);
      assert.deepEqual(plain(parsed.value), JSON.parse(text));
      for (const s of strings(parsed.value)) assert.equal(text.slice(s.span.start, s.span.end), JSON.stringify(s.value).slice(1, -1));
    }),
    { numRuns: 500 },
  );
});

test('parseJson rejects what JSON.parse rejects, without throwing', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '1', 'a', ' ', '\\', 'n', 'u', 'l'), maxLength: 20 }), (text) => {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      assert.equal(parseJson(text).ok, valid, text);
    }),
    { numRuns: 2000 },
  );
});

test('parseJson refuses a nesting bomb instead of overflowing the stack', () => {
  const parsed = parseJson('['.repeat(100_000) + ']'.repeat(100_000));
  assert.equal(parsed.ok, false);
  assert.match(parsed.ok ? '' : parsed.error, /nesting deeper than/);
});
