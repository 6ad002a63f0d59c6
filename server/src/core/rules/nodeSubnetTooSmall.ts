// Rule: node-subnet-too-small — a node's pod subnet holds fewer addresses than the pods a node may run (error), or less than twice as many (info).
//
// The kubelet admits up to maxPods pods (default 110) and never checks them against the node's podCIDR.
// host-local (flannel, kindnet, Canal) hands out the subnet less its network, gateway and (IPv4)
// broadcast addresses, 2^(32 − mask) − 3, and the pod beyond that fails with "failed to allocate for
// range 0: no IP addresses available in range set"; Cilium keeps its router and health addresses in
// the node's CIDR. GKE sizes node subnets at twice maxPods at least (/24 for 110) so that addresses
// freed by deleted pods are not handed out again at once (domain-rules.md §5, §17, §18 CAP-001/CAP-005).

import type { Fact, Fix } from '../model';
import { bitsOf } from '../net/addr';
import type { Figure, NodeSubnetCapacity } from '../plan/capacity';
import { knownNodes } from '../plan/capacity';
import { formatCount } from '../text/format';
import type { Rule, RuleContext } from './rule';
import { FindingSet, addresses, at, bitsFor, label, maskText, numberFix, pow2, related, subnetsWith } from './sizeCapacityReport';
import { capacityOf } from '../plan/capacity';

export const nodeSubnetTooSmall: Rule = {
  id: 'node-subnet-too-small',
  defaultSeverity: 'error',
  description: 'maxPods exceeds the pod addresses of a node subnet (error), or a node subnet holds less than twice maxPods (info).',
  run(ctx) {
    const out = new FindingSet('node-subnet-too-small');
    const capacity = capacityOf(ctx.plan);
    for (const entry of capacity.nodeSubnets) {
      if (!entry.effective || !entry.podsUseNodeSubnets || entry.podsPerNode === undefined || entry.addressesPerSubnet === undefined || !entry.subnets) continue;
      const usable = entry.podsPerNode;
      const maskFact = entry.mask.fact && !entry.mask.fact.isDefault ? entry.mask.fact : undefined;
      const written = capacity.maxPodsFacts.filter((f) => f.value.kind === 'number' && BigInt(f.value.value) > usable);
      for (const maxPods of written) {
        const value = (maxPods.value as { value: number }).value;
        const fixes = [...fitMaskFix(ctx, entry, value), ...numberFix(ctx, maxPods, Number(usable), `Lower maxPods to ${formatCount(usable)}`, !maskFact)];
        out.add(maxPods, 'error', `maxPods ${maxPods.text} (${maxPods.source}) is more than a node's pod subnet holds: ${subnetText(ctx, entry)} — ${failure(entry)}`, related(maskFact ?? entry.pool, 'the node subnet size'), fixes);
        if (maskFact) out.add(maskFact, 'error', `${maskSide(entry)}, fewer than maxPods ${maxPods.text} (${maxPods.source}, ${at(ctx, maxPods)}) — ${failure(entry)}`, related(maxPods, 'the maxPods the kubelet admits'), fitMaskFix(ctx, entry, value));
      }
      if (written.length > 0) continue;
      const maxPods = capacity.maxPods;
      if (capacity.maxPodsFacts.length === 0 && BigInt(maxPods.value) > usable) {
        // No maxPods written: the kubelet default (a hard limit) or expect.podsPerNode (a plan).
        const severity = maxPods.origin === 'config' ? 'warning' : 'error';
        const target = maskFact ?? (entry.mask.fact && entry.allocator === 'flannel-etcd' ? entry.mask.fact : entry.pool.isDefault ? undefined : entry.pool);
        if (!target) continue;
        const head = target === maskFact || target === entry.mask.fact ? maskSide(entry) : `${label(entry.pool)} is split into ${maskText(entry.mask)} node subnets of ${formatCount(usable)} pod addresses (${addresses(entry.addressesPerSubnet)} less ${entry.reservedPerSubnet.why})`;
        out.add(target, severity, `${head}, fewer than ${maxPodsText(maxPods)} — ${failure(entry)}`, [], fitMaskFix(ctx, entry, maxPods.value));
        continue;
      }
      // GKE's guidance: a node subnet of at least twice maxPods.
      if (entry.addressesPerSubnet < 2n * BigInt(maxPods.value) && BigInt(maxPods.value) <= usable) {
        const fixes = fitMaskFix(ctx, entry, maxPods.value, true);
        const guidance = `GKE sizes node subnets at twice maxPods or more (/${bitsOf(entry.family) - bitsFor(2n * BigInt(maxPods.value))} for ${maxPods.value}), so that addresses freed by deleted pods are not handed out again at once`;
        if (maskFact) out.add(maskFact, 'info', `${maskSide(entry)}: enough for ${maxPodsText(maxPods)}, but less than twice as many addresses — ${guidance}`, [], fixes);
        else if (maxPods.fact && !maxPods.fact.isDefault) out.add(maxPods.fact, 'info', `maxPods ${maxPods.fact.text} (${maxPods.fact.source}) fits ${subnetText(ctx, entry)}, but they hold less than twice as many addresses — ${guidance}`, [], fixes);
      }
    }
    return out.findings;
  },
};

function maxPodsText(maxPods: Figure<number>): string {
  if (maxPods.origin === 'config') return `expect.podsPerNode ${maxPods.value}`;
  if (maxPods.origin === 'default') return `the kubelet's default maxPods ${maxPods.value}`;
  return `maxPods ${maxPods.value} (${maxPods.label})`;
}

/** `/24 (…) node subnets of 10.244.0.0/16 (…, file:line) give 253 pod addresses (256 less …)`. */
function subnetText(ctx: RuleContext, entry: NodeSubnetCapacity): string {
  const pool = ` of ${entry.pool.text} (${entry.pool.source}${entry.pool.isDefault ? ', default' : ''}, ${at(ctx, entry.pool)})`;
  return `${maskText(entry.mask)} node subnets${pool} give ${formatCount(entry.podsPerNode ?? 0n)} pod addresses (${addresses(entry.addressesPerSubnet ?? 0n)} less ${entry.reservedPerSubnet.why})`;
}

function maskSide(entry: NodeSubnetCapacity): string {
  const m = entry.mask;
  const name = m.fact?.role === 'subnet-len' ? `SubnetLen ${m.value}` : `node mask /${m.value}`;
  const where = m.fact ? `${m.fact.source}${m.fact.isDefault ? ', default' : ''}` : m.label;
  return `${name} (${where}) leaves ${formatCount(entry.podsPerNode ?? 0n)} pod addresses per node (${addresses(entry.addressesPerSubnet ?? 0n)} less ${entry.reservedPerSubnet.why})`;
}

function failure(entry: NodeSubnetCapacity): string {
  if (entry.allocator === 'cilium-cluster-pool') return "pods beyond that on a node get no address from Cilium's IPAM and stay in ContainerCreating";
  return 'pods beyond that on a node fail with "failed to allocate for range 0: no IP addresses available in range set"';
}

/**
 * A node mask that holds maxPods: twice maxPods (GKE's guidance) where the range still gives every
 * known or expected node a subnet, else just maxPods. Only for a mask written in a manifest.
 */
function fitMaskFix(ctx: RuleContext, entry: NodeSubnetCapacity, maxPods: number, guidanceOnly = false): Fix[] {
  const maskFact: Fact | undefined = entry.mask.fact && !entry.mask.fact.isDefault ? entry.mask.fact : undefined;
  if (!maskFact) return [];
  const width = bitsOf(entry.family);
  const capacity = capacityOf(ctx.plan);
  const nodes = Math.max(knownNodes(capacity, entry.allocator, entry.pool)?.count ?? 0, capacity.nodes.expected?.value ?? 0);
  const range = entry.pool.value.range;
  const candidates = guidanceOnly ? [2n * BigInt(maxPods)] : [2n * BigInt(maxPods), BigInt(maxPods) + entry.reservedPerSubnet.count];
  for (const needed of candidates) {
    const m = width - bitsFor(needed);
    if (m < entry.poolPrefix || m === entry.mask.value) continue;
    const subnets = subnetsWith(entry, range, entry.poolPrefix, m);
    if (BigInt(nodes) > subnets) continue;
    const name = maskFact.role === 'subnet-len' ? 'SubnetLen' : 'node mask';
    const pods = pow2(width - m) - entry.reservedPerSubnet.count;
    return numberFix(ctx, maskFact, m, `Set ${name} to ${maskFact.role === 'subnet-len' ? m : `/${m}`} (${formatCount(pods)} pods per node, ${formatCount(subnets)} node subnets)`, true);
  }
  return [];
}
