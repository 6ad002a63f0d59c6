// Seeded fuzzing of the engine over the shared corpus of real manifests written by others: mutated
// copies of every file (see test/robustness/support/fuzzEngine.ts). CIDR_LENS_SEED=<seed> replays a run.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpusFolder } from '../support/corpus';
import { manifestFilesBelow } from '../support/manifestSets';
import { assertNoFailures, fuzzMutatedCopies } from '../robustness/support/fuzzEngine';
import { seedFromEnv } from '../robustness/support/random';

const SEED = seedFromEnv(424242);
const MUTANTS_PER_FILE = 8;

describe(`fuzzing the engine over the corpus (seed ${SEED}; CIDR_LENS_SEED replays another)`, () => {
  it('reads mutated copies of every corpus file', () => {
    const corpus = corpusFolder();
    const files = manifestFilesBelow(corpus);
    assert.ok(files.length > 100, `only ${files.length} files in ${corpus}`);
    assertNoFailures('mutated corpus', fuzzMutatedCopies(corpus, files, SEED, MUTANTS_PER_FILE), SEED);
  });
});
