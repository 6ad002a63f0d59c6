#!/usr/bin/env node
// `npm run test:e2e`: Runner 2 from a clean clone. Sets up (or reuses) the cached VS Code server,
// Node 24 and Chromium, packages the extension exactly as users get it, bundles the suite, then runs
// the suite and the UI checks against the installed .vsix. Arguments are passed on to the runner
// (e.g. `npm run test:e2e -- --step-timeout-ms 60000`).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, UI_CHECKS, WORKSPACE } from '../../test/e2e/runner/paths.mjs';
import { buildSuite } from './build-suite.mjs';

const VSIX = join(ROOT, 'cidr-lens.vsix'); // where `npm run package` writes it

/** Runs a stage to completion, printing its duration; a failed stage ends the run with its exit code. */
function stage(name, command, args) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  const status = result.status ?? 1;
  console.log(`e2e: ${name} ${status === 0 ? 'done' : `failed (${result.error?.message ?? result.signal ?? `exit ${status}`})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (status !== 0) process.exit(status);
}

stage('setup', 'bash', [join(ROOT, 'scripts/e2e/setup.sh')]);
stage('package', 'npm', ['run', 'package']);
const suite = await buildSuite();
stage('run', process.execPath, [
  join(ROOT, 'test/e2e/runner/run.mjs'),
  '--vsix', VSIX,
  '--workspace', WORKSPACE,
  '--suite', suite,
  '--ui', UI_CHECKS,
  ...process.argv.slice(2),
]);
