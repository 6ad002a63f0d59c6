// Extractor: OpenShift / OKD cluster networking, in the three places it is written:
//   - `install-config.yaml` (apiVersion v1, no kind; openshift/installer pkg/types/installconfig.go),
//     standalone or as the `install-config.yaml` value of a Secret or ConfigMap (Hive, the agent-based
//     installer's ZTP manifests): networking.clusterNetwork[].cidr/hostPrefix, serviceNetwork[],
//     machineNetwork[].cidr, networkType, ovnKubernetesConfig.ipv4.internalJoinSubnet, and the replicas of
//     controlPlane and compute (the nodes the cluster is built with);
//   - the `Network.config.openshift.io` object `cluster` (spec.clusterNetwork, serviceNetwork, networkType);
//   - the `Network.operator.openshift.io` object `cluster`, where OVN-Kubernetes' internal subnets are
//     moved after installation (spec.defaultNetwork.ovnKubernetesConfig ipv4/ipv6 internalJoinSubnet,
//     internalTransitSwitchSubnet, gatewayConfig ipv4/ipv6 internalMasqueradeSubnet);
//   - the agent-based and assisted installers' objects: `AgentClusterInstall`
//     (extensions.hive.openshift.io, spec.networking as in install-config, written values only: the
//     assisted service fills the rest; OVN-Kubernetes' internal subnets when it names that type) and `AgentConfig` / `NMStateConfig` (the hosts' static addresses,
//     nmstate `interfaces[].ipv4/ipv6.address[].ip` with the subnet their `prefix-length` says, and the
//     rendezvous host; also the kindless v1alpha1 agent-config.yaml of the first releases).
// The API and ingress VIPs (install-config platform.<name>.apiVIPs/ingressVIPs and the singular
// pre-4.12 fields, AgentClusterInstall spec.apiVIPs/ingressVIPs) are node addresses: they live in the
// machine network, and a load-balancer pool or a cluster range holding one takes the API or the
// routers off the network.
//
// The installer's defaults (pkg/types/defaults/installconfig.go) are facts on the install-config when
// the lists are absent: machine network 10.0.0.0/16, service network 172.30.0.0/16, cluster network
// 10.128.0.0/14 with hostPrefix 23, networkType OVNKubernetes (since 4.12). hostPrefix is the node mask:
// OVN-Kubernetes gives each node one /hostPrefix of its entry. OpenShift's kubelets run with maxPods
// 250 (the machine-config operator's kubelet template), a default fact too, and so is the cluster DNS,
// the tenth address of the first service network (see clusterDnsFacts). The machine network is the
// node network, and openshift-install refuses any overlap of the three networks (pkg/types/validation/installconfig.go:
// "cluster network must not overlap with any of the machine networks", "service network must not overlap
// with any of the machine networks"), so node-network facts say `overlap: 'rejected'`.
//
// OVN-Kubernetes keeps three ranges for itself on every node (OpenShift docs, "Configuring OVN-Kubernetes
// internal IP address subnets"): the join subnet 100.64.0.0/16 (IPv6 fd98::/64), the transit switch
// subnet 100.88.0.0/16 (fd97::/64) and the masquerade subnet 169.254.0.0/17 (fd69::/112, the default of
// clusters installed at 4.17 or later). They are `internal-network` facts: defaults on the install-config
// of an OVN-Kubernetes cluster, and written values where install-config or the operator object sets them.

import type { Fact, Role } from '../../model';
import { documentKey } from '../../model';
import type { Family } from '../../net/addr';
import { dnsServiceAddress } from './clusterDns';
import { apiGroupOf } from './componentConfig';
import type { ExtractContext, FieldSpec } from './context';
import type { Extractor } from './extractor';
import { nodeMaskSpec, NodeMaskOwner, familiesOf } from './nodeMask';
import { GO_IP, INTEGER, K8S_STRICT_CIDR } from './syntax';
import { splitInterfaceAddressFacts } from './talos';
import { below } from './tree';
import { Node, getKeyNode, mapEntries, scalarString } from '../yamlNode';

const INSTALL_CONFIG_KEY = 'install-config.yaml';
const OVN_KUBERNETES = 'OVNKubernetes';
const RENDEZVOUS_IP = 'rendezvousIP';
/** The apiVersions of agent-config.yaml (openshift/installer pkg/types/agent AgentConfigVersion, and its predecessor). */
const AGENT_CONFIG_VERSIONS = ['v1alpha1', 'v1beta1'];

/** openshift/installer pkg/types/defaults/installconfig.go. */
const INSTALLER_DEFAULTS = {
  machineNetwork: '10.0.0.0/16',
  /** platform.libvirt's own default (pkg/types/libvirt/defaults). */
  libvirtMachineNetwork: '192.168.126.0/24',
  serviceNetwork: '172.30.0.0/16',
  clusterNetwork: '10.128.0.0/14',
  hostPrefix: '23',
  networkType: OVN_KUBERNETES,
  /** The installer's default pool sizes: three control-plane and three compute machines. */
  replicas: 3,
} as const;

/** The kubelet's maxPods on OpenShift nodes (the machine-config operator's kubelet.conf template), not upstream's 110. */
const OPENSHIFT_MAX_PODS = '250';

type OvnSubnet = 'join' | 'transit' | 'masquerade';

/** OVN-Kubernetes' internal subnets per family, as OpenShift documents their defaults. */
const OVN_INTERNAL_DEFAULTS: Readonly<Record<OvnSubnet, Readonly<Record<Family, string>>>> = {
  join: { 4: '100.64.0.0/16', 6: 'fd98::/64' },
  transit: { 4: '100.88.0.0/16', 6: 'fd97::/64' },
  masquerade: { 4: '169.254.0.0/17', 6: 'fd69::/112' },
};

/** Where the operator object writes each internal subnet, below spec.defaultNetwork.ovnKubernetesConfig. */
const OPERATOR_OVN_FIELDS: ReadonlyArray<{ subnet: OvnSubnet; family: Family; path: readonly string[] }> = [
  { subnet: 'join', family: 4, path: ['ipv4', 'internalJoinSubnet'] },
  { subnet: 'join', family: 6, path: ['ipv6', 'internalJoinSubnet'] },
  { subnet: 'transit', family: 4, path: ['ipv4', 'internalTransitSwitchSubnet'] },
  { subnet: 'transit', family: 6, path: ['ipv6', 'internalTransitSwitchSubnet'] },
  { subnet: 'masquerade', family: 4, path: ['gatewayConfig', 'ipv4', 'internalMasqueradeSubnet'] },
  { subnet: 'masquerade', family: 6, path: ['gatewayConfig', 'ipv6', 'internalMasqueradeSubnet'] },
];

export const openshift: Extractor = {
  name: 'openshift',
  triggers: ['baseDomain', 'config.openshift.io', 'operator.openshift.io', INSTALL_CONFIG_KEY, 'AgentClusterInstall', 'AgentConfig', 'NMStateConfig', RENDEZVOUS_IP],
  extract(ctx) {
    if (isInstallConfig(ctx)) return installConfigFacts(ctx);
    if (ctx.ref.kind === 'AgentClusterInstall' && apiGroupOf(ctx) === 'extensions.hive.openshift.io') return agentClusterInstallFacts(ctx);
    if (isAgentConfig(ctx) || (ctx.ref.kind === 'NMStateConfig' && apiGroupOf(ctx) === 'agent-install.openshift.io')) return agentHostFacts(ctx);
    if (ctx.ref.kind === 'Network' && apiGroupOf(ctx) === 'config.openshift.io') return networkConfigFacts(ctx);
    if (ctx.ref.kind === 'Network' && apiGroupOf(ctx) === 'operator.openshift.io') return operatorFacts(ctx);
    if (ctx.ref.kind === 'Secret' || ctx.ref.kind === 'ConfigMap') return embeddedInstallConfigs(ctx).flatMap(installConfigFacts);
    return [];
  },
};

/** An install-config: `apiVersion: v1`, no kind, a `baseDomain` and a `networking` or `platform` section. */
function isInstallConfig(ctx: ExtractContext): boolean {
  const keys = new Set(mapEntries(ctx.root, ctx.yaml).map(([key]) => key));
  return !keys.has('kind') && keys.has('baseDomain') && (keys.has('networking') || keys.has('platform'));
}

/**
 * An agent-config.yaml: kind AgentConfig, or the kindless `apiVersion: v1alpha1` (or v1beta1) files of
 * the first agent-based installer releases with a rendezvousIP. The installer reads agent-config.yaml by
 * its file name and never checks kind (pkg/asset/agent/agentconfig, yaml.UnmarshalStrict into
 * agent.Config), and converts v1alpha1 to v1beta1 (pkg/types/conversion/agentconfig.go).
 */
function isAgentConfig(ctx: ExtractContext): boolean {
  if (ctx.ref.kind === 'AgentConfig') return true;
  const keys = new Set(mapEntries(ctx.root, ctx.yaml).map(([key]) => key));
  return !keys.has('kind') && keys.has(RENDEZVOUS_IP) && AGENT_CONFIG_VERSIONS.includes(scalarString(ctx.get(['apiVersion']))?.trim() ?? '');
}

function embeddedInstallConfigs(ctx: ExtractContext): ExtractContext[] {
  return ['data', 'stringData'].flatMap((section) =>
    mapEntries(ctx.get([section]), ctx.yaml)
      .filter(([key]) => key === INSTALL_CONFIG_KEY)
      .flatMap(([, value]) => ctx.embedded(value))
      .filter(isInstallConfig),
  );
}

function spec(role: Role, source: string, attributes?: FieldSpec['attributes']): FieldSpec {
  return { role, component: 'openshift', source, syntax: role === 'node-mask' || role === 'max-pods' ? INTEGER : K8S_STRICT_CIDR, group: 'cluster', ...(attributes ? { attributes } : {}) };
}

function installConfigFacts(ctx: ExtractContext): Fact[] {
  const networking = ctx.get(['networking']);
  const anchor = getKeyNode(ctx.root, 'networking', ctx.yaml) ?? getKeyNode(ctx.root, 'baseDomain', ctx.yaml);
  const networkTypeNode = below(ctx, networking, ['networkType']);
  const networkType = scalarString(networkTypeNode)?.trim() || INSTALLER_DEFAULTS.networkType;
  const nodes = declaredNodes(ctx);
  const clusterNetwork = clusterNetworkFacts(ctx, below(ctx, networking, ['clusterNetwork']), 'OpenShift networking.clusterNetwork', { networkType, nodes }, anchor);
  const services = listOrDefault(ctx, below(ctx, networking, ['serviceNetwork']), spec('service-network', 'OpenShift networking.serviceNetwork'), INSTALLER_DEFAULTS.serviceNetwork, anchor);
  const machines = machineNetworkFacts(ctx, networking, anchor);
  const pods = clusterNetwork.filter((fact) => fact.role === 'pod-network');
  const internal = networkType === OVN_KUBERNETES ? ovnInstallConfigFacts(ctx, networking, [...pods, ...services], networkTypeNode ?? anchor) : [];
  const maxPods = ctx.defaulted(OPENSHIFT_MAX_PODS, spec('max-pods', 'OpenShift kubelet maxPods'), anchor);
  const vips = mapEntries(ctx.get(['platform']), ctx.yaml).flatMap(([name, platform]) => vipFacts(ctx, platform, `OpenShift platform.${name}`));
  return [...clusterNetwork, ...services, ...clusterDnsFacts(ctx, services[0], getKeyNode(networking, 'serviceNetwork', ctx.yaml) ?? anchor), ...machines, ...internal, maxPods, ...vips];
}

/**
 * The cluster DNS: the DNS operator gives the DNS Service the tenth address of the first service network
 * (openshift/cluster-dns-operator pkg/operator/controller/controller.go, getClusterIPFromNetworkConfig:
 * cidr.Host(serviceNetwork[0], 10)), and the kubelets are pointed at it.
 */
function clusterDnsFacts(ctx: ExtractContext, services: Fact | undefined, at: Node | undefined): Fact[] {
  const address = services && dnsServiceAddress(services);
  return address ? [ctx.defaulted(address, { ...spec('cluster-dns', 'OpenShift kubelet clusterDNS'), syntax: GO_IP }, at)] : [];
}

/** The API and ingress VIPs of a platform section (or an AgentClusterInstall spec): the list fields, else the singular ones. */
function vipFacts(ctx: ExtractContext, section: Node | undefined, label: string): Fact[] {
  const written = (field: string) => ctx.list(below(ctx, section, [field]), { role: 'node-address', component: 'openshift', source: `${label}.${field}`, syntax: GO_IP, group: 'nodes', attributes: { vip: true } });
  const api = written('apiVIPs');
  const ingress = written('ingressVIPs');
  return [...(api.length > 0 ? api : written('apiVIP')), ...(ingress.length > 0 ? ingress : written('ingressVIP'))];
}

/** AgentClusterInstall: the networks as written (no installer defaults: the assisted service computes them) and the VIPs. */
function agentClusterInstallFacts(ctx: ExtractContext): Fact[] {
  const specNode = ctx.get(['spec']);
  const networking = below(ctx, specNode, ['networking']);
  const networkType = scalarString(below(ctx, networking, ['networkType']))?.trim();
  const pods = clusterNetworkFacts(ctx, below(ctx, networking, ['clusterNetwork']), 'OpenShift AgentClusterInstall spec.networking.clusterNetwork', networkType ? { networkType } : undefined);
  const services = ctx.list(below(ctx, networking, ['serviceNetwork']), spec('service-network', 'OpenShift AgentClusterInstall spec.networking.serviceNetwork'));
  const clusterRanges = [...pods.filter((fact) => fact.role === 'pod-network'), ...services];
  const internal = networkType === OVN_KUBERNETES ? ovnInstallConfigFacts(ctx, networking, clusterRanges, below(ctx, networking, ['networkType'])) : [];
  return [...pods, ...services, ...machineNetworkFacts(ctx, networking, undefined, 'OpenShift AgentClusterInstall spec.networking'), ...internal, ...vipFacts(ctx, specNode, 'OpenShift AgentClusterInstall spec')];
}

/**
 * AgentConfig (agent-config.yaml) and NMStateConfig: each host's static addresses in nmstate form, one
 * node per host (its hostname, else its first address), and the rendezvous host's address. An nmstate
 * address is `ip` with its `prefix-length`, so it says the node lives in that subnet: a node address and
 * a node network, as Talos' interface addresses are.
 */
function agentHostFacts(ctx: ExtractContext): Fact[] {
  const nmstateAddresses = (config: Node | undefined) =>
    ctx.items(below(ctx, config, ['interfaces'])).flatMap((iface) => ['ipv4', 'ipv6'].flatMap((family) => ctx.items(below(ctx, iface, [family, 'address'])))).filter((entry) => below(ctx, entry, ['ip']) !== undefined);
  const hostFacts = (entries: readonly Node[], source: string, named: string | undefined) => {
    const host = named || scalarString(below(ctx, entries[0], ['ip']))?.trim() || documentKey(ctx.ref);
    return entries.flatMap((entry) => splitInterfaceAddressFacts(ctx, below(ctx, entry, ['ip']), below(ctx, entry, ['prefix-length']), { component: 'openshift', source, host }));
  };
  if (ctx.ref.kind === 'NMStateConfig') return hostFacts(nmstateAddresses(ctx.get(['spec', 'config'])), 'OpenShift NMStateConfig spec.config.interfaces[].address[].ip', ctx.ref.name);
  const hosts = ctx.items(ctx.get(['hosts'])).flatMap((hostNode) =>
    hostFacts(nmstateAddresses(below(ctx, hostNode, ['networkConfig'])), 'OpenShift AgentConfig hosts[].networkConfig.interfaces[].address[].ip', scalarString(below(ctx, hostNode, ['hostname']))?.trim()),
  );
  const rendezvous = ctx.scalar(ctx.get([RENDEZVOUS_IP]), { role: 'node-address', component: 'openshift', source: 'OpenShift AgentConfig rendezvousIP', syntax: GO_IP, group: 'nodes' });
  return [...rendezvous, ...hosts];
}

/** The machines openshift-install creates: controlPlane.replicas plus every compute pool's, 3 each by default. */
function declaredNodes(ctx: ExtractContext): number {
  const replicas = (node: Node | undefined) => {
    const value = Number(scalarString(below(ctx, node, ['replicas']))?.trim());
    return Number.isInteger(value) && value >= 0 ? value : INSTALLER_DEFAULTS.replicas;
  };
  const compute = ctx.items(ctx.get(['compute']));
  const workers = compute.length > 0 ? compute.reduce((sum, pool) => sum + replicas(pool), 0) : INSTALLER_DEFAULTS.replicas;
  return replicas(ctx.get(['controlPlane'])) + workers;
}

/**
 * One pod-network fact per `clusterNetwork` entry, and its hostPrefix as that entry's node mask (the
 * `entry` attribute pairs them). Without the list, the installer's default entry, on `anchor`.
 */
function clusterNetworkFacts(ctx: ExtractContext, list: Node | undefined, label: string, attributes: FieldSpec['attributes'], anchor?: Node): Fact[] {
  const entries = ctx.items(list);
  if (entries.length === 0 && anchor) {
    const pods = ctx.defaulted(INSTALLER_DEFAULTS.clusterNetwork, spec('pod-network', `${label}[].cidr`, { ...attributes, entry: 0 }), anchor);
    return [pods, ...hostPrefixFacts(ctx, undefined, pods, label, 0, anchor)];
  }
  return entries.flatMap((entry, index) => {
    const pods = ctx.scalar(below(ctx, entry, ['cidr']), spec('pod-network', `${label}[].cidr`, { ...attributes, entry: index }));
    return [...pods, ...pods.flatMap((pod) => hostPrefixFacts(ctx, below(ctx, entry, ['hostPrefix']), pod, label, index))];
  });
}

function hostPrefixFacts(ctx: ExtractContext, node: Node | undefined, pods: Fact, label: string, entry: number, defaultAt?: Node): Fact[] {
  const family = familiesOf([pods])[0];
  if (family === undefined) return [];
  const owner: NodeMaskOwner = { component: 'openshift', group: 'cluster', label: () => `${label}[].hostPrefix`, attributes: { entry, hostPrefix: true } };
  const maskSpec = nodeMaskSpec(owner, family === 4 ? 'node-cidr-mask-size-ipv4' : 'node-cidr-mask-size-ipv6');
  if (node) return ctx.scalar(node, maskSpec);
  return defaultAt ? [ctx.defaulted(INSTALLER_DEFAULTS.hostPrefix, maskSpec, defaultAt)] : [];
}

function listOrDefault(ctx: ExtractContext, node: Node | undefined, fieldSpec: FieldSpec, fallback: string, anchor: Node | undefined): Fact[] {
  const facts = ctx.list(node, fieldSpec);
  return facts.length > 0 || !anchor ? facts : [ctx.defaulted(fallback, fieldSpec, anchor)];
}

/** machineNetwork[].cidr, or the pre-4.4 `machineCIDR`, or the installer's default for the platform. */
function machineNetworkFacts(ctx: ExtractContext, networking: Node | undefined, anchor: Node | undefined, label = 'OpenShift networking'): Fact[] {
  const nodeSpec = (source: string) => spec('node-network', source, { overlap: 'rejected' });
  const listed = ctx.items(below(ctx, networking, ['machineNetwork'])).flatMap((entry) => ctx.scalar(below(ctx, entry, ['cidr']), nodeSpec(`${label}.machineNetwork[].cidr`)));
  if (listed.length > 0) return listed;
  const legacy = ctx.scalar(below(ctx, networking, ['machineCIDR']), nodeSpec(`${label}.machineCIDR`));
  if (legacy.length > 0 || !anchor) return legacy;
  const libvirt = below(ctx, ctx.get(['platform']), ['libvirt']) !== undefined;
  return [ctx.defaulted(libvirt ? INSTALLER_DEFAULTS.libvirtMachineNetwork : INSTALLER_DEFAULTS.machineNetwork, nodeSpec('OpenShift networking.machineNetwork[].cidr'), anchor)];
}

function ovnSpec(subnet: OvnSubnet, source: string): FieldSpec {
  return { role: 'internal-network', component: 'ovn-kubernetes', source, syntax: K8S_STRICT_CIDR, group: 'ovn-kubernetes', attributes: { internal: `ovn-${subnet}` } };
}

/**
 * OVN-Kubernetes' internal subnets for the families the cluster has: the join subnet install-config
 * may set (IPv4 only), the rest OVN-Kubernetes' defaults, placed on `networkType`.
 */
function ovnInstallConfigFacts(ctx: ExtractContext, networking: Node | undefined, clusterRanges: readonly Fact[], at: Node | undefined): Fact[] {
  const families = familiesOf(clusterRanges);
  const writtenJoin = ctx.scalar(below(ctx, networking, ['ovnKubernetesConfig', 'ipv4', 'internalJoinSubnet']), ovnSpec('join', 'OpenShift networking.ovnKubernetesConfig.ipv4.internalJoinSubnet'));
  const facts: Fact[] = [...writtenJoin];
  for (const family of families.length > 0 ? families : ([4] as Family[])) {
    for (const subnet of Object.keys(OVN_INTERNAL_DEFAULTS) as OvnSubnet[]) {
      if (subnet === 'join' && family === 4 && writtenJoin.length > 0) continue;
      facts.push(ctx.defaulted(OVN_INTERNAL_DEFAULTS[subnet][family], ovnSpec(subnet, `OVN-Kubernetes ${subnet} subnet`), at));
    }
  }
  return facts;
}

/** The cluster Network config object: what the installer wrote, so no defaults. */
function networkConfigFacts(ctx: ExtractContext): Fact[] {
  const specNode = ctx.get(['spec']);
  const networkType = scalarString(below(ctx, specNode, ['networkType']))?.trim();
  const label = 'OpenShift Network.config spec.clusterNetwork';
  const pods = clusterNetworkFacts(ctx, below(ctx, specNode, ['clusterNetwork']), label, networkType ? { networkType } : undefined);
  const services = ctx.list(below(ctx, specNode, ['serviceNetwork']), spec('service-network', 'OpenShift Network.config spec.serviceNetwork'));
  return [...pods, ...services];
}

/** The cluster network operator's object: the internal subnets it was told to move. */
function operatorFacts(ctx: ExtractContext): Fact[] {
  const ovn = ctx.get(['spec', 'defaultNetwork', 'ovnKubernetesConfig']);
  return OPERATOR_OVN_FIELDS.flatMap(({ subnet, path }) => ctx.scalar(below(ctx, ovn, path), ovnSpec(subnet, `OpenShift Network.operator ovnKubernetesConfig.${path.join('.')}`)));
}
