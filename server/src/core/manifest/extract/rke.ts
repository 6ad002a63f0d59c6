// Extractor: RKE1 `cluster.yml` (rancher/rke), standalone or as the `rancher_kubernetes_engine_config`
// of a Rancher cluster: services.kube-controller.cluster_cidr and service_cluster_ip_range,
// services.kube-api.service_cluster_ip_range, services.kubelet.cluster_dns_server, the node masks of
// services.kube-controller.extra_args, network.plugin, and nodes[].internal_address (else address) as
// the cluster's nodes. The file has no apiVersion or kind: it is recognised by its `services` section
// naming RKE's service keys. Defaults from rancher/rke cluster/defaults.go: DefaultClusterCIDR
// 10.42.0.0/16, DefaultServiceClusterIPRange 10.43.0.0/16, DefaultClusterDNSService 10.43.0.10,
// DefaultNetworkPlugin canal; RKE runs kube-controller-manager with --allocate-node-cidrs, so KCM's
// default masks apply.

import type { Fact, Role } from '../../model';
import type { ExtractContext, FieldSpec } from './context';
import type { Extractor } from './extractor';
import { NODE_MASK_FLAGS, NodeMaskOwner, defaultNodeMasks, nodeMaskSpec } from './nodeMask';
import { COMPONENT_CIDR, COMPONENT_IP } from './syntax';
import { below } from './tree';
import { Node, getKeyNode, mapEntries, scalarString } from '../yamlNode';

const RKE_SERVICE_KEYS = ['kube-api', 'kube-controller', 'kubelet', 'kubeproxy', 'scheduler', 'etcd'];
const RANCHER_KEY = 'rancher_kubernetes_engine_config';

const RKE_DEFAULTS = { clusterCidr: '10.42.0.0/16', serviceRange: '10.43.0.0/16', clusterDns: '10.43.0.10', plugin: 'canal' } as const;

export const rke: Extractor = {
  name: 'rke',
  // A cluster.yml names a kube service, or lists nodes with RKE's `controlplane` role.
  triggers: [...RKE_SERVICE_KEYS.filter((key) => key.startsWith('kube')), 'controlplane', RANCHER_KEY],
  extract(ctx) {
    const config = rkeConfig(ctx);
    return config ? configFacts(ctx, config.map, config.at) : [];
  },
};

/** The cluster.yml map: the document itself, or the value of `rancher_kubernetes_engine_config` (at the root or under `spec`). */
function rkeConfig(ctx: ExtractContext): { map: Node; at: Node | undefined } | undefined {
  const wrapped = ctx.get([RANCHER_KEY]) ?? ctx.get(['spec', RANCHER_KEY]);
  if (wrapped && isRkeConfig(ctx, wrapped)) return { map: wrapped, at: getKeyNode(ctx.root, RANCHER_KEY, ctx.yaml) ?? getKeyNode(ctx.get(['spec']), RANCHER_KEY, ctx.yaml) };
  if (ctx.get(['apiVersion']) || ctx.get(['kind']) || !ctx.root || !isRkeConfig(ctx, ctx.root)) return undefined;
  return { map: ctx.root, at: getKeyNode(ctx.root, 'services', ctx.yaml) };
}

function isRkeConfig(ctx: ExtractContext, map: Node): boolean {
  const services = below(ctx, map, ['services']);
  return mapEntries(services, ctx.yaml).some(([key]) => RKE_SERVICE_KEYS.includes(key));
}

function spec(role: Role, source: string, syntax: FieldSpec['syntax'], attributes?: FieldSpec['attributes']): FieldSpec {
  return { role, component: 'rke', source: `RKE ${source}`, syntax, group: 'cluster', ...(attributes ? { attributes } : {}) };
}

function configFacts(ctx: ExtractContext, map: Node, at: Node | undefined): Fact[] {
  const services = below(ctx, map, ['services']);
  const controller = below(ctx, services, ['kube-controller']);
  const api = below(ctx, services, ['kube-api']);
  const plugin = scalarString(below(ctx, map, ['network', 'plugin']))?.trim() || RKE_DEFAULTS.plugin;
  const one = (node: Node | undefined, fieldSpec: FieldSpec, fallback: string, anchor: Node | undefined): Fact[] => ctx.orDefault(ctx.list(node, fieldSpec), fallback, fieldSpec, anchor);
  const pods = one(below(ctx, controller, ['cluster_cidr']), spec('pod-network', 'services.kube-controller.cluster_cidr', COMPONENT_CIDR, { plugin }), RKE_DEFAULTS.clusterCidr, at);
  const apiRange = one(below(ctx, api, ['service_cluster_ip_range']), spec('service-network', 'services.kube-api.service_cluster_ip_range', COMPONENT_CIDR), RKE_DEFAULTS.serviceRange, at);
  // kube-controller's copy is only read to keep node subnets out of it; RKE defaults both to one value.
  const controllerRange = ctx.list(below(ctx, controller, ['service_cluster_ip_range']), spec('service-network', 'services.kube-controller.service_cluster_ip_range', COMPONENT_CIDR));
  const dns = one(below(ctx, services, ['kubelet', 'cluster_dns_server']), spec('cluster-dns', 'services.kubelet.cluster_dns_server', COMPONENT_IP), RKE_DEFAULTS.clusterDns, at);
  return [...pods, ...apiRange, ...controllerRange, ...dns, ...masks(ctx, controller, pods, at), ...nodeFacts(ctx, map)];
}

function masks(ctx: ExtractContext, controller: Node | undefined, pods: readonly Fact[], at: Node | undefined): Fact[] {
  const owner: NodeMaskOwner = { component: 'rke', group: 'cluster', label: (flag) => `RKE services.kube-controller.extra_args ${flag}` };
  const args = new Map(mapEntries(below(ctx, controller, ['extra_args']), ctx.yaml).map(([key, value]) => [key.replace(/^--/, ''), value] as const));
  const set = NODE_MASK_FLAGS.filter((flag) => args.has(flag));
  const written = set.flatMap((flag) => ctx.scalar(args.get(flag), nodeMaskSpec(owner, flag)));
  return [...written, ...defaultNodeMasks(ctx, owner, pods, new Set(set), getKeyNode(controller, 'cluster_cidr', ctx.yaml) ?? at)];
}

/**
 * Each entry of `nodes`: its internal_address (what the cluster uses), else its address — also when
 * internal_address is written empty (`internal_address: ""`, as `rke config` writes it), since RKE
 * falls back to the address for an empty one (cluster/defaults.go, setClusterDefaults).
 */
function nodeFacts(ctx: ExtractContext, map: Node): Fact[] {
  return ctx.items(below(ctx, map, ['nodes'])).flatMap((node, index) => {
    const key = scalarString(below(ctx, node, ['internal_address']))?.trim() ? 'internal_address' : 'address';
    const value = below(ctx, node, [key]);
    const text = scalarString(value)?.trim();
    if (!text) return [];
    const name = scalarString(below(ctx, node, ['hostname_override']))?.trim() || `${index}:${text}`;
    return ctx
      .scalar(value, { role: 'node-address', component: 'rke', source: `RKE nodes[].${key}`, syntax: COMPONENT_IP, group: 'nodes', attributes: { host: name } })
      .filter((fact) => fact.value.kind === 'address' || fact.value.kind === 'template');
  });
}
