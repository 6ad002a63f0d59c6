// The plain data the core produces. Offsets are UTF-16 code unit indices into a file's text, as in
// JavaScript strings and LSP; only `server/src/lsp` and `server/src/cli` turn them into lines.

import type { Addr, Family, Notation } from './net/addr';
import type { IpRange, Prefix } from './net/prefix';

/** A half-open span [start, end) of a file's text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type Severity = 'error' | 'warning' | 'info';

/** Where a fact came from: one YAML/JSON document of one file. */
export interface DocumentRef {
  readonly uri: string;
  /** 0-based index of the document among the file's `---`-separated documents. */
  readonly index: number;
  /** For an object inside a `kind: List` document, its 0-based position in `items`. */
  readonly item?: number;
  readonly kind: string;
  readonly apiVersion?: string;
  readonly name?: string;
  readonly namespace?: string;
  /** The span that stands for the whole document: its `kind` value, or the first key. */
  readonly anchor: Span;
}

/** Identifies one object of a file: a document, or an item of a `List` document. */
export function documentKey(doc: DocumentRef): string {
  return doc.item === undefined ? `${doc.uri}#${doc.index}` : `${doc.uri}#${doc.index}.${doc.item}`;
}

/**
 * What a value means in the cluster's address plan. Rules select facts by role, never by source.
 * The roles of ranges are listed first, then single addresses, then sizes.
 */
export type Role =
  | 'pod-network' // The cluster's pod CIDR: kubeadm podSubnet, KCM --cluster-cidr, k3s cluster-cidr, kind, Cluster API.
  | 'service-network' // The service ClusterIP range: kubeadm serviceSubnet, apiserver flag, k3s, kind, Cluster API, ServiceCIDR.
  | 'cni-pod-pool' // A CNI's own pod pool: Calico pools, Flannel Network, Cilium cluster pool, Weave, CiliumPodIPPool.
  | 'proxy-cluster-cidr' // kube-proxy clusterCIDR: must match the pod network.
  | 'native-routing-cidr' // Cilium ipv4/ipv6-native-routing-cidr, kops nonMasqueradeCIDR (traffic to it is not masqueraded): must cover the pod network.
  | 'lb-pool' // MetalLB IPAddressPool, CiliumLoadBalancerIPPool, Calico LoadBalancer pools.
  | 'node-pod-cidr' // Node spec.podCIDR(s): an allocation from the pod network.
  | 'ipam-block' // Calico IPAMBlock: an allocation from a Calico pool.
  | 'ip-reservation' // Calico IPReservation reservedCIDRs; Whereabouts `exclude` (addresses kept out of a range).
  | 'bgp-advertised' // Calico BGPConfiguration service CIDRs.
  | 'policy-cidr' // NetworkPolicy ipBlock.cidr, Calico nets/notNets: peers, not owned space.
  | 'policy-except' // NetworkPolicy ipBlock.except.
  | 'source-range' // Service loadBalancerSourceRanges: clients, not owned space.
  | 'secondary-network' // Whereabouts / host-local ranges of a NetworkAttachmentDefinition or CNI config.
  | 'node-network' // The network the nodes live in, as an installer states it: OpenShift machineNetwork, a VPC and its subnets, Talos validSubnets.
  | 'internal-network' // A range a CNI keeps for its own plumbing on every node: OVN-Kubernetes join, transit and masquerade subnets, the Kube-OVN join subnet. Nothing else may use it.
  | 'node-address' // Addresses or ranges of the nodes themselves (kubeadm advertiseAddress, node autodetection CIDRs).
  | 'cluster-ip' // Service spec.clusterIP(s).
  | 'cluster-dns' // kubelet clusterDNS, k3s cluster-dns.
  | 'lb-ip' // Service loadBalancerIP.
  | 'external-ip' // Service externalIPs.
  | 'node-mask' // Per-node pod subnet prefix length (KCM --node-cidr-mask-size*, Cilium mask size).
  | 'block-size' // Calico blockSize.
  | 'subnet-len' // Flannel SubnetLen / IPv6SubnetLen.
  | 'subnet-bound' // Addresses bounding allocation inside a range of the same group (attribute `bound`: start/end/gateway): Flannel SubnetMin/Max, Whereabouts range_start/range_end/gateway, host-local rangeStart/rangeEnd/gateway.
  | 'max-pods'; // kubelet maxPods / --max-pods.

/** What kind of text a field accepts, and how strictly its owner parses it. */
export interface FieldSyntax {
  /** `cidr`: a prefix; `ip`: a bare address; `cidr-or-range`: prefix or `a-b`; `cidr-or-ip`: either; `number`: an integer. */
  readonly expects: 'cidr' | 'ip' | 'cidr-or-range' | 'cidr-or-ip' | 'number';
  /** Set when the field takes only one family (e.g. `CALICO_IPV4POOL_CIDR`). */
  readonly family?: Family;
  /**
   * `go`: Go ≥ 1.17 `net.ParseCIDR`/netip — leading zeros are invalid (Calico, Flannel, kubeadm).
   * `legacy`: Kubernetes `ParseCIDRSloppy` — leading zeros and IPv4-mapped IPv6 are accepted with a warning.
   */
  readonly parser: 'go' | 'legacy';
  /** What the owner does with host bits (`10.244.1.0/16`): reject (`error`), warn, or mask silently (`info`). */
  readonly hostBits: Severity;
}

export type FactValue =
  | { readonly kind: 'prefix'; readonly prefix: Prefix; readonly range: IpRange; readonly notation: Notation }
  | { readonly kind: 'address'; readonly addr: Addr; readonly range: IpRange; readonly notation: Notation }
  | { readonly kind: 'range'; readonly range: IpRange }
  | { readonly kind: 'number'; readonly value: number }
  /** The text does not parse as what the field expects; `at` is an offset into the value text. */
  | { readonly kind: 'invalid'; readonly error: string; readonly at: number }
  /** A template placeholder (`{{ .Values.cidr }}`, `${POD_CIDR}`, `%CIDR%`): not ours to judge. */
  | { readonly kind: 'template' };

/** The component that reads the value; rules use it for severities (operator vs. env, KCM vs. kubeadm). */
export type Component =
  | 'kubernetes'
  | 'kubeadm'
  | 'kube-apiserver'
  | 'kube-controller-manager'
  | 'kube-proxy'
  | 'kubelet'
  | 'kind'
  | 'k3s'
  | 'cluster-api'
  | 'calico'
  | 'calico-operator'
  | 'calico-node'
  | 'flannel'
  | 'cilium'
  | 'metallb'
  | 'weave'
  | 'whereabouts'
  | 'host-local'
  | 'openshift'
  | 'ovn-kubernetes'
  | 'talos'
  | 'kops'
  | 'eksctl'
  | 'rke'
  | 'k0s'
  | 'kubeone'
  | 'k3d'
  | 'kube-ovn'
  | 'antrea';

/** One recognised value of a manifest. */
export interface Fact {
  readonly role: Role;
  readonly component: Component;
  /** The field as a user would name it: `calico IPPool spec.cidr`, `kube-controller-manager --cluster-cidr`. */
  readonly source: string;
  readonly syntax: FieldSyntax;
  /** The value exactly as written (without quotes). Empty for defaults. */
  readonly text: string;
  readonly value: FactValue;
  readonly doc: DocumentRef;
  /** The characters of the value; for defaults, the document's anchor. */
  readonly span: Span;
  /** True when the manifest left this value to its owner's default. */
  readonly isDefault: boolean;
  /**
   * Facts that describe one object share a group key (one IPPool, one Flannel config, one set of KCM
   * flags), so the plan can pair a blockSize with its pool or a node mask with its cluster CIDR.
   */
  readonly group: string;
  /** Position inside a dual-stack list (`a,b`): index and list length; absent for single values. */
  readonly list?: { readonly index: number; readonly length: number };
  /** Extra per-object settings that change meaning: `disabled`, `allowedUses`, `ipam`, `kubeSubnetMgr`, `type`… */
  readonly attributes?: Readonly<Record<string, string | number | boolean>>;
  /**
   * Set when Flux substitutes the value from a variable (`${POD_CIDR}`): `text` and `value` are then
   * the substituted value, while `span` covers the placeholder as written.
   */
  readonly substitution?: Substitution;
}

/** The variable a value was substituted from, and where the workspace defines it. */
export interface Substitution {
  readonly variable: string;
  /** The variable's value in a ConfigMap, Secret or `postBuild.substitute`; absent for a `${VAR:=default}` default. */
  readonly definedAt?: { readonly uri: string; readonly span: Span; readonly owner: string };
}

/** Every rule of SPEC §3, in catalogue order. */
export const RULE_IDS = [] = [
  'invalid-cidr',
  'non-canonical-cidr',
  'non-standard-notation',
  'wrong-family',
  'wrong-value-kind',
  'service-range-too-large',
  'range-too-small',
  'node-mask-invalid',
  'block-size-invalid',
  'flannel-subnet-len-invalid',
  'range-overlap',
  'cross-cluster-overlap',
  'reserved-range',
  'docker-bridge-overlap',
  'pod-network-mismatch',
  'address-outside-range',
  'duplicate-address',
  'conflicting-definitions',
  'too-few-node-subnets',
  'node-subnet-too-small',
  'too-few-blocks',
  'service-range-full',
  'high-utilization',
] as const;

/** A rule of the catalogue, or `invalid-config`: not a rule of the catalogue, a mistake in a `.cidr-lens.yaml` file. */
export type RuleId = (typeof RULE_IDS)[number] | 'invalid-config';

export interface TextEdit {
  readonly uri: string;
  readonly span: Span;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** Canonicalisations are safe to apply in bulk (`source.fixAll`). */
  readonly isCanonicalization?: boolean;
  /** The fix a user most likely wants. */
  readonly isPreferred?: boolean;
}

export interface RelatedLocation {
  readonly uri: string;
  readonly span: Span;
  readonly message: string;
}

/**
 * The most related locations a finding carries; its message counts the rest ("and 1,999 more"). An
 * editor shows each as a line under the diagnostic, and a value that collides with thousands of others
 * (a generator bug that repeats one pool) must not make every editor and report carry thousands.
 */
export const MAX_RELATED = 10;

export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly message: string;
  readonly uri: string;
  readonly span: Span;
  /** At most MAX_RELATED. */
  readonly related: readonly RelatedLocation[];
  readonly fixes: readonly Fix[];
}
