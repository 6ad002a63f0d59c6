// The CLI's contract on a folder of real-looking manifests, shared by the run over the acceptance
// workspaces (test/cli/workspaces.test.ts) and the one over the shared corpus (test/corpus/check.test.ts).

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sarifSchemaErrors } from './sarifSchema';
import { REPO, parseJson, runCli } from './support';

/**
 * `check` over a folder of real-looking manifests keeps the CLI's contract: it exits 0 or 1 with nothing
 * on stderr, reads at least `minimumFiles` files, lists the files it could not parse in summary.skipped
 * with a reason and a path relative to the current directory, and prints valid SARIF and well-formed
 * GitHub annotations.
 */
export function assertCheckContract(folder: string, minimumFiles: number): void {
  const run = runCli(['check', folder, '--format', 'json'], { cwd: REPO });
  assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
  assert.equal(run.stderr, '');
  const report = parseJson<{ summary: { files: number; skipped: Array<{ file: string; reason: string }> } }>(run);
  assert.ok(report.summary.files >= minimumFiles, `only ${report.summary.files} files read in ${folder}`);
  for (const skipped of report.summary.skipped) {
    assert.ok(existsSync(join(REPO, skipped.file)), `${skipped.file} is relative to the current directory`);
    assert.match(skipped.reason, /\S/);
  }
  const sarif = runCli(['check', folder, '--format', 'sarif'], { cwd: REPO });
  assert.ok(sarif.status === 0 || sarif.status === 1, `exit ${sarif.status}: ${sarif.stderr}`);
  assert.deepEqual(sarifSchemaErrors(JSON.parse(sarif.stdout)), []);
  const github = runCli(['check', folder, '--format', 'github'], { cwd: REPO });
  for (const line of github.stdout.split('\n').filter((l) => l !== '')) {
    assert.match(line, /^::(error|warning|notice) file=[^,]+,line=\d+,(col=\d+,)?endLine=\d+,(endColumn=\d+,)?title=[a-z-]+::[^\r\n]*$/);
  }
}
