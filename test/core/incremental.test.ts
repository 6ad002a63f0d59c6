// The core's incremental analysis: given the previous result, scopes whose inputs did not change are
// reused as they are, and the result always equals a fresh analysis of the same input.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AnalysisInput, AnalysisResult, ConfigFile, ManifestFile, analyze, parseConfigFile, readManifestFile } from '../../server/src/core';

const KUBEADM = (pod: string) => `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
networking:
  podSubnet: ${pod}
  serviceSubnet: 10.96.0.0/12
`;
const FLANNEL = (network: string) => `apiVersion: v1
kind: ConfigMap
metadata: { name: kube-flannel-cfg }
data:
  net-conf.json: |
    { "Network": "${network}" }
`;

/** A workspace that is edited step by step; every step replaces only the files it touches. */
class Workspace {
  readonly manifests = new Map<string, ManifestFile>();
  readonly configs = new Map<string, ConfigFile>();
  settings: AnalysisInput['settings'] = {};

  write(path: string, text: string): this {
    const uri = `/ws/${path}`;
    if (path.endsWith('.cidr-lens.yaml')) this.configs.set(uri, parseConfigFile(uri, text));
    else this.manifests.set(uri, readManifestFile(uri, text));
    return this;
  }

  remove(path: string): this {
    this.manifests.delete(`/ws/${path}`);
    this.configs.delete(`/ws/${path}`);
    return this;
  }

  input(): AnalysisInput {
    return { folders: ['/ws'], files: [...this.manifests.values()], configs: [...this.configs.values()], settings: this.settings };
  }
}

function findingsOf(result: AnalysisResult): string[] {
  return result.findings.map((f) => `${f.uri}:${f.span.start}-${f.span.end} ${f.severity} ${f.rule} ${f.message}`).sort();
}

/** Analyses incrementally and from scratch, checks both agree, and returns which scopes were reused. */
function step(ws: Workspace, previous: AnalysisResult): { result: AnalysisResult; reused: string[] } {
  const result = analyze(ws.input(), previous);
  assert.deepEqual(findingsOf(result), findingsOf(analyze(ws.input())));
  const before = new Set(previous.scopes);
  return { result, reused: result.scopes.filter((s) => before.has(s)).map((s) => s.scope.name).sort() };
}

describe('incremental analysis', () => {
  it('re-runs only the scopes an edit touches, and agrees with a fresh analysis at every step', () => {
    const ws = new Workspace()
      .write('prod/.cidr-lens.yaml', 'cluster: prod\nconnectedClusters: [../staging]\n')
      .write('prod/kubeadm.yaml', KUBEADM('10.244.0.0/16'))
      .write('prod/flannel.yaml', FLANNEL('10.244.0.0/16'))
      .write('staging/.cidr-lens.yaml', 'cluster: staging\n')
      .write('staging/kubeadm.yaml', KUBEADM('10.245.0.0/16'))
      .write('dev/.cidr-lens.yaml', 'cluster: dev\n')
      .write('dev/kubeadm.yaml', KUBEADM('10.246.0.0/16'));

    // An edit in dev touches dev alone, whether it adds findings or takes them away.
    const initial = analyze(ws.input());
    let outcome = step(ws.write('dev/kubeadm.yaml', KUBEADM('10.96.0.0/16')), initial);
    assert.deepEqual(outcome.reused, ['prod', 'staging']);
    outcome = step(ws.write('dev/kubeadm.yaml', KUBEADM('10.247.0.0/16')), outcome.result);
    assert.deepEqual(outcome.reused, ['prod', 'staging']);

    // Staging is connected to prod: an edit there re-runs prod's cross-cluster checks too.
    outcome = step(ws.write('staging/kubeadm.yaml', KUBEADM('10.244.0.0/16')), outcome.result);
    assert.deepEqual(outcome.reused, ['dev']);

    // A deleted file and a changed config re-run their own scope (prod's connection is one-way).
    outcome = step(ws.remove('prod/flannel.yaml'), outcome.result);
    assert.deepEqual(outcome.reused, ['dev', 'staging']);
    outcome = step(ws.write('dev/.cidr-lens.yaml', 'cluster: dev\nrules: { range-overlap: off }\n'), outcome.result);
    assert.deepEqual(outcome.reused, ['prod', 'staging']);

    // Where files belong is remembered between edits, and found anew when the configs change: a new
    // file joins its folder's cluster, a new config below makes a cluster of its own, an ignore glob
    // takes a file out.
    const scopeNames = (result: AnalysisResult) => result.scopes.map((s) => `${s.scope.name}:${s.scope.files.length}`).sort();
    outcome = step(ws.write('dev/edge/kubeadm.yaml', KUBEADM('10.96.0.0/16')), outcome.result);
    assert.deepEqual(scopeNames(outcome.result), ['dev:2', 'prod:1', 'staging:1']);
    outcome = step(ws.write('dev/edge/.cidr-lens.yaml', 'cluster: edge\n'), outcome.result);
    assert.deepEqual(scopeNames(outcome.result), ['dev:1', 'edge:1', 'prod:1', 'staging:1']);
    outcome = step(ws.write('dev/edge/.cidr-lens.yaml', 'cluster: edge\nignore: [kubeadm.yaml]\n'), outcome.result);
    assert.deepEqual(scopeNames(outcome.result), ['dev:1', 'prod:1', 'staging:1']);
    ws.remove('dev/edge/.cidr-lens.yaml').remove('dev/edge/kubeadm.yaml');

    // New settings apply everywhere.
    ws.settings = { rules: { 'cross-cluster-overlap': 'off' } };
    outcome = step(ws, outcome.result);
    assert.deepEqual(outcome.reused, []);

    // Re-analysing unchanged input reuses everything.
    outcome = step(ws, outcome.result);
    assert.deepEqual(outcome.reused, ['dev', 'prod', 'staging']);
  });
});
