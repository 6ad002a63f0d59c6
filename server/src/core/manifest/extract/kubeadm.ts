// Extractor: kubeadm (`kubeadm.k8s.io` v1beta2, v1beta3, v1beta4), domain-rules.md §6, with the
// kube-controller-manager and kubelet flags its arguments carry (§3, §5):
//   - `ClusterConfiguration` networking.podSubnet/serviceSubnet and controllerManager/apiServer
//     extraArgs, standalone or embedded as YAML in the `kubeadm-config` ConfigMap, and its
//     controlPlaneEndpoint when the host is an address (`192.168.2.71:6443`, `[2001:db8::1]:6443`, a bare
//     address; kubeadm's ParseHostPort, cmd/kubeadm/app/util/endpoint.go, takes an IP or a DNS name with
//     an optional port): the API's address on the node network, often a VIP;
//   - `InitConfiguration` / `JoinConfiguration` localAPIEndpoint.advertiseAddress and
//     nodeRegistration.kubeletExtraArgs max-pods;
//   - the same three configurations inside Cluster API's KubeadmControlPlane and KubeadmConfig(Template);
//   - the pre-v1beta1 forms still found in old repositories: v1alpha1/v1alpha2 `MasterConfiguration`
//     (networking, `controllerManagerExtraArgs`, `apiServerExtraArgs`, `api.advertiseAddress`) and
//     v1alpha3 `ClusterConfiguration` (the same flat extraArgs maps) and `InitConfiguration`
//     (`apiEndpoint.advertiseAddress`). Their facts carry the current field names in their labels,
//     since the rules and fixes treat both spellings alike.

import type { Fact } from '../../model';
import { apiGroupOf, configDocuments, isConfigOf } from './componentConfig';
import type { ExtractContext, FieldSpec } from './context';
import type { Extractor } from './extractor';
import { parseGoBool } from './flags';
import { NODE_MASK_FLAGS, NodeMaskOwner, defaultNodeMasks, nodeMaskSpec } from './nodeMask';
import { COMPONENT_CIDR, COMPONENT_IP, INTEGER } from './syntax';
import { endpointFacts } from './talos';
import { below } from './tree';
import { Node, getKeyNode, mapEntries, scalarString } from '../yamlNode';

/** kubeadm's `DefaultServicesSubnet`. */
export const KUBEADM_DEFAULT_SERVICE_SUBNET = '10.96.0.0/12';

const KUBEADM_GROUP = 'kubeadm.k8s.io';

export const kubeadm: Extractor = {
  name: 'kubeadm',
  triggers: ['ClusterConfiguration', 'InitConfiguration', 'JoinConfiguration', 'MasterConfiguration', 'clusterConfiguration', 'initConfiguration', 'joinConfiguration'],
  extract(ctx) {
    if (isClusterApiKubeadm(ctx)) return clusterApiFacts(ctx);
    const masters = configDocuments(ctx, KUBEADM_GROUP, 'MasterConfiguration');
    return [
      ...[...configDocuments(ctx, KUBEADM_GROUP, 'ClusterConfiguration'), ...masters].flatMap((inner) => clusterConfigurationFacts(inner, inner.root, true)),
      ...masters.flatMap((inner) => nodeConfigurationFacts(inner, inner.root, 'node')),
      ...(isConfigOf(ctx, KUBEADM_GROUP, 'InitConfiguration') || isConfigOf(ctx, KUBEADM_GROUP, 'JoinConfiguration') ? nodeConfigurationFacts(ctx, ctx.root, 'node') : []),
    ];
  },
};

/**
 * The facts of a kind `kubeadmConfigPatches` entry that is a ClusterConfiguration: explicit values only.
 * kind matches a patch by its `kind`, and by its `apiVersion` only when the patch states one, so the
 * usual patch of kind's docs (`kind: ClusterConfiguration` and the fields to change) has none.
 */
export function kubeadmPatchFacts(ctx: ExtractContext): Fact[] {
  const versionless = scalarString(ctx.get(['kind'])) === 'ClusterConfiguration' && ctx.get(['apiVersion']) === undefined;
  return versionless || isConfigOf(ctx, KUBEADM_GROUP, 'ClusterConfiguration') ? clusterConfigurationFacts(ctx, ctx.root, false) : [];
}

/**
 * `impliesDefaults` is false for partial configs: a kind `kubeadmConfigPatches` entry is merged over
 * kind's own config, and Cluster API fills networking from its `Cluster`, whose extractor gives the
 * defaults. A complete config implies kubeadm's service subnet and KCM's node masks.
 */
function clusterConfigurationFacts(ctx: ExtractContext, config: Node | undefined, impliesDefaults: boolean): Fact[] {
  if (!config) return [];
  const networking = below(ctx, config, ['networking']);
  // v1alpha1-v1alpha3 spell them `controllerManagerExtraArgs` and `apiServerExtraArgs`.
  const kcmArgs = extraArgs(ctx, below(ctx, config, ['controllerManager', 'extraArgs']) ?? below(ctx, config, ['controllerManagerExtraArgs']));
  const apiArgs = extraArgs(ctx, below(ctx, config, ['apiServer', 'extraArgs']) ?? below(ctx, config, ['apiServerExtraArgs']));
  const podSubnetNode = below(ctx, networking, ['podSubnet']);
  const allocate = allocateNodeCidrs(ctx, kcmArgs, (ctx.text(podSubnetNode)?.text.trim() ?? '') !== '');
  const ipam: FieldSpec['attributes'] = allocate === undefined ? undefined : { allocateNodeCidrs: allocate };

  const podSubnet = ctx.list(podSubnetNode, clusterSpec('pod-network', 'kubeadm networking.podSubnet', COMPONENT_CIDR, ipam));
  const clusterCidr = argFacts(ctx, kcmArgs, 'cluster-cidr', clusterSpec('pod-network', 'kubeadm controllerManager.extraArgs cluster-cidr', COMPONENT_CIDR, ipam));
  const services = serviceSubnetFacts(ctx, below(ctx, networking, ['serviceSubnet']), impliesDefaults);
  const serviceRanges = [
    ...argFacts(ctx, kcmArgs, 'service-cluster-ip-range', clusterSpec('service-network', 'kubeadm controllerManager.extraArgs service-cluster-ip-range', COMPONENT_CIDR)),
    ...argFacts(ctx, apiArgs, 'service-cluster-ip-range', clusterSpec('service-network', 'kubeadm apiServer.extraArgs service-cluster-ip-range', COMPONENT_CIDR)),
  ];

  const maskOwner: NodeMaskOwner = { component: 'kubeadm', group: 'cluster', label: (flag) => `kubeadm controllerManager.extraArgs ${flag}`, ...(ipam ? { attributes: ipam } : {}) };
  const setMasks = NODE_MASK_FLAGS.filter((flag) => kcmArgs.has(flag));
  const masks = setMasks.flatMap((flag) => ctx.scalar(kcmArgs.get(flag)?.value, nodeMaskSpec(maskOwner, flag)));
  // kubeadm checks the masks against podSubnet, KCM allocates from its --cluster-cidr (which an
  // extraArg may set apart): a family of either needs its mask.
  const maskAt = getKeyNode(networking, 'podSubnet', ctx.yaml) ?? kcmArgs.get('cluster-cidr')?.key;
  const legacyMask = setMasks.length === 0 ? legacyIpv6NodeMask(kubernetesMinor(below(ctx, config, ['kubernetesVersion'])), podSubnet) : undefined;
  const maskDefaults =
    !impliesDefaults || allocate === false
      ? []
      : legacyMask !== undefined
        ? [ctx.defaulted(String(legacyMask), { ...nodeMaskSpec(maskOwner, 'node-cidr-mask-size'), source: `${maskOwner.label('node-cidr-mask-size')} (computed by kubeadm before 1.20)` }, maskAt)]
        : defaultNodeMasks(ctx, maskOwner, [...podSubnet, ...clusterCidr], new Set(setMasks), maskAt);
  // v1alpha1/v1alpha2 MasterConfiguration keeps it at api.controlPlaneEndpoint.
  const endpoint = endpointFacts(ctx, below(ctx, config, ['controlPlaneEndpoint']) ?? below(ctx, config, ['api', 'controlPlaneEndpoint']), 'kubeadm controlPlaneEndpoint', 'kubeadm');
  return [...podSubnet, ...clusterCidr, ...services, ...serviceRanges, ...masks, ...maskDefaults, ...endpoint];
}

/** The minor version of `kubernetesVersion: v1.18.2`, or undefined when absent or not a 1.x version. */
function kubernetesMinor(node: Node | undefined): number | undefined {
  const match = /^v?1\.(\d+)(?:\.|$)/.exec(scalarString(node)?.trim() ?? '');
  return match ? Number(match[1]) : undefined;
}

/**
 * kubeadm 1.10 to 1.19 wrote kube-controller-manager's node-cidr-mask-size itself for a single-stack
 * IPv6 podSubnet (calcNodeCidrSize in cmd/kubeadm/app/phases/controlplane/manifests.go, from
 * kubernetes#58769; kubernetes#95723 removed it in 1.20 for KCM's /64 default): a multiple of 8 that
 * leaves 512 to 64K node subnets, /120 for a /112, and the pod subnet's own size past /112 (which its
 * validation then refuses). Undefined for other versions, families and dual-stack subnets.
 */
function legacyIpv6NodeMask(minor: number | undefined, podSubnet: readonly Fact[]): number | undefined {
  if (minor === undefined || minor < 10 || minor >= 20 || podSubnet.length !== 1) return undefined;
  const value = podSubnet[0].value;
  if (value.kind !== 'prefix' || value.prefix.addr.family !== 6) return undefined;
  const bits = value.prefix.bits;
  if (bits === 112) return 120;
  return bits < 112 ? 128 - (Math.floor((128 - bits - 1) / 8) - 1) * 8 : bits;
}

function clusterSpec(role: FieldSpec['role'], source: string, syntax: FieldSpec['syntax'], attributes?: FieldSpec['attributes']): FieldSpec {
  return { role, component: 'kubeadm', source, syntax, group: 'cluster', ...(attributes ? { attributes } : {}) };
}

function serviceSubnetFacts(ctx: ExtractContext, node: Node | undefined, impliesDefault: boolean): Fact[] {
  const spec = clusterSpec('service-network', 'kubeadm networking.serviceSubnet', COMPONENT_CIDR);
  const facts = ctx.list(node, spec);
  if (facts.length === 0 && impliesDefault) facts.push(ctx.defaulted(KUBEADM_DEFAULT_SERVICE_SUBNET, spec, ctx.get(['kind'])));
  return facts;
}

/**
 * Whether KCM allocates node CIDRs: kubeadm passes `allocate-node-cidrs=true` when a pod subnet is set,
 * and a user extraArg replaces that. Undefined when the arg is not a boolean KCM would accept.
 */
function allocateNodeCidrs(ctx: ExtractContext, kcmArgs: ReadonlyMap<string, ExtraArg>, hasPodSubnet: boolean): boolean | undefined {
  const arg = kcmArgs.get('allocate-node-cidrs');
  if (!arg) return hasPodSubnet;
  const text = ctx.text(arg.value)?.text.trim();
  return text === undefined ? undefined : parseGoBool(text);
}

function nodeConfigurationFacts(ctx: ExtractContext, config: Node | undefined, group: string): Fact[] {
  if (!config) return [];
  // `api` in v1alpha1/v1alpha2 MasterConfiguration, `apiEndpoint` in v1alpha3 InitConfiguration.
  const endpoint = below(ctx, config, ['localAPIEndpoint']) ?? below(ctx, config, ['controlPlane', 'localAPIEndpoint']) ?? below(ctx, config, ['apiEndpoint']) ?? below(ctx, config, ['api']);
  const address = ctx
    .scalar(below(ctx, endpoint, ['advertiseAddress']), { role: 'node-address', component: 'kubeadm', source: 'kubeadm localAPIEndpoint.advertiseAddress', syntax: COMPONENT_IP, group })
    // `0.0.0.0` and `::` ask kubeadm to pick the default route's address: they name no address.
    .filter((fact) => !(fact.value.kind === 'address' && fact.value.addr.value === 0n));
  const kubeletArgs = extraArgs(ctx, below(ctx, config, ['nodeRegistration', 'kubeletExtraArgs']));
  const maxPods = ctx.scalar(kubeletArgs.get('max-pods')?.value, { role: 'max-pods', component: 'kubeadm', source: 'kubeadm nodeRegistration.kubeletExtraArgs max-pods', syntax: INTEGER, group });
  return [...address, ...maxPods];
}

/** One argument: the node naming it (map key or `name` value) and its value node. */
interface ExtraArg {
  readonly key: Node;
  readonly value: Node | undefined;
}

/**
 * Reads `extraArgs` in both encodings: the v1beta3 map and the v1beta4 list of `{name, value}`.
 * kubeadm's `GetArgValue` walks the list backwards, so the last duplicate wins; shadowed entries are
 * dropped here, since no component ever reads them.
 */
function extraArgs(ctx: ExtractContext, node: Node | undefined): Map<string, ExtraArg> {
  const args = new Map<string, ExtraArg>();
  for (const [name, value, key] of mapEntries(node, ctx.yaml)) args.set(name, { key, value });
  for (const item of ctx.items(node)) {
    const key = below(ctx, item, ['name']);
    const name = scalarString(key)?.trim();
    if (key && name) args.set(name, { key, value: below(ctx, item, ['value']) });
  }
  return args;
}

function argFacts(ctx: ExtractContext, args: ReadonlyMap<string, ExtraArg>, name: string, spec: FieldSpec): Fact[] {
  return ctx.list(args.get(name)?.value, spec);
}

const CLUSTER_API_KUBEADM_GROUPS = ['controlplane.cluster.x-k8s.io', 'bootstrap.cluster.x-k8s.io'];
/** Where KubeadmControlPlane(Template), KubeadmConfigTemplate and KubeadmConfig keep their kubeadm configs. */
const CLUSTER_API_SPEC_PATHS = [
  ['spec', 'kubeadmConfigSpec'],
  ['spec', 'template', 'spec', 'kubeadmConfigSpec'],
  ['spec', 'template', 'spec'],
  ['spec'],
];

function isClusterApiKubeadm(ctx: ExtractContext): boolean {
  return CLUSTER_API_KUBEADM_GROUPS.includes(apiGroupOf(ctx) ?? '');
}

function clusterApiFacts(ctx: ExtractContext): Fact[] {
  const spec = CLUSTER_API_SPEC_PATHS.map((path) => ctx.get(path)).find((node) => ['clusterConfiguration', 'initConfiguration', 'joinConfiguration'].some((key) => below(ctx, node, [key])));
  if (!spec) return [];
  return [
    ...clusterConfigurationFacts(ctx, below(ctx, spec, ['clusterConfiguration']), false),
    ...nodeConfigurationFacts(ctx, below(ctx, spec, ['initConfiguration']), 'init'),
    ...nodeConfigurationFacts(ctx, below(ctx, spec, ['joinConfiguration']), 'join'),
  ];
}
