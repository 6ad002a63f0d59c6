// Extractor: talhelper's `talconfig.yaml` (budimanjojo/talhelper pkg/config/config.go), from which
// talhelper generates one Talos machine config per node: clusterPodNets, clusterSvcNets, cniConfig.name,
// endpoint, nodes[].ipAddress (one address or a comma-separated list) and nodes[].networkInterfaces
// (Talos' v1alpha1 Device: addresses, vip.ip, vlans), and the inline config patches of `patches`,
// controlPlane.patches, worker.patches and nodes[].patches (strategic-merge or JSON 6902 YAML in a
// string; `@./file.yaml` references name files that are read as patches of their own). The file has
// no apiVersion or kind: it is recognised by its required `clusterName` and `nodes`, a node with a `hostname`.
//
// Defaults from pkg/config/defaults.go: without clusterPodNets/clusterSvcNets talhelper writes Talos'
// defaults, 10.244.0.0/16 and 10.96.0.0/12, or the IPv6 ones (fc00:db8:10::/56, fc00:db8:20::/112) when
// `endpoint` is a bare IPv6 address (endpointisIPv6 parses the whole value as an address). A patch
// that sets cluster.network.podSubnets or serviceSubnets replaces them, so no default is stated then.
// The rest follows Talos (talos.ts): flannel, node masks /24 and /64, cluster DNS at the tenth address.

import type { Fact, Role } from '../../model';
import { isParseError, parseAddr } from '../../net/addr';
import type { ExtractContext, FieldSpec } from './context';
import type { Extractor } from './extractor';
import { GO_IP, GO_MASKING_CIDR } from './syntax';
import { TALOS_DEFAULTS, clusterDnsDefaults, deviceFacts, endpointFacts, jsonPatchTree, machineConfigFacts, mergeTree, nodeMasks } from './talos';
import { below } from './tree';
import { Node, getKeyNode, scalarString } from '../yamlNode';

export const talhelper: Extractor = {
  name: 'talhelper',
  // Every talconfig names its cluster; the node keys are talhelper's own.
  triggers: ['clusterName', 'clusterPodNets', 'clusterSvcNets'],
  extract(ctx) {
    if (!isTalconfig(ctx)) return [];
    return talconfigFacts(ctx);
  },
};

function isTalconfig(ctx: ExtractContext): boolean {
  if (ctx.get(['apiVersion']) || ctx.get(['kind'])) return false;
  // A talhelper node is named by its `hostname` (budimanjojo/talhelper pkg/config, `nodes.Hostname`);
  // other Talos tools' configs (topf) also have a clusterName and nodes, but not that key.
  return scalarString(ctx.get(['clusterName'])) !== undefined && ctx.items(ctx.get(['nodes'])).some((node) => ctx.get(['hostname'], node) !== undefined);
}

function spec(role: Role, source: string, syntax: FieldSpec['syntax'], group: string, attributes?: FieldSpec['attributes']): FieldSpec {
  return { role, component: 'talos', source: `talhelper ${source}`, syntax, group, ...(attributes ? { attributes } : {}) };
}

function talconfigFacts(ctx: ExtractContext): Fact[] {
  const at = getKeyNode(ctx.root, 'clusterName', ctx.yaml);
  const cni = scalarString(ctx.get(['cniConfig', 'name']))?.trim() || TALOS_DEFAULTS.cni;
  const clusterPatches = [...ctx.items(ctx.get(['patches'])), ...ctx.items(ctx.get(['controlPlane', 'patches'])), ...ctx.items(ctx.get(['worker', 'patches']))];
  const patchFacts = clusterPatches.flatMap((patch) => inlinePatchFacts(ctx, patch));
  const patched = (role: Role) => patchFacts.some((fact) => fact.role === role && !fact.isDefault);
  const family = isBareIpv6(scalarString(ctx.get(['endpoint']))?.trim() ?? '') ? 6 : 4;
  const podSpec = spec('pod-network', 'clusterPodNets', GO_MASKING_CIDR, 'cluster', { cni });
  const serviceSpec = spec('service-network', 'clusterSvcNets', GO_MASKING_CIDR, 'cluster', { cni });
  const pods = ctx.orDefault(ctx.list(ctx.get(['clusterPodNets']), podSpec), patched('pod-network') ? undefined : TALOS_DEFAULTS.podSubnet[family], podSpec, at);
  const services = ctx.orDefault(ctx.list(ctx.get(['clusterSvcNets']), serviceSpec), patched('service-network') ? undefined : TALOS_DEFAULTS.serviceSubnet[family], serviceSpec, at);
  return [
    ...pods,
    ...services,
    ...(patched('cluster-dns') ? [] : clusterDnsDefaults(ctx, services, 'talhelper machine.kubelet.clusterDNS', at)),
    ...(patched('node-mask') ? [] : nodeMasks(ctx, [], pods, 'talhelper patches', 'cluster.controllerManager.extraArgs', at)),
    ...endpointFacts(ctx, ctx.get(['endpoint']), 'talhelper endpoint'),
    ...patchFacts,
    ...ctx.items(ctx.get(['nodes'])).flatMap((node) => nodeFacts(ctx, node)),
  ];
}

/** One entry of `nodes`: its addresses (counted as one node), its interfaces, and its own patches. */
function nodeFacts(ctx: ExtractContext, node: Node): Fact[] {
  const ipAddress = below(ctx, node, ['ipAddress']);
  const hostname = scalarString(below(ctx, node, ['hostname']))?.trim();
  const firstAddress = scalarString(ipAddress)?.split(',')[0]?.trim();
  const host = firstAddress || hostname || '';
  const addresses = ctx
    .list(ipAddress, spec('node-address', 'nodes[].ipAddress', GO_IP, 'nodes', { host, ...(hostname ? { hostname } : {}) }))
    // A host name is no address: only addresses and placeholders are the node's addresses.
    .filter((fact) => fact.value.kind === 'address' || fact.value.kind === 'template');
  const interfaces = ctx.items(below(ctx, node, ['networkInterfaces'])).flatMap((device) => deviceFacts(ctx, device, 'talhelper nodes[].networkInterfaces[]', host));
  return [...addresses, ...interfaces, ...ctx.items(below(ctx, node, ['patches'])).flatMap((patch) => inlinePatchFacts(ctx, patch, host))];
}

/**
 * An inline patch: YAML in a string, strategic-merge or JSON 6902. `@file` references are not inline.
 * A node's own patches describe that node (`host`), whatever addresses they add.
 */
function inlinePatchFacts(ctx: ExtractContext, patch: Node, host?: string): Fact[] {
  if (scalarString(patch)?.trim().startsWith('@')) return [];
  return ctx.embedded(patch).flatMap((inner) => {
    const tree = jsonPatchTree(inner, inner.root) ?? mergeTree(inner, inner.root);
    return tree ? machineConfigFacts(inner, tree, { complete: false, label: 'talhelper patches', at: undefined, ...(host ? { host } : {}) }) : [];
  });
}

function isBareIpv6(text: string): boolean {
  const parsed = parseAddr(text);
  return !isParseError(parsed) && parsed.addr.family === 6;
}
