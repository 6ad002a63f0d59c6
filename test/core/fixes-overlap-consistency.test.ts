// The fixes of the overlap and consistency rules: "Move to <free subnet>" (freeSubnetFixes.ts) and the
// "align" fixes of pod-network-mismatch, which may edit the other file too. Each fix is applied to its
// fixture's files and every changed line is compared with what the user should end up with.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Finding, RuleId } from '../../server/src/core';
import { FIXTURE_ROOT, analyzeFixture, applyFixTo, loadFixture } from '../support/check';

interface Case {
  readonly fixture: string;
  readonly rule: RuleId;
  /** The finding the fix is attached to: its file and the text under its span. */
  readonly on: { readonly file: string; readonly text: string };
  readonly title: string;
  /** Per file edited: the lines that carry the edited values, after the fix. */
  readonly lines: Readonly<Record<string, readonly string[]>>;
}

const CASES: readonly Case[] = [
  {
    fixture: 'range-overlap/pod-inside-service.yaml',
    rule: 'range-overlap',
    on: { file: 'fixture.yaml', text: '10.96.0.0/16' },
    title: 'Move to 10.95.0.0/16',
    lines: { 'fixture.yaml': ['  podSubnet: "10.95.0.0/16"'] },
  },
  {
    fixture: 'range-overlap/pod-inside-service.yaml',
    rule: 'range-overlap',
    on: { file: 'fixture.yaml', text: '10.96.0.0/16' },
    title: 'Move to 10.94.0.0/16',
    lines: { 'fixture.yaml': ['  podSubnet: "10.94.0.0/16"'] },
  },
  {
    fixture: 'range-overlap/pod-inside-service.yaml',
    rule: 'range-overlap',
    on: { file: 'fixture.yaml', text: '10.96.0.0/12' },
    title: 'Move to 10.112.0.0/12',
    lines: { 'fixture.yaml': ['  serviceSubnet: 10.112.0.0/12'] },
  },
  {
    fixture: 'range-overlap/external-network.yaml',
    rule: 'range-overlap',
    on: { file: 'kubeadm.yaml', text: '10.0.0.0/16' },
    title: 'Move to 10.1.0.0/16',
    lines: { 'kubeadm.yaml': ['  serviceSubnet: 10.1.0.0/16'] },
  },
  {
    fixture: 'range-overlap/lb-pool-inside-pod-network.yaml',
    rule: 'range-overlap',
    on: { file: 'pool.yaml', text: '10.244.250.0/24' },
    title: 'Move to 10.245.0.0/24',
    lines: { 'pool.yaml': ['    - 10.245.0.0/24'] },
  },
  {
    // An L2 load-balancer pool moves within the node LAN first, nearest to where it is.
    fixture: 'range-overlap/metallb-overlap-in-node-lan.yaml',
    rule: 'range-overlap',
    on: { file: 'metallb.yaml', text: '192.168.1.224/28' },
    title: 'Move to 192.168.1.208/28',
    lines: { 'metallb.yaml': ['    - 192.168.1.208/28'] },
  },
  {
    fixture: 'range-overlap/metallb-overlap-in-node-lan.yaml',
    rule: 'range-overlap',
    on: { file: 'metallb.yaml', text: '192.168.1.232/29' },
    title: 'Move to 192.168.1.240/29',
    lines: { 'metallb.yaml': ['    - 192.168.1.240/29'] },
  },
  {
    fixture: 'range-overlap/calico-ippools-overlap.yaml',
    rule: 'range-overlap',
    on: { file: 'fixture.yaml', text: '10.244.128.0/20' },
    title: 'Move to 10.243.240.0/20',
    lines: { 'fixture.yaml': ['  cidr: 10.243.240.0/20'] },
  },
  {
    fixture: 'cross-cluster-overlap/connected-pod-ranges-overlap.yaml',
    rule: 'cross-cluster-overlap',
    on: { file: 'prod/kubeadm.yaml', text: '10.244.0.0/16' },
    title: 'Move to 10.243.0.0/16',
    lines: { 'prod/kubeadm.yaml': ['  podSubnet: 10.243.0.0/16'] },
  },
  {
    fixture: 'pod-network-mismatch/flannel-network-misses-pod-subnet.yaml',
    rule: 'pod-network-mismatch',
    on: { file: 'kube-flannel.yaml', text: '10.42.0.0/16' },
    title: 'Set flannel net-conf.json Network to 10.244.0.0/16 (as kubeadm networking.podSubnet)',
    lines: { 'kube-flannel.yaml': ['      "Network": "10.244.0.0/16",'] },
  },
  {
    fixture: 'pod-network-mismatch/flannel-network-misses-pod-subnet.yaml',
    rule: 'pod-network-mismatch',
    on: { file: 'kube-flannel.yaml', text: '10.42.0.0/16' },
    title: 'Set kubeadm networking.podSubnet to 10.42.0.0/16 (as flannel net-conf.json Network)',
    lines: { 'kubeadm.yaml': ['  podSubnet: 10.42.0.0/16'] },
  },
  {
    fixture: 'pod-network-mismatch/flannel-network-misses-pod-subnet.yaml',
    rule: 'pod-network-mismatch',
    on: { file: 'kubeadm.yaml', text: '10.244.0.0/16' },
    title: 'Set flannel net-conf.json Network to 10.244.0.0/16 (as kubeadm networking.podSubnet)',
    lines: { 'kube-flannel.yaml': ['      "Network": "10.244.0.0/16",'] },
  },
  {
    fixture: 'pod-network-mismatch/operator-pool-outside-kind-default.yaml',
    rule: 'pod-network-mismatch',
    on: { file: 'custom-resources.yaml', text: '192.168.0.0/16' },
    title: 'Set tigera Installation ipPools[].cidr to 10.244.0.0/16 (as kind networking.podSubnet)',
    lines: { 'custom-resources.yaml': ['        cidr: 10.244.0.0/16'] },
  },
  {
    fixture: 'pod-network-mismatch/kube-proxy-cluster-cidr-differs.yaml',
    rule: 'pod-network-mismatch',
    on: { file: 'fixture.yaml', text: '10.244.0.0/16' },
    title: 'Set KubeProxyConfiguration clusterCIDR to 10.244.0.0/16 (as kubeadm networking.podSubnet)',
    lines: { 'fixture.yaml': ['clusterCIDR: 10.244.0.0/16'] },
  },
  {
    fixture: 'pod-network-mismatch/native-routing-misses-pods.yaml',
    rule: 'pod-network-mismatch',
    on: { file: 'cilium-values.yaml', text: '10.32.0.0/16' },
    title: 'Set cilium ipv4NativeRoutingCIDR to 10.42.0.0/16 (as kubeadm networking.podSubnet)',
    lines: { 'cilium-values.yaml': ['ipv4NativeRoutingCIDR: 10.42.0.0/16'] },
  },
  {
    fixture: 'pod-network-mismatch/kops-pod-cidr-outside-non-masquerade.yaml',
    rule: 'pod-network-mismatch',
    on: { file: 'clusters/moved-pods.yaml', text: '10.200.0.0/16' },
    title: 'Set kops spec.nonMasqueradeCIDR to 10.200.0.0/16 (as kops spec.podCIDR)',
    lines: { 'clusters/moved-pods.yaml': ['  nonMasqueradeCIDR: 10.200.0.0/16'] },
  },
];

interface Loaded {
  readonly texts: ReadonlyMap<string, string>;
  readonly findings: readonly Finding[];
}

function load(fixture: string): Loaded {
  const loaded = loadFixture(readFileSync(`test/fixtures/${fixture}`, 'utf8'));
  const result = analyzeFixture(loaded);
  assert.deepEqual(result.internalErrors, []);
  return { texts: new Map(loaded.files.map((f) => [f.path, f.text])), findings: result.findings };
}

function findingOn(loaded: Loaded, rule: RuleId, file: string, text: string): Finding[] {
  const uri = `${FIXTURE_ROOT}/${file}`;
  const source = loaded.texts.get(file) ?? '';
  return loaded.findings.filter((f) => f.rule === rule && f.uri === uri && source.slice(f.span.start, f.span.end) === text);
}

function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  return b.filter((line, i) => line !== a[i]);
}

describe('fixes of the overlap and consistency rules', () => {
  for (const c of CASES) {
    it(`${c.fixture}: ${c.title}`, () => {
      const loaded = load(c.fixture);
      const findings = findingOn(loaded, c.rule, c.on.file, c.on.text);
      assert.ok(findings.length > 0, `no ${c.rule} finding on ${c.on.text} in ${c.on.file}`);
      const fixes = findings.flatMap((f) => f.fixes);
      const fix = fixes.find((f) => f.title === c.title);
      assert.ok(fix, `no fix "${c.title}"; the finding offers: ${fixes.map((f) => f.title).join(' | ')}`);
      const edited = new Set(fix.edits.map((e) => e.uri));
      assert.deepEqual([...edited].sort(), Object.keys(c.lines).map((f) => `${FIXTURE_ROOT}/${f}`).sort(), 'the fix edits exactly the expected files');
      for (const [file, lines] of Object.entries(c.lines)) {
        const before = loaded.texts.get(file) ?? '';
        assert.deepEqual(changedLines(before, applyFixTo(before, fix, `${FIXTURE_ROOT}/${file}`)), lines);
      }
    });
  }

  it('offers at most three moves, nearest first, none overlapping the scope', () => {
    const loaded = load('range-overlap/pod-inside-service.yaml');
    const [finding] = findingOn(loaded, 'range-overlap', 'fixture.yaml', '10.96.0.0/16');
    assert.deepEqual(
      finding.fixes.map((f) => f.title),
      ['Move to 10.95.0.0/16', 'Move to 10.94.0.0/16', 'Move to 10.93.0.0/16'],
    );
  });

  it('offers no move for a default, whose span is the document anchor, nor for the side that need not move', () => {
    const cilium = load('range-overlap/cilium-default-pool-contains-service.yaml');
    const [onDefault] = findingOn(cilium, 'range-overlap', 'cilium-config.yaml', 'cluster-pool');
    assert.deepEqual(onDefault.fixes, []);
    const lb = load('range-overlap/lb-pool-inside-pod-network.yaml');
    const [onPods] = findingOn(lb, 'range-overlap', 'kubeadm.yaml', '10.244.0.0/16');
    assert.deepEqual(onPods.fixes, []);
  });

  it('searches the other private blocks from their start when the own block is full', () => {
    const loaded = load('range-overlap/node-network.yaml');
    const [finding] = findingOn(loaded, 'range-overlap', 'installation.yaml', '192.168.0.0/16');
    assert.deepEqual(
      finding.fixes.map((f) => f.title),
      ['Move to 10.0.0.0/16', 'Move to 10.1.0.0/16', 'Move to 10.2.0.0/16'],
    );
  });

  it("never proposes Docker's bridge, reserved space or a connected cluster's range", () => {
    const text = [
      '#- file: .cidr-lens.yaml',
      'externalNetworks: [172.16.0.0/16]',
      '#- file: pools.yaml',
      'apiVersion: projectcalico.org/v3',
      'kind: IPPool',
      'metadata:',
      '  name: pods',
      'spec:',
      '  cidr: 172.16.0.0/16',
      '---',
      'apiVersion: metallb.io/v1beta1',
      'kind: IPAddressPool',
      'metadata:',
      '  name: lb',
      '  namespace: metallb-system',
      'spec:',
      '  addresses: [172.18.0.0/16]',
      '',
    ].join('\n');
    const fixture = loadFixture(text);
    const result = analyzeFixture(fixture);
    const pools = fixture.files.find((f) => f.path === 'pools.yaml')!;
    const finding = result.findings.find((f) => f.rule === 'range-overlap' && pools.text.slice(f.span.start, f.span.end) === '172.16.0.0/16')!;
    assert.deepEqual(
      finding.fixes.map((f) => f.title),
      ['Move to 172.19.0.0/16', 'Move to 172.20.0.0/16', 'Move to 172.21.0.0/16'],
    );
  });

  it('never edits a default value in an align fix', () => {
    const loaded = load('pod-network-mismatch/operator-pool-outside-kind-default.yaml');
    for (const finding of loaded.findings.filter((f) => f.rule === 'pod-network-mismatch')) {
      for (const fix of finding.fixes) assert.ok(fix.edits.every((e) => e.uri.endsWith('custom-resources.yaml')), fix.title);
    }
  });
});
