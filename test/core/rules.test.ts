// Every rule fixture under test/fixtures/<rule-id>/ runs through `checkFindings`, one test per file.

import { describe, it } from 'node:test';
import { RULE_IDS } from '../../server/src/core';
import { checkFindings } from '../support/check';
import { fixtureFiles } from '../support/fixtureFiles';

for (const rule of RULE_IDS) {
  const files = fixtureFiles(`test/fixtures/${rule}`);
  if (files.length === 0) continue;
  describe(`rule ${rule}`, () => {
    for (const file of files) it(file, () => checkFindings(file, rule));
  });
}
