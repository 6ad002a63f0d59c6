// Extractor: Antrea's configuration, wherever it is written:
// - the `antrea-config` ConfigMap: `antrea-agent.conf` and `antrea-controller.conf`, YAML in strings;
// - the antrea chart's values (build/charts/antrea/values.yaml), which carry the same keys, except
//   that the controller's `nodeIPAM.enableNodeIPAM` is `nodeIPAM.enable` there;
// - the Multi-cluster controller's `MultiClusterConfig` (multicluster.crd.antrea.io), standalone or in
//   the `antrea-mc-controller-config` ConfigMap.
//
// What each key means, and when Antrea reads it (pkg/config/agent/config.go, pkg/config/controller/config.go):
// - `nodeIPAM.clusterCIDRs` is the cluster CIDR that antrea-controller's node IPAM (the Kubernetes
//   range allocator) carves Node podCIDRs from, in place of kube-controller-manager: a `pod-network`,
//   with the per-node masks `nodeCIDRMaskSizeIPv4/IPv6` (defaults 24 and 64, cmd/antrea-controller/
//   options.go) and the service ranges it keeps node blocks out of. All of it is "ignored when
//   enableNodeIPAM is false" (the default), or when the NodeIPAM feature gate is off.
// - the agent's `serviceCIDR` / `serviceCIDRv6` tell antrea-agent the service range when kube-proxy
//   serves Services; "when AntreaProxy is enabled [the default], this parameter is not needed and will
//   be ignored". With AntreaProxy off, `serviceCIDR` defaults to 10.96.0.0/12 (cmd/antrea-agent/options.go).
// - `podCIDRs` restates the cluster's pod CIDRs in `networkPolicyOnly` mode only.
// - `transportInterfaceCIDRs` select the node interface by its network: node addresses.
// - `egress.exceptCIDRs` are destinations Egress does not SNAT: peers, not owned space.
// - a MultiClusterConfig's `serviceCIDR` and `podCIDRs` restate this member cluster's ranges to the others.

import type { Fact, Role } from '../../model';
import type { ExtractContext, FieldSpec } from './context';
import type { Extractor } from './extractor';
import { familiesOf } from './nodeMask';
import { parseGoBool } from './flags';
import { COMPONENT_CIDR, GO_MASKING_CIDR, INTEGER, withFamily } from './syntax';
import { findValueMaps } from './valueMaps';
import { below } from './tree';
import { isConfigOf } from './componentConfig';
import { Node, getKey, getKeyNode, mapEntries, scalarString } from '../yamlNode';

const AGENT_CONF = 'antrea-agent.conf';
const CONTROLLER_CONF = 'antrea-controller.conf';
const MULTICLUSTER_GROUP = 'multicluster.crd.antrea.io';
const MULTICLUSTER_KIND = 'MultiClusterConfig';

/** antrea-agent's `defaultServiceCIDR` (cmd/antrea-agent/options.go). */
const DEFAULT_SERVICE_CIDR = '10.96.0.0/12';
/** antrea-controller's `ipamIPv4MaskDefault` / `ipamIPv6MaskDefault` (cmd/antrea-controller/options.go). */
const DEFAULT_NODE_MASK = { 4: '24', 6: '64' } as const;

/** Keys of the chart's values that only Antrea has: one of them marks a values map. */
const VALUES_KEYS = ['nodeIPAM', 'antreaProxy', 'trafficEncapMode', 'transportInterfaceCIDRs', 'nodePortLocal'];

export const antrea: Extractor = {
  name: 'antrea',
  triggers: [AGENT_CONF, CONTROLLER_CONF, MULTICLUSTER_KIND, ...VALUES_KEYS],
  extract(ctx) {
    if (isConfigOf(ctx, MULTICLUSTER_GROUP, MULTICLUSTER_KIND)) return multiClusterFacts(ctx, 'multicluster');
    if (ctx.ref.kind === 'ConfigMap' && isAntreaConfigMap(ctx)) return configMapFacts(ctx);
    return findValueMaps(ctx, isChartValues, VALUES_KEYS).flatMap((found, index) => {
      const group = `antrea-values[${index}]`;
      return [...agentFacts(found.ctx, found.map, 'antrea chart', `${group}:agent`), ...nodeIpamFacts(found.ctx, found.map, 'antrea chart', `${group}:controller`, ['enable', 'enableNodeIPAM'])];
    });
  },
};

function isAntreaConfigMap(ctx: ExtractContext): boolean {
  const data = ctx.get(['data']);
  return mapEntries(data, ctx.yaml).some(([key, value]) => key === AGENT_CONF || key === CONTROLLER_CONF || (ctx.text(value)?.text.includes(MULTICLUSTER_KIND) ?? false));
}

function isChartValues(ctx: ExtractContext, map: Node): boolean {
  return VALUES_KEYS.some((key) => getKey(map, key, ctx.yaml) !== undefined);
}

function configMapFacts(ctx: ExtractContext): Fact[] {
  const data = ctx.get(['data']);
  const confs = (key: string) => ctx.embedded(getKey(data, key, ctx.yaml));
  return [
    ...confs(AGENT_CONF).flatMap((conf) => agentFacts(conf, conf.root, AGENT_CONF, 'antrea-agent')),
    ...confs(CONTROLLER_CONF).flatMap((conf) => nodeIpamFacts(conf, conf.root, CONTROLLER_CONF, 'antrea-controller', ['enableNodeIPAM'])),
    ...mapEntries(data, ctx.yaml)
      .filter(([key]) => key !== AGENT_CONF && key !== CONTROLLER_CONF)
      .flatMap(([, value]) => ctx.embedded(value))
      .filter((inner) => isConfigOf(inner, MULTICLUSTER_GROUP, MULTICLUSTER_KIND))
      .flatMap((inner) => multiClusterFacts(inner, 'multicluster')),
  ];
}

function spec(role: Role, source: string, syntax: FieldSpec['syntax'], group: string, attributes?: FieldSpec['attributes']): FieldSpec {
  return { role, component: 'antrea', source, syntax, group, ...(attributes ? { attributes } : {}) };
}

/** A feature gate: on unless `featureGates.<name>` says a Go boolean false. */
function gateEnabled(ctx: ExtractContext, conf: Node | undefined, name: string): boolean {
  return !isFalse(below(ctx, conf, ['featureGates', name]));
}

function isFalse(node: Node | undefined): boolean {
  return parseGoBool(scalarString(node)?.trim() ?? '') === false;
}

// ---- antrea-agent ---------------------------------------------------------------------------------------

function agentFacts(ctx: ExtractContext, conf: Node | undefined, label: string, group: string): Fact[] {
  if (!conf) return [];
  const text = (path: string[]) => scalarString(below(ctx, conf, path))?.trim() ?? '';
  const mode = text(['trafficEncapMode']) || 'encap';
  // The setting that turns AntreaProxy off is where the service range becomes needed.
  const proxyOff = [below(ctx, conf, ['antreaProxy', 'enable']), below(ctx, conf, ['featureGates', 'AntreaProxy'])].find(isFalse);
  const attributes = { trafficEncapMode: mode, antreaProxy: proxyOff === undefined };
  return [
    ...(proxyOff ? agentServiceFacts(ctx, conf, label, group, attributes, proxyOff) : []),
    ...(mode === 'networkPolicyOnly'
      ? ctx.list(below(ctx, conf, ['podCIDRs']), spec('cni-pod-pool', `${label} podCIDRs`, GO_MASKING_CIDR, group, attributes))
      : []),
    ...ctx.each(below(ctx, conf, ['transportInterfaceCIDRs']), spec('node-address', `${label} transportInterfaceCIDRs`, GO_MASKING_CIDR, `${group}:transport`)),
    ...ctx.each(below(ctx, conf, ['egress', 'exceptCIDRs']), spec('policy-cidr', `${label} egress.exceptCIDRs`, GO_MASKING_CIDR, `${group}:egress`)),
  ];
}

/** Without AntreaProxy the agent needs the service range; `serviceCIDR` falls back to its default. */
function agentServiceFacts(ctx: ExtractContext, conf: Node, label: string, group: string, attributes: FieldSpec['attributes'], proxyOff: Node): Fact[] {
  const v4 = spec('service-network', `${label} serviceCIDR`, withFamily(GO_MASKING_CIDR, 4), group, attributes);
  const v6 = spec('service-network', `${label} serviceCIDRv6`, withFamily(GO_MASKING_CIDR, 6), group, attributes);
  const written = ctx.scalar(below(ctx, conf, ['serviceCIDR']), v4);
  return [
    ...(written.length > 0 ? written : [ctx.defaulted(DEFAULT_SERVICE_CIDR, v4, proxyOff)]),
    ...ctx.scalar(below(ctx, conf, ['serviceCIDRv6']), v6),
  ];
}

// ---- antrea-controller node IPAM --------------------------------------------------------------------------

/** `enableKeys`: the switch's name, `enableNodeIPAM` in the conf file and `enable` in the chart's values. */
function nodeIpamFacts(ctx: ExtractContext, conf: Node | undefined, label: string, group: string, enableKeys: readonly string[]): Fact[] {
  const nodeIpam = below(ctx, conf, ['nodeIPAM']);
  const enabled = enableKeys.some((key) => parseGoBool(scalarString(below(ctx, nodeIpam, [key]))?.trim() ?? '') === true);
  if (!nodeIpam || !enabled || !gateEnabled(ctx, conf, 'NodeIPAM')) return [];
  const at = (key: string) => `${label} nodeIPAM.${key}`;
  const clusterCidrs = ctx.list(below(ctx, nodeIpam, ['clusterCIDRs']), spec('pod-network', at('clusterCIDRs'), COMPONENT_CIDR, group, { nodeIpam: 'antrea' }));
  const services = ([4, 6] as const).flatMap((family) => {
    const key = family === 4 ? 'serviceCIDR' : 'serviceCIDRv6';
    return ctx.scalar(below(ctx, nodeIpam, [key]), spec('service-network', at(key), withFamily(GO_MASKING_CIDR, family), group));
  });
  // A mask is read only for a family the cluster CIDRs have; 0 or a left-out mask takes the default.
  const masks = familiesOf(clusterCidrs).flatMap((family) => {
    const key = `nodeCIDRMaskSizeIPv${family}`;
    const maskSpec = spec('node-mask', at(key), INTEGER, group, { family });
    const written = ctx.scalar(below(ctx, nodeIpam, [key]), maskSpec).filter((fact) => !(fact.value.kind === 'number' && fact.value.value === 0));
    return written.length > 0 ? written : [ctx.defaulted(DEFAULT_NODE_MASK[family], maskSpec, getKeyNode(nodeIpam, 'clusterCIDRs', ctx.yaml))];
  });
  return [...clusterCidrs, ...services, ...masks];
}

// ---- Multi-cluster ------------------------------------------------------------------------------------------

function multiClusterFacts(ctx: ExtractContext, group: string): Fact[] {
  const label = `antrea ${MULTICLUSTER_KIND}`;
  return [
    ...ctx.scalar(ctx.get(['serviceCIDR']), spec('service-network', `${label} serviceCIDR`, GO_MASKING_CIDR, group, { multicluster: true })),
    ...ctx.each(ctx.get(['podCIDRs']), spec('cni-pod-pool', `${label} podCIDRs`, GO_MASKING_CIDR, group, { multicluster: true })),
  ];
}
