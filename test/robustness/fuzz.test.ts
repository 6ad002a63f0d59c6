// Seeded fuzzing of the engine over the project's own inputs: mutated copies of every file of the
// acceptance workspaces (real-looking manifests of every source and embedding) and random YAML built
// from the keys the extractors read. The same run over the shared corpus of manifests written by others
// is test/corpus/fuzz.test.ts. CIDR_LENS_SEED=<seed> replays a run.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ACCEPTANCE_WORKSPACES, manifestFilesBelow } from '../support/manifestSets';
import { FUZZ_FOLDER, assertNoFailures, companionsFrom, fuzzMutatedCopies, fuzzOne, newTally } from './support/fuzzEngine';
import { mutate, randomYaml } from './support/mutate';
import { seededRandom, seedFromEnv } from './support/random';

const SEED = seedFromEnv(424242);
const MUTANTS_PER_FILE = 4;
const RANDOM_INPUTS = 1500;

describe(`fuzzing the engine (seed ${SEED}; CIDR_LENS_SEED replays another)`, () => {
  const files = manifestFilesBelow(ACCEPTANCE_WORKSPACES);

  it(`reads mutated copies of the ${files.length} acceptance workspace files`, () => {
    assert.ok(files.length > 200, `only ${files.length} files below ${ACCEPTANCE_WORKSPACES}`);
    assertNoFailures('mutated workspaces', fuzzMutatedCopies(ACCEPTANCE_WORKSPACES, files, SEED, MUTANTS_PER_FILE), SEED);
  });

  it('reads random YAML made of the keys the extractors look for', () => {
    const companions = companionsFrom(files, new Map(files.map((file) => [file, readFileSync(file, 'utf8')])));
    const tally = newTally();
    const random = seededRandom(SEED);
    for (let i = 0; i < RANDOM_INPUTS; i++) {
      const documents = Array.from({ length: 1 + random.below(4) }, () => randomYaml(random));
      const text = random.chance(0.3) ? mutate(documents.join('---\n'), random).text : documents.join('---\n');
      fuzzOne(tally, `random input #${i}`, `${FUZZ_FOLDER}/random-${i}.yaml`, text, companions, random);
    }
    assertNoFailures('random YAML', tally, SEED);
  });
});
