// The corpus findings golden: every finding the rules report on the shared corpus of real manifests
// (written by others, read-only — its own .cidr-lens.yaml makes each file a cluster), one line each,
// compared with test/golden/corpus-findings.txt. Each error and warning in it has been reviewed: it is
// one we would defend to the file's author (the real problems of corpus/INDEX.tsv among them). A rule
// change that adds or drops a finding shows up here in review. `UPDATE_EXPECT=1` rewrites it.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, lineIndexOf, parseConfigFile, positionAt, readManifestFile, type ConfigFile, type ManifestFile } from '../../server/src/core';
import { corpusFolder } from '../support/corpus';
import { manifestFilesBelow } from '../support/manifestSets';

const GOLDEN = 'test/golden/corpus-findings.txt';

describe('corpus findings', () => {
  it('are the reviewed findings of the golden file', () => {
    const corpus = corpusFolder();
    const manifests: ManifestFile[] = [];
    const configs: ConfigFile[] = [];
    for (const path of manifestFilesBelow(corpus).filter((p) => /\.(ya?ml|json)$/.test(p))) {
      const text = readFileSync(path, 'utf8');
      if (basename(path) === '.cidr-lens.yaml') configs.push(parseConfigFile(path, text));
      else manifests.push(readManifestFile(path, text));
    }
    const result = analyze({ folders: [corpus], files: manifests, configs });
    assert.deepEqual(result.internalErrors, []);
    const texts = new Map(manifests.map((m) => [m.uri, m.text]));
    const lines = result.findings.map((f) => {
      const position = positionAt(lineIndexOf(texts.get(f.uri) ?? ''), f.span.start);
      return `${relative(corpus, f.uri)}:${position.line + 1}:${position.character + 1} ${f.severity} ${f.rule} ${f.message}`;
    });
    const rendered = lines.join('\n') + '\n';
    if (process.env.UPDATE_EXPECT === '1') {
      writeFileSync(GOLDEN, rendered);
      return;
    }
    assert.ok(existsSync(GOLDEN), `${GOLDEN} is missing: run with UPDATE_EXPECT=1 and review every error and warning`);
    assert.equal(rendered, readFileSync(GOLDEN, 'utf8'), `findings on ${corpus} differ from ${GOLDEN}`);
  });
});
