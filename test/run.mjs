// Runs every compiled test file with Node's built-in runner (Node 20 has no glob support for --test).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function find(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? find(path) : name.endsWith('.test.js') ? [path] : [];
  });
}

const filter = process.argv[2];
const files = find('out/test').filter((f) => !filter || f.includes(filter)).sort();
// Dots for results, plus the measurements tests note with `t.diagnostic()` (see test/support/noteReporter.mjs).
const reporters = ['--test-reporter=dot', '--test-reporter-destination=stdout', '--test-reporter=./test/support/noteReporter.mjs', '--test-reporter-destination=stdout'];
const result = spawnSync(process.execPath, ['--test', ...reporters, ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
