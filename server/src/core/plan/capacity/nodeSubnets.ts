// Node subnets: who carves them out of which pool, with which mask, and how many nodes they serve.
//   - kube-controller-manager (`--allocate-node-cidrs`) splits its `--cluster-cidr` into blocks of the
//     node mask (`--node-cidr-mask-size[-ipv4|-ipv6]`, default /24 and /64), skipping every block that
//     overlaps the service range (`filterOutServiceRange`). The cluster CIDR is the KCM flag, else
//     kubeadm's `controllerManager.extraArgs cluster-cidr`, else the pod network of a distribution or
//     installer in `KCM_OWNERS` (each passes its value to KCM as `--cluster-cidr`).
//   - Cilium's operator in `cluster-pool` mode splits its own pool by `cluster-pool-ipv*-mask-size`.
//   - flannel with the etcd subnet manager leases `SubnetLen` subnets between `SubnetMin` and
//     `SubnetMax` of its `Network`; with `--kube-subnet-mgr` it uses the nodes' podCIDRs, so KCM's
//     figures apply (assumed to be KCM's defaults over `Network` when the scope shows no KCM).
// Calico IPAM does not use node subnets: nodes claim blocks of `blockSize` from the pools as they need
// (calicoBlocks.ts).

import type { Fact } from '../../model';
import { Family, bitsOf } from '../../net/addr';
import { IpRange, rangeContains, rangesOverlap } from '../../net/prefix';
import { rangeSetFrom, rangeSetRanges } from '../../net/rangeSet';
import { usesKubeSubnetMgr } from '../flannelMode';
import type { AddressPlan, RangeFact } from '../plan';
import { factsByGroup } from '../planIndex';
import { CALICO_COMPONENTS, CILIUM_CLUSTER_POOL_MODES, KCM_DEFAULT_NODE_MASK, KCM_OWNERS } from './defaults';
import { distinctRanges, figureOf, numberOf, onePerObject, prefixBits, uniqueRanges, utilization } from './figures';
import type { Figure, NodeSubnetAllocator, NodeSubnetCapacity, ServiceCapacity } from './model';

/** How strongly a pod-network fact decides the cluster CIDR: 0 the KCM flag itself, 1 kubeadm's extraArgs, 2 the rest. */
function podNetworkRank(fact: Fact): number {
  if (fact.component === 'kube-controller-manager') return 0;
  if (fact.component === 'kubeadm' && fact.source.includes('extraArgs')) return 1;
  return 2;
}

export function kcmSubnets(plan: AddressPlan, services: readonly ServiceCapacity[]): NodeSubnetCapacity[] {
  const pods = plan.rangesOf('pod-network').filter((f) => f.value.kind === 'prefix' && KCM_OWNERS.has(f.component));
  const allocations = nodePodCidrs(plan, 'kubernetes');
  const out: NodeSubnetCapacity[] = [];
  // Everything a pool is compared with is indexed once per family, so a scope of many clusters
  // (one pool, mask and service range each) costs pools + facts, not pools × facts.
  for (const family of [4, 6] as const) {
    const ofFamily = pods.filter((f) => f.value.range.family === family);
    const strongest = Math.min(3, ...ofFamily.map(podNetworkRank));
    const overriddenGroups = new Set(ofFamily.filter((f) => podNetworkRank(f) === 1).map((f) => f.group));
    const podIpamElsewhere = podIpamIgnoringNodeSubnets(plan, family);
    const masks = nodeMaskIndex(plan, family);
    const effectiveServices = uniqueRanges(services.filter((s) => s.effective && s.family === family).map((s) => s.range));
    // KCM reads its own --service-cluster-ip-range only to keep node blocks out of it.
    const ownServices = factsByGroup(plan.rangesOf('service-network').filter((s) => s.value.range.family === family && s.value.kind === 'prefix'));
    for (const pool of ofFamily) {
      const rank = podNetworkRank(pool);
      // The KCM flag is what runs; kubeadm's extraArgs cluster-cidr replaces the podSubnet it would pass.
      const overridden = (strongest === 0 && rank > 0) || (rank === 2 && overriddenGroups.has(pool.group));
      const allocates = allocatesNodeCidrs(plan, pool);
      out.push(
        subnetCapacity(pool, family, 'kube-controller-manager', kcmMask(masks, pool, family), {
          effective: !overridden && allocates,
          podsUseNodeSubnets: !podIpamElsewhere,
          services: uniqueRanges([...effectiveServices, ...(ownServices.get(pool.group) ?? [])]),
          reserved: hostLocalReserve(family),
          allocations,
        }),
      );
    }
  }
  // flannel with the kube subnet manager reads the nodes' podCIDRs: when the scope shows no KCM of that
  // family, assume KCM splits flannel's Network with its default mask, as flannel's own docs ask.
  const covered = new Set(out.map((n) => n.family));
  for (const pool of plan.rangesOf('cni-pod-pool')) {
    if (pool.component !== 'flannel' || pool.value.kind !== 'prefix' || !usesKubeSubnetMgr(plan, pool)) continue;
    const family = pool.value.range.family;
    if (!familyEnabled(pool, family) || covered.has(family)) continue;
    covered.add(family);
    const mask: Figure<number> = { value: KCM_DEFAULT_NODE_MASK[family], origin: 'assumed', label: 'kube-controller-manager default node mask (flannel reads node podCIDRs)' };
    out.push(
      subnetCapacity(pool, family, 'kube-controller-manager', mask, {
        effective: true,
        podsUseNodeSubnets: true,
        services: services.filter((s) => s.effective && s.family === family).map((s) => s.range),
        reserved: hostLocalReserve(family),
        allocations,
      }),
    );
  }
  return out;
}

/**
 * Whether kube-controller-manager allocates node CIDRs for the owner of a fact. KCM's own default is
 * false, but a cluster CIDR or node mask written without `--allocate-node-cidrs` is almost always a
 * command line quoted in part (kubeadm, k3s and kind all pass `true`), so only a written `false`
 * turns node subnets off.
 */
export function allocatesNodeCidrs(plan: AddressPlan, fact: Fact): boolean {
  if (fact.attributes?.allocateNodeCidrs !== false) return true;
  const text = plan.scope.files.find((f) => f.uri === fact.doc.uri)?.text ?? '';
  return !/allocate-node-cidrs["']?[ \t]*[=:][ \t]*["']?false\b/i.test(text) && !/allocate-node-cidrs["']?[ \t]*\r?\n[ \t]*value[ \t]*:[ \t]*["']?false\b/i.test(text);
}

/**
 * The node mask KCM uses for a cluster CIDR: a per-family flag of its own owner, else the plain
 * `--node-cidr-mask-size` (single-stack only), else the owner's default mask fact. When its owner
 * names no mask, or it is a Cluster API Cluster (whose masks live in a KubeadmControlPlane), a written
 * mask of another KCM owner in the scope wins; else KCM's default.
 */
function kcmMask(masks: NodeMaskIndex, pool: RangeFact, family: Family): Figure<number> {
  const pick = (candidates: readonly Fact[], accept: (m: Fact) => boolean): Fact | undefined =>
    candidates.find((m) => accept(m) && !m.isDefault && m.attributes?.family === family) ??
    candidates.find((m) => accept(m) && !m.isDefault && m.attributes?.family === undefined) ??
    candidates.find((m) => accept(m) && m.isDefault);
  // An OpenShift clusterNetwork entry has its own hostPrefix: the `entry` attribute pairs them.
  const own = pick(masks.byGroup.get(pool.group) ?? [], (m) => m.attributes?.entry === pool.attributes?.entry);
  // Cluster API keeps the KCM flags in a KubeadmControlPlane, apart from the Cluster's pod CIDR. The
  // search stops at the first written mask of another group, so it passes at most the pool's own.
  const elsewhere = !own || (own.isDefault && pool.component === 'cluster-api') ? pick(masks.written, (m) => m.group !== pool.group) : undefined;
  const chosen = elsewhere ?? own;
  if (chosen) return figureOf(chosen);
  return { value: KCM_DEFAULT_NODE_MASK[family], origin: 'default', label: 'kube-controller-manager default node mask' };
}

/**
 * The node-mask facts of KCM owners that can apply to one family, in plan order. A mask of 0 is left
 * out: KCM reads it as "the default for the family".
 */
interface NodeMaskIndex {
  readonly byGroup: ReadonlyMap<string, readonly Fact[]>;
  /** The written (not defaulted) masks. */
  readonly written: readonly Fact[];
}

function nodeMaskIndex(plan: AddressPlan, family: Family): NodeMaskIndex {
  const masks = plan.factsOf('node-mask').filter((m) => KCM_OWNERS.has(m.component) && numberOf(m) !== undefined && numberOf(m) !== 0 && appliesTo(m, family));
  return { byGroup: factsByGroup(masks), written: masks.filter((m) => !m.isDefault) };
}

/** Whether a node-mask fact can apply to a family: its own family, or the plain flag. */
function appliesTo(mask: Fact, family: Family): boolean {
  const f = mask.attributes?.family;
  return f === undefined || f === family;
}

/** Pools whose IPAM hands out pod addresses without looking at `Node.spec.podCIDR`. */
function podIpamIgnoringNodeSubnets(plan: AddressPlan, family: Family): boolean {
  return plan.rangesOf('cni-pod-pool').some((p) => {
    if (p.value.range.family !== family) return false;
    if (CALICO_COMPONENTS.has(p.component)) return p.attributes?.disabled !== true;
    if (p.component === 'cilium') return CILIUM_CLUSTER_POOL_MODES.includes(String(p.attributes?.ipam)) || p.attributes?.ipam === 'multi-pool';
    // Kube-OVN allocates from its subnets; the join subnet holds node addresses, not pods.
    if (p.component === 'kube-ovn') return p.attributes?.kubeOvn === 'subnet';
    return p.component === 'weave';
  });
}

export function ciliumSubnets(plan: AddressPlan): NodeSubnetCapacity[] {
  const masks = factsByGroup(plan.factsOf('node-mask').filter((m) => m.component === 'cilium' && m.value.kind === 'number'));
  const allocations = nodePodCidrs(plan, 'cilium');
  return plan.rangesOf('cni-pod-pool').flatMap((pool) => {
    if (pool.component !== 'cilium' || pool.value.kind !== 'prefix' || !CILIUM_CLUSTER_POOL_MODES.includes(String(pool.attributes?.ipam))) return [];
    const family = pool.value.range.family;
    const maskFact = masks.get(pool.group)?.find((m) => m.attributes?.family === family);
    if (!maskFact) return [];
    return [
      subnetCapacity(pool, family, 'cilium-cluster-pool', figureOf(maskFact), {
        effective: true,
        podsUseNodeSubnets: true,
        services: [],
        // The agent keeps its router (cilium_host) and health-check addresses in the node's CIDR.
        reserved: { count: 2n, why: "Cilium's router and health addresses" },
        allocations,
      }),
    ];
  });
}

export function flannelEtcdSubnets(plan: AddressPlan): NodeSubnetCapacity[] {
  const lens = factsByGroup(plan.factsOf('subnet-len').filter((f) => f.component === 'flannel' && f.value.kind === 'number'));
  const bounds = factsByGroup(plan.rangesOf('subnet-bound').filter((f) => f.component === 'flannel' && f.value.kind === 'address'));
  return plan.rangesOf('cni-pod-pool').flatMap((pool) => {
    if (pool.component !== 'flannel' || pool.value.kind !== 'prefix' || usesKubeSubnetMgr(plan, pool)) return [];
    const family = pool.value.range.family;
    if (!familyEnabled(pool, family)) return [];
    const len = lens.get(pool.group)?.find((l) => l.attributes?.family === family);
    if (!len) return [];
    const mask = figureOf(len);
    const bound = (which: string) => bounds.get(pool.group)?.find((b) => b.attributes?.family === family && b.attributes?.bound === which);
    const entry = subnetCapacity(pool, family, 'flannel-etcd', mask, {
      effective: true,
      podsUseNodeSubnets: true,
      services: [],
      reserved: hostLocalReserve(family),
      allocations: [],
    });
    return [{ ...entry, ...flannelLeasable(entry, bound('start'), bound('end')) }];
  });
}

/**
 * The subnets flannel can lease: from SubnetMin (default: the second subnet, as the first "causes
 * problems") to SubnetMax (default: the last), both inclusive.
 */
function flannelLeasable(entry: NodeSubnetCapacity, min: RangeFact | undefined, max: RangeFact | undefined): Pick<NodeSubnetCapacity, 'subnets' | 'maxNodes' | 'utilization'> {
  const { subnets, addressesPerSubnet } = entry;
  if (subnets === undefined || addressesPerSubnet === undefined || subnets === 0n) return { subnets, maxNodes: 0n, utilization: undefined };
  const range = entry.pool.value.range;
  const index = (bound: RangeFact | undefined, fallback: bigint): bigint => {
    if (!bound || !rangeContains(range, bound.value.range)) return fallback;
    return (bound.value.range.first - range.first) / addressesPerSubnet;
  };
  const first = index(min, 1n);
  const last = index(max, subnets - 1n);
  const leasable = last >= first ? last - first + 1n : 0n;
  return { subnets, maxNodes: leasable, utilization: undefined };
}

function familyEnabled(pool: Fact, family: Family): boolean {
  return family === 4 ? pool.attributes?.enableIPv4 !== false : pool.attributes?.enableIPv6 !== false;
}

interface SubnetOptions {
  readonly effective: boolean;
  readonly podsUseNodeSubnets: boolean;
  readonly services: readonly RangeFact[];
  readonly reserved: { readonly count: bigint; readonly why: string };
  /** The nodes' pod CIDRs, of which those inside the pool are its allocations. */
  readonly allocations: readonly RangeFact[];
}

function hostLocalReserve(family: Family): { count: bigint; why: string } {
  // host-local leaves out the network address and the gateway (`.1`), and for IPv4 the broadcast address.
  return family === 4 ? { count: 3n, why: 'the network, gateway and broadcast addresses' } : { count: 2n, why: 'the network and gateway addresses' };
}

function subnetCapacity(pool: RangeFact, family: Family, allocator: NodeSubnetAllocator, mask: Figure<number>, options: SubnetOptions): NodeSubnetCapacity {
  const width = bitsOf(family);
  const prefix = prefixBits(pool);
  const valid = Number.isInteger(mask.value) && mask.value >= 0 && mask.value <= width;
  const subnets = !valid ? undefined : mask.value < prefix ? 0n : 1n << BigInt(mask.value - prefix);
  const addressesPerSubnet = valid ? 1n << BigInt(width - mask.value) : undefined;
  const podsPerNode = addressesPerSubnet === undefined ? undefined : addressesPerSubnet > options.reserved.count ? addressesPerSubnet - options.reserved.count : 0n;
  const lost = subnets && addressesPerSubnet ? blocksOverlapping(pool.value.range, addressesPerSubnet, options.services) : { count: 0n, ranges: [] };
  const maxNodes = subnets === undefined ? 0n : subnets - lost.count;
  // One pass per pool: the pools of one allocator are few, its allocations many (5,000 Nodes).
  const allocated = options.allocations.filter((a) => rangeContains(pool.value.range, a.value.range));
  return {
    family,
    allocator,
    pool,
    poolPrefix: prefix,
    effective: options.effective,
    podsUseNodeSubnets: options.podsUseNodeSubnets,
    mask,
    subnets,
    lostToServices: lost.count,
    servicesOverlapping: lost.ranges,
    maxNodes,
    addressesPerSubnet,
    podsPerNode,
    reservedPerSubnet: options.reserved,
    allocated,
    utilization: subnets === undefined ? undefined : utilization(BigInt(distinctRanges(allocated)), maxNodes),
  };
}

/**
 * How many aligned blocks of `blockSize` addresses inside `pool` share an address with any of the
 * ranges (KCM's `filterOutServiceRange`), and which ranges cost blocks. The overlapping parts are
 * merged first, so a block two ranges touch counts once.
 */
export function blocksOverlapping(pool: IpRange, blockSize: bigint, ranges: readonly RangeFact[]): { count: bigint; ranges: RangeFact[] } {
  const touching = ranges.filter((r) => rangesOverlap(pool, r.value.range));
  if (touching.length === 0) return { count: 0n, ranges: [] };
  const parts = rangeSetRanges(rangeSetFrom(touching.map((r) => r.value.range)), pool.family);
  let count = 0n;
  let lastCounted = -1n;
  for (const part of parts) {
    const first = part.first > pool.first ? part.first : pool.first;
    const last = part.last < pool.last ? part.last : pool.last;
    if (first > last) continue;
    let from = (first - pool.first) / blockSize;
    const to = (last - pool.first) / blockSize;
    if (from <= lastCounted) from = lastCounted + 1n;
    if (to >= from) count += to - from + 1n;
    if (to > lastCounted) lastCounted = to;
  }
  return { count, ranges: touching };
}

/** Node podCIDRs written on Node objects (`kubernetes`) or CiliumNodes (`cilium`); kubelet standalone podCIDRs are not allocations. */
function nodePodCidrs(plan: AddressPlan, component: 'kubernetes' | 'cilium'): RangeFact[] {
  return onePerObject(plan.rangesOf('node-pod-cidr').filter((f) => f.component === component && f.value.kind === 'prefix'));
}

/** flannel with the kube subnet manager uses KCM's node subnets: a hover on its Network shows them when they are carved from the same range. */
export function splitsFlannelNetwork(plan: AddressPlan, entry: NodeSubnetCapacity, fact: Fact): boolean {
  if (fact.role !== 'cni-pod-pool' || fact.component !== 'flannel' || !usesKubeSubnetMgr(plan, fact) || fact.value.kind !== 'prefix') return false;
  const range = fact.value.range;
  return entry.allocator === 'kube-controller-manager' && entry.effective && rangeContains(range, entry.pool.value.range);
}
