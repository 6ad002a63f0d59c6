// Extractor: eksctl `ClusterConfig` (eksctl.io/v1alpha5). The VPC (vpc.cidr, vpc.extraCIDRs) and its
// subnets (vpc.subnets.private/public.<AZ or name>.cidr) are node networks; kubernetesNetworkConfig
// serviceIPv4CIDR is the service range, and ipFamily is carried on every fact; the hybrid nodes'
// remoteNetworkConfig.remoteNodeNetworks[].cidrs (node networks) and remotePodNetworks[].cidrs (pod
// networks); the kubelets' cluster DNS, a node group's clusterDNS or derived from the service range.
// Facts of one ClusterConfig share one group.
//
// Defaults:
//   - the VPC eksctl creates is 192.168.0.0/16 (eksctl pkg/apis/eksctl.io/v1alpha5/vpc.go, DefaultCIDR)
//     unless the config names an existing VPC (vpc.id, or subnets by id), whose CIDR only AWS knows;
//   - without serviceIPv4CIDR, EKS assigns 10.100.0.0/16 or 172.20.0.0/16 (EKS API
//     KubernetesNetworkConfigRequest.serviceIpv4Cidr): 172.20.0.0/16 when a CIDR block of the VPC lies in
//     10.0.0.0/8, else 10.100.0.0/16, as the EKS node bootstrap picks the DNS address to match
//     (awslabs/amazon-eks-ami files/bootstrap.sh: 172.20.0.10 when a VPC CIDR block starts with `10.`).
//     IPv6 clusters get a service range from fc00::/7 that cannot be chosen or known in advance.
// No pod range is read or defaulted for the cloud nodes (the hybrid nodes' remotePodNetworks are the
// one eksctl states): with the Amazon VPC CNI, EKS's default, pods take addresses of the
// VPC's subnets (or, with custom networking, of other VPC subnets), so the node networks already hold
// them. The EKS API refuses a serviceIPv4CIDR that overlaps "any CIDR block assigned to the VPC", so
// the node networks carry `overlap: 'rejected'`.

import type { Fact, Role } from '../../model';
import { rangeContains } from '../../net/prefix';
import { rangeOfLiteral } from '../../net/specialRanges';
import { dnsServiceAddress } from './clusterDns';
import { apiGroupOf, kindNode } from './componentConfig';
import type { ExtractContext, FieldSpec } from './context';
import type { Extractor } from './extractor';
import { EKSCTL_CIDR, GO_IP, withFamily } from './syntax';
import { below } from './tree';
import { getKeyNode, mapEntries, scalarString } from '../yamlNode';

const API_GROUP = 'eksctl.io';

const DEFAULT_VPC_CIDR = '192.168.0.0/16';
const TEN_SLASH_EIGHT = rangeOfLiteral(4, '10.0.0.0/8');
/** EKS's service range for a VPC with a block in 10.0.0.0/8, and for any other VPC. */
const DEFAULT_SERVICE_RANGE = { tenVpc: '172.20.0.0/16', otherVpc: '10.100.0.0/16' } as const;

/** eksctl compares ipFamily case-insensitively; facts carry its canonical spelling. */
const IP_FAMILIES: Readonly<Record<string, string>> = { ipv4: 'IPv4', ipv6: 'IPv6' };

export const eksctl: Extractor = {
  name: 'eksctl',
  triggers: [API_GROUP],
  extract(ctx) {
    if (ctx.ref.kind !== 'ClusterConfig' || apiGroupOf(ctx) !== API_GROUP) return [];
    const network = ctx.get(['kubernetesNetworkConfig']);
    const written = scalarString(below(ctx, network, ['ipFamily']));
    const ipFamily = written === undefined ? 'IPv4' : (IP_FAMILIES[written.toLowerCase()] ?? written);
    const field = (role: Role, source: string, attributes: FieldSpec['attributes'] = {}): FieldSpec => ({
      role,
      component: 'eksctl',
      source: `eksctl ${source}`,
      syntax: withFamily(EKSCTL_CIDR, 4),
      group: 'cluster',
      attributes: { ipFamily, ...attributes },
    });
    const vpc = vpcFacts(ctx, field);
    const services = ctx.scalar(below(ctx, network, ['serviceIPv4CIDR']), field('service-network', 'kubernetesNetworkConfig.serviceIPv4CIDR'));
    if (services.length === 0 && ipFamily === 'IPv4') services.push(...defaultServiceRange(ctx, vpc.blocks, field));
    return [...vpc.blocks, ...vpc.subnets, ...services, ...clusterDns(ctx, services[0], field), ...remoteNetworkFacts(ctx, field)];
  },
};

type FieldOf = (role: Role, source: string, attributes?: FieldSpec['attributes']) => FieldSpec;

/** The EKS API refuses a service range overlapping the VPC; see the file comment. */
const NODE_NETWORK = { overlap: 'rejected' } as const;

/** The VPC's CIDR blocks (vpc.cidr, or the default when eksctl creates the VPC, and vpc.extraCIDRs) and its subnets. */
function vpcFacts(ctx: ExtractContext, field: FieldOf): { blocks: Fact[]; subnets: Fact[] } {
  const vpc = ctx.get(['vpc']);
  const cidrSpec = field('node-network', 'vpc.cidr', NODE_NETWORK);
  const explicit = ctx.scalar(below(ctx, vpc, ['cidr']), cidrSpec);
  const subnetEntries = (['private', 'public'] as const).flatMap((topology) =>
    mapEntries(below(ctx, vpc, ['subnets', topology]), ctx.yaml).map(([key, subnet]) => ({ topology, key, subnet })),
  );
  const existing = scalarString(below(ctx, vpc, ['id'])) !== undefined || subnetEntries.some(({ subnet }) => scalarString(below(ctx, subnet, ['id'])) !== undefined);
  const primary = explicit.length > 0 || existing ? explicit : [ctx.defaulted(DEFAULT_VPC_CIDR, cidrSpec, getKeyNode(ctx.root, 'vpc', ctx.yaml) ?? kindNode(ctx))];
  const extra = ctx.each(below(ctx, vpc, ['extraCIDRs']), field('node-network', 'vpc.extraCIDRs', NODE_NETWORK));
  const subnets = subnetEntries.flatMap(({ topology, key, subnet }) =>
    ctx.scalar(below(ctx, subnet, ['cidr']), field('node-network', `vpc.subnets.${topology}.${key}.cidr`, NODE_NETWORK)),
  );
  return { blocks: [...primary, ...extra], subnets };
}

/**
 * The kubelet's cluster DNS eksctl writes into every node group's bootstrap: a self-managed node
 * group's own `clusterDNS`, else the service range's address with its last byte set to 10
 * (pkg/nodebootstrap/userdata.go, NewBootstrapper and GetClusterDNS), which for the /12 to /24 ranges
 * EKS accepts is the tenth address; managed node groups always take the derived one. The derived value
 * is stated where the service range is known (written, or defaulted), unless every node group of a
 * config without managed ones overrides it — then no kubelet uses it.
 */
function clusterDns(ctx: ExtractContext, services: Fact | undefined, field: FieldOf): Fact[] {
  const dnsField = { ...field('cluster-dns', 'nodeGroups[].clusterDNS'), syntax: GO_IP };
  const nodeGroups = ctx.items(ctx.get(['nodeGroups']));
  const overrides = nodeGroups.map((group) => below(ctx, group, ['clusterDNS'])).filter((node) => scalarString(node)?.trim());
  const written = overrides.flatMap((node) => ctx.scalar(node, dnsField));
  const everyKubeletOverridden = nodeGroups.length > 0 && overrides.length === nodeGroups.length && ctx.items(ctx.get(['managedNodeGroups'])).length === 0;
  const address = services && dnsServiceAddress(services);
  if (!address || everyKubeletOverridden) return written;
  const network = ctx.get(['kubernetesNetworkConfig']);
  const at = getKeyNode(network, 'serviceIPv4CIDR', ctx.yaml) ?? getKeyNode(ctx.root, 'kubernetesNetworkConfig', ctx.yaml) ?? kindNode(ctx);
  return [...written, ctx.defaulted(address, { ...field('cluster-dns', 'kubelet clusterDNS'), syntax: GO_IP }, at)];
}

/**
 * EKS Hybrid Nodes (remoteNetworkConfig, pkg/apis/eksctl.io/v1alpha5/types.go RemoteNetwork): the
 * on-premises networks of the hybrid nodes (node networks) and of their pods (pod networks). The EKS
 * API refuses remote networks overlapping the VPC, the service range or each other, so they carry
 * `overlap: 'rejected'` too.
 */
function remoteNetworkFacts(ctx: ExtractContext, field: FieldOf): Fact[] {
  const remote = ctx.get(['remoteNetworkConfig']);
  const entries = (key: string, role: Role) =>
    ctx.items(below(ctx, remote, [key])).flatMap((entry) => ctx.each(below(ctx, entry, ['cidrs']), field(role, `remoteNetworkConfig.${key}[].cidrs`, { ...NODE_NETWORK, remote: true })));
  return [...entries('remoteNodeNetworks', 'node-network'), ...entries('remotePodNetworks', 'pod-network')];
}

/** EKS's choice between its two service ranges, known only when every VPC block is. */
function defaultServiceRange(ctx: ExtractContext, blocks: readonly Fact[], field: FieldOf): Fact[] {
  const ranges = blocks.map((block) => ('range' in block.value ? block.value.range : undefined));
  if (ranges.length === 0 || ranges.some((range) => range === undefined)) return [];
  const inTen = ranges.some((range) => range !== undefined && rangeContains(TEN_SLASH_EIGHT, range));
  const text = inTen ? DEFAULT_SERVICE_RANGE.tenVpc : DEFAULT_SERVICE_RANGE.otherVpc;
  return [ctx.defaulted(text, field('service-network', 'kubernetesNetworkConfig.serviceIPv4CIDR'), getKeyNode(ctx.root, 'kubernetesNetworkConfig', ctx.yaml) ?? kindNode(ctx))];
}
