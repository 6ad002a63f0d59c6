// `check` over every acceptance workspace at once (one run, many clusters): the CLI's contract
// (test/cli/support.ts) holds on the project's own real-looking manifests of every source.

import { describe, it } from 'node:test';
import { ACCEPTANCE_WORKSPACES } from '../support/manifestSets';
import { assertCheckContract } from './checkContract';

describe('check over all acceptance workspaces', () => {
  it('keeps the CLI contract: exit 0 or 1, skipped files with reasons, valid SARIF and GitHub annotations', () => {
    assertCheckContract(ACCEPTANCE_WORKSPACES, 200);
  });
});
