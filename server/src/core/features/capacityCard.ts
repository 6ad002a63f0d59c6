// What the capacity model (plan/capacity.ts) says about one value, worded for hover cards and inlay
// hints: node subnets, max nodes and pods per node on a pod range, Calico blocks on a pool, cluster IPs
// on a service range, and on a size field (`blockSize: 26`, a node mask, maxPods) what it means here.

import type { Fact } from '../model';
import { bitsOf } from '../net/addr';
import { CalicoPoolCapacity, Figure, NodeSubnetCapacity, Utilization, capacityOf } from '../plan/capacity';
import type { AddressPlan, RangeFact } from '../plan/plan';
import { describe } from '../rules/report';
import { formatCount } from '../text/format';
import { CardLine, HoverCard, addressCount, percent, roleName, sourceLines } from './card';

/** The capacity lines of a range value's card. */
export function capacityLines(fact: RangeFact, plan: AddressPlan): CardLine[] {
  const about = capacityOf(plan).about(fact);
  return [
    ...about.nodeSubnets.filter((n) => n.pool === fact).flatMap((n) => nodeSubnetLines(n, plan)),
    ...about.calicoPools.filter((c) => c.pool === fact).flatMap(calicoLines),
    ...about.services.flatMap((s) => [
      { label: 'Cluster IPs', text: `${formatCount(s.clusterIps)} (the network address${s.family === 4 ? ' and the broadcast address are' : ' is'} never assigned)${s.effective ? '' : ' · not the range the API server allocates from'}` },
      ...utilizationLines(s.utilization, 'cluster IPs'),
    ]),
    ...about.lbPools.flatMap((l) => [
      { label: 'Load-balancer addresses', text: `${formatCount(l.usable)} usable${l.usable < l.addresses ? ` (the first and last are kept back)` : ''}` },
      ...utilizationLines(l.utilization, 'addresses'),
    ]),
  ];
}

/** The short form for an inlay hint: `256 nodes × /24`, `1,024 blocks × /26`, `12 of 4,094 IPs in use`. */
export function capacitySummary(fact: RangeFact, plan: AddressPlan): string | undefined {
  const about = capacityOf(plan).about(fact);
  const subnets = about.nodeSubnets.find((n) => n.pool === fact && n.subnets !== undefined);
  if (subnets) return `${formatCount(subnets.maxNodes)} node${subnets.maxNodes === 1n ? '' : 's'} × /${subnets.mask.value}`;
  const pool = about.calicoPools.find((c) => c.pool === fact && c.blocks !== undefined);
  if (pool) return `${formatCount(pool.blocks!)} block${pool.blocks === 1n ? '' : 's'} × /${pool.blockSize.value}`;
  const used = [...about.services, ...about.lbPools].find((c) => c.utilization.allocated > 0n);
  if (used) return `${formatCount(used.utilization.allocated)} of ${formatCount(used.utilization.capacity)} in use`;
  return undefined;
}

/** The card of a size field: node mask, Calico block size, Flannel SubnetLen, maxPods. */
export function sizeCard(fact: Fact, plan: AddressPlan): HoverCard {
  const lines: CardLine[] = [...sourceLines(fact, plan.scope.name)];
  const value = fact.value.kind === 'number' ? fact.value.value : undefined;
  const model = capacityOf(plan);
  const about = model.about(fact);
  if (fact.role === 'max-pods') lines.push(...maxPodsLines(fact, plan));
  for (const pool of about.calicoPools.filter((c) => c.blockSize.fact === fact)) {
    if (pool.addressesPerBlock === undefined || pool.blocks === undefined) continue;
    lines.push({ text: `${formatCount(pool.addressesPerBlock)} addresses per block, ${formatCount(pool.blocks)} blocks in ${describe(pool.pool)}`, at: locationOf(pool.pool) });
  }
  for (const subnets of about.nodeSubnets.filter((n) => n.mask.fact === fact)) {
    if (subnets.addressesPerSubnet === undefined || subnets.subnets === undefined) continue;
    lines.push({
      text: `${addressCount(subnets.addressesPerSubnet)} per node subnet, ${formatCount(subnets.subnets)} node subnets in ${describe(subnets.pool)} → max ${formatCount(subnets.maxNodes)} nodes`,
      at: locationOf(subnets.pool),
    });
  }
  // A length the model does not use (Flannel's SubnetLen under the kube subnet manager) still has a size.
  if (lines.length === 1 && value !== undefined && isPrefixLength(fact)) lines.push({ text: `/${value}: ${addressCount(subnetSize(fact, value))} per subnet` });
  return { span: fact.span, title: `${fact.text} · ${roleName(fact.role)}`, lines };
}

function nodeSubnetLines(n: NodeSubnetCapacity, plan: AddressPlan): CardLine[] {
  if (n.subnets === undefined || n.addressesPerSubnet === undefined) return [{ label: 'Node subnets', text: `mask /${n.mask.value} (${figureSource(n.mask)}) is out of range` }];
  const lost = n.lostToServices > 0n ? ` · ${formatCount(n.lostToServices)} overlap the service range and are never assigned` : '';
  const lines: CardLine[] = [
    { label: 'Node subnets', text: `${formatCount(n.subnets)} × /${n.mask.value} of ${addressCount(n.addressesPerSubnet)} (mask: ${figureSource(n.mask)})${lost}` },
    { label: 'Max nodes', text: `${formatCount(n.maxNodes)}${n.effective ? '' : ' (not what the cluster allocates from: another setting overrides it, or node CIDRs are not allocated)'}` },
  ];
  if (n.podsPerNode !== undefined) {
    const maxPods = capacityOf(plan).maxPods;
    const usable = n.podsUseNodeSubnets ? `${formatCount(n.podsPerNode)} pod addresses per node subnet (without ${n.reservedPerSubnet.why})` : 'pods take their addresses from the CNI pools, not from node subnets';
    lines.push({ label: 'Pods per node', text: `${formatCount(maxPods.value)} (${figureSource(maxPods)}); ${usable}` });
  }
  return [...lines, ...utilizationLines(n.utilization, 'node subnets')];
}

function calicoLines(c: CalicoPoolCapacity): CardLine[] {
  if (c.blocks === undefined || c.addressesPerBlock === undefined) return [{ label: 'Calico blocks', text: `blockSize ${c.blockSize.value} (${figureSource(c.blockSize)}) is out of range` }];
  const state = c.disabled ? ' · disabled: no new blocks' : c.forWorkloads ? '' : ' · not for workloads';
  return [
    { label: 'Calico blocks', text: `${formatCount(c.blocks)} × /${c.blockSize.value} of ${addressCount(c.addressesPerBlock)} (blockSize: ${figureSource(c.blockSize)})${state}` },
    ...utilizationLines(c.utilization, 'blocks'),
  ];
}

function maxPodsLines(fact: Fact, plan: AddressPlan): CardLine[] {
  const model = capacityOf(plan);
  const lines: CardLine[] = [];
  if (model.maxPods.fact !== fact) lines.push({ text: `The cluster counts with ${formatCount(model.maxPods.value)} pods per node (${figureSource(model.maxPods)})` });
  const value = fact.value.kind === 'number' ? fact.value.value : undefined;
  if (value === undefined) return lines;
  for (const n of model.nodeSubnets) {
    if (!n.effective || !n.podsUseNodeSubnets || n.podsPerNode === undefined) continue;
    const fits = BigInt(value) <= n.podsPerNode;
    lines.push({ text: `${fits ? 'Fits' : 'Does not fit'} the /${n.mask.value} node subnets of ${describe(n.pool)}: ${formatCount(n.podsPerNode)} pod addresses each`, at: locationOf(n.pool) });
  }
  return lines;
}

function utilizationLines(u: Utilization | undefined, what: string): CardLine[] {
  if (!u || u.allocated === 0n) return [];
  return [{ label: 'Utilization', text: `${formatCount(u.allocated)} of ${formatCount(u.capacity)} ${what} allocated (${percent(u.allocated, u.capacity)})` }];
}

/** `kube-controller-manager --node-cidr-mask-size-ipv4`, `Calico default blockSize`: the origin is added when the label does not say it. */
function figureSource(figure: Figure<number>): string {
  return figure.origin === 'written' || figure.label.includes(figure.origin) ? figure.label : `${figure.label}, ${figure.origin}`;
}

function locationOf(fact: Fact): { uri: string; span: Fact['span'] } {
  return { uri: fact.doc.uri, span: fact.span };
}

function subnetSize(fact: Fact, bits: number): bigint {
  const family = fact.attributes?.family === 6 || bits > 32 ? 6 : 4;
  return 1n << BigInt(Math.max(0, bitsOf(family) - bits));
}

function isPrefixLength(fact: Fact): boolean {
  return fact.role === 'node-mask' || fact.role === 'block-size' || fact.role === 'subnet-len';
}
