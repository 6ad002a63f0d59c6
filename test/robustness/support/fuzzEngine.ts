// The engine side of the fuzz tests: each input goes through readManifestFile, analyze (beside two
// untouched companion files, so cross-file rules run too) and the editor features at random offsets.
// Nothing may throw or fail internally, and each input must finish within a generous bound: a hang
// detector, not a performance test. A failure names the seed and the mutations that made its input.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ManifestFile, analyze, buildScopeIndex, fixAllEdits, freeSubnetsAt, hoverAt, inlayHintsIn, readManifestFile } from '../../../server/src/core';
import { mutate } from './mutate';
import { Random, seededRandom } from './random';

export const FUZZ_FOLDER = 'file:///fuzz';
/** Per input, parse to hover included. The largest corpus file (700 KB) takes a few hundred ms. */
const PER_INPUT_BOUND_MS = 2000;

interface Outcome {
  readonly ms: number;
  readonly problem?: string;
}

export interface Tally {
  inputs: number;
  totalMs: number;
  slowest: { ms: number; what: string };
  failures: string[];
}

export function newTally(): Tally {
  return { inputs: 0, totalMs: 0, slowest: { ms: 0, what: '' }, failures: [] };
}

/** A stable number for a string, to give each file its own random stream. */
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
  const result = analyze({ folders: [FUZZ_FOLDER], files: [file, ...companions], configs: [] });
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

/** Runs one input through the engine and records how it went. */
export function fuzzOne(tally: Tally, what: string, uri: string, text: string, companions: readonly ManifestFile[], random: Random): void {
  tally.inputs++;
  let outcome: Outcome;
  try {
    outcome = exercise(uri, text, companions, random);
  } catch (error) {
    tally.failures.push(`${what}: threw ${error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 3).join(' / ') : String(error)}`);
    return;
  }
  tally.totalMs += outcome.ms;
  if (outcome.ms > tally.slowest.ms) tally.slowest = { ms: outcome.ms, what };
  if (outcome.problem) tally.failures.push(`${what}: ${outcome.problem}`);
}

/** Two small files of the set, read untouched, to share each mutant's cluster. */
export function companionsFrom(files: readonly string[], texts: ReadonlyMap<string, string>): ManifestFile[] {
  return files
    .filter((file) => texts.get(file)!.length < 8000 && readManifestFile(file, texts.get(file)!).facts.length > 0)
    .slice(0, 2)
    .map((file) => readManifestFile(`${FUZZ_FOLDER}/companion/${path.basename(file)}`, texts.get(file)!));
}

/** Fuzzes `mutantsPerFile` mutated copies of every file below `root`, each with its own seeded stream. */
export function fuzzMutatedCopies(root: string, files: readonly string[], seed: number, mutantsPerFile: number): Tally {
  const texts = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
  const companions = companionsFrom(files, texts);
  const tally = newTally();
  for (const file of files) {
    const name = path.relative(root, file);
    for (let k = 0; k < mutantsPerFile; k++) {
      const random = seededRandom(hashOf(`${seed}:${name}:${k}`));
      const { text, applied } = mutate(texts.get(file)!, random);
      fuzzOne(tally, `${name} #${k} [${applied.join(', ')}]`, `${FUZZ_FOLDER}/${name}`, text, companions, random);
    }
  }
  return tally;
}

export function assertNoFailures(label: string, tally: Tally, seed: number): void {
  console.log(`  ${label}: ${tally.inputs} inputs in ${(tally.totalMs / 1000).toFixed(1)} s; slowest ${tally.slowest.ms.toFixed(0)} ms (${tally.slowest.what})`);
  assert.deepEqual(tally.failures.slice(0, 10), [], `${tally.failures.length} of ${tally.inputs} inputs failed (seed ${seed})`);
}
