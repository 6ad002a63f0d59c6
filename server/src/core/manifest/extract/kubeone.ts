// Extractor: KubeOne `KubeOneCluster` (kubeone.k8c.io/v1beta2, v1beta3, and the kubeone.io/v1beta1 of
// earlier releases, whose clusterNetwork has podSubnet and serviceSubnet with the same defaults and no
// IPv6 fields: pkg/apis/kubeone/v1beta1/defaults.go until "Drop v1beta1, add v1beta3 APIs"): clusterNetwork.podSubnet,
// serviceSubnet, podSubnetIPv6, serviceSubnetIPv6, nodeCIDRMaskSizeIPv4/IPv6, ipFamily and cni, and the
// hosts of controlPlane and staticWorkers (privateAddress, else publicAddress) and the dynamicWorkers'
// replicas as the cluster's nodes; apiEndpoint.host, when it is an address (the API's address on the
// node network, usually a load balancer's or a VIP); the kubelet's cluster DNS KubeOne configures.
// Defaults per ipFamily from kubermatic/kubeone pkg/apis/kubeone/v1beta2/defaults.go
// (SetDefaults_ClusterNetwork): IPv4 10.244.0.0/16 and 10.96.0.0/12 at node mask /24, IPv6 fd01::/48 and
// fd02::/120 at /64. KubeOne renders them into the kubeadm config it runs, so kubeadm's checks apply.

import type { Fact, Role } from '../../model';
import type { Family } from '../../net/addr';
import { dnsServiceAddress } from './clusterDns';
import { apiGroupOf, kindNode } from './componentConfig';
import type { ExtractContext, FieldSpec } from './context';
import type { Extractor } from './extractor';
import { NodeMaskOwner, nodeMaskSpec } from './nodeMask';
import { COMPONENT_CIDR, COMPONENT_IP } from './syntax';
import { endpointFacts } from './talos';
import { below } from './tree';
import { Node, getKeyNode, isScalarNode, mapEntries, scalarString } from '../yamlNode';

interface FamilyFields {
  readonly pods: string;
  readonly services: string;
  readonly mask: string;
  readonly defaults: { readonly pods: string; readonly services: string; readonly mask: string };
}

const FAMILY_FIELDS: Readonly<Record<Family, FamilyFields>> = {
  4: { pods: 'podSubnet', services: 'serviceSubnet', mask: 'nodeCIDRMaskSizeIPv4', defaults: { pods: '10.244.0.0/16', services: '10.96.0.0/12', mask: '24' } },
  6: { pods: 'podSubnetIPv6', services: 'serviceSubnetIPv6', mask: 'nodeCIDRMaskSizeIPv6', defaults: { pods: 'fd01::/48', services: 'fd02::/120', mask: '64' } },
};

/** NodeLocal DNSCache's address, which KubeOne gives the kubelets (pkg/templates/resources NodeLocalDNSVirtualIP). */
const NODE_LOCAL_DNS_ADDRESS = '169.254.20.10';

/** kubeone.k8c.io for v1beta2 and v1beta3, kubeone.io for v1beta1. */
const API_GROUPS = new Set(['kubeone.k8c.io', 'kubeone.io']);

/** The families of each `ipFamily` value; IPv4 when it is left out. */
const IP_FAMILIES: Readonly<Record<string, readonly Family[]>> = { IPv4: [4], IPv6: [6], 'IPv4+IPv6': [4, 6], 'IPv6+IPv4': [6, 4] };

export const kubeone: Extractor = {
  name: 'kubeone',
  triggers: ['KubeOneCluster'],
  extract(ctx) {
    if (ctx.ref.kind !== 'KubeOneCluster' || !API_GROUPS.has(apiGroupOf(ctx) ?? '')) return [];
    const network = ctx.get(['clusterNetwork']);
    const at = network ? getKeyNode(ctx.root, 'clusterNetwork', ctx.yaml) : kindNode(ctx);
    const ipFamily = scalarString(below(ctx, network, ['ipFamily']))?.trim() || 'IPv4';
    const cni = mapEntries(below(ctx, network, ['cni']), ctx.yaml)[0]?.[0] ?? 'canal';
    const hosts = hostFacts(ctx);
    const families = IP_FAMILIES[ipFamily] ?? [];
    const nodes = hosts.length + dynamicWorkers(ctx);
    const attributes = { ipFamily, cni, ...(nodes > 0 ? { nodes } : {}) };
    const ranges = families.flatMap((family) => familyFacts(ctx, network, family, attributes, at));
    const services = ranges.find((fact) => fact.role === 'service-network');
    return [...ranges, ...clusterDnsFacts(ctx, services, at), ...hosts, ...endpointFacts(ctx, ctx.get(['apiEndpoint', 'host']), 'KubeOne apiEndpoint.host', 'kubeone')];
  },
};

/**
 * The kubelet's clusterDNS as KubeOne configures it: NodeLocal DNSCache's link-local address while
 * features.nodeLocalDNS.deploy holds (defaults.go sets it true when nodeLocalDNS is left out; a
 * nodeLocalDNS map without `deploy` is false), else kubeadm's own, the tenth address of the first service subnet.
 */
function clusterDnsFacts(ctx: ExtractContext, services: Fact | undefined, at: Node | undefined): Fact[] {
  const nodeLocal = below(ctx, ctx.get(['features']), ['nodeLocalDNS']);
  const deployed = nodeLocal === undefined || isScalarNode(nodeLocal) || scalarString(below(ctx, nodeLocal, ['deploy']))?.trim() === 'true';
  // Else kubeadm's: the DNS Service's ClusterIP, KubeOne's NthServiceSubnetIP(10).
  const address = deployed ? NODE_LOCAL_DNS_ADDRESS : services && dnsServiceAddress(services);
  if (!address) return [];
  const fieldSpec: FieldSpec = { role: 'cluster-dns', component: 'kubeone', source: 'KubeOne kubelet clusterDNS', syntax: COMPONENT_IP, group: 'cluster', ...(deployed ? { attributes: { nodeLocalDNS: true } } : {}) };
  return [ctx.defaulted(address, fieldSpec, getKeyNode(ctx.get(['features']), 'nodeLocalDNS', ctx.yaml) ?? at)];
}

function spec(role: Role, source: string, attributes?: FieldSpec['attributes']): FieldSpec {
  return { role, component: 'kubeone', source: `KubeOne clusterNetwork.${source}`, syntax: COMPONENT_CIDR, group: 'cluster', ...(attributes ? { attributes } : {}) };
}

function familyFacts(ctx: ExtractContext, network: Node | undefined, family: Family, attributes: FieldSpec['attributes'], at: Node | undefined): Fact[] {
  const fields = FAMILY_FIELDS[family];
  const value = (field: string, fieldSpec: FieldSpec, fallback: string) => ctx.orDefault(ctx.scalar(below(ctx, network, [field]), fieldSpec), fallback, fieldSpec, at);
  const owner: NodeMaskOwner = { component: 'kubeone', group: 'cluster', label: () => `KubeOne clusterNetwork.${fields.mask}` };
  const maskSpec = nodeMaskSpec(owner, family === 4 ? 'node-cidr-mask-size-ipv4' : 'node-cidr-mask-size-ipv6');
  return [
    ...value(fields.pods, spec('pod-network', fields.pods, attributes), fields.defaults.pods),
    ...value(fields.services, spec('service-network', fields.services), fields.defaults.services),
    ...value(fields.mask, maskSpec, fields.defaults.mask),
  ];
}

/** controlPlane.hosts and staticWorkers.hosts: privateAddress, else publicAddress (defaults.go fills each from the other). */
function hostFacts(ctx: ExtractContext): Fact[] {
  const hosts = [...ctx.items(ctx.get(['controlPlane', 'hosts'])), ...ctx.items(ctx.get(['staticWorkers', 'hosts']))];
  return hosts.flatMap((host, index) => {
    const key = below(ctx, host, ['privateAddress']) ? 'privateAddress' : 'publicAddress';
    const node = below(ctx, host, [key]);
    const text = scalarString(node)?.trim();
    if (!text) return [];
    return ctx
      .scalar(node, { role: 'node-address', component: 'kubeone', source: `KubeOne hosts[].${key}`, syntax: COMPONENT_IP, group: 'nodes', attributes: { host: scalarString(below(ctx, host, ['hostname']))?.trim() || `${index}:${text}` } })
      .filter((fact) => fact.value.kind === 'address' || fact.value.kind === 'template');
  });
}

/** The machines machine-controller creates for dynamicWorkers[].replicas. */
function dynamicWorkers(ctx: ExtractContext): number {
  return ctx.items(ctx.get(['dynamicWorkers'])).reduce((sum, pool) => {
    const replicas = Number(scalarString(below(ctx, pool, ['replicas']))?.trim());
    return sum + (Number.isInteger(replicas) && replicas > 0 ? replicas : 0);
  }, 0);
}
