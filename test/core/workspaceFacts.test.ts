// The facts golden of the project's own real-looking manifests: every file of the acceptance workspaces
// is read without an exception, and the facts found per source label are compared with
// test/golden/workspace-facts.json, so a change in what the extractors find shows up in review
// (`UPDATE_EXPECT=1` rewrites it). test/corpus/facts.test.ts does the same on the shared corpus.

import { describe, it } from 'node:test';
import { ACCEPTANCE_WORKSPACES, assertFactsMatchGolden } from '../support/manifestSets';

describe('acceptance workspace facts', () => {
  it('are those of the golden file', () => {
    assertFactsMatchGolden(ACCEPTANCE_WORKSPACES, 'test/golden/workspace-facts.json');
  });
});
