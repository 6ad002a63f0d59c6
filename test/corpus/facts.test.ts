// The corpus facts golden: every file of the shared corpus of real manifests (written by others,
// read-only) is read without an exception, and the facts found per source label are compared with
// test/golden/corpus-facts.json. It also proves the pre-scan safe on files nobody wrote for this project.

import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { corpusFolder } from '../support/corpus';
import { assertFactsMatchGolden, assertPrescanKeepsFacts, manifestFilesBelow } from '../support/manifestSets';

describe('corpus of real manifests', () => {
  it('reads every file and finds the facts of the golden file', () => {
    assertFactsMatchGolden(corpusFolder(), 'test/golden/corpus-facts.json');
  });

  it('finds the same facts with and without the pre-scan, in every corpus file', () => {
    for (const path of manifestFilesBelow(corpusFolder())) assertPrescanKeepsFacts(`file://${path}`, readFileSync(path, 'utf8'), path);
  });
});
