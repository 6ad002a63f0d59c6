// The sets of real-looking manifests the tests read whole: the project's own acceptance workspaces
// (in the repository, so `npm test` needs nothing outside it) and the shared corpus of manifests
// written by others (`npm run test:corpus`, see test/support/corpus.ts).

import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { readManifestFile, type Fact } from '../../server/src/core';

export const ACCEPTANCE_WORKSPACES = join('test', 'acceptance', 'workspaces');

/** Files that describe a set rather than belong to it: the corpus index and the expectations. */
const BOOKKEEPING = new Set(['INDEX.tsv', 'expected.json']);

/** Every file below `dir` a user could have written, sorted, bookkeeping files left out. */
export function manifestFilesBelow(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return manifestFilesBelow(path);
      return BOOKKEEPING.has(basename(path)) ? [] : [path];
    });
}

/** Facts per source label; defaults count apart from written values, since they come and go differently. */
export function countBySource(facts: readonly Fact[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const fact of facts) {
    const key = fact.isDefault ? `${fact.source} (default)` : fact.source;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Reads every file of `dir` (none may throw) and compares the facts found per source label with the
 * committed `golden` file, so a change in what the extractors find shows up in review.
 * `UPDATE_EXPECT=1` rewrites the golden file from the actual counts.
 */
export function assertFactsMatchGolden(dir: string, golden: string): void {
  const files = manifestFilesBelow(dir);
  const facts = files.flatMap((path) => readManifestFile(`file://${resolve(path)}`, readFileSync(path, 'utf8')).facts);
  const rendered = JSON.stringify({ files: files.length, facts: facts.length, bySource: countBySource(facts) }, null, 2) + '\n';
  if (process.env.UPDATE_EXPECT === '1') {
    writeFileSync(golden, rendered);
    return;
  }
  assert.ok(existsSync(golden), `${golden} is missing: run the tests with UPDATE_EXPECT=1 to write it`);
  assert.equal(rendered, readFileSync(golden, 'utf8'), `facts found in ${relative('.', dir)} differ from ${golden} (UPDATE_EXPECT=1 rewrites it; review the diff)`);
}

/** The pre-scan skips files without any extractor trigger; it must never lose a fact of a file that has one. */
export function assertPrescanKeepsFacts(uri: string, text: string, what: string): void {
  assert.deepEqual(readManifestFile(uri, text).facts, readManifestFile(uri, text, { prescan: false }).facts, `pre-scan loses facts of ${what}`);
}
