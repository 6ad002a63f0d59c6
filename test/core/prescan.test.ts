// The pre-scan skips files in which no extractor's trigger occurs, without parsing them: it must never
// lose a fact. Every fixture section and every acceptance workspace file reads the same with and without
// it (test/corpus/facts.test.ts checks the same on the shared corpus).

import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseFixture } from '../support/annotations';
import { fixtureFiles } from '../support/fixtureFiles';
import { ACCEPTANCE_WORKSPACES, assertPrescanKeepsFacts, manifestFilesBelow } from '../support/manifestSets';

describe('the pre-scan', () => {
  it('loses no fact of any fixture', () => {
    for (const path of fixtureFiles('test/fixtures')) {
      for (const section of parseFixture(readFileSync(path, 'utf8'))) assertPrescanKeepsFacts(`/fixture/${section.path}`, section.text, `${path} (${section.path})`);
    }
  });

  it('loses no fact of any acceptance workspace file', () => {
    for (const path of manifestFilesBelow(ACCEPTANCE_WORKSPACES)) assertPrescanKeepsFacts(`file://${path}`, readFileSync(path, 'utf8'), path);
  });
});
