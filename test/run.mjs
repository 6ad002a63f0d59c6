// Runs the compiled test files with Node's built-in runner (Node 20 has no glob support for --test).
//   node test/run.mjs [filter…]            every test except the corpus suite (npm test)
//   node test/run.mjs --corpus [filter…]   the suite over the shared corpus of real manifests (npm run test:corpus)
// Filters keep the test files whose path contains any of them.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

function find(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? find(path) : name.endsWith('.test.js') ? [path] : [];
  });
}

const args = process.argv.slice(2);
const corpusSuite = args.includes('--corpus');
const filters = args.filter((arg) => arg !== '--corpus');
const CORPUS_TESTS = join('out', 'test', 'corpus');

if (corpusSuite) {
  // The same rule as test/support/corpus.ts, checked once here so an absent corpus is one sentence, not a failure per test.
  const corpus = resolve(process.env.CIDR_LENS_CORPUS || join('..', 'shared', 'corpus'));
  if (!existsSync(join(corpus, 'INDEX.tsv'))) {
    console.error(`test:corpus: the corpus of real manifests is not at ${corpus}; set CIDR_LENS_CORPUS to the folder holding its INDEX.tsv.`);
    process.exit(1);
  }
}

const files = find(join('out', 'test'))
  .filter((f) => f.startsWith(CORPUS_TESTS) === corpusSuite)
  .filter((f) => filters.length === 0 || filters.some((filter) => f.includes(filter)))
  .sort();
// Dots for results, plus the measurements tests note with `t.diagnostic()` (see test/support/noteReporter.mjs).
const reporters = ['--test-reporter=dot', '--test-reporter-destination=stdout', '--test-reporter=./test/support/noteReporter.mjs', '--test-reporter-destination=stdout'];
const result = spawnSync(process.execPath, ['--test', ...reporters, ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
