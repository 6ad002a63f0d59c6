// A repository's own `.cidr-lens.yaml` as an attacker writes it, through the real CLI: the two cases
// measured in issue 17 first (a glob that became a backtracking regular expression, and globs that
// were not regular expressions at all), then values of the wrong type and size. Each run must end
// normally with its findings: exit 0 or 1 as SPEC §5 says, no stack trace, no internal error.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CliRun, parseJson, runCli } from '../cli/support';
import { tempWorkspace } from '../support/workspace';
import { startServerSession } from './support/serverSession';

const OVERLAP = 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nnetworking:\n  podSubnet: 10.96.0.0/16\n  serviceSubnet: 10.96.0.0/12\n';

interface Report {
  readonly findings: ReadonlyArray<{ rule: string; severity: string; message: string; file: string; range: { start: { line: number; character: number } } }>;
}

/** Runs `check --format json` on a temporary workspace of `files`, and how long it took. */
function checkWorkspace(files: Readonly<Record<string, string>>): { run: CliRun; ms: number } {
  const ws = tempWorkspace(files);
  try {
    const started = performance.now();
    const run = runCli(['check', '--format', 'json', '.'], { cwd: ws.root });
    return { run, ms: performance.now() - started };
  } finally {
    ws.dispose();
  }
}

/** A run ended as SPEC §5 says a run with error findings ends: exit 1, and nothing on stderr but the summary. */
function assertEndedNormally(run: CliRun): void {
  assert.equal(run.status, 1, `exit ${run.status}; stderr: ${run.stderr}`);
  assert.doesNotMatch(run.stderr, /internal error|Invalid regular expression|\n\s+at /);
}

const configFindings = (report: Report) => report.findings.filter((f) => f.rule === 'invalid-config' && f.file === '.cidr-lens.yaml');
const overlapFiles = (report: Report) => [...new Set(report.findings.filter((f) => f.rule === 'range-overlap').map((f) => f.file))].sort();

describe('hostile config: the measured cases of issue 17', () => {
  it('a backtracking glob beside a file named with sixty a\'s: the check finishes at once, with its findings', () => {
    const name = `${'a'.repeat(60)}.yaml`;
    const { run, ms } = checkWorkspace({ '.cidr-lens.yaml': 'ignore: ["*a*a*a*a*a*a*a*a*b"]\n', [name]: OVERLAP, [`${'a'.repeat(60)}/kubeadm.yaml`]: OVERLAP });
    assertEndedNormally(run);
    assert.deepEqual(overlapFiles(parseJson<Report>(run)), [name, `${'a'.repeat(60)}/kubeadm.yaml`]);
    // A hang guard: the run takes well under a second; the regular expression did not finish in 20 s.
    assert.ok(ms < 15_000, `${ms.toFixed(0)} ms`);
  });

  it('globs that are no regular expression: one invalid-config finding each, and the rest of the check', () => {
    const config = 'ignore: ["[z-a]", "[\\\\]", "charts/**"]\nrules:\n  docker-bridge-overlap: off\n';
    const { run } = checkWorkspace({ '.cidr-lens.yaml': config, 'cluster/kubeadm.yaml': OVERLAP, 'charts/kubeadm.yaml': OVERLAP });
    assertEndedNormally(run);
    const report = parseJson<Report>(run);
    assert.deepEqual(
      configFindings(report).map((f) => [f.range.start.line, f.range.start.character, f.message]),
      [
        [0, 9, '"[z-a]" is not a valid glob: the range z-a in [...] runs backwards; it is ignored'],
        [0, 18, '"[\\\\]" is not a valid glob: this [ is never closed by ]; it is ignored'],
      ],
    );
    // The good glob still keeps charts/ out; the cluster's own overlap is still found.
    assert.deepEqual(overlapFiles(report), ['cluster/kubeadm.yaml']);
  });
});

describe('hostile config: the measured cases in the editor', () => {
  it('the language server opens the folder at once, with the findings of the config and of the cluster', async () => {
    const many = 'a'.repeat(60);
    const config = 'ignore: ["*a*a*a*a*a*a*a*a*b", "[z-a]", "[\\\\]"]\n';
    const session = await startServerSession({ '.cidr-lens.yaml': config, [`${many}.yaml`]: OVERLAP, [`${many}/kubeadm.yaml`]: OVERLAP });
    try {
      const client = session.client;
      const overlaps = (d: ReadonlyArray<{ code: string }>) => d.filter((x) => x.code === 'range-overlap').length > 0;
      // The broken matcher never got past the scan of this folder; 20 s is a generous bound.
      await client.waitForDiagnostics(session.ws.uri(`${many}.yaml`), overlaps, 20_000);
      await client.waitForDiagnostics(session.ws.uri(`${many}/kubeadm.yaml`), overlaps, 20_000);
      const configDiagnostics = await client.waitForDiagnostics(session.ws.uri('.cidr-lens.yaml'), (d) => d.length === 2, 20_000);
      assert.deepEqual(configDiagnostics.map((d) => [d.code, d.range.start.character]), [['invalid-config', 31], ['invalid-config', 40]]);
      assert.ok(client.running);
    } finally {
      await session.dispose();
    }
  });
});

describe('hostile config: wrong types and sizes', () => {
  it('values of the wrong type are findings on themselves; the values beside them still apply', () => {
    const config = ['cluster: {name: x}', 'expect: [1]', 'externalNetworks: {cidr: 10.0.0.0/8}', 'nodeNetworks: [10.96.0.0/24]', 'connectedClusters: 7', 'rules: [off]', 'ignore: [{glob: x}, "charts/"]', ''].join('\n');
    const { run } = checkWorkspace({ '.cidr-lens.yaml': config, 'cluster/kubeadm.yaml': OVERLAP, 'charts/kubeadm.yaml': OVERLAP });
    assertEndedNormally(run);
    const report = parseJson<Report>(run);
    assert.deepEqual(
      configFindings(report).map((f) => f.range.start.line).sort((a, b) => a - b),
      [0, 1, 2, 4, 5, 6],
    );
    // charts/ is still ignored, and the node network, written right, still applies: its collision with
    // the service range sits on both values.
    assert.deepEqual(overlapFiles(report), ['.cidr-lens.yaml', 'cluster/kubeadm.yaml']);
    assert.ok(report.findings.some((f) => f.rule === 'range-overlap' && /node network/.test(f.message)), 'nodeNetworks no longer applied');
  });

  it('a list of 20,000 globs is cut to 10,000 and to 100,000 characters, with a finding on each cut, and the check stays quick', () => {
    const globs = Array.from({ length: 20_000 }, (_, i) => `"*x${i}*y*z*"`).join(', ');
    const { run, ms } = checkWorkspace({ '.cidr-lens.yaml': `ignore: [${globs}]\n`, 'cluster/kubeadm.yaml': OVERLAP });
    assertEndedNormally(run);
    const findings = configFindings(parseJson<Report>(run));
    assert.deepEqual(findings.map((f) => f.message).sort(), [
      'ignore has 20,000 entries; only the first 10,000 are read',
      'ignore holds more than 100,000 characters of globs; this entry and the ones after it are ignored',
    ]);
    // A hang guard: a few seconds at most on a slow machine.
    assert.ok(ms < 30_000, `${ms.toFixed(0)} ms`);
  });

  it('connectedClusters that leave the workspace are refused with a warning each; the one inside still connects', () => {
    const { run } = checkWorkspace({
      'prod/.cidr-lens.yaml': 'connectedClusters: [/etc, ../../../../../../.., ../staging]\n',
      'prod/kubeadm.yaml': OVERLAP,
      'staging/kubeadm.yaml': OVERLAP,
      'staging/.cidr-lens.yaml': 'cluster: staging\n',
    });
    assertEndedNormally(run);
    const report = parseJson<Report>(run);
    assert.deepEqual(
      report.findings.filter((f) => f.rule === 'invalid-config').map((f) => [f.file, f.severity, f.message]),
      [
        ['prod/.cidr-lens.yaml', 'warning', 'connectedClusters entry "/etc" leads out of the workspace; it is ignored'],
        ['prod/.cidr-lens.yaml', 'warning', 'connectedClusters entry "../../../../../../.." leads out of the workspace; it is ignored'],
      ],
    );
    assert.ok(report.findings.some((f) => f.rule === 'cross-cluster-overlap' && f.file === 'prod/kubeadm.yaml'));
  });
});
