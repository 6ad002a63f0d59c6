// Authoring helper for the acceptance workspaces (not run by the suite).
//
// An expectation is written by hand with the text of the value it is about (`value`) and, when the
// text occurs more than once in the file, a `lineContains` substring that picks the line (and `nth`,
// 0-based, when the value occurs several times on the matching lines). This script fills in
// `line`, `startCharacter` and `endCharacter` (0-based, UTF-16 code units, as LSP and the CLI's JSON)
// and rewrites expected.json with a stable key order. It refuses ambiguous or missing values.
//
//   node test/acceptance/tools/locate.mjs [workspace-name...]

import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', 'workspaces');
const ORDER = ['file', 'rule', 'severity', 'line', 'startCharacter', 'endCharacter', 'value', 'lineContains', 'nth', 'fixTitleContains', 'fixNewText', 'fixSamePrefix', 'fixAvoids', 'fixPrivate', 'fixWithin', 'why'];

const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : readdirSync(ROOT).sort();
let failures = 0;
for (const name of names) {
  const path = join(ROOT, name, 'expected.json');
  if (!existsSync(path)) continue;
  const expected = JSON.parse(readFileSync(path, 'utf8'));
  for (const entry of expected) {
    try {
      locate(join(ROOT, name), entry);
    } catch (error) {
      failures++;
      console.error(`${name}: ${error.message}`);
    }
  }
  const ordered = expected.map((entry) => Object.fromEntries(ORDER.filter((k) => entry[k] !== undefined).map((k) => [k, entry[k]]).concat(Object.entries(entry).filter(([k]) => !ORDER.includes(k)))));
  writeFileSync(path, `${JSON.stringify(ordered, null, 2)}\n`);
}
process.exit(failures > 0 ? 1 : 0);

function locate(dir, entry) {
  if (typeof entry.value !== 'string' || entry.value === '') throw new Error(`${entry.file} ${entry.rule}: no value`);
  const lines = readFileSync(join(dir, entry.file), 'utf8').split('\n');
  const hits = [];
  lines.forEach((line, index) => {
    if (entry.lineContains !== undefined && !line.includes(entry.lineContains)) return;
    for (let at = line.indexOf(entry.value); at >= 0; at = line.indexOf(entry.value, at + 1)) hits.push({ line: index, start: at });
  });
  const nth = entry.nth ?? 0;
  if (hits.length === 0) throw new Error(`${entry.file} ${entry.rule}: "${entry.value}" not found${entry.lineContains ? ` on a line with "${entry.lineContains}"` : ''}`);
  if (entry.nth === undefined && hits.length > 1) throw new Error(`${entry.file} ${entry.rule}: "${entry.value}" found ${hits.length} times; add lineContains or nth`);
  const hit = hits[nth];
  if (!hit) throw new Error(`${entry.file} ${entry.rule}: only ${hits.length} hits for "${entry.value}"`);
  entry.line = hit.line;
  entry.startCharacter = hit.start;
  entry.endCharacter = hit.start + entry.value.length;
}
