// Every fixture under test/fixtures/invalid-config/ runs through `checkFindings`: mistakes in a
// `.cidr-lens.yaml` are findings on the value they are about, and the rest of the config still applies.

import { describe, it } from 'node:test';
import { checkFindings } from '../support/check';
import { fixtureFiles } from '../support/fixtureFiles';

describe('invalid-config', () => {
  for (const file of fixtureFiles('test/fixtures/invalid-config')) it(file, () => checkFindings(file, 'invalid-config'));
});
