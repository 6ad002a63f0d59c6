// An internal failure inside the shipped CLI: an extractor that throws on one file (planted with a
// preload hook, see support/plantedFailure.ts) must cost only that file's facts. The run reports the
// other files' findings, prints the failure on stderr as one line naming the file, with no stack
// trace, and exits 2: findings that may be incomplete cannot pass a pipeline.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { TempWorkspace, tempWorkspace } from '../support/workspace';
import { BROKEN_SERVICE, failureHookArgs } from './support/plantedFailure';

const CLI = path.resolve('server/out/cli.js');
const OVERLAP = 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nnetworking:\n  podSubnet: 10.96.0.0/16\n  serviceSubnet: 10.96.0.0/12\n';

describe('cli: an extractor that fails on one file', () => {
  let ws: TempWorkspace;
  after(() => ws.dispose());

  it('reports the other files, prints one line naming the file, and exits 2', () => {
    ws = tempWorkspace({ 'cluster/broken.yaml': BROKEN_SERVICE, 'cluster/kubeadm.yaml': OVERLAP });
    const run = spawnSync(process.execPath, [...failureHookArgs(ws.root), CLI, 'check', '--format', 'json', '.'], { cwd: ws.root, encoding: 'utf8' });
    assert.equal(run.status, 2, run.stderr);
    const lines = run.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, run.stderr);
    const file = path.join(ws.root, 'cluster', 'broken.yaml').split(path.sep).join('/');
    assert.equal(lines[0], `cidr-lens: internal error (please report): extractor kubernetes-service failed on ${file} (document 1): TypeError: planted failure (robustness test hook)`);
    const report = JSON.parse(run.stdout) as { findings: Array<{ rule: string; file: string }> };
    assert.deepEqual(
      report.findings.filter((f) => f.rule === 'range-overlap').map((f) => f.file),
      ['cluster/kubeadm.yaml', 'cluster/kubeadm.yaml'],
    );
  });

  it('runs clean on the same workspace without the planted failure', () => {
    const run = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '.'], { cwd: ws.root, encoding: 'utf8' });
    assert.equal(run.status, 1);
    assert.equal(run.stderr, '');
  });
});
