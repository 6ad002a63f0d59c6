// Extractor: k3s and RKE2 `config.yaml` (`/etc/rancher/{k3s,rke2}/config.yaml`), domain-rules.md §8:
// cluster-cidr, service-cidr, cluster-dns, kube-controller-manager-arg node masks and kubelet-arg
// max-pods, with the defaults k3s applies. The file has no apiVersion or kind: it is recognised by
// its keys (the CLI flag names), at the document root or as the value of an Ansible variable named
// `k3s_…`/`rke2_…` (e.g. `k3s_server_config:`), as k3s roles write it out verbatim, or as the
// `spec.rkeConfig.machineGlobalConfig` of a Rancher-provisioned RKE2/k3s cluster
// (`provisioning.cattle.io/v1` `Cluster`), which Rancher writes into every server's config.yaml.

import type { Fact, Role } from '../../model';
import { dnsServiceAddress } from './clusterDns';
import type { ExtractContext, FieldSpec } from './context';
import type { Extractor } from './extractor';
import { KeyValueArg, flagValueFacts, keyValueArg } from './flags';
import { KUBELET_DEFAULT_MAX_PODS } from './kubelet';
import { NODE_MASK_FLAGS, NodeMaskOwner, defaultNodeMasks, familiesOf, nodeMaskSpec } from './nodeMask';
import { COMPONENT_CIDR, COMPONENT_IP, INTEGER } from './syntax';
import { apiGroupOf } from './componentConfig';
import { below } from './tree';
import { Node, getKeyNode, mapEntries } from '../yamlNode';

/** Keys only a k3s/RKE2 server reads; their presence means the cluster-wide defaults apply here. */
const SERVER_KEYS = [
  'cluster-cidr', 'service-cidr', 'cluster-dns', 'cluster-domain', 'cluster-init', 'service-node-port-range',
  'kube-apiserver-arg', 'kube-controller-manager-arg', 'kube-scheduler-arg', 'kube-cloud-controller-manager-arg', 'etcd-arg',
  'flannel-backend', 'flannel-ipv6-masq', 'disable-network-policy', 'disable-kube-proxy', 'disable-cloud-controller',
  'disable-helm-controller', 'tls-san', 'write-kubeconfig-mode', 'secrets-encryption', 'datastore-endpoint',
  'etcd-snapshot-schedule-cron', 'egress-selector-mode', 'agent-token',
];
/** Keys every k3s/RKE2 node (agent or server) reads. */
const AGENT_KEYS = ['kubelet-arg', 'kube-proxy-arg', 'node-ip', 'node-external-ip', 'node-label', 'node-taint', 'flannel-iface', 'container-runtime-endpoint', 'private-registry', 'with-node-id'];

/** k3s's defaults: IPv4, or IPv6 on IPv6-only nodes (the only place an IPv6-only cluster-cidr works). */
const K3S_DEFAULTS = {
  4: { clusterCidr: '10.42.0.0/16', serviceCidr: '10.43.0.0/16' },
  6: { clusterCidr: 'fd00:42::/56', serviceCidr: 'fd00:43::/112' },
} as const;

interface K3sConfig {
  readonly map: Node;
  readonly group: string;
  /** Where defaults sit: the Ansible variable's key, or the document anchor for a plain config file. */
  readonly at?: Node;
  readonly isServer: boolean;
}

export const k3s: Extractor = {
  name: 'k3s',
  triggers: [...SERVER_KEYS, ...AGENT_KEYS, 'provisioning.cattle.io'],
  extract(ctx) {
    return k3sConfigs(ctx).flatMap((config) => configFacts(ctx, config));
  },
};

function k3sConfigs(ctx: ExtractContext): K3sConfig[] {
  if (ctx.ref.kind === 'Cluster' && apiGroupOf(ctx) === 'provisioning.cattle.io') return rancherConfigs(ctx);
  const rootKeys = mapEntries(ctx.root, ctx.yaml);
  if (rootKeys.some(([key]) => key === 'apiVersion' || key === 'kind')) return [];
  if (ctx.root && isK3sConfig(ctx, ctx.root)) return [{ map: ctx.root, group: 'k3s', isServer: hasServerKey(ctx, ctx.root) }];
  return rootKeys
    .filter(([key, value]) => /^(k3s|rke2)_/.test(key) && value && isK3sConfig(ctx, value))
    .map(([key, value, keyNode]) => ({ map: value!, group: `k3s:${key}`, at: keyNode, isServer: !key.includes('agent') && hasServerKey(ctx, value!) }));
}

/** A Rancher-provisioned cluster: its machineGlobalConfig, or (with none) the rkeConfig where the defaults sit. */
function rancherConfigs(ctx: ExtractContext): K3sConfig[] {
  const rkeConfig = ctx.get(['spec', 'rkeConfig']);
  if (!rkeConfig) return [];
  const global = below(ctx, rkeConfig, ['machineGlobalConfig']);
  return [{ map: global ?? rkeConfig, group: 'rancher', at: getKeyNode(rkeConfig, 'machineGlobalConfig', ctx.yaml) ?? getKeyNode(ctx.get(['spec']), 'rkeConfig', ctx.yaml), isServer: true }];
}

function isK3sConfig(ctx: ExtractContext, map: Node): boolean {
  return mapEntries(map, ctx.yaml).some(([key]) => SERVER_KEYS.includes(key) || AGENT_KEYS.includes(key));
}

function hasServerKey(ctx: ExtractContext, map: Node): boolean {
  return mapEntries(map, ctx.yaml).some(([key]) => SERVER_KEYS.includes(key));
}

type FieldOf = (role: Role, source: string, syntax: FieldSpec['syntax']) => FieldSpec;

function configFacts(ctx: ExtractContext, config: K3sConfig): Fact[] {
  const field: FieldOf = (role, source, syntax) => ({ role, component: 'k3s', source, syntax, group: config.group });
  const networks = config.isServer ? networkFacts(ctx, config, field) : [];
  return [...networks, ...kubeletFacts(ctx, config, field)];
}

function networkFacts(ctx: ExtractContext, config: K3sConfig, field: FieldOf): Fact[] {
  const podSpec = field('pod-network', 'k3s cluster-cidr', COMPONENT_CIDR);
  const serviceSpec = field('service-network', 'k3s service-cidr', COMPONENT_CIDR);
  const explicitPods = ctx.list(below(ctx, config.map, ['cluster-cidr']), podSpec);
  const explicitServices = ctx.list(below(ctx, config.map, ['service-cidr']), serviceSpec);
  // An IPv6-only range on one side means an IPv6-only node, whose defaults are IPv6 on the other.
  const explicitFamilies = [...familiesOf(explicitPods), ...familiesOf(explicitServices)];
  const family = explicitFamilies.length > 0 && explicitFamilies.every((f) => f === 6) ? 6 : 4;
  const pods = explicitPods.length > 0 ? explicitPods : [ctx.defaulted(K3S_DEFAULTS[family].clusterCidr, podSpec, config.at)];
  const services = explicitServices.length > 0 ? explicitServices : [ctx.defaulted(K3S_DEFAULTS[family].serviceCidr, serviceSpec, config.at)];
  return [...pods, ...services, ...clusterDnsFacts(ctx, config, services[0], field), ...nodeMaskFacts(ctx, config, pods)];
}

function clusterDnsFacts(ctx: ExtractContext, config: K3sConfig, firstService: Fact, field: FieldOf): Fact[] {
  const spec = field('cluster-dns', 'k3s cluster-dns', COMPONENT_IP);
  const explicit = ctx.list(below(ctx, config.map, ['cluster-dns']), spec);
  if (explicit.length > 0) return explicit;
  // The tenth address of the first service range (`GetIndexedIP(ServiceIPRange, 10)`).
  const dns = dnsServiceAddress(firstService);
  return dns ? [ctx.defaulted(dns, spec, getKeyNode(config.map, 'service-cidr', ctx.yaml) ?? config.at)] : [];
}

/** Entries of a `*-arg` key: a YAML list of `key=value` strings, or one such string. */
function argEntries(ctx: ExtractContext, node: Node | undefined): Map<string, KeyValueArg> {
  const items = ctx.items(node);
  const nodes = items.length > 0 ? items : node ? [node] : [];
  const entries = new Map<string, KeyValueArg>();
  for (const item of nodes) {
    const arg = keyValueArg(ctx, item);
    // Later entries are passed later on the command line, so they win.
    if (arg) entries.set(arg.name, arg);
  }
  return entries;
}

function nodeMaskFacts(ctx: ExtractContext, config: K3sConfig, pods: readonly Fact[]): Fact[] {
  const owner: NodeMaskOwner = { component: 'k3s', group: config.group, label: (flag) => `k3s kube-controller-manager-arg ${flag}` };
  const args = argEntries(ctx, below(ctx, config.map, ['kube-controller-manager-arg']));
  const setMasks = NODE_MASK_FLAGS.filter((flag) => args.has(flag));
  const explicit = setMasks.flatMap((flag) => flagValueFacts(ctx, args.get(flag)!.value, nodeMaskSpec(owner, flag), 'single'));
  return [...explicit, ...defaultNodeMasks(ctx, owner, pods, new Set(setMasks), getKeyNode(config.map, 'cluster-cidr', ctx.yaml) ?? config.at)];
}

function kubeletFacts(ctx: ExtractContext, config: K3sConfig, field: FieldOf): Fact[] {
  const spec = field('max-pods', 'k3s kubelet-arg max-pods', INTEGER);
  const maxPods = argEntries(ctx, below(ctx, config.map, ['kubelet-arg'])).get('max-pods');
  return maxPods ? flagValueFacts(ctx, maxPods.value, spec, 'single') : [ctx.defaulted(KUBELET_DEFAULT_MAX_PODS, spec, getKeyNode(config.map, 'kubelet-arg', ctx.yaml) ?? config.at)];
}
