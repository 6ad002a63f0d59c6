// The fixes of the per-value rules (invalid-cidr … docker-bridge-overlap): each one is applied to its
// fixture's text and the changed line is compared with what the user should end up with.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Fix, RuleId } from '../../server/src/core';
import { FIXTURE_ROOT, applyFixTo, fixOf, fixtureFindings } from '../support/check';

interface Case {
  readonly fixture: string;
  readonly rule: RuleId;
  readonly title: string;
  /** The line that carries the value, after the fix. */
  readonly line: string;
  readonly canonical?: boolean;
}

const CASES: readonly Case[] = [
  { fixture: 'invalid-cidr/kubeadm-trailing-comma.yaml', rule: 'invalid-cidr', title: 'Remove the empty list element', line: '  podSubnet: "10.244.0.0/16"' },
  { fixture: 'non-canonical-cidr/network-policy-host-bits.yaml', rule: 'non-canonical-cidr', title: 'Canonicalise to 192.168.10.0/24', line: '            cidr: 192.168.10.0/24', canonical: true },
  { fixture: 'non-canonical-cidr/network-policy-host-bits.yaml', rule: 'non-canonical-cidr', title: 'Match the single address 192.168.10.7/32', line: '            cidr: 192.168.10.7/32' },
  { fixture: 'non-canonical-cidr/kubeadm-masked-silently.yaml', rule: 'non-canonical-cidr', title: 'Canonicalise to 10.244.0.0/16', line: '  podSubnet: 10.244.0.0/16', canonical: true },
  { fixture: 'non-canonical-cidr/service-cidr-host-bits.yaml', rule: 'non-canonical-cidr', title: 'Canonicalise to 10.100.0.0/16', line: '    - 10.100.0.0/16', canonical: true },
  { fixture: 'non-standard-notation/kubeadm-leading-zeros.yaml', rule: 'non-standard-notation', title: 'Rewrite as 10.244.0.0/16', line: '  podSubnet: 10.244.0.0/16', canonical: true },
  { fixture: 'non-standard-notation/node-ipv4-mapped.yaml', rule: 'non-standard-notation', title: 'Rewrite as 10.244.1.0/24', line: '  podCIDR: 10.244.1.0/24' },
  { fixture: 'non-standard-notation/service-ipv6-upper-case.yaml', rule: 'non-standard-notation', title: 'Rewrite as fd00:10:96::a', line: '  clusterIP: fd00:10:96::a', canonical: true },
  { fixture: 'non-standard-notation/service-cidr-uncompressed.yaml', rule: 'non-standard-notation', title: 'Rewrite as fd00:10:96::/112', line: '    - fd00:10:96::/112', canonical: true },
  { fixture: 'wrong-value-kind/service-cluster-ip-with-prefix.yaml', rule: 'wrong-value-kind', title: 'Drop the /32', line: '  clusterIP: 10.96.0.10' },
  { fixture: 'wrong-value-kind/kubelet-cluster-dns-cidr.yaml', rule: 'wrong-value-kind', title: 'Drop the /32', line: '  - 10.96.0.10' },
  { fixture: 'wrong-value-kind/network-policy-bare-ip.yaml', rule: 'wrong-value-kind', title: 'Use the single address 192.168.10.7/32', line: '            cidr: 192.168.10.7/32' },
  { fixture: 'invalid-cidr/flannel-leading-zero.yaml', rule: 'invalid-cidr', title: 'Rewrite as 11.0.0.0/16', line: '      "Network": "11.0.0.0/16",', canonical: true },
  { fixture: 'non-canonical-cidr/calico-ippool-not-strictly-masked.yaml', rule: 'non-canonical-cidr', title: 'Canonicalise to 10.48.0.0/16', line: '  cidr: 10.48.0.0/16', canonical: true },
  { fixture: 'non-canonical-cidr/host-local-host-bits.yaml', rule: 'non-canonical-cidr', title: 'Canonicalise to 10.20.1.0/24', line: '        "subnet": "10.20.1.0/24"', canonical: true },
  { fixture: 'non-standard-notation/calico-installation-embedded-ipv4-info.yaml', rule: 'non-standard-notation', title: 'Rewrite as fd00:10:244::b00:0/112', line: '      - cidr: fd00:10:244::b00:0/112', canonical: true },
  { fixture: 'wrong-value-kind/metallb-bare-ip.yaml', rule: 'wrong-value-kind', title: 'Use the single address 192.168.1.240/32', line: '    - 192.168.1.240/32' },
  { fixture: 'service-range-too-large/kubeadm-slash-8.yaml', rule: 'service-range-too-large', title: 'Shrink to 10.0.0.0/12', line: '  serviceSubnet: 10.0.0.0/12' },
  { fixture: 'service-range-too-large/apiserver-flag.yaml', rule: 'service-range-too-large', title: 'Shrink to 10.96.0.0/12', line: '        - --service-cluster-ip-range=10.96.0.0/12' },
  { fixture: 'service-range-too-large/kind-ipv6-slash-64.yaml', rule: 'service-range-too-large', title: 'Shrink to fd00:10:96::/108', line: '  serviceSubnet: fd00:10:96::/108' },
  { fixture: 'reserved-range/kubeadm-pod-public-space.yaml', rule: 'reserved-range', title: 'Move to 10.0.0.0/16', line: '  podSubnet: 10.0.0.0/16' },
  { fixture: 'reserved-range/kubeadm-ipv6-unassigned.yaml', rule: 'reserved-range', title: 'Move to fd00::/48', line: '  podSubnet: fd00::/48' },
  { fixture: 'reserved-range/calico-ippool-link-local.yaml', rule: 'reserved-range', title: 'Move to 10.0.0.0/16', line: '  cidr: 10.0.0.0/16' },
  { fixture: 'docker-bridge-overlap/calico-ippool-docker0.yaml', rule: 'docker-bridge-overlap', title: 'Move to 172.16.0.0/16', line: '  cidr: 172.16.0.0/16' },
  { fixture: 'docker-bridge-overlap/kubeadm-pod-contains-docker0.yaml', rule: 'docker-bridge-overlap', title: 'Move to 10.0.0.0/12', line: '  podSubnet: 10.0.0.0/12' },
];

/** Applies a fix's edits to the text; a per-value fix edits only the value's own file. */
function apply(text: string, fix: Fix, uri: string): string {
  assert.ok(fix.edits.every((e) => e.uri === uri), 'a per-value fix edits only the value’s own file');
  return applyFixTo(text, fix, uri);
}

describe('per-value fixes', () => {
  for (const c of CASES) {
    it(`${c.fixture}: ${c.title}`, () => {
      const { fixture, findings } = fixtureFindings(readFileSync(`test/fixtures/${c.fixture}`, 'utf8'));
      const file = fixture.files[0];
      const uri = `${FIXTURE_ROOT}/${file.path}`;
      const { finding, fix } = fixOf(findings, c.rule, c.title);
      const after = apply(file.text, fix, uri);
      const changed = after.split('\n').filter((line, i) => line !== file.text.split('\n')[i]);
      assert.deepEqual(changed, [c.line]);
      assert.equal(Boolean(fix.isCanonicalization), Boolean(c.canonical));
      // The fixed text must not draw the same finding again.
      const again = fixtureFindings(after).findings.filter((f) => f.rule === c.rule && f.span.start === finding.span.start);
      assert.deepEqual(again.map((f) => f.message), []);
    });
  }

  it('removes empty elements before, between and after the entries of a comma list', () => {
    const cases: Array<[string, string]> = [
      ['",10.244.0.0/16"', '"10.244.0.0/16"'],
      ['"10.244.0.0/16,,fd00:10:244::/56"', '"10.244.0.0/16,fd00:10:244::/56"'],
      ['"10.244.0.0/16, , "', '"10.244.0.0/16"'],
    ];
    for (const [value, expected] of cases) {
      const text = `apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nnetworking:\n  podSubnet: ${value}\n`;
      const { findings } = fixtureFindings(text);
      const found = findings.filter((f) => f.rule === 'invalid-cidr');
      assert.equal(found.length, 1, `${value}: ${JSON.stringify(found.map((f) => f.message))}`);
      const after = apply(text, found[0].fixes[0], found[0].uri);
      assert.equal(after.split('\n')[3], `  podSubnet: ${expected}`);
      assert.deepEqual(fixtureFindings(after).findings.filter((f) => f.rule === 'invalid-cidr'), []);
    }
  });
});
