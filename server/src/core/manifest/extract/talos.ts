// Extractor: Talos Linux machine configuration (siderolabs/talos pkg/machinery/config), in the shapes a
// repository holds it:
//   - a whole v1alpha1 machine config (`talosctl gen config` output: `version: v1alpha1`, `machine`,
//     `cluster`, no apiVersion or kind), and the multi-document configs of Talos ≥ 1.12 beside it;
//   - a config patch: a strategic-merge fragment of that tree (`cluster:`/`machine:` and nothing else at
//     the root) or a JSON 6902 list of `op`/`path`/`value` operations on it, standalone or inside the
//     Cluster API provider's TalosControlPlane/TalosConfig(Template) (`strategicPatches`, `configPatches`),
//     in Sidero Metal's Server and ServerClass (`spec.configPatches`)
//     or an Omni cluster template (`kind: Cluster`, `ControlPlane`, `Workers`, `Machine` without
//     apiVersion, `patches[].inline`);
//   - the multi-document kinds (apiVersion `v1alpha1`): KubeNetworkConfig (dnsDomain, podSubnets,
//     serviceSubnets, nodeCIDRMaskSizeIPv4/IPv6), KubeletConfig (clusterDNS), KubeNodeConfig
//     (nodeIP.validSubnets), the link kinds (LinkConfig, VLANConfig, BondConfig… `addresses[].address`)
//     and Layer2VIPConfig (`name` is the shared address).
// Read from the v1alpha1 tree: cluster.network.podSubnets, serviceSubnets, cni.name,
// cluster.controlPlane.endpoint, cluster.controllerManager.extraArgs (node masks),
// machine.kubelet.clusterDNS, machine.kubelet.extraConfig.maxPods (or extraArgs max-pods),
// machine.kubelet.nodeIP.validSubnets and cluster.etcd.advertisedSubnets
// (the networks the kubelet and etcd pick the node's address from; `!`-prefixed entries exclude, they
// are not networks), machine.network.interfaces[] (and their vlans[]) addresses and vip.ip.
//
// Defaults, on a whole machine config only (a patch changes what it names and nothing else), from
// pkg/machinery/constants/constants.go and v1alpha1_clusterconfig.go: pods 10.244.0.0/16, services
// 10.96.0.0/12 (PodCIDRs()/ServiceCIDRs() when the lists are empty), CNI flannel, node masks /24 and /64
// (DefaultNodeCIDRMaskSizeIPv4/IPv6: Talos passes --node-cidr-mask-size-ipv4/-ipv6 to
// kube-controller-manager for each pod family, and controllerManager.extraArgs override them). The
// kubelet's cluster DNS is the tenth address after the start of each service subnet
// (pkg/machinery/resources/k8s DNSServiceAddrs) unless machine.kubelet.clusterDNS is set.
//
// Talos parses subnets with Go's netip.ParsePrefix (strict, host bits kept and masked by the
// components) and validSubnets with ParseSubnetOrAddress (a bare address is a /32 or /128).
// An interface address (`192.168.1.10/24`) is the node's address and says the node lives in
// 192.168.1.0/24: a node-address fact and a node-network fact of the masked subnet. Talos warns at run
// time when the host's routed addresses overlap the pod or service subnets ("host and Kubernetes
// pod/service CIDR addresses overlap", internal/app/machined/pkg/controllers/runtime/internal/
// diagnostics/address_overlap.go), range-overlap's node-network case.

import type { Component, Fact, FactValue, Role } from '../../model';
import { documentKey } from '../../model';
import { bitsOf } from '../../net/addr';
import { masked, prefixToRange } from '../../net/prefix';
import { dnsServiceAddress } from './clusterDns';
import { kindNode } from './componentConfig';
import type { ExtractContext, FieldSpec } from './context';
import type { Extractor } from './extractor';
import { NODE_MASK_FLAGS, NodeMaskOwner, defaultNodeMasks, nodeMaskSpec } from './nodeMask';
import { GO_IP, GO_MASKING_CIDR, INTEGER, TALOS_SUBNET_OR_ADDRESS } from './syntax';
import { below } from './tree';
import { parseFieldValue } from '../value';
import { Node, getKeyNode, isScalarNode, mapEntries, scalarString } from '../yamlNode';

/** pkg/machinery/constants: the defaults a whole machine config gets (IPv4; IPv6 where a tool picks it). */
export const TALOS_DEFAULTS = {
  podSubnet: { 4: '10.244.0.0/16', 6: 'fc00:db8:10::/56' },
  serviceSubnet: { 4: '10.96.0.0/12', 6: 'fc00:db8:20::/112' },
  cni: 'flannel',
} as const;


const MACHINE_CONFIG_ROOT_KEYS = ['version', 'debug', 'persist', 'machine', 'cluster'];
const MULTI_DOC_API_VERSION = 'v1alpha1';
const LINK_KINDS = ['LinkConfig', 'VLANConfig', 'BondConfig', 'BridgeConfig', 'DummyLinkConfig', 'VethConfig', 'VRFConfig', 'WireguardConfig'];
const CAPI_TALOS_KINDS = ['TalosControlPlane', 'TalosConfig', 'TalosConfigTemplate', 'Server', 'ServerClass'];
const CAPI_TALOS_GROUPS = ['controlplane.cluster.x-k8s.io', 'bootstrap.cluster.x-k8s.io', 'metal.sidero.dev'];
/** Sidero Omni cluster template documents (omnictl cluster template), which carry no apiVersion. */
const OMNI_TEMPLATE_KINDS = ['Cluster', 'ControlPlane', 'Workers', 'Machine'];

export const talos: Extractor = {
  name: 'talos',
  triggers: ['machine:', 'configPatches', 'controlPlane:', 'node-cidr-mask-size', 'podSubnets', 'serviceSubnets', 'validSubnets', 'advertisedSubnets', 'maxPods', 'max-pods', '/cluster/', '/machine/', 'KubeNetworkConfig', 'KubeletConfig', 'KubeNodeConfig', 'VIPConfig', ...LINK_KINDS, 'TalosC'],
  extract(ctx) {
    const kind = scalarString(ctx.get(['kind']));
    const apiVersion = scalarString(ctx.get(['apiVersion']));
    if (kind !== undefined && apiVersion === MULTI_DOC_API_VERSION) return multiDocFacts(ctx, kind);
    if (kind !== undefined && CAPI_TALOS_KINDS.includes(kind) && CAPI_TALOS_GROUPS.some((g) => apiVersion?.startsWith(`${g}/`))) return capiPatchFacts(ctx);
    if (kind !== undefined && apiVersion === undefined && OMNI_TEMPLATE_KINDS.includes(kind)) return omniPatchFacts(ctx, kind);
    if (kind !== undefined || apiVersion !== undefined) return [];
    const tree = jsonPatchTree(ctx, ctx.root) ?? mergeTree(ctx, ctx.root);
    if (!tree) return [];
    const complete = tree.kind === 'merge' && scalarString(below(ctx, ctx.root, ['version']))?.trim() === 'v1alpha1';
    return machineConfigFacts(ctx, tree, { complete, label: 'Talos', at: getKeyNode(ctx.root, 'cluster', ctx.yaml) ?? getKeyNode(ctx.root, 'machine', ctx.yaml) });
  },
};

/**
 * A v1alpha1 machine config tree as one document states it: a strategic-merge fragment (the tree
 * itself) or JSON 6902 operations on it. `node` is what the document sets at a path; `appended` are
 * single items a JSON patch adds to the list at a path (`/cluster/network/podSubnets/-`).
 */
export interface TalosTree {
  readonly kind: 'merge' | 'json-patch';
  node(path: readonly string[]): Node | undefined;
  appended(path: readonly string[]): Node[];
}

/** The document as a strategic-merge tree, when its root holds only machine config keys. */
export function mergeTree(ctx: ExtractContext, root: Node | undefined): TalosTree | undefined {
  const keys = mapEntries(root, ctx.yaml).map(([key]) => key);
  if (keys.length === 0 || !keys.every((key) => MACHINE_CONFIG_ROOT_KEYS.includes(key)) || !(keys.includes('machine') || keys.includes('cluster'))) return undefined;
  return { kind: 'merge', node: (path) => below(ctx, root, path), appended: () => [] };
}

interface PatchOperation {
  readonly segments: readonly string[];
  readonly value: Node;
}

/** The document as JSON 6902 operations on the machine config: `add` and `replace` with a value. */
export function jsonPatchTree(ctx: ExtractContext, root: Node | undefined): TalosTree | undefined {
  const operations: PatchOperation[] = [];
  for (const item of ctx.items(root)) {
    const op = scalarString(below(ctx, item, ['op']))?.trim();
    const path = scalarString(below(ctx, item, ['path']))?.trim();
    const value = below(ctx, item, ['value']);
    if (!path?.startsWith('/machine') && !path?.startsWith('/cluster')) continue;
    if ((op === 'add' || op === 'replace') && value) operations.push({ segments: path.split('/').slice(1).map(decodePointerSegment), value });
  }
  if (operations.length === 0) return undefined;
  const startsWith = (path: readonly string[], prefix: readonly string[]) => prefix.length <= path.length && prefix.every((segment, i) => segment === path[i]);
  return {
    kind: 'json-patch',
    node(path) {
      // The last operation that reaches the path wins, as the patches apply in order.
      for (let i = operations.length - 1; i >= 0; i--) {
        const { segments, value } = operations[i];
        if (startsWith(path, segments)) return below(ctx, value, path.slice(segments.length));
      }
      return undefined;
    },
    appended: (path) =>
      operations.filter(({ segments }) => segments.length === path.length + 1 && startsWith(segments, path) && /^(-|\d+)$/.test(segments[path.length])).map(({ value }) => value),
  };
}

function decodePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export interface MachineConfigOptions {
  /** A whole machine config gets Talos' defaults for what it leaves out; a patch does not. */
  readonly complete: boolean;
  /** How sources are named: `Talos` for machine configs, `talhelper patches` inside a talconfig. */
  readonly label: string;
  readonly at: Node | undefined;
  /** The node a patch belongs to (a talhelper node's own patches); else the machine's hostname or first address names it. */
  readonly host?: string;
}

function spec(role: Role, source: string, syntax: FieldSpec['syntax'], group: string, attributes?: FieldSpec['attributes']): FieldSpec {
  return { role, component: 'talos', source, syntax, group, ...(attributes ? { attributes } : {}) };
}

/** The facts of a v1alpha1 machine config or patch. */
export function machineConfigFacts(ctx: ExtractContext, tree: TalosTree, options: MachineConfigOptions): Fact[] {
  const { label, at, complete } = options;
  const cni = scalarString(tree.node(['cluster', 'network', 'cni', 'name']))?.trim() || (complete ? TALOS_DEFAULTS.cni : undefined);
  const attributes = cni ? { cni } : undefined;
  const podSpec = spec('pod-network', `${label} cluster.network.podSubnets`, GO_MASKING_CIDR, 'cluster', attributes);
  const serviceSpec = spec('service-network', `${label} cluster.network.serviceSubnets`, GO_MASKING_CIDR, 'cluster', attributes);
  const pods = ctx.orDefault(treeList(ctx, tree, ['cluster', 'network', 'podSubnets'], podSpec), complete ? TALOS_DEFAULTS.podSubnet[4] : undefined, podSpec, at);
  const services = ctx.orDefault(treeList(ctx, tree, ['cluster', 'network', 'serviceSubnets'], serviceSpec), complete ? TALOS_DEFAULTS.serviceSubnet[4] : undefined, serviceSpec, at);
  const dns = treeList(ctx, tree, ['machine', 'kubelet', 'clusterDNS'], spec('cluster-dns', `${label} machine.kubelet.clusterDNS`, GO_IP, 'cluster'));
  const maxPods = kubeletMaxPods(ctx, tree.node(['machine', 'kubelet']), `${label} machine.kubelet.`);
  const masks = nodeMasks(ctx, mapEntries(tree.node(['cluster', 'controllerManager', 'extraArgs']), ctx.yaml), pods, label, 'cluster.controllerManager.extraArgs', at);
  const host = options.host || machineHost(ctx, tree);
  return [
    ...pods,
    ...services,
    ...(dns.length > 0 ? dns : clusterDnsDefaults(ctx, services, `${label} machine.kubelet.clusterDNS`, at)),
    ...masks,
    ...maxPods,
    ...validSubnetFacts(ctx, tree.node(['machine', 'kubelet', 'nodeIP', 'validSubnets']), tree.appended(['machine', 'kubelet', 'nodeIP', 'validSubnets']), `${label} machine.kubelet.nodeIP.validSubnets`),
    ...validSubnetFacts(ctx, tree.node(['cluster', 'etcd', 'advertisedSubnets']), tree.appended(['cluster', 'etcd', 'advertisedSubnets']), `${label} cluster.etcd.advertisedSubnets`),
    ...[...ctx.items(tree.node(['machine', 'network', 'interfaces'])), ...tree.appended(['machine', 'network', 'interfaces'])].flatMap((device) => deviceFacts(ctx, device, `${label} machine.network.interfaces[]`, host)),
    ...endpointFacts(ctx, tree.node(['cluster', 'controlPlane', 'endpoint']), `${label} cluster.controlPlane.endpoint`),
  ];
}

/** A list field of the tree: the list it sets, or the items a JSON patch appends to it. */
function treeList(ctx: ExtractContext, tree: TalosTree, path: readonly string[], fieldSpec: FieldSpec): Fact[] {
  const listed = ctx.list(tree.node(path), fieldSpec);
  return listed.length > 0 ? listed : tree.appended(path).flatMap((item) => ctx.scalar(item, fieldSpec));
}

/** The kubelet's cluster DNS addresses Talos derives, one per service subnet that holds a tenth address. */
export function clusterDnsDefaults(ctx: ExtractContext, services: readonly Fact[], source: string, at: Node | undefined): Fact[] {
  return services.flatMap((service) => {
    // DNSServiceAddrs: the cluster DNS Service takes the tenth address after the service subnet's start.
    const address = dnsServiceAddress(service);
    return address ? [ctx.defaulted(address, spec('cluster-dns', source, GO_IP, 'cluster'), at)] : [];
  });
}

/** Masks written as controller-manager extra args (a string, or a list whose first item counts), and Talos' defaults for the pod families left. */
export function nodeMasks(ctx: ExtractContext, args: ReadonlyArray<[string, Node | undefined, Node]>, pods: readonly Fact[], label: string, field: string, at: Node | undefined): Fact[] {
  const owner: NodeMaskOwner = { component: 'talos', group: 'cluster', label: (flag) => `${label} ${field} ${flag}` };
  const byFlag = new Map(args.map(([key, value]) => [key.replace(/^--/, ''), isScalarNode(value) ? value : ctx.items(value)[0]] as const));
  const set = NODE_MASK_FLAGS.filter((flag) => byFlag.has(flag));
  const written = set.flatMap((flag) => ctx.scalar(byFlag.get(flag), { ...nodeMaskSpec(owner, flag), syntax: INTEGER }));
  return [...written, ...defaultNodeMasks(ctx, owner, pods, new Set(set), at)];
}

/**
 * The kubelet's maxPods as Talos passes it: `extraConfig.maxPods` (merged into the KubeletConfiguration)
 * or the `max-pods` extra argument, which wins as a command-line flag does.
 */
function kubeletMaxPods(ctx: ExtractContext, kubelet: Node | undefined, prefix: string): Fact[] {
  const flag = ctx.scalar(below(ctx, kubelet, ['extraArgs', 'max-pods']), spec('max-pods', `${prefix}extraArgs max-pods`, INTEGER, 'cluster'));
  return flag.length > 0 ? flag : ctx.scalar(below(ctx, kubelet, ['extraConfig', 'maxPods']), spec('max-pods', `${prefix}extraConfig.maxPods`, INTEGER, 'cluster'));
}

/**
 * validSubnets entries are networks the node's address is picked from; `!` entries exclude and are
 * skipped. A filter may be wider than the node LAN (a site's whole IPv6 prefix, pods and services
 * carved from it), so its facts say `selectsNodeAddress` and range-overlap treats them as such.
 */
function validSubnetFacts(ctx: ExtractContext, list: Node | undefined, appended: readonly Node[], source: string): Fact[] {
  const items = [...(isScalarNode(list) ? [list] : ctx.items(list)), ...appended];
  return items
    .filter((item) => !scalarString(item)?.trim().startsWith('!'))
    .flatMap((item) => ctx.scalar(item, spec('node-network', source, TALOS_SUBNET_OR_ADDRESS, 'nodes', { selectsNodeAddress: true })));
}

/** The node an interface address belongs to: the machine's hostname, else its first interface address. */
function machineHost(ctx: ExtractContext, tree: TalosTree): string {
  const hostname = scalarString(tree.node(['machine', 'network', 'hostname']))?.trim();
  if (hostname) return hostname;
  const first = ctx.items(tree.node(['machine', 'network', 'interfaces'])).flatMap((device) => ctx.items(below(ctx, device, ['addresses'])))[0];
  return addressPart(scalarString(first)?.trim() ?? '') || documentKey(ctx.ref);
}

/**
 * One network device (v1alpha1 `Device`, also talhelper's networkInterfaces): its addresses (and the
 * deprecated single `cidr`), its VLANs' addresses, and the VIPs it announces. `host` names the node
 * for node counting; a VIP moves between control-plane nodes, so it is an address with no host.
 */
export function deviceFacts(ctx: ExtractContext, device: Node, source: string, host: string): Fact[] {
  const vlans = ctx.items(below(ctx, device, ['vlans']));
  return [
    ...interfaceAddressFacts(ctx, [...ctx.items(below(ctx, device, ['addresses'])), ...optional(below(ctx, device, ['cidr']))], `${source}.addresses`, host),
    ...vipFacts(ctx, below(ctx, device, ['vip', 'ip']), `${source}.vip.ip`),
    ...vlans.flatMap((vlan) => [
      ...interfaceAddressFacts(ctx, ctx.items(below(ctx, vlan, ['addresses'])), `${source}.vlans[].addresses`, host),
      ...vipFacts(ctx, below(ctx, vlan, ['vip', 'ip']), `${source}.vlans[].vip.ip`),
    ]),
  ];
}

function optional(node: Node | undefined): Node[] {
  return node ? [node] : [];
}

/** Who states an interface address: the component reading it, the field as a user names it, and the node it belongs to. */
export interface InterfaceOwner {
  readonly component: Component;
  readonly source: string;
  readonly host: string;
}

/** `192.168.1.10/24`: the node's address (the part before `/`) and the subnet it says the node lives in. */
export function interfaceAddressFacts(ctx: ExtractContext, items: readonly Node[], source: string, host: string): Fact[] {
  const owner: InterfaceOwner = { component: 'talos', source, host };
  return items.flatMap((item) => {
    const text = ctx.text(item)?.text ?? '';
    const slash = text.indexOf('/');
    // A placeholder (`${NODE_CIDR}`) may stand for the whole value: it is one address, not a subnet.
    const written = slash < 0 ? [] : ctx.scalar(item, interfaceSubnetSpec(owner)).filter((fact) => fact.value.kind !== 'template');
    // A host prefix (`/32`, `/128`: a routed or point-to-point address) names no subnet the node lives in.
    const network = written.filter((fact) => !isHostPrefixFact(fact));
    return [...ctx.slice(item, 0, written.length > 0 ? slash : text.length, interfaceAddressSpec(owner, network.length > 0)), ...network];
  });
}

/**
 * The same two facts from an address and its prefix length written apart (nmstate's `ip` and
 * `prefix-length`): the address on `ip`, the subnet as `ip/prefix-length` over both fields.
 */
export function splitInterfaceAddressFacts(ctx: ExtractContext, ip: Node | undefined, prefixLength: Node | undefined, owner: InterfaceOwner): Fact[] {
  const written = scalarString(prefixLength)?.trim() ? ctx.range(ip, prefixLength, interfaceSubnetSpec(owner), '/').filter((fact) => fact.value.kind !== 'template') : [];
  const network = written.filter((fact) => !isHostPrefixFact(fact));
  return [...ctx.scalar(ip, interfaceAddressSpec(owner, network.length > 0)), ...network];
}

function isHostPrefixFact(fact: Fact): boolean {
  return fact.value.kind === 'prefix' && fact.value.prefix.bits === bitsOf(fact.value.prefix.addr.family);
}

function interfaceAddressSpec(owner: InterfaceOwner, withSubnet: boolean): FieldSpec {
  return { ...spec('node-address', owner.source, GO_IP, 'nodes', { host: owner.host, ...(withSubnet ? { withSubnet } : {}) }), component: owner.component };
}

function interfaceSubnetSpec(owner: InterfaceOwner): FieldSpec {
  return { ...spec('node-network', owner.source, GO_MASKING_CIDR, 'nodes'), component: owner.component, parse: interfaceSubnet };
}

/** The subnet of an interface address: the prefix with its host bits cleared, which is what the address says. */
function interfaceSubnet(text: string): FactValue {
  const value = parseFieldValue(text, GO_MASKING_CIDR);
  if (value.kind !== 'prefix') return value;
  const prefix = masked(value.prefix);
  return { ...value, prefix, range: prefixToRange(prefix) };
}

function vipFacts(ctx: ExtractContext, node: Node | undefined, source: string): Fact[] {
  return ctx.scalar(node, spec('node-address', source, GO_IP, 'nodes', { vip: true }));
}

/**
 * A control-plane endpoint, `https://192.168.1.100:6443` or a bare `host[:port]` (kubeadm's
 * controlPlaneEndpoint, KubeOne's apiEndpoint.host): its host, when it is an address. A host with more
 * than one colon and no brackets is a bare IPv6 address, as Go's SplitHostPort fails on it ("too many
 * colons") and kubeadm's ParseHostPort then takes the whole value as the host.
 */
export function endpointFacts(ctx: ExtractContext, node: Node | undefined, source: string, component: Component = 'talos'): Fact[] {
  const text = ctx.text(node)?.text;
  if (text === undefined) return [];
  const hostStart = text.indexOf('://') < 0 ? 0 : text.indexOf('://') + 3;
  const bracketed = text[hostStart] === '[';
  const start = bracketed ? hostStart + 1 : hostStart;
  const end = bracketed ? text.indexOf(']', start) : endOfHost(text, start);
  if (end <= start) return [];
  const facts = ctx.slice(node!, start, end, { ...spec('node-address', source, GO_IP, 'nodes', { endpoint: true }), component });
  // A host name is no address: only addresses and placeholders are facts.
  return facts.filter((fact) => fact.value.kind === 'address' || fact.value.kind === 'template');
}

function endOfHost(text: string, start: number): number {
  const slash = text.indexOf('/', start);
  const end = slash < 0 ? text.length : slash;
  const colon = text.indexOf(':', start);
  if (colon < 0 || colon >= end) return end;
  const second = text.indexOf(':', colon + 1);
  // A second colon without brackets: a bare IPv6 address, all of it the host.
  return second >= 0 && second < end ? end : colon;
}

function addressPart(text: string): string {
  const slash = text.indexOf('/');
  return slash < 0 ? text : text.slice(0, slash);
}

/** Talos ≥ 1.12 multi-document config: each kind states one part of what the v1alpha1 tree held. */
function multiDocFacts(ctx: ExtractContext, kind: string): Fact[] {
  const at = ctx.get(['kind']);
  if (kind === 'KubeNetworkConfig') {
    const source = (field: string) => `Talos KubeNetworkConfig ${field}`;
    const pods = ctx.list(ctx.get(['podSubnets']), spec('pod-network', source('podSubnets'), GO_MASKING_CIDR, 'cluster'));
    const services = ctx.list(ctx.get(['serviceSubnets']), spec('service-network', source('serviceSubnets'), GO_MASKING_CIDR, 'cluster'));
    const maskArgs = mapEntries(ctx.root, ctx.yaml)
      .filter(([key]) => key === 'nodeCIDRMaskSizeIPv4' || key === 'nodeCIDRMaskSizeIPv6')
      .map(([key, value, keyNode]) => [key === 'nodeCIDRMaskSizeIPv4' ? 'node-cidr-mask-size-ipv4' : 'node-cidr-mask-size-ipv6', value, keyNode] as [string, Node | undefined, Node])
      // Zero means Talos' default.
      .filter(([, value]) => scalarString(value)?.trim() !== '0');
    return [...pods, ...services, ...clusterDnsDefaults(ctx, services, 'Talos KubeletConfig clusterDNS', at), ...nodeMasks(ctx, maskArgs, pods, 'Talos', 'KubeNetworkConfig', at)];
  }
  if (kind === 'KubeletConfig') return [...ctx.list(ctx.get(['clusterDNS']), spec('cluster-dns', 'Talos KubeletConfig clusterDNS', GO_IP, 'cluster')), ...kubeletMaxPods(ctx, ctx.root, 'Talos KubeletConfig ')];
  if (kind === 'KubeNodeConfig') return validSubnetFacts(ctx, ctx.get(['nodeIP', 'validSubnets']), [], 'Talos KubeNodeConfig nodeIP.validSubnets');
  if (LINK_KINDS.includes(kind)) {
    const items = ctx.items(ctx.get(['addresses'])).flatMap((entry) => optional(below(ctx, entry, ['address'])));
    const host = addressPart(scalarString(items[0])?.trim() ?? '') || documentKey(ctx.ref);
    return interfaceAddressFacts(ctx, items, `Talos ${kind} addresses[].address`, host);
  }
  if (kind === 'Layer2VIPConfig') return vipFacts(ctx, ctx.get(['name']), 'Talos Layer2VIPConfig name');
  return [];
}

/** Cluster API's Talos providers and Sidero Metal: JSON 6902 `configPatches` and strategic-merge `strategicPatches` strings. */
function capiPatchFacts(ctx: ExtractContext): Fact[] {
  const configs = [below(ctx, ctx.get(['spec']), ['controlPlaneConfig', 'controlplane']), ctx.get(['spec']), ctx.get(['spec', 'template', 'spec'])];
  return configs.flatMap((config) => {
    const json = jsonPatchTree(ctx, below(ctx, config, ['configPatches']));
    const strategic = ctx.items(below(ctx, config, ['strategicPatches'])).flatMap((patch) => ctx.embedded(patch));
    return [
      ...(json ? machineConfigFacts(ctx, json, { complete: false, label: 'Talos configPatches', at: undefined }) : []),
      ...strategic.flatMap((inner) => {
        const tree = mergeTree(inner, inner.root);
        return tree ? machineConfigFacts(inner, tree, { complete: false, label: 'Talos strategicPatches', at: undefined }) : [];
      }),
    ];
  });
}

/**
 * An Omni cluster template's inline patches (strategic merge, as maps); `file:` patches are files of
 * their own. The `Cluster` document is the whole cluster: Omni generates its machine configs with
 * Talos' defaults for what no patch sets, so it states those defaults, on its `kind` (a patch file or
 * machine-set patch that sets the value shadows them, as Talos patches do).
 */
function omniPatchFacts(ctx: ExtractContext, kind: string): Fact[] {
  const label = 'Talos Omni patches[].inline';
  const trees = ctx.items(ctx.get(['patches'])).flatMap((patch) => mergeTree(ctx, below(ctx, patch, ['inline'])) ?? []);
  const patches = trees.flatMap((tree) => machineConfigFacts(ctx, tree, { complete: false, label, at: undefined }));
  // Omni validates a Cluster's Talos version (client/pkg/template/internal/models/cluster.go, Validate): other
  // tools' kindless `Cluster` documents lack it.
  if (kind !== 'Cluster' || scalarString(ctx.get(['talos', 'version'])) === undefined) return patches;
  const stated = new Set(patches.map((fact) => fact.role));
  const defaults = machineConfigFacts(ctx, layeredTree(trees), { complete: true, label: 'Talos Omni Cluster', at: kindNode(ctx) }).filter((fact) => fact.isDefault && !stated.has(fact.role));
  return [...patches, ...defaults];
}

/** Strategic-merge trees applied in order: at each path, the last one that sets it. */
function layeredTree(trees: readonly TalosTree[]): TalosTree {
  return {
    kind: 'merge',
    node: (path) => trees.reduceRight<Node | undefined>((found, tree) => found ?? tree.node(path), undefined),
    appended: (path) => trees.flatMap((tree) => tree.appended(path)),
  };
}
