// Seeded fuzzing of the engine: mutated copies of every file of the shared corpus (manifests written by
// others) and random YAML built from the keys the extractors read. Each input goes through
// readManifestFile, analyze (beside two untouched corpus files, so cross-file rules run too) and the
// editor features at random offsets. Nothing may throw or fail internally, and each input must finish
// within a generous bound: a hang detector, not a performance test. A failure names the seed and the
// mutations, and CIDR_LENS_SEED=<seed> replays the run.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ManifestFile, analyze, buildScopeIndex, fixAllEdits, freeSubnetsAt, hoverAt, inlayHintsIn, readManifestFile } from '../../server/src/core';
import { corpusFolder } from '../support/corpus';
import { mutate, randomYaml } from './support/mutate';
import { Random, seededRandom, seedFromEnv } from './support/random';

const SEED = seedFromEnv(424242);
const CORPUS = corpusFolder();
const FOLDER = 'file:///fuzz';
const MUTANTS_PER_FILE = 8;
const RANDOM_INPUTS = 1500;
/** Per input, parse to hover included. The largest corpus file (700 KB) takes a few hundred ms. */
const PER_INPUT_BOUND_MS = 2000;

interface Outcome {
  readonly ms: number;
  readonly problem?: string;
}

interface Tally {
  inputs: number;
  totalMs: number;
  slowest: { ms: number; what: string };
  failures: string[];
}

function corpusFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? corpusFiles(full) : name === 'INDEX.tsv' ? [] : [full];
    });
}

/** A stable number for a string, to give each corpus file its own random stream. */
function hashOf(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/** Offsets to ask the features about: random ones, the edges (and beyond), and the values of the file. */
function probeOffsets(text: string, file: ManifestFile, random: Random): number[] {
  const offsets = [-1, 0, text.length, text.length + 3];
  for (let i = 0; i < 8; i++) offsets.push(random.below(text.length + 1));
  for (const fact of file.facts.slice(0, 12)) offsets.push(fact.span.start, fact.span.end);
  return offsets;
}

/** Everything a front end does with one file: read, analyse, then hover, inlay hints, fixes, free subnets. */
function exercise(uri: string, text: string, companions: readonly ManifestFile[], random: Random): Outcome {
  const started = performance.now();
  const file = readManifestFile(uri, text);
  const result = analyze({ folders: [FOLDER], files: [file, ...companions], configs: [] });
  const offsets = probeOffsets(text, file, random);
  for (const scope of result.scopes.filter((s) => s.scope.files.includes(file))) {
    const index = buildScopeIndex(scope.plan);
    for (const offset of offsets) hoverAt({ uri, text, offset, index });
    inlayHintsIn(index, uri, text, { start: 0, end: text.length });
    freeSubnetsAt(scope, { text, offset: random.pick(offsets), bits: random.pick([8, 16, 24, 26, 30, 33, 64, 120, 129]), count: 3 });
  }
  for (const offset of offsets.slice(0, 4)) hoverAt({ uri, text, offset });
  fixAllEdits(result.findings, uri);
  const ms = performance.now() - started;
  const internal = [...file.internalErrors, ...result.internalErrors];
  if (internal.length > 0) return { ms, problem: `internal error: ${internal[0].split('\n')[0]}` };
  if (ms > PER_INPUT_BOUND_MS) return { ms, problem: `took ${ms.toFixed(0)} ms (bound ${PER_INPUT_BOUND_MS} ms)` };
  return { ms };
}

function run(tally: Tally, what: string, body: () => Outcome): void {
  tally.inputs++;
  let outcome: Outcome;
  try {
    outcome = body();
  } catch (error) {
    tally.failures.push(`${what}: threw ${error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 3).join(' / ') : String(error)}`);
    return;
  }
  tally.totalMs += outcome.ms;
  if (outcome.ms > tally.slowest.ms) tally.slowest = { ms: outcome.ms, what };
  if (outcome.problem) tally.failures.push(`${what}: ${outcome.problem}`);
}

function newTally(): Tally {
  return { inputs: 0, totalMs: 0, slowest: { ms: 0, what: '' }, failures: [] };
}

function report(label: string, tally: Tally): void {
  console.log(`  ${label}: ${tally.inputs} inputs in ${(tally.totalMs / 1000).toFixed(1)} s; slowest ${tally.slowest.ms.toFixed(0)} ms (${tally.slowest.what})`);
  assert.deepEqual(tally.failures.slice(0, 10), [], `${tally.failures.length} of ${tally.inputs} inputs failed (seed ${SEED})`);
}

describe(`fuzzing the engine (seed ${SEED}; CIDR_LENS_SEED replays another)`, () => {
  const files = corpusFiles(CORPUS);
  const texts = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
  // Two small, untouched files share each mutant's cluster, so rules that compare files run too.
  const companions = files
    .filter((file) => texts.get(file)!.length < 8000)
    .slice(0, 2)
    .map((file) => readManifestFile(`${FOLDER}/companion/${path.basename(file)}`, texts.get(file)!));

  it(`reads mutated copies of the ${files.length} corpus files`, () => {
    assert.ok(files.length > 100, `the corpus at ${CORPUS} is missing`);
    const tally = newTally();
    for (const file of files) {
      const name = path.relative(CORPUS, file);
      for (let k = 0; k < MUTANTS_PER_FILE; k++) {
        const random = seededRandom(hashOf(`${SEED}:${name}:${k}`));
        const { text, applied } = mutate(texts.get(file)!, random);
        run(tally, `${name} #${k} [${applied.join(', ')}]`, () => exercise(`${FOLDER}/${name}`, text, companions, random));
      }
    }
    report('mutated corpus', tally);
  });

  it('reads random YAML made of the keys the extractors look for', () => {
    const tally = newTally();
    const random = seededRandom(SEED);
    for (let i = 0; i < RANDOM_INPUTS; i++) {
      const documents = Array.from({ length: 1 + random.below(4) }, () => randomYaml(random));
      const text = random.chance(0.3) ? mutate(documents.join('---\n'), random).text : documents.join('---\n');
      run(tally, `random input #${i}`, () => exercise(`${FOLDER}/random-${i}.yaml`, text, companions, random));
    }
    report('random YAML', tally);
  });
});
