// Rule: too-few-node-subnets — a pod range yields fewer node subnets than the cluster has (error) or expects (warning) nodes.
//
// kube-controller-manager gives each node one block of the node mask from `--cluster-cidr`: 2^(mask −
// prefix) blocks, minus every block that overlaps the service range (`filterOutServiceRange`). When
// they run out, the next node gets no podCIDR and an event `CIDRNotAvailable` ("CIDR allocation failed;
// there are no remaining CIDRs left to allocate in the accepted range"); its pods cannot start under
// flannel, kindnet, Canal or Cilium's `kubernetes` IPAM. Cilium's cluster-pool operator splits its
// own pool the same way (the error lands in `CiliumNode.status.operator.error`), and flannel's etcd
// subnet manager leases `SubnetLen` subnets between SubnetMin and SubnetMax (domain-rules.md §3, §10,
// §11, §17, §18 CAP-002). Where the pods' IPAM ignores node podCIDRs (Calico, Cilium cluster-pool,
// Weave), nodes still miss their podCIDR and KCM reports CIDRNotAvailable for them; the message says
// that pods keep getting addresses.

import type { Fix, Severity } from '../model';
import { bitsOf } from '../net/addr';
import type { NodeSubnetCapacity } from '../plan/capacity';
import { knownNodes } from '../plan/capacity';
import { formatCount, plural } from '../text/format';
import type { Rule, RuleContext } from './rule';
import { FindingSet, at, bitsFor, label, maskText, numberFix, pow2, related, resizeFix, subnetsWith, widerPrefix } from './sizeCapacityReport';
import { capacityOf } from '../plan/capacity';

const MAX_DIFF = 16;

export const tooFewNodeSubnets: Rule = {
  id: 'too-few-node-subnets',
  defaultSeverity: 'error',
  description: 'A pod range yields fewer node subnets (2^(mask − prefix), less those overlapping the service range) than the Nodes found (error) or expect.nodes (warning).',
  run(ctx) {
    const out = new FindingSet('too-few-node-subnets');
    const capacity = capacityOf(ctx.plan);
    for (const entry of capacity.nodeSubnets) {
      // A mask shorter than the range (0 subnets) or out of range is node-mask-invalid's finding.
      if (!entry.effective || entry.subnets === undefined || entry.subnets === 0n) continue;
      const known = knownNodes(capacity, entry.allocator, entry.pool);
      const expected = capacity.nodes.expected?.value;
      let need: number;
      let severity: Severity;
      let against: string;
      if (known && BigInt(known.count) > entry.maxNodes) {
        need = known.count;
        severity = 'error';
        const first = known.facts[0];
        against = `${known.what} in this cluster${first && first.role === 'node-pod-cidr' ? ` (${at(ctx, first)}${known.count > 1 ? ', …' : ''})` : ''}`;
      } else if (expected !== undefined && BigInt(expected) > entry.maxNodes) {
        need = expected;
        severity = 'warning';
        against = `expect.nodes ${formatCount(expected)}`;
      } else {
        continue;
      }
      out.add(entry.pool, severity, message(ctx, entry, against), related(entry.mask.fact && !entry.mask.fact.isDefault ? entry.mask.fact : undefined, 'the node mask'), fixes(ctx, entry, need));
    }
    return out.findings;
  },
};

function message(ctx: RuleContext, entry: NodeSubnetCapacity, against: string): string {
  const lost = entry.lostToServices > 0n
    ? `, ${formatCount(entry.lostToServices)} of which overlap the service range ${entry.servicesOverlapping.map((s) => `${s.text} (${at(ctx, s)})`).join(', ')} and are never handed out`
    : '';
  const leasable = entry.allocator === 'flannel-etcd' && entry.subnets !== undefined && entry.maxNodes !== entry.subnets ? ` (${formatCount(entry.maxNodes)} of them between SubnetMin and SubnetMax)` : '';
  const head = `${label(entry.pool)} yields ${plural(entry.subnets ?? 0n, 'node subnet')} of ${maskText(entry.mask)}${lost}${leasable}: room for ${plural(entry.maxNodes, 'node')}, fewer than ${against}`;
  return `${head} — ${consequence(entry)}`;
}

function consequence(entry: NodeSubnetCapacity): string {
  switch (entry.allocator) {
    case 'cilium-cluster-pool':
      return 'the Cilium operator leaves the nodes beyond that without a pod CIDR (CiliumNode status.operator.error), and their pods get no address';
    case 'flannel-etcd':
      return 'flanneld on the nodes beyond that finds no subnet left to lease and their pods get no address';
    default:
      if (entry.pool.component === 'openshift') return "OVN-Kubernetes' cluster manager has no host subnet left for the nodes beyond that, and they stay NotReady";
      return entry.podsUseNodeSubnets
        ? 'kube-controller-manager leaves the nodes beyond that without a podCIDR ("CIDRNotAvailable"), and CNIs that take pod addresses from it (flannel, kindnet, Canal, host-local) cannot start their pods'
        : 'kube-controller-manager leaves the nodes beyond that without a podCIDR ("CIDRNotAvailable"); their pods still get addresses from the CNI\'s own pool, which ignores node podCIDRs';
  }
}

/** Whether a mask − prefix difference is one the owner refuses (IPv6 always, IPv4 under kubeadm). */
function diffRefused(entry: NodeSubnetCapacity, mask: number, prefix: number): boolean {
  if (mask - prefix <= MAX_DIFF) return false;
  return entry.family === 6 || ['kubeadm', 'kind', 'cluster-api'].includes(entry.pool.component);
}

/**
 * Resize the range so it yields `need` subnets (preferred: the node size stays as it is), and, when
 * the mask is written, a longer mask that yields them while a node still holds maxPods.
 */
function fixes(ctx: RuleContext, entry: NodeSubnetCapacity, need: number): Fix[] {
  const out: Fix[] = [];
  const mask = entry.mask.value;
  const prefix = entry.poolPrefix;
  const width = bitsOf(entry.family);
  const firstSkipped = entry.allocator === 'flannel-etcd' ? 1n : 0n;
  const noun = entry.allocator === 'kube-controller-manager' && entry.pool.role === 'pod-network' ? 'pod range' : entry.allocator === 'cilium-cluster-pool' ? 'pool' : 'Network';
  if (!entry.pool.isDefault) {
    // The same length only helps when the range moves away from the service range it overlaps.
    const start = Math.min(entry.lostToServices > 0n ? prefix : prefix - 1, mask - bitsFor(BigInt(need) + firstSkipped));
    for (let bits = start; bits >= Math.max(0, start - 4); bits--) {
      if (diffRefused(entry, mask, bits)) break;
      const target = widerPrefix(ctx, entry.pool, bits);
      if (!target) continue;
      // The new range overlaps no service range, so every subnet counts.
      const count = pow2(mask - bits) - firstSkipped;
      if (count < BigInt(need)) continue;
      out.push(...resizeFix(ctx, entry.pool, target, noun, `${formatCount(count)} node subnets × /${mask}`));
      break;
    }
  }
  const maskFact = entry.mask.fact;
  if (maskFact && !maskFact.isDefault) {
    const maxPods = BigInt(capacityOf(ctx.plan).maxPods.value);
    for (let m = mask + 1; m <= width; m++) {
      if (diffRefused(entry, m, prefix)) break;
      const pods = pow2(width - m) - entry.reservedPerSubnet.count;
      if (pods < maxPods) break;
      const count = subnetsWith(entry, entry.pool.value.range, prefix, m) - firstSkipped;
      if (count >= BigInt(need)) {
        out.push(...numberFix(ctx, maskFact, m, `Set node mask to /${m} (${formatCount(count)} node subnets × ${formatCount(pods)} pods)`, out.length === 0));
        break;
      }
    }
  }
  return out;
}
