// Exit codes and error paths of SPEC §5: 0 no finding at or above --fail-on, 1 some, 2 usage or
// internal error with one line on stderr and never a stack trace.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { join } from 'node:path';
import { tempWorkspace } from '../support/workspace';
import { TWO_CLUSTERS, WORKSPACES, assertUsageError, parseJson, runCli } from './support';

const HEALTHY = join(TWO_CLUSTERS, 'healthy');

describe('cli exit codes', () => {
  it('exits 1 on a workspace with errors and prints file:line:col severity rule message', () => {
    const run = runCli(['check']);
    assert.equal(run.status, 1);
    const lines = run.stdout.trimEnd().split('\n');
    assert.ok(lines.length > 0);
    for (const line of lines) assert.match(line, /^[^\s:]+:\d+:\d+ (error|warning|info) [a-z-]+ \S.*$/);
    assert.ok(lines.some((l) => l.startsWith('broken/kubeadm.yaml:6:') && l.includes(' error range-overlap ')));
  });

  it('exits 0 with --fail-on never, whatever it finds', () => {
    const run = runCli(['check', '--fail-on', 'never']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, / error range-overlap /);
  });

  it('exits 0 on a healthy workspace, and still reports what it skipped', () => {
    const run = runCli(['check', HEALTHY, '--format', 'json']);
    assert.equal(run.status, 0, run.stdout);
    const report = parseJson<{ findings: unknown[]; summary: { skipped: Array<{ file: string; reason: string }> } }>(run);
    assert.deepEqual(report.findings, []);
    assert.deepEqual(
      report.summary.skipped.map((s) => s.file),
      ['healthy/half-edited.yaml'],
    );
    assert.match(report.summary.skipped[0].reason, /YAML syntax error/);
  });

  it('--fail-on sets the threshold: a warning fails at warning and info, not at error', () => {
    const ws = tempWorkspace({ 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: { name: a }\nspec:\n  clusterIP: 010.96.0.10\n' });
    try {
      const json = parseJson<{ findings: Array<{ severity: string }> }>(runCli(['check', '--format', 'json', '--fail-on', 'never'], { cwd: ws.root }));
      const severities = new Set(json.findings.map((f) => f.severity));
      assert.ok(severities.has('warning') && !severities.has('error'), `fixture should yield warnings only, got ${[...severities].join(', ')}`);
      assert.equal(runCli(['check'], { cwd: ws.root }).status, 0);
      assert.equal(runCli(['check', '--fail-on', 'warning'], { cwd: ws.root }).status, 1);
      assert.equal(runCli(['check', '--fail-on', 'info'], { cwd: ws.root }).status, 1);
    } finally {
      ws.dispose();
    }
  });

  it('shows usage with --help, also after a command', () => {
    for (const args of [['--help'], ['check', '--help'], ['help']]) {
      const run = runCli(args);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /^Usage:/);
    }
  });

  it('prints the version', () => {
    const run = runCli(['--version']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^\d+\.\d+\.\d+\n$/);
  });
});

describe('cli usage errors: exit 2, one line on stderr', () => {
  const cases: ReadonlyArray<{ name: string; args: readonly string[]; mentions: RegExp }> = [
    { name: 'missing path', args: ['check', 'no/such/folder'], mentions: /path not found: no\/such\/folder/ },
    { name: 'unknown format', args: ['check', '--format', 'xml'], mentions: /unknown format "xml" for check/ },
    { name: 'unknown flag', args: ['check', '--colour'], mentions: /unknown option "--colour"/ },
    { name: 'unknown short flag', args: ['check', '-q'], mentions: /unknown option "-q"/ },
    { name: 'flag of another command', args: ['plan', '--fail-on', 'never'], mentions: /unknown option "--fail-on" for plan/ },
    { name: 'flag without its value', args: ['check', '--format'], mentions: /--format needs a value/ },
    { name: 'unknown command', args: ['lint'], mentions: /unknown command "lint"/ },
    { name: 'bad --fail-on', args: ['check', '--fail-on', 'fatal'], mentions: /--fail-on "fatal"/ },
    { name: 'suggest without --prefix', args: ['suggest'], mentions: /suggest needs --prefix N/ },
    { name: 'suggest with a prefix too long for IPv4', args: ['suggest', '--prefix', '64'], mentions: /add --family 6/ },
    { name: 'suggest with a bad family', args: ['suggest', '--prefix', '16', '--family', '5'], mentions: /--family must be 4 or 6/ },
    { name: 'suggest with a bad count', args: ['suggest', '--prefix', '16', '--count', 'three'], mentions: /--count must be a whole number/ },
    { name: 'missing --config file', args: ['check', '--config', 'nowhere.yaml'], mentions: /config file not found: nowhere.yaml/ },
    { name: 'bad --config file', args: ['check', '--config', join(WORKSPACES, 'configs/bad.cidr-lens.yaml')], mentions: /bad config file .*bad\.cidr-lens\.yaml:2:8: scope must be "cluster" or "file"/ },
  ];
  for (const { name, args, mentions } of cases) {
    it(name, () => assertUsageError(runCli(args), mentions));
  }

  it('prints the usage on stderr and exits 2 without any argument', () => {
    const run = runCli([]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^Usage:/);
    assert.equal(run.stdout, '');
  });
});

describe('cli config files', () => {
  it('reports a .cidr-lens.yaml with mistakes found in the tree as findings, not as a usage error', () => {
    const ws = tempWorkspace({
      '.cidr-lens.yaml': 'cluster: lab\nscope: everything\n',
      'kubeadm.yaml': 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nnetworking:\n  podSubnet: 10.244.0.0/16\n',
    });
    try {
      const run = runCli(['check', '--format', 'json'], { cwd: ws.root });
      assert.equal(run.status, 1);
      const report = parseJson<{ findings: Array<{ rule: string; file: string; range: { start: { line: number; character: number } } }> }>(run);
      const finding = report.findings.find((f) => f.rule === 'invalid-config');
      assert.ok(finding, run.stdout);
      assert.equal(finding.file, '.cidr-lens.yaml');
      assert.deepEqual(finding.range.start, { line: 1, character: 7 });
    } finally {
      ws.dispose();
    }
  });

  it('applies a good --config file to the given folders, as if it sat in them', () => {
    const ws = tempWorkspace({ 'kubeadm.yaml': 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nnetworking:\n  podSubnet: 10.244.0.0/16\n' });
    try {
      const run = runCli(['plan', '--format', 'json', '--config', join(WORKSPACES, 'configs/renamed.cidr-lens.yaml')], { cwd: ws.root });
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(
        parseJson<{ clusters: Array<{ cluster: string }> }>(run).clusters.map((c) => c.cluster),
        ['renamed'],
      );
    } finally {
      ws.dispose();
    }
  });
});
