// The capacity model's data (domain-rules.md §17): plain values, each figure naming the fact it came
// from (or that it is a default, an assumption or a config value), so rules, hovers, inlay hints and
// `cidr-lens plan` can all show where a number comes from.

import type { Fact } from '../../model';
import type { Family } from '../../net/addr';
import type { RangeFact } from '../plan';

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
