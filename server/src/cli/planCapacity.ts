// The capacity model (server/src/core/plan/capacity.ts) as `plan` shows it: plain JSON with every
// count as a decimal string (IPv6 counts exceed what a JSON number holds exactly), and the one-line
// phrases the text and Markdown formats print.

import { CapacityModel, FactCapacity, Figure, Utilization, formatCount } from '../core';

export interface FigureJson<T> {
  readonly value: T;
  /** `written`, `default`, `assumed` (a guess about a component the scope does not show) or `config`. */
  readonly origin: string;
  /** Where the value comes from, as a person names it. */
  readonly source: string;
}

export interface UtilizationJson {
  readonly allocated: string;
  readonly capacity: string;
  /** allocated / capacity, 0 when the capacity is 0. */
  readonly ratio: number;
}

export interface NodeSubnetsJson {
  readonly allocator: string;
  /** False when another value overrides this one, or node CIDRs are not allocated at all. */
  readonly effective: boolean;
  /** False when the pods' IPAM ignores node subnets (Calico IPAM, Cilium cluster-pool, Weave). */
  readonly podsUseNodeSubnets: boolean;
  readonly nodeMask: FigureJson<number>;
  readonly subnets: string | null;
  readonly lostToServices: string;
  readonly maxNodes: string;
  readonly addressesPerSubnet: string | null;
  readonly podsPerNode: string | null;
  readonly utilization: UtilizationJson | null;
}

export interface CalicoBlocksJson {
  readonly blockSize: FigureJson<number>;
  readonly blocks: string | null;
  readonly addressesPerBlock: string | null;
  readonly disabled: boolean;
  readonly forWorkloads: boolean;
  readonly utilization: UtilizationJson | null;
}

export interface ServiceIpsJson {
  readonly effective: boolean;
  readonly clusterIps: string;
  readonly utilization: UtilizationJson;
}

export interface LbAddressesJson {
  readonly addresses: string;
  readonly usable: string;
  readonly utilization: UtilizationJson;
}

/** What one range provides; only the kinds that apply are present, so most ranges have `{}`. */
export interface RangeCapacityJson {
  readonly nodeSubnets?: readonly NodeSubnetsJson[];
  readonly calicoBlocks?: readonly CalicoBlocksJson[];
  readonly serviceIps?: readonly ServiceIpsJson[];
  readonly lbAddresses?: readonly LbAddressesJson[];
}

export interface ClusterCapacityJson {
  /** The pods a node runs: the largest written maxPods, else `expect.podsPerNode`, else the kubelet's 110. */
  readonly maxPods: FigureJson<number>;
  readonly nodes: {
    /** Node objects with a podCIDR. */
    /** Node objects, with a podCIDR or not. */
    readonly objects: number;
    readonly withPodCidr: number;
    readonly inventoryHosts: number;
    readonly ciliumNodes: number;
    /** Nodes a cluster definition creates (kind `nodes:`). */
    readonly declared?: number;
    /** `expect.nodes`. */
    readonly expected?: number;
  };
}

export function rangeCapacityJson(capacity: FactCapacity): RangeCapacityJson {
  const nodeSubnets = capacity.nodeSubnets.map(
    (n): NodeSubnetsJson => ({
      allocator: n.allocator,
      effective: n.effective,
      podsUseNodeSubnets: n.podsUseNodeSubnets,
      nodeMask: figureJson(n.mask),
      subnets: countOrNull(n.subnets),
      lostToServices: n.lostToServices.toString(),
      maxNodes: n.maxNodes.toString(),
      addressesPerSubnet: countOrNull(n.addressesPerSubnet),
      podsPerNode: countOrNull(n.podsPerNode),
      utilization: n.utilization ? utilizationJson(n.utilization) : null,
    }),
  );
  const calicoBlocks = capacity.calicoPools.map(
    (c): CalicoBlocksJson => ({
      blockSize: figureJson(c.blockSize),
      blocks: countOrNull(c.blocks),
      addressesPerBlock: countOrNull(c.addressesPerBlock),
      disabled: c.disabled,
      forWorkloads: c.forWorkloads,
      utilization: c.utilization ? utilizationJson(c.utilization) : null,
    }),
  );
  const serviceIps = capacity.services.map((s): ServiceIpsJson => ({ effective: s.effective, clusterIps: s.clusterIps.toString(), utilization: utilizationJson(s.utilization) }));
  const lbAddresses = capacity.lbPools.map((l): LbAddressesJson => ({ addresses: l.addresses.toString(), usable: l.usable.toString(), utilization: utilizationJson(l.utilization) }));
  return {
    ...(nodeSubnets.length > 0 ? { nodeSubnets } : {}),
    ...(calicoBlocks.length > 0 ? { calicoBlocks } : {}),
    ...(serviceIps.length > 0 ? { serviceIps } : {}),
    ...(lbAddresses.length > 0 ? { lbAddresses } : {}),
  };
}

export function clusterCapacityJson(model: CapacityModel): ClusterCapacityJson {
  const { nodes } = model;
  return {
    maxPods: figureJson(model.maxPods),
    nodes: {
      objects: nodes.nodeObjects.length,
      withPodCidr: nodes.nodes.length,
      inventoryHosts: nodes.inventoryHosts.length,
      ciliumNodes: nodes.ciliumNodes.length,
      ...(nodes.declared ? { declared: nodes.declared.value } : {}),
      ...(nodes.expected ? { expected: nodes.expected.value } : {}),
    },
  };
}

/** One figure of a range as a person reads it: what it provides, and how much of that is used. */
export interface CapacityLine {
  /** `256 node subnets × /24 (kube-controller-manager default node mask, default), max 256 nodes, 253 pod IPs each` */
  readonly provides: string;
  /** `3 of 256 (1.2 %)`, when the figure knows its utilization. */
  readonly used?: string;
}

export function capacityLines(capacity: RangeCapacityJson): CapacityLine[] {
  return [
    ...(capacity.nodeSubnets ?? []).map((n) => {
      const lost = n.lostToServices !== '0' ? `, ${count(n.lostToServices)} lost to the service range` : '';
      const pods = n.podsPerNode !== null ? `, ${count(n.podsPerNode)} pod IPs each` : '';
      const mask = `/${n.nodeMask.value} (${n.nodeMask.source}${n.nodeMask.origin === 'written' ? '' : `, ${n.nodeMask.origin}`})`;
      return line(`${countOr(n.subnets, '?')} node subnets × ${mask}${lost}, max ${count(n.maxNodes)} nodes${pods}${inEffect(n.effective)}`, n.utilization);
    }),
    ...(capacity.calicoBlocks ?? []).map((c) => {
      const each = c.addressesPerBlock !== null ? ` (${count(c.addressesPerBlock)} addresses each)` : '';
      return line(`${countOr(c.blocks, '?')} blocks × /${c.blockSize.value}${each}${c.disabled ? ', disabled' : ''}`, c.utilization);
    }),
    ...(capacity.serviceIps ?? []).map((s) => line(`${count(s.clusterIps)} ClusterIPs${inEffect(s.effective)}`, s.utilization)),
    ...(capacity.lbAddresses ?? []).map((l) => line(`${count(l.usable)} usable load-balancer addresses`, l.utilization)),
  ];
}

function line(provides: string, utilization: UtilizationJson | null): CapacityLine {
  if (utilization === null) return { provides };
  return { provides, used: `${count(utilization.allocated)} of ${count(utilization.capacity)} (${(utilization.ratio * 100).toFixed(1)} %)` };
}

/** `maxPods 110 (kubelet default maxPods) · 3 Nodes (2 with a podCIDR) · expect.nodes 500` */
export function clusterCapacityPhrase(capacity: ClusterCapacityJson): string {
  const { nodes } = capacity;
  const parts = [`maxPods ${capacity.maxPods.value} (${capacity.maxPods.source})`];
  if (nodes.objects > 0) parts.push(`${nodes.objects} Node${nodes.objects === 1 ? '' : 's'} (${nodes.withPodCidr} with a podCIDR)`);
  if (nodes.inventoryHosts > 0) parts.push(`${nodes.inventoryHosts} inventory host${nodes.inventoryHosts === 1 ? '' : 's'}`);
  if (nodes.ciliumNodes > 0) parts.push(`${nodes.ciliumNodes} CiliumNode${nodes.ciliumNodes === 1 ? '' : 's'}`);
  if (nodes.declared !== undefined) parts.push(`${nodes.declared} nodes declared`);
  if (nodes.expected !== undefined) parts.push(`expect.nodes ${nodes.expected}`);
  return parts.join(' · ');
}

function figureJson<T>(figure: Figure<T>): FigureJson<T> {
  return { value: figure.value, origin: figure.origin, source: figure.label };
}

function utilizationJson(u: Utilization): UtilizationJson {
  return { allocated: u.allocated.toString(), capacity: u.capacity.toString(), ratio: u.ratio };
}

function countOrNull(n: bigint | undefined): string | null {
  return n === undefined ? null : n.toString();
}

function count(decimal: string): string {
  return formatCount(BigInt(decimal));
}

function countOr(decimal: string | null, fallback: string): string {
  return decimal === null ? fallback : count(decimal);
}

function inEffect(effective: boolean): string {
  return effective ? '' : ' (not in effect: overridden or not allocated)';
}
