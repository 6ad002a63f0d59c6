// The capacity model of one cluster scope (domain-rules.md §17): how many node subnets each pod range
// yields and how large they are, how many pods a node can hold, how many Calico blocks a pool has, how
// many ClusterIPs a service range holds, and how much of each is already allocated. Plain data: every
// figure says which fact it came from (or that it is a default, an assumption or a config value), so
// rules, hovers, inlay hints and `cidr-lens plan` can all show where a number comes from.
//
// Who carves node subnets, and from what:
//   - kube-controller-manager (`--allocate-node-cidrs`) splits its `--cluster-cidr` into blocks of the
//     node mask (`--node-cidr-mask-size[-ipv4|-ipv6]`, default /24 and /64), skipping every block that
//     overlaps the service range (`filterOutServiceRange`). The cluster CIDR is the KCM flag, else
//     kubeadm's `controllerManager.extraArgs cluster-cidr`, else kubeadm `podSubnet`, k3s `cluster-cidr`,
//     kind `podSubnet`, Cluster API `pods.cidrBlocks` (each passes its value to KCM as `--cluster-cidr`).
//   - Cilium's operator in `cluster-pool` mode splits its own pool by `cluster-pool-ipv*-mask-size`.
//   - flannel with the etcd subnet manager leases `SubnetLen` subnets between `SubnetMin` and
//     `SubnetMax` of its `Network`; with `--kube-subnet-mgr` it uses the nodes' podCIDRs, so KCM's
//     figures apply (assumed to be KCM's defaults over `Network` when the scope shows no KCM).
// Calico IPAM does not use node subnets: nodes claim blocks of `blockSize` from the pools as they need.

import type { Component, Fact } from '../model';
import { documentKey } from '../model';
import { Family, bitsOf } from '../net/addr';
import { IpRange, rangeContains, rangeSize, rangesOverlap } from '../net/prefix';
import { rangeSetFrom, rangeSetRanges } from '../net/rangeSet';
import { usesKubeSubnetMgr } from './flannelMode';
import type { AddressPlan, RangeFact } from './plan';

// ---- the data --------------------------------------------------------------------------------------

/**
 * Where a figure comes from: `written` in a manifest, the owner's `default` (with or without a default
 * fact), an `assumed` value (a guess about a component the scope does not show), or the `config`
 * (`.cidr-lens.yaml` `expect`).
 */
export type Origin = 'written' | 'default' | 'assumed' | 'config';

export interface Figure<T> {
  readonly value: T;
  readonly origin: Origin;
  /** The fact it comes from: a written value, or a default fact on its document's anchor. */
  readonly fact?: Fact;
  /** How a person names its source: `kube-controller-manager --node-cidr-mask-size-ipv4`, `kubelet default`, `expect.podsPerNode`. */
  readonly label: string;
}

/** Who carves node subnets out of a pool. */
export type NodeSubnetAllocator = 'kube-controller-manager' | 'cilium-cluster-pool' | 'flannel-etcd';

export interface Utilization {
  readonly allocated: bigint;
  readonly capacity: bigint;
  /** allocated / capacity, rounded down to millionths; 0 when the capacity is 0. Rules compare the bigints. */
  readonly ratio: number;
}

/** One pool split into per-node subnets: a cluster CIDR of one family, a Cilium cluster pool, a flannel etcd Network. */
export interface NodeSubnetCapacity {
  readonly family: Family;
  readonly allocator: NodeSubnetAllocator;
  /** The range node subnets are carved from. */
  readonly pool: RangeFact;
  readonly poolPrefix: number;
  /**
   * Whether the cluster really allocates from this range. False for a range another one overrides
   * (kubeadm's podSubnet when `extraArgs cluster-cidr` or a kube-controller-manager flag is in the
   * scope) and for a kube-controller-manager that runs with `--allocate-node-cidrs=false`. The figures
   * are still given, for hovers.
   */
  readonly effective: boolean;
  /**
   * Whether pods take their addresses from these subnets. False for kube-controller-manager subnets
   * when the pods' IPAM ignores `Node.spec.podCIDR` (Calico IPAM, Cilium cluster-pool, Weave pools of
   * the same family in the scope): nodes then merely miss their podCIDR.
   */
  readonly podsUseNodeSubnets: boolean;
  /** The per-node prefix length. */
  readonly mask: Figure<number>;
  /** 2^(mask − prefix); 0 when the mask is shorter than the prefix; undefined when the mask is out of 0..bits. */
  readonly subnets: bigint | undefined;
  /** Subnets kube-controller-manager never hands out because they overlap a service range. */
  readonly lostToServices: bigint;
  /** The service ranges that cost subnets. */
  readonly servicesOverlapping: readonly RangeFact[];
  /** subnets − lostToServices: the most nodes that can get a subnet. */
  readonly maxNodes: bigint;
  readonly addressesPerSubnet: bigint | undefined;
  /** Pod addresses per node subnet, after the allocator's reservations (see `reservedPerSubnet`). */
  readonly podsPerNode: bigint | undefined;
  /** What a node subnet loses before pods get addresses, and why. */
  readonly reservedPerSubnet: { readonly count: bigint; readonly why: string };
  /** Node subnets already handed out: Node `podCIDR(s)` (CiliumNode podCIDRs for Cilium) inside the pool. */
  readonly allocated: readonly RangeFact[];
  readonly utilization: Utilization | undefined;
}

/** A Calico pool and its IPAM blocks. */
export interface CalicoPoolCapacity {
  readonly family: Family;
  readonly pool: RangeFact;
  readonly poolPrefix: number;
  readonly blockSize: Figure<number>;
  /** 2^(blockSize − prefix); 0 when the pool is smaller than a block; undefined for a block size out of range. */
  readonly blocks: bigint | undefined;
  readonly addressesPerBlock: bigint | undefined;
  /** `disabled: true` (or operator `disableNewAllocations`): no new blocks come from it. */
  readonly disabled: boolean;
  /** Whether workloads get addresses from it (`allowedUses` includes `Workload`, the default). */
  readonly forWorkloads: boolean;
  /** IPAMBlocks inside the pool. */
  readonly allocated: readonly RangeFact[];
  readonly utilization: Utilization | undefined;
}

/** A service range and the ClusterIPs written inside it. */
export interface ServiceCapacity {
  readonly family: Family;
  readonly range: RangeFact;
  /**
   * False for a value another one overrides (kubeadm serviceSubnet under a kube-apiserver flag) and
   * for mirrors that allocate nothing (kube-controller-manager's flag, the tigera operator's serviceCIDRs).
   */
  readonly effective: boolean;
  /** 2^(bits − prefix) − 2 (IPv4: network and broadcast) or − 1 (IPv6: network address). */
  readonly clusterIps: bigint;
  /** Distinct `clusterIP(s)` written inside the range. */
  readonly allocated: readonly RangeFact[];
  readonly utilization: Utilization;
}

/** A load-balancer pool range and the LB addresses requested inside it. */
export interface LbPoolCapacity {
  readonly family: Family;
  readonly pool: RangeFact;
  readonly addresses: bigint;
  /** Addresses the pool hands out (Cilium keeps a CIDR's first and last unless `allowFirstLastIPs: Yes`). */
  readonly usable: bigint;
  readonly allocated: readonly RangeFact[];
  readonly utilization: Utilization;
}

export interface NodeCounts {
  /** One fact per Node object with a podCIDR (its first), in file order. */
  readonly nodes: readonly Fact[];
  /** One fact per Node object, with a podCIDR or not (its first podCIDR or address), in file order. */
  readonly nodeObjects: readonly Fact[];
  /** One fact per host of an installer inventory (its first address), in file order. */
  readonly inventoryHosts: readonly Fact[];
  /** One fact per CiliumNode with podCIDRs. */
  readonly ciliumNodes: readonly Fact[];
  /**
   * Nodes a cluster definition creates (kind `nodes:`), one figure per definition, with the pod-network
   * fact that carries the count; `declared` is set when the scope holds exactly one.
   */
  readonly declarations: readonly Figure<number>[];
  readonly declared?: Figure<number>;
  /** `expect.nodes`. */
  readonly expected?: Figure<number>;
}

export interface CapacityModel {
  readonly nodeSubnets: readonly NodeSubnetCapacity[];
  readonly calicoPools: readonly CalicoPoolCapacity[];
  readonly services: readonly ServiceCapacity[];
  readonly lbPools: readonly LbPoolCapacity[];
  readonly nodes: NodeCounts;
  /**
   * The pods a node runs: the largest written maxPods (KubeletConfiguration, `--max-pods`, k3s
   * `kubelet-arg`, kubeadm `kubeletExtraArgs`), else `expect.podsPerNode`, else the kubelet default 110.
   */
  readonly maxPods: Figure<number>;
  /** Every written maxPods value, in file order. */
  readonly maxPodsFacts: readonly Fact[];
  /** The figures about one fact, for hovers and inlay hints: the entries whose pool, mask, block size or service range it is. */
  about(fact: Fact): FactCapacity;
  /**
   * The entries a fact is an allocation of (a Node podCIDR, an IPAMBlock, a clusterIP, an LB IP), and
   * for a flannel Network under the kube subnet manager, the KCM node subnets carved inside it.
   */
  holding(fact: Fact): FactCapacity;
}

export interface FactCapacity {
  readonly nodeSubnets: readonly NodeSubnetCapacity[];
  readonly calicoPools: readonly CalicoPoolCapacity[];
  readonly services: readonly ServiceCapacity[];
  readonly lbPools: readonly LbPoolCapacity[];
}

// ---- constants -------------------------------------------------------------------------------------

/** kube-controller-manager's `defaultNodeMaskCIDRIPv4` / `defaultNodeMaskCIDRIPv6`. */
export const KCM_DEFAULT_NODE_MASK: Readonly<Record<Family, number>> = { 4: 24, 6: 64 };
/** The kubelet's default maxPods. */
export const KUBELET_DEFAULT_MAX_PODS = 110;
/** Calico's default block sizes. */
export const CALICO_DEFAULT_BLOCK_SIZE: Readonly<Record<Family, number>> = { 4: 26, 6: 122 };

/** Components that pass a cluster CIDR to kube-controller-manager (or are it). */
/**
 * Owners whose pod network is split into node subnets by KCM's node IPAM, or by a controller with its
 * semantics (OpenShift's OVN-Kubernetes cluster manager gives each node one /hostPrefix of its entry).
 */
export const KCM_OWNERS: ReadonlySet<Component> = new Set<Component>(['kube-controller-manager', 'kubeadm', 'k3s', 'kind', 'cluster-api', 'openshift', 'kops', 'k0s', 'kubeone', 'rke', 'k3d']);
const CALICO_COMPONENTS: ReadonlySet<Component> = new Set<Component>(['calico', 'calico-operator', 'calico-node']);
const CILIUM_CLUSTER_POOL_MODES = ['cluster-pool', 'cluster-pool-v2beta'];

// ---- building the model ----------------------------------------------------------------------------

const cache = new WeakMap<AddressPlan, CapacityModel>();

/** The capacity model of a plan, computed once per plan. */
export function capacityOf(plan: AddressPlan): CapacityModel {
  let model = cache.get(plan);
  if (!model) cache.set(plan, (model = buildCapacity(plan)));
  return model;
}

function buildCapacity(plan: AddressPlan): CapacityModel {
  const expect = plan.scope.config.expect;
  const services = serviceCapacities(plan);
  const nodes = nodeCounts(plan);
  const maxPodsFacts = plan.factsOf('max-pods').filter((f) => !f.isDefault && f.value.kind === 'number');
  const nodeSubnets = [...kcmSubnets(plan, services), ...ciliumSubnets(plan), ...flannelEtcdSubnets(plan)];
  const calicoPools = calicoCapacities(plan);
  const lbPools = lbCapacities(plan);
  const about = (fact: Fact): FactCapacity => ({
    nodeSubnets: nodeSubnets.filter((n) => n.pool === fact || n.mask.fact === fact),
    calicoPools: calicoPools.filter((c) => c.pool === fact || c.blockSize.fact === fact),
    services: services.filter((s) => s.range === fact),
    lbPools: lbPools.filter((l) => l.pool === fact),
  });
  const holding = (fact: Fact): FactCapacity => ({
    nodeSubnets: nodeSubnets.filter((n) => n.allocated.includes(fact as RangeFact) || splitsFlannelNetwork(plan, n, fact)),
    calicoPools: calicoPools.filter((c) => c.allocated.includes(fact as RangeFact)),
    services: services.filter((s) => s.allocated.includes(fact as RangeFact)),
    lbPools: lbPools.filter((l) => l.allocated.includes(fact as RangeFact)),
  });
  const distributionDefault = plan.factsOf('max-pods').find((f) => f.isDefault && numberOf(f) !== undefined && numberOf(f) !== KUBELET_DEFAULT_MAX_PODS);
  return { nodeSubnets, calicoPools, services, lbPools, nodes, maxPods: maxPodsFigure(maxPodsFacts, expect.podsPerNode, distributionDefault), maxPodsFacts, about, holding };
}

/** flannel with the kube subnet manager uses KCM's node subnets: a hover on its Network shows them when they are carved from the same range. */
function splitsFlannelNetwork(plan: AddressPlan, entry: NodeSubnetCapacity, fact: Fact): boolean {
  if (fact.role !== 'cni-pod-pool' || fact.component !== 'flannel' || !usesKubeSubnetMgr(plan, fact) || fact.value.kind !== 'prefix') return false;
  const range = fact.value.range;
  return entry.allocator === 'kube-controller-manager' && entry.effective && rangeContains(range, entry.pool.value.range);
}

/**
 * The pods a node runs: the largest written maxPods, else the config's expectation, else a
 * distribution's own default where it differs from the kubelet's (OpenShift's 250), else the kubelet's.
 */
function maxPodsFigure(facts: readonly Fact[], expected: number | undefined, distributionDefault: Fact | undefined): Figure<number> {
  let best: Fact | undefined;
  for (const fact of facts) if (!best || numberOf(fact)! > numberOf(best)!) best = fact;
  if (best) return { value: numberOf(best)!, origin: 'written', fact: best, label: best.source };
  if (expected !== undefined) return { value: expected, origin: 'config', label: 'expect.podsPerNode' };
  if (distributionDefault) return { value: numberOf(distributionDefault)!, origin: 'default', fact: distributionDefault, label: `${distributionDefault.source} default` };
  return { value: KUBELET_DEFAULT_MAX_PODS, origin: 'default', label: 'kubelet default maxPods' };
}

// ---- kube-controller-manager -------------------------------------------------------------------------

/** How strongly a pod-network fact decides the cluster CIDR: 0 the KCM flag itself, 1 kubeadm's extraArgs, 2 the rest. */
function podNetworkRank(fact: Fact): number {
  if (fact.component === 'kube-controller-manager') return 0;
  if (fact.component === 'kubeadm' && fact.source.includes('extraArgs')) return 1;
  return 2;
}

function kcmSubnets(plan: AddressPlan, services: readonly ServiceCapacity[]): NodeSubnetCapacity[] {
  const pods = plan.rangesOf('pod-network').filter((f) => f.value.kind === 'prefix' && KCM_OWNERS.has(f.component));
  const out: NodeSubnetCapacity[] = [];
  for (const family of [4, 6] as const) {
    const ofFamily = pods.filter((f) => f.value.range.family === family);
    const strongest = Math.min(3, ...ofFamily.map(podNetworkRank));
    const overriddenGroups = new Set(ofFamily.filter((f) => podNetworkRank(f) === 1).map((f) => f.group));
    const podIpamElsewhere = podIpamIgnoringNodeSubnets(plan, family);
    for (const pool of ofFamily) {
      const rank = podNetworkRank(pool);
      // The KCM flag is what runs; kubeadm's extraArgs cluster-cidr replaces the podSubnet it would pass.
      const overridden = (strongest === 0 && rank > 0) || (rank === 2 && overriddenGroups.has(pool.group));
      const allocates = allocatesNodeCidrs(plan, pool);
      const mask = kcmMask(plan, pool, family);
      const serviceRanges = [
        ...new Set([
          ...services.filter((s) => s.effective && s.family === family).map((s) => s.range),
          // KCM reads its own --service-cluster-ip-range only to keep node blocks out of it.
          ...plan.rangesOf('service-network').filter((s) => s.group === pool.group && s.value.range.family === family && s.value.kind === 'prefix'),
        ]),
      ];
      out.push(
        subnetCapacity(pool, family, 'kube-controller-manager', mask, {
          effective: !overridden && allocates,
          podsUseNodeSubnets: !podIpamElsewhere,
          services: serviceRanges,
          reserved: hostLocalReserve(family),
          allocations: nodePodCidrs(plan, 'kubernetes'),
        }),
      );
    }
  }
  // flannel with the kube subnet manager reads the nodes' podCIDRs: when the scope shows no KCM of that
  // family, assume KCM splits flannel's Network with its default mask, as flannel's own docs ask.
  for (const pool of plan.rangesOf('cni-pod-pool')) {
    if (pool.component !== 'flannel' || pool.value.kind !== 'prefix' || !usesKubeSubnetMgr(plan, pool)) continue;
    const family = pool.value.range.family;
    if (!familyEnabled(pool, family) || out.some((n) => n.family === family)) continue;
    const mask: Figure<number> = { value: KCM_DEFAULT_NODE_MASK[family], origin: 'assumed', label: 'kube-controller-manager default node mask (flannel reads node podCIDRs)' };
    out.push(
      subnetCapacity(pool, family, 'kube-controller-manager', mask, {
        effective: true,
        podsUseNodeSubnets: true,
        services: services.filter((s) => s.effective && s.family === family).map((s) => s.range),
        reserved: hostLocalReserve(family),
        allocations: nodePodCidrs(plan, 'kubernetes'),
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
function kcmMask(plan: AddressPlan, pool: RangeFact, family: Family): Figure<number> {
  // KCM reads a mask of 0 as "the default for the family".
  const masks = plan.factsOf('node-mask').filter((m) => KCM_OWNERS.has(m.component) && numberOf(m) !== undefined && numberOf(m) !== 0 && appliesTo(m, family));
  const pick = (candidates: readonly Fact[]): Fact | undefined =>
    candidates.find((m) => !m.isDefault && m.attributes?.family === family) ??
    candidates.find((m) => !m.isDefault && m.attributes?.family === undefined) ??
    candidates.find((m) => m.isDefault);
  // An OpenShift clusterNetwork entry has its own hostPrefix: the `entry` attribute pairs them.
  const own = pick(masks.filter((m) => m.group === pool.group && m.attributes?.entry === pool.attributes?.entry));
  // Cluster API keeps the KCM flags in a KubeadmControlPlane, apart from the Cluster's pod CIDR.
  const elsewhere = !own || (own.isDefault && pool.component === 'cluster-api') ? pick(masks.filter((m) => !m.isDefault && m.group !== pool.group)) : undefined;
  const chosen = elsewhere ?? own;
  if (chosen) return figureOf(chosen);
  return { value: KCM_DEFAULT_NODE_MASK[family], origin: 'default', label: 'kube-controller-manager default node mask' };
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

// ---- Cilium cluster-pool -----------------------------------------------------------------------------

function ciliumSubnets(plan: AddressPlan): NodeSubnetCapacity[] {
  const masks = plan.factsOf('node-mask').filter((m) => m.component === 'cilium' && m.value.kind === 'number');
  return plan.rangesOf('cni-pod-pool').flatMap((pool) => {
    if (pool.component !== 'cilium' || pool.value.kind !== 'prefix' || !CILIUM_CLUSTER_POOL_MODES.includes(String(pool.attributes?.ipam))) return [];
    const family = pool.value.range.family;
    const maskFact = masks.find((m) => m.group === pool.group && m.attributes?.family === family);
    if (!maskFact) return [];
    return [
      subnetCapacity(pool, family, 'cilium-cluster-pool', figureOf(maskFact), {
        effective: true,
        podsUseNodeSubnets: true,
        services: [],
        // The agent keeps its router (cilium_host) and health-check addresses in the node's CIDR.
        reserved: { count: 2n, why: "Cilium's router and health addresses" },
        allocations: nodePodCidrs(plan, 'cilium'),
      }),
    ];
  });
}

// ---- flannel with the etcd subnet manager ----------------------------------------------------------------

function flannelEtcdSubnets(plan: AddressPlan): NodeSubnetCapacity[] {
  const lens = plan.factsOf('subnet-len').filter((f) => f.component === 'flannel' && f.value.kind === 'number');
  const bounds = plan.rangesOf('subnet-bound').filter((f) => f.component === 'flannel' && f.value.kind === 'address');
  return plan.rangesOf('cni-pod-pool').flatMap((pool) => {
    if (pool.component !== 'flannel' || pool.value.kind !== 'prefix' || usesKubeSubnetMgr(plan, pool)) return [];
    const family = pool.value.range.family;
    if (!familyEnabled(pool, family)) return [];
    const len = lens.find((l) => l.group === pool.group && l.attributes?.family === family);
    if (!len) return [];
    const mask = figureOf(len);
    const bound = (which: string) => bounds.find((b) => b.group === pool.group && b.attributes?.family === family && b.attributes?.bound === which);
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

// ---- node subnets, shared ---------------------------------------------------------------------------------

interface SubnetOptions {
  readonly effective: boolean;
  readonly podsUseNodeSubnets: boolean;
  readonly services: readonly RangeFact[];
  readonly reserved: { readonly count: bigint; readonly why: string };
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

/**
 * One allocation per object and range: a Node's `podCIDR` restates its `podCIDRs[0]`, a Service's
 * `clusterIP` its `clusterIPs[0]`; both are facts (each is a place to fix), but one allocation.
 */
function onePerObject(facts: readonly RangeFact[]): RangeFact[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    const key = `${documentKey(f.doc)}|${f.value.range.family}|${f.value.range.first}|${f.value.range.last}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---- Calico ------------------------------------------------------------------------------------------------

function calicoCapacities(plan: AddressPlan): CalicoPoolCapacity[] {
  const sizes = plan.factsOf('block-size').filter((f) => CALICO_COMPONENTS.has(f.component) && f.value.kind === 'number');
  const blocks = plan.rangesOf('ipam-block').filter((f) => f.value.kind === 'prefix');
  return [...plan.rangesOf('cni-pod-pool'), ...plan.rangesOf('lb-pool')].flatMap((pool) => {
    if (!CALICO_COMPONENTS.has(pool.component) || pool.value.kind !== 'prefix') return [];
    const family = pool.value.range.family;
    const sizeFact = sizes.find((s) => s.group === pool.group && (s.attributes?.family === undefined || s.attributes.family === family));
    const blockSize: Figure<number> = sizeFact ? figureOf(sizeFact) : { value: CALICO_DEFAULT_BLOCK_SIZE[family], origin: 'default', label: 'Calico default blockSize' };
    const width = bitsOf(family);
    const prefix = prefixBits(pool);
    const valid = Number.isInteger(blockSize.value) && blockSize.value >= 0 && blockSize.value <= width;
    const count = !valid ? undefined : blockSize.value < prefix ? 0n : 1n << BigInt(blockSize.value - prefix);
    const allocated = blocks.filter((b) => rangeContains(pool.value.range, b.value.range));
    const uses = String(pool.attributes?.allowedUses ?? 'Workload,Tunnel').split(',');
    return [
      {
        family,
        pool,
        poolPrefix: prefix,
        blockSize,
        blocks: count,
        addressesPerBlock: valid ? 1n << BigInt(width - blockSize.value) : undefined,
        disabled: pool.attributes?.disabled === true,
        forWorkloads: pool.role === 'cni-pod-pool' && uses.includes('Workload'),
        allocated,
        utilization: count === undefined ? undefined : utilization(BigInt(distinctRanges(allocated)), count),
      },
    ];
  });
}

// ---- services ----------------------------------------------------------------------------------------------

/**
 * How strongly a service-network fact decides the service range: 0 the apiserver flag, 1 kubeadm's
 * apiServer.extraArgs, 2 distribution settings; `undefined` for mirrors that allocate nothing.
 */
function serviceRank(fact: Fact): number | undefined {
  if (fact.component === 'kube-apiserver') return 0;
  if (fact.component === 'kubeadm') {
    if (fact.source.includes('controllerManager')) return undefined;
    return fact.source.includes('apiServer') ? 1 : 2;
  }
  if (SERVICE_RANGE_DISTRIBUTIONS.has(fact.component)) return 2;
  return undefined;
}

/** Distributions and installers whose service range setting is what the apiserver they run gets. */
const SERVICE_RANGE_DISTRIBUTIONS: ReadonlySet<Component> = new Set<Component>(['k3s', 'kind', 'cluster-api', 'openshift', 'kops', 'eksctl', 'k0s', 'kubeone', 'rke', 'k3d']);

function serviceCapacities(plan: AddressPlan): ServiceCapacity[] {
  const ranges = plan.rangesOf('service-network').filter((f) => f.value.kind === 'prefix');
  const clusterIps = onePerObject(plan.rangesOf('cluster-ip').filter((f) => f.value.kind === 'address'));
  const out: ServiceCapacity[] = [];
  for (const family of [4, 6] as const) {
    const ofFamily = ranges.filter((f) => f.value.range.family === family);
    const ranks = ofFamily.map((f) => serviceRank(f)).filter((r): r is number => r !== undefined);
    const strongest = Math.min(3, ...ranks);
    const overriddenGroups = new Set(ofFamily.filter((f) => serviceRank(f) === 1).map((f) => f.group));
    for (const range of ofFamily) {
      const rank = serviceRank(range);
      // ServiceCIDR objects add ranges to the allocator; they are always in effect.
      const isServiceCidr = range.component === 'kubernetes';
      const effective = isServiceCidr || (rank !== undefined && !(strongest === 0 && rank > 0) && !(rank === 2 && overriddenGroups.has(range.group)));
      const size = rangeSize(range.value.range);
      const reserved = family === 4 ? 2n : 1n;
      const capacity = size > reserved ? size - reserved : 0n;
      const inside = distinctAddresses(clusterIps.filter((ip) => rangeContains(range.value.range, ip.value.range)));
      out.push({ family, range, effective, clusterIps: capacity, allocated: inside, utilization: utilization(BigInt(inside.length), capacity) });
    }
  }
  return out;
}

// ---- load-balancer pools --------------------------------------------------------------------------------------

function lbCapacities(plan: AddressPlan): LbPoolCapacity[] {
  const lbIps = onePerObject(plan.rangesOf('lb-ip').filter((f) => f.value.kind === 'address'));
  return plan.rangesOf('lb-pool').map((pool) => {
    const family = pool.value.range.family;
    const addresses = rangeSize(pool.value.range);
    const width = bitsOf(family);
    // Cilium LB-IPAM keeps the first and last address of a CIDR (not of a start-stop range) unless told otherwise; /31-/32 and /127-/128 are exempt.
    const ciliumReserves = pool.component === 'cilium' && pool.value.kind === 'prefix' && pool.attributes?.allowFirstLastIPs !== 'Yes' && prefixBits(pool) < width - 1;
    const usable = ciliumReserves ? addresses - 2n : addresses;
    const allocated = distinctAddresses(lbIps.filter((ip) => rangeContains(pool.value.range, ip.value.range)));
    return { family, pool, addresses, usable, allocated, utilization: utilization(BigInt(allocated.length), usable) };
  });
}

// ---- nodes ------------------------------------------------------------------------------------------------------

function nodeCounts(plan: AddressPlan): NodeCounts {
  const firstPerObject = (component: Component): Fact[] => {
    const seen = new Set<string>();
    return plan.factsOf('node-pod-cidr').filter((f) => {
      if (f.component !== component || f.attributes?.standalone === true) return false;
      const key = f.attributes?.node ? `name:${String(f.attributes.node)}` : `doc:${documentKey(f.doc)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };
  const nodeObjects = onePerKey(
    plan.facts.filter((f) => f.component === 'kubernetes' && f.doc.kind === 'Node' && (f.role === 'node-pod-cidr' || f.role === 'node-address') && f.attributes?.standalone !== true),
    (f) => (f.attributes?.node ? `name:${String(f.attributes.node)}` : `doc:${documentKey(f.doc)}`),
  );
  const inventoryHosts = onePerKey(
    plan.factsOf('node-address').filter((f) => typeof f.attributes?.host === 'string'),
    (f) => String(f.attributes!.host),
  );
  const seenGroups = new Set<string>();
  const declarations: Figure<number>[] = [];
  for (const f of plan.facts) {
    if (f.role !== 'pod-network' || typeof f.attributes?.nodes !== 'number' || seenGroups.has(f.group)) continue;
    seenGroups.add(f.group);
    declarations.push({ value: f.attributes.nodes, origin: 'written', fact: f, label: `${f.component} nodes` });
  }
  const expected = plan.scope.config.expect.nodes;
  return {
    nodes: firstPerObject('kubernetes'),
    nodeObjects,
    inventoryHosts,
    ciliumNodes: firstPerObject('cilium'),
    declarations,
    ...(declarations.length === 1 ? { declared: declarations[0] } : {}),
    ...(expected !== undefined ? { expected: { value: expected, origin: 'config' as const, label: 'expect.nodes' } } : {}),
  };
}

/** The first fact of each key, in file order. */
function onePerKey(facts: readonly Fact[], key: (fact: Fact) => string): Fact[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    const k = key(f);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The nodes an allocator must serve, from what the scope shows: Node objects (every one, with a
 * podCIDR or not), the hosts of an installer inventory, CiliumNodes for Cilium's pool, or the nodes a
 * kind config or install-config creates, whichever is more. A kind node count applies to the pool
 * written in the same kind config (`pool`), or to every pool when the scope holds a single kind config.
 * Undefined when the scope shows none.
 */
export function knownNodes(model: CapacityModel, allocator: NodeSubnetAllocator | 'calico', pool?: Fact): { count: number; what: string; facts: readonly Fact[] } | undefined {
  const candidates: Array<{ count: number; what: string; facts: readonly Fact[] }> = [];
  const { nodeObjects, inventoryHosts, ciliumNodes } = model.nodes;
  const declared = (pool && model.nodes.declarations.find((d) => d.fact?.group === pool.group)) ?? model.nodes.declared;
  if (nodeObjects.length > 0) candidates.push({ count: nodeObjects.length, what: `${nodeObjects.length} Node${nodeObjects.length === 1 ? '' : 's'}`, facts: nodeObjects });
  if (inventoryHosts.length > 0) candidates.push({ count: inventoryHosts.length, what: `${inventoryHosts.length} inventory host${inventoryHosts.length === 1 ? '' : 's'}`, facts: inventoryHosts });
  if (allocator === 'cilium-cluster-pool' && ciliumNodes.length > 0) candidates.push({ count: ciliumNodes.length, what: `${ciliumNodes.length} CiliumNode${ciliumNodes.length === 1 ? '' : 's'}`, facts: ciliumNodes });
  if (declared && declared.fact) candidates.push({ count: declared.value, what: `the ${declared.value} node${declared.value === 1 ? '' : 's'} the ${declared.fact.component === 'openshift' ? 'install-config' : `${declared.fact.component} config`} creates`, facts: [declared.fact] });
  return candidates.sort((a, b) => b.count - a.count)[0];
}

// ---- small helpers -------------------------------------------------------------------------------------------------

function figureOf(fact: Fact): Figure<number> {
  return { value: numberOf(fact) ?? NaN, origin: fact.isDefault ? 'default' : 'written', fact, label: fact.source };
}

function numberOf(fact: Fact): number | undefined {
  return fact.value.kind === 'number' ? fact.value.value : undefined;
}

function prefixBits(fact: RangeFact): number {
  return fact.value.kind === 'prefix' ? fact.value.prefix.bits : bitsOf(fact.value.range.family);
}

function utilization(allocated: bigint, capacity: bigint): Utilization {
  // Rounded down to millionths: IPv6-sized capacities do not fit a double, and reports print the ratio.
  return { allocated, capacity, ratio: capacity > 0n ? Number((allocated * 1_000_000n) / capacity) / 1_000_000 : 0 };
}

function distinctAddresses(facts: readonly RangeFact[]): RangeFact[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    const key = `${f.value.range.family}:${f.value.range.first}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function distinctRanges(facts: readonly RangeFact[]): number {
  return new Set(facts.map((f) => `${f.value.range.family}:${f.value.range.first}-${f.value.range.last}`)).size;
}
