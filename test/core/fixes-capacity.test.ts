// The fixes of the size and capacity rules (node-mask-invalid … service-range-full): each one is applied
// to its fixture's files and the changed lines are compared with what the user should end up with; the
// fixed workspace must not draw the same finding on the same value again.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Fix, RuleId } from '../../server/src/core';
import { FIXTURE_ROOT, applyFixTo, fixOf, fixtureFindings } from '../support/check';

interface Case {
  readonly fixture: string;
  readonly rule: RuleId;
  readonly title: string;
  /** The changed lines, as `file: line` for multi-file fixtures, else the line alone. */
  readonly lines: readonly string[];
  readonly preferred?: boolean;
}

const CASES: readonly Case[] = [
  // node-mask-invalid
  { fixture: 'node-mask-invalid/kubeadm-mask-shorter-than-pod-subnet.yaml', rule: 'node-mask-invalid', title: 'Set node mask to /24 (16 node subnets of 256 addresses)', lines: ['    node-cidr-mask-size-ipv4: "24"'], preferred: true },
  { fixture: 'node-mask-invalid/kcm-ipv6-mask-too-long.yaml', rule: 'node-mask-invalid', title: 'Shrink pod range to fd00:10:244::/64 (65,536 node subnets × /80)', lines: ['        - --cluster-cidr=fd00:10:244::/64'], preferred: true },
  { fixture: 'node-mask-invalid/kcm-ipv6-mask-too-long.yaml', rule: 'node-mask-invalid', title: 'Set node mask to /72 (65,536 node subnets)', lines: ['        - --node-cidr-mask-size-ipv6=72'] },
  { fixture: 'node-mask-invalid/kubeadm-ipv4-difference-over-16.yaml', rule: 'node-mask-invalid', title: 'Shrink pod range to 10.0.0.0/10 (65,536 node subnets × /26)', lines: ['  podSubnet: 10.0.0.0/10'], preferred: true },
  { fixture: 'node-mask-invalid/kubeadm-plain-flag-ignored.yaml', rule: 'node-mask-invalid', title: 'Rename to node-cidr-mask-size-ipv4', lines: ['    node-cidr-mask-size-ipv4: "25"'], preferred: true },
  // block-size-invalid
  { fixture: 'block-size-invalid/ippool-block-size-33.yaml', rule: 'block-size-invalid', title: "Set blockSize to 26 (Calico's default)", lines: ['  blockSize: 26'], preferred: true },
  { fixture: 'block-size-invalid/calico-node-env-ipv6-block-size.yaml', rule: 'block-size-invalid', title: "Set blockSize to 122 (Calico's default)", lines: ['              value: "122"'], preferred: true },
  { fixture: 'block-size-invalid/ippool-smaller-than-default-block.yaml', rule: 'block-size-invalid', title: 'Resize pool to 10.48.0.0/26 (one block of /26)', lines: ['  cidr: 10.48.0.0/26'], preferred: true },
  { fixture: 'block-size-invalid/operator-pool-smaller-than-block.yaml', rule: 'block-size-invalid', title: 'Set blockSize to 29 (2 blocks of 8 addresses)', lines: ['        blockSize: 29'], preferred: true },
  // flannel-subnet-len-invalid
  { fixture: 'flannel-subnet-len-invalid/etcd-subnet-len-31.yaml', rule: 'flannel-subnet-len-invalid', title: 'Set SubnetLen to 24 (255 leasable subnets)', lines: ['      "SubnetLen": 24,'], preferred: true },
  {
    fixture: 'flannel-subnet-len-invalid/etcd-subnet-min-unaligned.yaml',
    rule: 'flannel-subnet-len-invalid',
    title: 'Align to 10.10.1.0',
    lines: [`            - '{ "Network": "10.10.0.0/16", "SubnetLen": 24, "SubnetMin": "10.10.1.0", "SubnetMax": "10.11.0.0" }'`],
    preferred: true,
  },
  // too-few-node-subnets
  { fixture: 'too-few-node-subnets/expect-nodes-kubeadm.yaml', rule: 'too-few-node-subnets', title: 'Resize pod range to 10.244.0.0/15 (512 node subnets × /24)', lines: ['kubeadm.yaml:   podSubnet: 10.244.0.0/15'], preferred: true },
  {
    fixture: 'too-few-node-subnets/expect-nodes-flannel-mirror.yaml',
    rule: 'too-few-node-subnets',
    title: 'Resize pod range to 10.244.0.0/15 (512 node subnets × /24) in 2 files',
    lines: ['kubeadm.yaml:   podSubnet: 10.244.0.0/15', 'kube-flannel.yaml:       "Network": "10.244.0.0/15",'],
    preferred: true,
  },
  { fixture: 'too-few-node-subnets/nodes-found.yaml', rule: 'too-few-node-subnets', title: 'Resize pod range to 10.244.0.0/22 (4 node subnets × /24)', lines: ['kubeadm.yaml:   podSubnet: 10.244.0.0/22'], preferred: true },
  { fixture: 'too-few-node-subnets/service-range-costs-node-subnets.yaml', rule: 'too-few-node-subnets', title: 'Move pod range to 10.94.0.0/15 (512 node subnets × /24)', lines: ['kube-controller-manager.yaml:         - --cluster-cidr=10.94.0.0/15'], preferred: true },
  { fixture: 'too-few-node-subnets/kind-dual-stack-ipv6-slash-64.yaml', rule: 'too-few-node-subnets', title: 'Resize pod range to fd00:10:244::/62 (4 node subnets × /64)', lines: ['  podSubnet: "10.244.0.0/16,fd00:10:244::/62"'], preferred: true },
  { fixture: 'too-few-node-subnets/cilium-cluster-pool-expect.yaml', rule: 'too-few-node-subnets', title: 'Resize pool to 10.128.0.0/14 (1,024 node subnets × /24)', lines: ['cilium-config.yaml:   cluster-pool-ipv4-cidr: 10.128.0.0/14'], preferred: true },
  // node-subnet-too-small
  { fixture: 'node-subnet-too-small/mask-slash-26-default-max-pods.yaml', rule: 'node-subnet-too-small', title: 'Set node mask to /24 (253 pods per node, 256 node subnets)', lines: ['    node-cidr-mask-size-ipv4: "24"'], preferred: true },
  { fixture: 'node-subnet-too-small/kubelet-max-pods-over-default-mask.yaml', rule: 'node-subnet-too-small', title: 'Lower maxPods to 253', lines: ['maxPods: 253'], preferred: true },
  { fixture: 'node-subnet-too-small/k3s-mask-and-max-pods.yaml', rule: 'node-subnet-too-small', title: 'Set node mask to /23 (509 pods per node, 128 node subnets)', lines: ['  - node-cidr-mask-size=23'], preferred: true },
  { fixture: 'node-subnet-too-small/cilium-mask-slash-26.yaml', rule: 'node-subnet-too-small', title: 'Set node mask to /24 (254 pods per node, 1,024 node subnets)', lines: ['  cluster-pool-ipv4-mask-size: "24"'], preferred: true },
  // too-few-blocks
  { fixture: 'too-few-blocks/pool-fewer-blocks-than-expected-nodes.yaml', rule: 'too-few-blocks', title: 'Resize pool to 10.48.0.0/22 (16 blocks of /26)', lines: ['ippool.yaml:   cidr: 10.48.0.0/22'], preferred: true },
  { fixture: 'too-few-blocks/pool-fewer-blocks-than-expected-nodes.yaml', rule: 'too-few-blocks', title: 'Set blockSize to 28 (16 blocks of 16 addresses)', lines: ['ippool.yaml:   blockSize: 28'] },
  { fixture: 'too-few-blocks/tiny-blocks.yaml', rule: 'too-few-blocks', title: 'Set blockSize to 26 (1,024 blocks of 64 addresses)', lines: ['  blockSize: 26'], preferred: true },
  // service-range-full
  { fixture: 'service-range-full/expect-services.yaml', rule: 'service-range-full', title: 'Resize service range to 10.96.0.0/23 (510 ClusterIPs)', lines: ['kubeadm.yaml:   serviceSubnet: 10.96.0.0/23'], preferred: true },
  { fixture: 'service-range-full/services-exceed-range.yaml', rule: 'service-range-full', title: 'Resize service range to 10.96.0.0/27 (30 ClusterIPs)', lines: ['kube-apiserver.yaml:         - --service-cluster-ip-range=10.96.0.0/27'], preferred: true },
];

/** Applies a fix to every file it touches, last edit first; returns the new texts by path. */
function apply(files: ReadonlyArray<{ path: string; text: string }>, fix: Fix): Map<string, string> {
  const out = new Map(files.map((f) => [f.path, f.text]));
  for (const file of files) {
    const uri = `${FIXTURE_ROOT}/${file.path}`;
    out.set(file.path, applyFixTo(file.text, fix, uri));
  }
  const known = new Set(files.map((f) => `${FIXTURE_ROOT}/${f.path}`));
  assert.ok(fix.edits.every((e) => known.has(e.uri)), 'every edit lands in a file of the workspace');
  return out;
}

/** The workspace text again, as a fixture with `#- file:` headers, for re-analysis. */
function asFixture(texts: Map<string, string>): string {
  return [...texts].map(([path, text]) => `#- file: ${path}\n${text}`).join('');
}

describe('capacity and size fixes', () => {
  for (const c of CASES) {
    it(`${c.fixture}: ${c.title}`, () => {
      const { fixture, findings } = fixtureFindings(readFileSync(`test/fixtures/${c.fixture}`, 'utf8'));
      const { finding, fix } = fixOf(findings, c.rule, c.title);
      const after = apply(fixture.files, fix);
      const multi = fixture.files.length > 1;
      const changed = fixture.files.flatMap((file) => {
        const before = file.text.split('\n');
        return after
          .get(file.path)!
          .split('\n')
          .filter((line, i) => line !== before[i])
          .map((line) => (multi ? `${file.path}: ${line}` : line));
      });
      assert.deepEqual(changed, c.lines);
      assert.equal(Boolean(fix.isPreferred), Boolean(c.preferred));
      const again = fixtureFindings(asFixture(after)).findings.filter((f) => f.rule === c.rule && f.uri === finding.uri && f.span.start === finding.span.start && f.severity !== 'info');
      assert.deepEqual(
        again.map((f) => f.message),
        [],
      );
    });
  }
});
