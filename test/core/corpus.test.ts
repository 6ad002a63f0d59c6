// The corpus test: every file of the shared corpus of real manifests (../shared/corpus, written by
// others, read-only) is read without an exception, and the facts found per source label are compared
// with a committed golden file, so a change in what the extractors find shows up in review.
// `UPDATE_EXPECT=1` rewrites the golden file from the actual counts.
//
// It also proves the pre-scan safe: skipping files without any extractor trigger must never lose a
// fact, so every corpus file and every fixture reads the same with and without it.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { readManifestFile, type Fact } from '../../server/src/core';
import { parseFixture } from '../support/annotations';
import { corpusFolder } from '../support/corpus';
import { fixtureFiles } from '../support/fixtureFiles';

const CORPUS = corpusFolder();
const GOLDEN = join('test', 'golden', 'corpus-facts.json');

function corpusFiles(): string[] {
  return allFiles(CORPUS);
}

function allFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? allFiles(path) : [path];
    });
}

/** Facts per source label; defaults count apart from written values, since they come and go differently. */
function countBySource(facts: readonly Fact[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const fact of facts) {
    const key = fact.isDefault ? `${fact.source} (default)` : fact.source;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

describe('corpus of real manifests', () => {
  it('reads every file and finds the facts of the golden file', () => {
    const facts: Fact[] = [];
    const files = corpusFiles();
    for (const path of files) {
      const text = readFileSync(path, 'utf8');
      facts.push(...readManifestFile(`file://${path}`, text).facts);
    }
    const actual = { files: files.length, facts: facts.length, bySource: countBySource(facts) };
    const rendered = JSON.stringify(actual, null, 2) + '\n';
    if (process.env.UPDATE_EXPECT === '1') {
      writeFileSync(GOLDEN, rendered);
      return;
    }
    assert.ok(existsSync(GOLDEN), `${GOLDEN} is missing: run the tests with UPDATE_EXPECT=1 to write it`);
    assert.equal(rendered, readFileSync(GOLDEN, 'utf8'), `facts found in ${relative('.', CORPUS)} differ from ${GOLDEN} (UPDATE_EXPECT=1 rewrites it; review the diff)`);
  });

  it('finds the same facts with and without the pre-scan, in every corpus file', () => {
    for (const path of corpusFiles()) {
      const text = readFileSync(path, 'utf8');
      const uri = `file://${path}`;
      assert.deepEqual(readManifestFile(uri, text).facts, readManifestFile(uri, text, { prescan: false }).facts, `pre-scan loses facts of ${path}`);
    }
  });

  it('finds the same facts with and without the pre-scan, in every fixture', () => {
    for (const path of fixtureFiles('test/fixtures')) {
      for (const section of parseFixture(readFileSync(path, 'utf8'))) {
        const uri = `/fixture/${section.path}`;
        const withPrescan = readManifestFile(uri, section.text).facts;
        assert.deepEqual(withPrescan, readManifestFile(uri, section.text, { prescan: false }).facts, `pre-scan loses facts of ${path} (${section.path})`);
      }
    }
  });
});
