// Extractor: kops `Cluster` (kops.k8s.io/v1alpha2; v1alpha3 moves the network fields below
// spec.networking). The cloud network (networkCIDR, additionalNetworkCIDRs) and its subnets (`cidr`, and
// `ipv6CIDR` when it is a literal CIDR) are node networks; nonMasqueradeCIDR, podCIDR, serviceClusterIPRange, kubeControllerManager.clusterCIDR and
// nodeCIDRMaskSize, and kubeDNS.serverIP describe the cluster inside them. Facts of one Cluster share
// one group.
//
// Defaults, as kops fills them in (kubernetes/kops):
//   - nonMasqueradeCIDR 100.64.0.0/10; networkCIDR 172.20.0.0/16 on AWS and 10.0.0.0/16 on Azure when
//     no existing network (networkID) is named (upup/pkg/fi/cloudup/defaults.go, PerformAssignments);
//   - podCIDR: the upper half of an IPv4 nonMasqueradeCIDR (100.96.0.0/11 of 100.64.0.0/10), and
//     serviceClusterIPRange 100.64.0.0/13, or fd00:5e4f:ce::/108 for an IPv6 nonMasqueradeCIDR
//     (upup/pkg/fi/cloudup/populate_cluster_spec.go, assignSubnets);
//   - kube-controller-manager allocates node subnets from podCIDR unless clusterCIDR is set, with its
//     own default mask (pkg/model/components/kubecontrollermanager.go); in IPv6-only clusters
//     kops-controller hands out the nodes' prefixes instead, so no mask is defaulted there;
//   - kubeDNS.serverIP is the tenth address of the service range (pkg/model/components/kubedns.go,
//     WellKnownServiceIP(…, 10)).
// With VPC-native pod networking (`networking.amazonvpc`, or Cilium with `ipam: eni`) pods take VPC
// addresses, so podCIDR and clusterCIDR hold no pods: no pod range is read or defaulted. On GCE with IP
// aliases (`networking.gce`, `kindnet`) kops picks free ranges of the project's network when the cluster
// is created: nothing is derived there.
//
// kops validation (pkg/apis/kops/validation/validation.go, legacy.go) refuses a podCIDR or clusterCIDR
// outside nonMasqueradeCIDR (pod-network-mismatch judges it: nonMasqueradeCIDR has the role of a
// native-routing CIDR, the range traffic to which is not masqueraded), a subnet overlapping podCIDR or
// serviceClusterIPRange, and a nonMasqueradeCIDR overlapping the network CIDRs, so the node networks
// carry `overlap: 'rejected'`. Since kops 1.28 the service range need not lie inside nonMasqueradeCIDR.

import type { Fact, FieldSyntax, Role } from '../../model';
import { addrFrom } from '../../net/addr';
import { formatPrefix, prefixFrom } from '../../net/prefix';
import { apiGroupOf, kindNode } from './componentConfig';
import type { ExtractContext, FieldSpec } from './context';
import type { Extractor } from './extractor';
import { dnsServiceAddress } from './clusterDns';
import { NodeMaskOwner, defaultNodeMasks, familiesOf, nodeMaskSpec } from './nodeMask';
import { GO_IP, GO_MASKING_CIDR, KOPS_CIDR, withFamily } from './syntax';
import { below } from './tree';
import { isTemplate } from '../value';
import { Node, getKeyNode, mapEntries, scalarString } from '../yamlNode';

const API_GROUP = 'kops.k8s.io';

const DEFAULT_NON_MASQUERADE_CIDR = '100.64.0.0/10';
/** The network kops creates per cloud when the Cluster names no existing one. */
const DEFAULT_NETWORK_CIDRS: Readonly<Record<string, string>> = { aws: '172.20.0.0/16', azure: '10.0.0.0/16' };
/** The service range kops assigns by the family of nonMasqueradeCIDR, whatever its value. */
const DEFAULT_SERVICE_RANGES = { 4: '100.64.0.0/13', 6: 'fd00:5e4f:ce::/108' } as const;

/** kops refuses pod and service ranges that overlap these; see the file comment. */
const NODE_NETWORK = { overlap: 'rejected' } as const;

/** Where a Cluster's fields are and how a user names them. */
interface KopsCluster {
  readonly spec: Node | undefined;
  /** The map holding networkCIDR, subnets, podCIDR…: `spec` (v1alpha2) or `spec.networking` (v1alpha3). */
  readonly network: Node | undefined;
  /** The path of `network` as labels name it. */
  readonly networkPath: string;
  readonly cloud: string | undefined;
  /** Pods take VPC addresses (Amazon VPC CNI, Cilium ENI IPAM). */
  readonly vpcNativePods: boolean;
  /** kops derives pod and service ranges from nonMasqueradeCIDR (not on GCE with IP aliases). */
  readonly derivesRanges: boolean;
}

export const kops: Extractor = {
  name: 'kops',
  triggers: [API_GROUP],
  extract(ctx) {
    if (ctx.ref.kind !== 'Cluster' || apiGroupOf(ctx) !== API_GROUP) return [];
    const cluster = readCluster(ctx);
    const nonMasquerade = nonMasqueradeFacts(ctx, cluster);
    const clusterCidr = clusterCidrFacts(ctx, cluster);
    const pods = podCidrFacts(ctx, cluster, nonMasquerade, clusterCidr.length > 0);
    const services = serviceFacts(ctx, cluster, nonMasquerade);
    return [
      ...nodeNetworkFacts(ctx, cluster),
      ...nonMasquerade,
      ...pods,
      ...clusterCidr,
      ...services,
      ...clusterDnsFacts(ctx, cluster, services),
      ...nodeMaskFacts(ctx, cluster, clusterCidr.length > 0 ? clusterCidr : pods, nonMasquerade),
    ];
  },
};

function readCluster(ctx: ExtractContext): KopsCluster {
  const spec = ctx.get(['spec']);
  const nested = scalarString(ctx.get(['apiVersion'])) === `${API_GROUP}/v1alpha3`;
  const networking = below(ctx, spec, ['networking']);
  const plugins = new Set(mapEntries(networking, ctx.yaml).map(([key]) => key));
  const cloud = cloudOf(ctx, below(ctx, spec, ['cloudProvider']));
  return {
    spec,
    network: nested ? networking : spec,
    networkPath: nested ? 'spec.networking' : 'spec',
    cloud,
    vpcNativePods: plugins.has('amazonvpc') || scalarString(below(ctx, networking, ['cilium', 'ipam'])) === 'eni',
    derivesRanges: !(cloud === 'gce' && (plugins.has('gce') || plugins.has('kindnet'))),
  };
}

/** `cloudProvider: aws` (v1alpha2) or `cloudProvider: {aws: {}}` (v1alpha3). */
function cloudOf(ctx: ExtractContext, node: Node | undefined): string | undefined {
  return scalarString(node) ?? mapEntries(node, ctx.yaml)[0]?.[0];
}

function field(role: Role, source: string, syntax: FieldSyntax, attributes?: FieldSpec['attributes']): FieldSpec {
  return { role, component: 'kops', source: `kops ${source}`, syntax, group: 'cluster', ...(attributes ? { attributes } : {}) };
}

/** The cloud network and its subnets, each named by the subnet's `name`. */
function nodeNetworkFacts(ctx: ExtractContext, cluster: KopsCluster): Fact[] {
  const path = cluster.networkPath;
  const networkSpec = field('node-network', `${path}.networkCIDR`, withFamily(KOPS_CIDR, 4), NODE_NETWORK);
  const explicit = ctx.scalar(below(ctx, cluster.network, ['networkCIDR']), networkSpec);
  const defaultCidr = cluster.cloud !== undefined && Object.hasOwn(DEFAULT_NETWORK_CIDRS, cluster.cloud) ? DEFAULT_NETWORK_CIDRS[cluster.cloud] : undefined;
  const createsNetwork = scalarString(below(ctx, cluster.network, ['networkID'])) === undefined;
  const network = explicit.length > 0 || !defaultCidr || !createsNetwork ? explicit : [ctx.defaulted(defaultCidr, networkSpec, kindNode(ctx))];
  const additional = ctx.each(below(ctx, cluster.network, ['additionalNetworkCIDRs']), field('node-network', `${path}.additionalNetworkCIDRs`, withFamily(KOPS_CIDR, 4), NODE_NETWORK));
  const subnets = ctx.items(below(ctx, cluster.network, ['subnets'])).flatMap((subnet, index) => {
    // A templated name says nothing until rendered: the subnet is named by its position then.
    const written = scalarString(below(ctx, subnet, ['name']));
    const name = written !== undefined && !isTemplate(written) ? written : String(index);
    return [
      ...ctx.scalar(below(ctx, subnet, ['cidr']), field('node-network', `${path}.subnets[${name}].cidr`, withFamily(KOPS_CIDR, 4), NODE_NETWORK)),
      ...subnetIpv6Facts(ctx, below(ctx, subnet, ['ipv6CIDR']), `${path}.subnets[${name}].ipv6CIDR`),
    ];
  });
  return [...network, ...additional, ...subnets];
}

/**
 * A subnet's IPv6 block (AWS only): a literal IPv6 CIDR is a node network like `cidr`; kops' `/LEN#N`
 * notation (validation.go validateIPv6CIDR, utils.ParseCIDRNotation: the Nth /LEN of the VPC's
 * Amazon-provided prefix, known only once AWS assigns it) names no range and is skipped.
 */
function subnetIpv6Facts(ctx: ExtractContext, node: Node | undefined, source: string): Fact[] {
  if (ctx.text(node)?.text.trim().startsWith('/')) return [];
  return ctx.scalar(node, field('node-network', source, withFamily(KOPS_CIDR, 6), NODE_NETWORK));
}

function nonMasqueradeFacts(ctx: ExtractContext, cluster: KopsCluster): Fact[] {
  const spec = field('native-routing-cidr', `${cluster.networkPath}.nonMasqueradeCIDR`, KOPS_CIDR);
  const explicit = ctx.scalar(below(ctx, cluster.network, ['nonMasqueradeCIDR']), spec);
  // With VPC-native pods nothing is derived from it, and on AWS it then defaults to the VPC itself.
  if (explicit.length > 0 || cluster.vpcNativePods || !cluster.derivesRanges) return explicit;
  return [ctx.defaulted(DEFAULT_NON_MASQUERADE_CIDR, spec, kindNode(ctx))];
}

/**
 * podCIDR, or its default: the upper half of nonMasqueradeCIDR. The default is left out when
 * kube-controller-manager's clusterCIDR is set: the nodes' pod subnets, and so the pods, come from that.
 */
function podCidrFacts(ctx: ExtractContext, cluster: KopsCluster, nonMasquerade: readonly Fact[], managerHasRange: boolean): Fact[] {
  if (cluster.vpcNativePods) return [];
  const spec = field('pod-network', `${cluster.networkPath}.podCIDR`, KOPS_CIDR);
  const explicit = ctx.scalar(below(ctx, cluster.network, ['podCIDR']), spec);
  const derived = nonMasquerade[0] && cluster.derivesRanges && !managerHasRange ? upperHalf(nonMasquerade[0]) : undefined;
  if (explicit.length > 0 || !derived) return explicit;
  return [ctx.defaulted(derived, spec, getKeyNode(cluster.network, 'nonMasqueradeCIDR', ctx.yaml) ?? kindNode(ctx))];
}

/** kube-controller-manager's own pod range; kops hands it over without checking host bits, and KCM masks them. */
function clusterCidrFacts(ctx: ExtractContext, cluster: KopsCluster): Fact[] {
  if (cluster.vpcNativePods) return [];
  return ctx.scalar(below(ctx, cluster.spec, ['kubeControllerManager', 'clusterCIDR']), field('pod-network', 'spec.kubeControllerManager.clusterCIDR', GO_MASKING_CIDR));
}

/** kops' podCIDR default: the IPv4 range one bit longer, with that bit set. */
function upperHalf(range: Fact): string | undefined {
  if (range.value.kind !== 'prefix' || range.value.range.family !== 4 || range.value.prefix.bits >= 32) return undefined;
  const bits = range.value.prefix.bits;
  return formatPrefix(prefixFrom(addrFrom(4, range.value.range.first + (1n << BigInt(31 - bits))), bits + 1));
}

function serviceFacts(ctx: ExtractContext, cluster: KopsCluster, nonMasquerade: readonly Fact[]): Fact[] {
  const spec = field('service-network', `${cluster.networkPath}.serviceClusterIPRange`, KOPS_CIDR);
  const explicit = ctx.scalar(below(ctx, cluster.network, ['serviceClusterIPRange']), spec);
  if (explicit.length > 0 || !cluster.derivesRanges) return explicit;
  // Only the family of nonMasqueradeCIDR matters; a template or typo there leaves it unknown.
  const family = nonMasquerade.length > 0 ? familiesOf(nonMasquerade)[0] : 4;
  return family ? [ctx.defaulted(DEFAULT_SERVICE_RANGES[family], spec, kindNode(ctx))] : [];
}

function clusterDnsFacts(ctx: ExtractContext, cluster: KopsCluster, services: readonly Fact[]): Fact[] {
  const spec = field('cluster-dns', 'spec.kubeDNS.serverIP', GO_IP);
  const explicit = ctx.scalar(below(ctx, cluster.spec, ['kubeDNS', 'serverIP']), spec);
  const dns = services[0] ? dnsServiceAddress(services[0]) : undefined;
  if (explicit.length > 0 || !dns) return explicit;
  return [ctx.defaulted(dns, spec, getKeyNode(cluster.network, 'serviceClusterIPRange', ctx.yaml) ?? kindNode(ctx))];
}

/** nodeCIDRMaskSize, or KCM's default for the range it allocates from (clusterCIDR, else podCIDR). */
function nodeMaskFacts(ctx: ExtractContext, cluster: KopsCluster, allocated: readonly Fact[], nonMasquerade: readonly Fact[]): Fact[] {
  const owner: NodeMaskOwner = { component: 'kops', group: 'cluster', label: () => 'kops spec.kubeControllerManager.nodeCIDRMaskSize' };
  const manager = below(ctx, cluster.spec, ['kubeControllerManager']);
  const explicit = ctx.scalar(below(ctx, manager, ['nodeCIDRMaskSize']), nodeMaskSpec(owner, 'node-cidr-mask-size'));
  const ipv6Only = familiesOf(nonMasquerade)[0] === 6;
  if (explicit.length > 0 || ipv6Only) return explicit;
  const at = getKeyNode(manager, 'clusterCIDR', ctx.yaml) ?? getKeyNode(cluster.network, 'podCIDR', ctx.yaml) ?? kindNode(ctx);
  return defaultNodeMasks(ctx, owner, allocated, new Set(), at);
}
