// How each owner parses its fields (domain-rules.md §1.1, §18 A). Extractors pick one of these per
// field, so the parse rules of a project live in one place.

import type { FieldSyntax } from '../../model';

/** Kubernetes legacy CIDR fields (`ParseCIDRSloppy`): leading zeros warned, host bits warned. */
export const K8S_LEGACY_CIDR: FieldSyntax = { expects: 'cidr', parser: 'legacy', hostBits: 'warning' };
/** Kubernetes strict CIDR fields (`ServiceCIDR.spec.cidrs`, `IsValidCIDR`): canonical form required. */
export const K8S_STRICT_CIDR: FieldSyntax = { expects: 'cidr', parser: 'go', hostBits: 'error' };
/** Kubernetes IP fields (`clusterIP`, `loadBalancerIP`, `externalIPs`): bare addresses, sloppy parse. */
export const K8S_IP: FieldSyntax = { expects: 'ip', parser: 'legacy', hostBits: 'info' };
/** Component flags and configs parsed with `netutils.ParseCIDRs` (kubeadm, KCM, apiserver, kube-proxy, k3s, kind): host bits masked silently. */
export const COMPONENT_CIDR: FieldSyntax = { expects: 'cidr', parser: 'legacy', hostBits: 'info' };
export const COMPONENT_IP: FieldSyntax = { expects: 'ip', parser: 'legacy', hostBits: 'info' };
/** Go `net.ParseCIDR` readers that mask host bits silently (Flannel, Whereabouts, MetalLB, Cilium). */
export const GO_MASKING_CIDR: FieldSyntax = { expects: 'cidr', parser: 'go', hostBits: 'info' };
/** Calico pools and policies: strictly masked networks, Go parser. */
export const CALICO_STRICT_CIDR: FieldSyntax = { expects: 'cidr', parser: 'go', hostBits: 'error' };
/** Calico's `net` validator tag (BGPConfiguration service CIDRs): strictly masked, a bare IP counts as /32 or /128. */
export const CALICO_NET: FieldSyntax = { expects: 'cidr-or-ip', parser: 'go', hostBits: 'error' };
/** Calico's `cidr`/`cidrs` validator tags (IPReservation, NetworkSet): any parsable CIDR or bare IP, host bits accepted. */
export const CALICO_CIDR_OR_IP: FieldSyntax = { expects: 'cidr-or-ip', parser: 'go', hostBits: 'info' };
/** Go `net.ParseIP` readers of single addresses (Flannel SubnetMin/Max, host-local rangeStart/rangeEnd/gateway). */
export const GO_IP: FieldSyntax = { expects: 'ip', parser: 'go', hostBits: 'info' };
/** Two Go-parsed addresses forming a range (Cilium LB-IPAM `start`/`stop`). */
export const GO_ADDRESS_RANGE: FieldSyntax = { expects: 'cidr-or-range', parser: 'go', hostBits: 'info' };
/** Whereabouts `range`: `netutils.ParseCIDRSloppy`, host bits masked; also the `firstIP-CIDR` form. */
export const WHEREABOUTS_RANGE: FieldSyntax = { expects: 'cidr-or-range', parser: 'legacy', hostBits: 'info' };
/** Whereabouts `exclude` entries: `netutils.ParseCIDRSloppy`, only parse-checked. */
export const WHEREABOUTS_CIDR: FieldSyntax = { expects: 'cidr', parser: 'legacy', hostBits: 'info' };
/** Whereabouts `range_start`/`range_end`/`gateway`: `netutils.ParseIPSloppy`. */
export const WHEREABOUTS_IP: FieldSyntax = { expects: 'ip', parser: 'legacy', hostBits: 'info' };
/** host-local `subnet`: host bits rejected (`network has host bits set`). */
export const HOST_LOCAL_CIDR: FieldSyntax = { expects: 'cidr', parser: 'go', hostBits: 'error' };
/** MetalLB pool entries: a CIDR or an `a-b` range, host bits masked. */
export const METALLB_ADDRESSES: FieldSyntax = { expects: 'cidr-or-range', parser: 'go', hostBits: 'info' };
/** Kube-OVN `excludeIps`: addresses and `first..last` ranges, each address read by Go `net.ParseIP`. */
export const KUBE_OVN_EXCLUDE_IP: FieldSyntax = { expects: 'cidr-or-range', parser: 'go', hostBits: 'info' };
/** kops' `parseCIDR` (validation.go): Go `net.ParseCIDR`, and host bits are refused ("Network contains bits outside prefix"). */
export const KOPS_CIDR: FieldSyntax = { expects: 'cidr', parser: 'go', hostBits: 'error' };
/**
 * eksctl CIDRs: Go `net.ParseCIDR`, but eksctl keeps the address as written (`pkg/utils/ipnet`
 * UnmarshalJSON), so host bits reach AWS unmasked.
 */
export const EKSCTL_CIDR: FieldSyntax = { expects: 'cidr', parser: 'go', hostBits: 'warning' };
/** Talos' `ParseSubnetOrAddress` (nodeIP.validSubnets): a CIDR or a bare address, Go parser, host bits kept. */
export const TALOS_SUBNET_OR_ADDRESS: FieldSyntax = { expects: 'cidr-or-ip', parser: 'go', hostBits: 'info' };
/** Integer settings: masks, block sizes, maxPods. */
export const INTEGER: FieldSyntax = { expects: 'number', parser: 'go', hostBits: 'info' };

export function withFamily(syntax: FieldSyntax, family: 4 | 6): FieldSyntax {
  return { ...syntax, family };
}
