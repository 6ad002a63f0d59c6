// The corpus findings golden: every finding the rules report on the shared corpus of real manifests
// (../shared/corpus, written by others, read-only — its own .cidr-lens.yaml makes each file a cluster),
// one line each, compared with a committed golden file. Each error and warning in it has been reviewed:
// it is one we would defend to the file's author (the real problems of corpus/INDEX.tsv among them).
// A rule change that adds or drops a finding shows up here in review. `UPDATE_EXPECT=1` rewrites it.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, lineIndexOf, parseConfigFile, positionAt, readManifestFile, type ConfigFile, type ManifestFile } from '../../server/src/core';
import { corpusFolder } from '../support/corpus';

const CORPUS = corpusFolder();
const GOLDEN = join('test', 'golden', 'corpus-findings.txt');

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : /\.(ya?ml|json)$/.test(name) ? [path] : [];
    });
}

describe('corpus findings', () => {
  it('are the reviewed findings of the golden file', () => {
    const manifests: ManifestFile[] = [];
    const configs: ConfigFile[] = [];
    for (const path of walk(CORPUS)) {
      const text = readFileSync(path, 'utf8');
      if (basename(path) === '.cidr-lens.yaml') configs.push(parseConfigFile(path, text));
      else manifests.push(readManifestFile(path, text));
    }
    const result = analyze({ folders: [CORPUS], files: manifests, configs });
    assert.deepEqual(result.internalErrors, []);
    const texts = new Map(manifests.map((m) => [m.uri, m.text]));
    const lines = result.findings.map((f) => {
      const position = positionAt(lineIndexOf(texts.get(f.uri) ?? ''), f.span.start);
      return `${relative(CORPUS, f.uri)}:${position.line + 1}:${position.character + 1} ${f.severity} ${f.rule} ${f.message}`;
    });
    const rendered = lines.join('\n') + '\n';
    if (process.env.UPDATE_EXPECT === '1') {
      writeFileSync(GOLDEN, rendered);
      return;
    }
    assert.ok(existsSync(GOLDEN), `${GOLDEN} is missing: run with UPDATE_EXPECT=1 and review every error and warning`);
    assert.equal(rendered, readFileSync(GOLDEN, 'utf8'), `findings on ${relative('.', dirname(GOLDEN))} differ from ${GOLDEN}`);
  });
});
