// Extractor: Flannel's network config (domain-rules.md §10), wherever it is written:
// - `net-conf.json` in a ConfigMap (kube-flannel-cfg; Canal's canal-config / calico-config), JSON in
//   a YAML string;
// - a standalone net-conf.json file (k3s `--flannel-conf`, the etcd-era docs);
// - the JSON an `etcdctl set /coreos.com/network/config '{…}'` container writes for the etcd
//   subnet manager (Canal's etcd manifests);
// - the flannel chart's values (`podCidr`, `podCidrv6`).
//
// `SubnetLen`, `SubnetMin` and `SubnetMax` only matter to the etcd subnet manager; with
// `--kube-subnet-mgr` (every standard manifest) each node's subnet is its `Node.spec.podCIDR`. The facts
// therefore carry `kubeSubnetMgr`: read from the flannel container when the file has one, otherwise
// assumed true (and marked `kubeSubnetMgrAssumed`), since that is how flannel is deployed on Kubernetes.

import type { Fact } from '../../model';
import type { Family } from '../../net/addr';
import type { ExtractContext } from './context';
import type { Extractor } from './extractor';
import { containersOf } from './containers';
import { familyOf } from './calicoIpPool';
import { jsonField, jsonValue } from './goJson';
import { GO_IP, GO_MASKING_CIDR, INTEGER, withFamily } from './syntax';
import { documentMentions, findValueMaps } from './valueMaps';
import { below } from './tree';
import { Node, getKey, getKeyNode, mapEntries, scalarString } from '../yamlNode';

type Attributes = Readonly<Record<string, string | number | boolean>>;

const NET_CONF_KEY = 'net-conf.json';
/** The etcd key flanneld reads its config from (`--etcd-prefix` default). */
const ETCD_CONFIG_KEY = '/coreos.com/network/config';
/** Keys that, beside `Network`/`IPv6Network`, mark a standalone document as a Flannel config. */
const NET_CONF_KEYS = ['Backend', 'SubnetLen', 'SubnetMin', 'SubnetMax', 'EnableIPv4', 'EnableIPv6', 'IPv6SubnetLen', 'EnableNFTables'];
/** `parseBackendType`: a config without `Backend` runs the udp backend (the docs say vxlan). */
const BACKEND_WITHOUT_CONFIG = 'udp';
/** The flannel chart's `flannel.backend` default. */
const CHART_DEFAULT_BACKEND = 'vxlan';

export const flannel: Extractor = {
  name: 'flannel',
  triggers: [NET_CONF_KEY, ETCD_CONFIG_KEY, '"Network', '"IPv6Network', 'podCidr'],
  extract(ctx) {
    // A ConfigMap may also carry chart values as YAML text, for Flux `valuesFrom`.
    if (ctx.ref.kind === 'ConfigMap') return [...configMapFacts(ctx), ...chartValuesFacts(ctx)];
    if (ctx.ref.kind === '' && isStandaloneNetConf(ctx)) return netConfFacts(ctx, ctx.root, 'flannel net-conf.json', 'flannel', kubeSubnetManager(ctx));
    return [...etcdConfigFacts(ctx), ...chartValuesFacts(ctx)];
  },
};

function configMapFacts(ctx: ExtractContext): Fact[] {
  const mode = kubeSubnetManager(ctx);
  return ctx.embedded(ctx.get(['data', NET_CONF_KEY])).flatMap((conf) => netConfFacts(conf, conf.root, 'flannel net-conf.json', 'flannel', mode));
}

/** A net-conf.json file is JSON: its `"Network"` key is quoted, unlike a YAML key that merely shares the name. */
function isStandaloneNetConf(ctx: ExtractContext): boolean {
  const hasNetwork = ['Network', 'IPv6Network'].some((key) => getKeyNode(ctx.root, key, ctx.yaml)?.type === 'QUOTE_DOUBLE');
  return hasNetwork && NET_CONF_KEYS.some((key) => getKey(ctx.root, key, ctx.yaml) !== undefined);
}

/** The JSON argument that follows `/coreos.com/network/config` in a container's command or args. */
function etcdConfigFacts(ctx: ExtractContext): Fact[] {
  if (!documentMentions(ctx, [ETCD_CONFIG_KEY])) return [];
  return containersOf(ctx).flatMap((container) => {
    const words = [...ctx.items(ctx.get(['command'], container.node)), ...ctx.items(ctx.get(['args'], container.node))];
    const at = words.findIndex((word) => scalarString(word) === ETCD_CONFIG_KEY);
    if (at < 0 || at + 1 >= words.length) return [];
    return ctx
      .embedded(words[at + 1])
      .flatMap((conf) => netConfFacts(conf, conf.root, 'flannel etcd config', `flannel-etcd[${container.index}]`, { kubeSubnetMgr: false }));
  });
}

interface SubnetManager {
  readonly kubeSubnetMgr: boolean;
  readonly kubeSubnetMgrAssumed?: true;
}

/** How the flannel daemon of this file finds node subnets: `--kube-subnet-mgr`, etcd, or unknown. */
function kubeSubnetManager(ctx: ExtractContext): SubnetManager {
  const text = ctx.doc.source.text;
  if (/--kube-subnet-mgr(?!=false)|FLANNELD_KUBE_SUBNET_MGR/.test(text)) return { kubeSubnetMgr: true };
  if (/--etcd-endpoints|FLANNELD_ETCD_ENDPOINTS/.test(text)) return { kubeSubnetMgr: false };
  return { kubeSubnetMgr: true, kubeSubnetMgrAssumed: true };
}

function netConfFacts(ctx: ExtractContext, conf: Node | undefined, label: string, group: string, mode: SubnetManager): Fact[] {
  if (mapEntries(conf, ctx.yaml).length === 0) return [];
  const attributes: Attributes = { ...familyFlags(ctx, conf), backend: backendOf(ctx, conf), ...mode };
  return ([4, 6] as const).flatMap((family) => familyFacts(ctx, conf, family, label, group, attributes));
}

function familyFlags(ctx: ExtractContext, conf: Node | undefined): Attributes {
  return {
    enableIPv4: scalarString(jsonValue(ctx, conf, 'EnableIPv4')) !== 'false',
    enableIPv6: scalarString(jsonValue(ctx, conf, 'EnableIPv6')) === 'true',
  };
}

function backendOf(ctx: ExtractContext, conf: Node | undefined): string {
  const backend = jsonValue(ctx, conf, 'Backend');
  if (!backend) return BACKEND_WITHOUT_CONFIG;
  return scalarString(jsonValue(ctx, backend, 'Type')) ?? '';
}

/** The keys of one family: `Network`, `SubnetLen`, `SubnetMin`, `SubnetMax`, or their `IPv6` twins. */
function familyFacts(ctx: ExtractContext, conf: Node | undefined, family: Family, label: string, group: string, attributes: Attributes): Fact[] {
  const key = (name: string) => (family === 4 ? name : `IPv6${name}`);
  const networkField = jsonField(ctx, conf, key('Network'));
  const network = ctx.scalar(networkField?.value, {
    role: 'cni-pod-pool',
    component: 'flannel',
    source: `${label} ${key('Network')}`,
    syntax: withFamily(GO_MASKING_CIDR, family),
    group,
    attributes,
  });
  const sized = { ...attributes, family };
  const subnetLenSpec = { role: 'subnet-len' as const, component: 'flannel' as const, source: `${label} ${key('SubnetLen')}`, syntax: INTEGER, group, attributes: sized };
  const subnetLen = ctx.scalar(jsonValue(ctx, conf, key('SubnetLen')), subnetLenSpec);
  const defaultLen = subnetLen.length === 0 && familyOf(network[0]) === family ? defaultSubnetLen(network[0], family) : undefined;
  const bounds = (['Min', 'Max'] as const).flatMap((bound) =>
    ctx.scalar(jsonValue(ctx, conf, key(`Subnet${bound}`)), {
      role: 'subnet-bound',
      component: 'flannel',
      source: `${label} ${key(`Subnet${bound}`)}`,
      syntax: withFamily(GO_IP, family),
      group,
      attributes: { ...sized, bound: bound === 'Min' ? 'start' : 'end' },
    }),
  );
  return [
    ...network,
    ...subnetLen,
    ...(defaultLen !== undefined ? [ctx.defaulted(String(defaultLen), subnetLenSpec, networkField?.key)] : []),
    ...bounds,
  ];
}

/**
 * Flannel's SubnetLen default (config.go): /24 for IPv4 networks up to /22, the prefix plus two up to
 * /28; /64 for IPv6 networks up to /62, the prefix plus two up to /124. Longer networks are rejected,
 * so no default applies.
 */
function defaultSubnetLen(network: Fact, family: Family): number | undefined {
  if (network.value.kind !== 'prefix') return undefined;
  const bits = network.value.prefix.bits;
  const [standard, widest, narrowest] = family === 4 ? [24, 22, 28] : [64, 62, 124];
  if (bits <= widest) return standard;
  return bits <= narrowest ? bits + 2 : undefined;
}

/** The flannel chart's values: `podCidr`/`podCidrv6` beside a `flannel:` map of daemon settings. */
function chartValuesFacts(ctx: ExtractContext): Fact[] {
  const isChartValues = (inner: ExtractContext, map: Node) =>
    getKey(map, 'flannel', inner.yaml) !== undefined && (getKey(map, 'podCidr', inner.yaml) !== undefined || getKey(map, 'podCidrv6', inner.yaml) !== undefined);
  return findValueMaps(ctx, isChartValues, ['podCidr']).flatMap((found, index) => {
    const { ctx: inner, map } = found;
    const daemon = inner.get(['flannel'], map);
    // The chart's template sets EnableIPv4 only with a podCidr and EnableIPv6 only with a podCidrv6.
    const attributes: Attributes = {
      enableIPv4: (scalarString(inner.get(['podCidr'], map)) ?? '') !== '',
      enableIPv6: (scalarString(inner.get(['podCidrv6'], map)) ?? '') !== '',
      backend: scalarString(below(inner, daemon, ['backend'])) ?? CHART_DEFAULT_BACKEND,
      ...chartSubnetManager(inner, daemon),
    };
    return ([4, 6] as const).flatMap((family) => chartPodCidrFacts(inner, map, family, `flannel-chart[${index}]`, attributes));
  });
}

function chartSubnetManager(ctx: ExtractContext, daemon: Node | undefined): SubnetManager {
  const args = ctx.items(below(ctx, daemon, ['args'])).map(scalarString);
  if (args.length === 0) return { kubeSubnetMgr: true, kubeSubnetMgrAssumed: true };
  return { kubeSubnetMgr: args.includes('--kube-subnet-mgr') };
}

function chartPodCidrFacts(ctx: ExtractContext, map: Node, family: Family, group: string, attributes: Attributes): Fact[] {
  const name = family === 4 ? 'podCidr' : 'podCidrv6';
  const network = ctx.scalar(ctx.get([name], map), {
    role: 'cni-pod-pool',
    component: 'flannel',
    source: `flannel chart ${name}`,
    syntax: withFamily(GO_MASKING_CIDR, family),
    group,
    attributes,
  });
  const defaultLen = familyOf(network[0]) === family ? defaultSubnetLen(network[0], family) : undefined;
  if (defaultLen === undefined) return network;
  const subnetLen = {
    role: 'subnet-len' as const,
    component: 'flannel' as const,
    source: `flannel net-conf.json ${family === 4 ? 'SubnetLen' : 'IPv6SubnetLen'}`,
    syntax: INTEGER,
    group,
    attributes: { ...attributes, family },
  };
  return [...network, ctx.defaulted(String(defaultLen), subnetLen, getKeyNode(map, name, ctx.yaml))];
}
