// Every extraction fixture under test/fixtures/extract/ runs through `checkFacts`, one test per file.

import { describe, it } from 'node:test';
import { checkFacts } from '../support/check';
import { fixtureFiles } from '../support/fixtureFiles';

describe('extraction fixtures', () => {
  for (const file of fixtureFiles('test/fixtures/extract')) it(file, () => checkFacts(file));
});
