// The naive floor: a program that only reads every manifest below a folder and parses it with `yaml`.
// `cidr-lens check` is compared against this in one run (SPEC §7).

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

function walk(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (/\.(ya?ml|json)$/.test(entry.name)) out.push(path);
  }
  return out;
}

let documents = 0;
for (const file of walk(process.argv[2], [])) documents += parseAllDocuments(readFileSync(file, 'utf8')).length;
process.stdout.write(`${documents}\n`);
