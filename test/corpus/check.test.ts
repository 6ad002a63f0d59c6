// `check` over the shared corpus of real manifests: the CLI's contract (test/cli/support.ts) holds on
// files nobody wrote for this project. test/cli/workspaces.test.ts checks it on the acceptance workspaces.

import { describe, it } from 'node:test';
import { assertCheckContract } from '../cli/checkContract';
import { corpusFolder } from '../support/corpus';

describe('check over the shared corpus', () => {
  it('keeps the CLI contract: exit 0 or 1, skipped files with reasons, valid SARIF and GitHub annotations', () => {
    assertCheckContract(corpusFolder(), 100);
  });
});
