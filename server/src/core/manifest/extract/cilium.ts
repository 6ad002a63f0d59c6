// Extractor: Cilium (domain-rules.md §11): the `cilium-config` ConfigMap and the chart's Helm values
// (cluster-pool CIDRs and per-node mask sizes, native-routing CIDRs, IPAM and routing modes), the
// `CiliumLoadBalancerIPPool` and `CiliumPodIPPool` resources, and `CiliumNode` allocations.
//
// Under `ipam: cluster-pool` (Cilium's default IPAM) a config that names no pool gets the chart's
// defaults — 10.0.0.0/8 split into /24s, and fd00::/104 into /120s when IPv6 is on. Those defaults
// are a classic collision with node and service networks, so they are facts of their own.

import type { Fact } from '../../model';
import type { Family } from '../../net/addr';
import type { ExtractContext, FieldSpec } from './context';
import type { Extractor } from './extractor';
import { GO_ADDRESS_RANGE, GO_MASKING_CIDR, INTEGER, withFamily } from './syntax';
import { FoundMap, findValueMaps } from './valueMaps';
import { below } from './tree';
import { isTemplate } from '../value';
import { Node, getKey, getKeyNode, mapEntries, scalarString } from '../yamlNode';

type Attributes = Readonly<Record<string, string | number | boolean>>;

/** Cilium's default IPAM mode, and the modes that allocate from the cluster pool. */
const DEFAULT_IPAM = 'cluster-pool';
const CLUSTER_POOL_MODES = ['cluster-pool', 'cluster-pool-v2beta'];
const DEFAULT_ROUTING_MODE = 'tunnel';
/** The chart's cluster-pool defaults (values.yaml `ipam.operator`). */
const DEFAULT_POOL: Readonly<Record<Family, { cidr: string; mask: string }>> = {
  4: { cidr: '10.0.0.0/8', mask: '24' },
  6: { cidr: 'fd00::/104', mask: '120' },
};

/** `cilium-config` keys that hold addresses; any of them marks a ConfigMap as Cilium's config. */
const CONFIG_MAP_KEYS = ['cluster-pool-ipv4-cidr', 'cluster-pool-ipv6-cidr', 'ipv4-native-routing-cidr', 'ipv6-native-routing-cidr', 'native-routing-cidr'];
/** Helm values keys only Cilium's chart has: one of them marks a values map. */
const STRONG_VALUES_KEYS = ['ipv4NativeRoutingCIDR', 'ipv6NativeRoutingCIDR', 'kubeProxyReplacement'];
/** Helm values keys typical of Cilium's chart: two of them (or an `ipam.mode`) mark a values map. */
const WEAK_VALUES_KEYS = ['hubble', 'k8sServiceHost', 'routingMode', 'tunnelProtocol', 'autoDirectNodeRoutes', 'l2announcements', 'bgpControlPlane', 'bandwidthManager', 'socketLB', 'egressGateway', 'enableIPv4Masquerade'];
const CLUSTER_POOL_VALUES = 'clusterPoolIPv';

export const cilium: Extractor = {
  name: 'cilium',
  triggers: ['cilium', 'Cilium', 'cluster-pool-ipv', 'native-routing-cidr', CLUSTER_POOL_VALUES, ...STRONG_VALUES_KEYS, ...WEAK_VALUES_KEYS],
  extract(ctx) {
    const apiVersion = ctx.ref.apiVersion ?? '';
    if (apiVersion.startsWith('cilium.io/')) return resourceFacts(ctx);
    if (ctx.ref.kind === 'ConfigMap' && isCiliumConfig(ctx)) return configMapFacts(ctx);
    // Anything else may hold chart values, a ConfigMap too (as YAML text, for Flux `valuesFrom`).
    return findValueMaps(ctx, isHelmValues, [CLUSTER_POOL_VALUES, ...STRONG_VALUES_KEYS, ...WEAK_VALUES_KEYS]).flatMap((found, index) => helmValuesFacts(found, `cilium-values[${index}]`));
  },
};

function resourceFacts(ctx: ExtractContext): Fact[] {
  switch (ctx.ref.kind) {
    case 'CiliumLoadBalancerIPPool':
      return loadBalancerPoolFacts(ctx);
    case 'CiliumPodIPPool':
      return podPoolFacts(ctx);
    case 'CiliumNode':
      return ctx.list(ctx.get(['spec', 'ipam', 'podCIDRs']), {
        role: 'node-pod-cidr',
        component: 'cilium',
        source: 'cilium CiliumNode spec.ipam.podCIDRs',
        syntax: GO_MASKING_CIDR,
        group: 'ciliumnode',
        attributes: { node: ctx.ref.name ?? '' },
      });
    default:
      return [];
  }
}

// ---- cilium-config ConfigMap -------------------------------------------------------------------

function isCiliumConfig(ctx: ExtractContext): boolean {
  if (ctx.ref.name === 'cilium-config') return true;
  const data = ctx.get(['data']);
  return CONFIG_MAP_KEYS.some((key) => getKey(data, key, ctx.yaml) !== undefined);
}

/** The ConfigMap's view of the settings the Helm values also express, so both share one reader. */
interface Settings {
  readonly ctx: ExtractContext;
  readonly ipam: string;
  readonly routingMode: string;
  readonly enabled: Readonly<Record<Family, boolean>>;
  /** Whether Cilium replaces kube-proxy (`kube-proxy-replacement` / `kubeProxyReplacement`: `true` or the older `strict`). */
  readonly kubeProxyReplacement: boolean;
  pool(family: Family): Node | undefined;
  mask(family: Family): Node | undefined;
  nativeRouting(family: Family): { node: Node | undefined; name: string };
  label: { pool(family: Family): string; mask(family: Family): string };
  /** Places a default on what implies it: the `ipam` setting when written, else the values' key or the document. */
  defaulted(text: string, spec: FieldSpec): Fact;
  group: string;
}

function configMapFacts(ctx: ExtractContext): Fact[] {
  const data = ctx.get(['data']);
  const value = (key: string) => scalarString(getKey(data, key, ctx.yaml))?.trim();
  const ipamNode = getKey(data, 'ipam', ctx.yaml);
  const legacyTunnel = value('tunnel');
  const settings: Settings = {
    ctx,
    ipam: value('ipam') || DEFAULT_IPAM,
    routingMode: value('routing-mode') || (legacyTunnel === undefined ? DEFAULT_ROUTING_MODE : legacyTunnel === 'disabled' ? 'native' : 'tunnel'),
    enabled: { 4: value('enable-ipv4') !== 'false', 6: value('enable-ipv6') === 'true' },
    kubeProxyReplacement: replacesKubeProxy(value('kube-proxy-replacement')),
    pool: (family) => getKey(data, `cluster-pool-ipv${family}-cidr`, ctx.yaml),
    mask: (family) => getKey(data, `cluster-pool-ipv${family}-mask-size`, ctx.yaml),
    nativeRouting: (family) => {
      const name = `ipv${family}-native-routing-cidr`;
      // Cilium before 1.10 called the IPv4 key `native-routing-cidr`.
      if (family === 4 && !getKey(data, name, ctx.yaml) && getKey(data, 'native-routing-cidr', ctx.yaml)) {
        return { node: getKey(data, 'native-routing-cidr', ctx.yaml), name: 'native-routing-cidr' };
      }
      return { node: getKey(data, name, ctx.yaml), name };
    },
    label: { pool: (family) => `cilium cluster-pool-ipv${family}-cidr`, mask: (family) => `cilium cluster-pool-ipv${family}-mask-size` },
    defaulted: (text, spec) => ctx.defaulted(text, spec, ipamNode),
    group: 'cilium-config',
  };
  return settingsFacts(settings);
}

// ---- Helm values -------------------------------------------------------------------------------

function isHelmValues(ctx: ExtractContext, map: Node): boolean {
  const has = (key: string) => getKey(map, key, ctx.yaml) !== undefined;
  const operator = ctx.get(['ipam', 'operator'], map);
  if (mapEntries(operator, ctx.yaml).some(([key]) => key.startsWith(CLUSTER_POOL_VALUES))) return true;
  if (STRONG_VALUES_KEYS.some(has)) return true;
  const weak = WEAK_VALUES_KEYS.filter(has).length + (ctx.get(['ipam', 'mode'], map) ? 1 : 0);
  return weak >= 2;
}

function helmValuesFacts(found: FoundMap, group: string): Fact[] {
  const { ctx, map } = found;
  const get = (path: string[]) => ctx.get(path, map);
  const text = (path: string[]) => scalarString(get(path))?.trim();
  const operator = get(['ipam', 'operator']);
  const ipamKey = getKeyNode(map, 'ipam', ctx.yaml);
  const legacyTunnel = text(['tunnel']);
  const settings: Settings = {
    ctx,
    ipam: text(['ipam', 'mode']) || DEFAULT_IPAM,
    routingMode: text(['routingMode']) || (legacyTunnel === undefined ? DEFAULT_ROUTING_MODE : legacyTunnel === 'disabled' ? 'native' : 'tunnel'),
    enabled: { 4: text(['ipv4', 'enabled']) !== 'false', 6: text(['ipv6', 'enabled']) === 'true' },
    kubeProxyReplacement: replacesKubeProxy(text(['kubeProxyReplacement'])),
    // Charts before 1.11 took a single `clusterPoolIPv4PodCIDR` string.
    pool: (family) => below(ctx, operator, [`clusterPoolIPv${family}PodCIDRList`]) ?? below(ctx, operator, [`clusterPoolIPv${family}PodCIDR`]),
    mask: (family) => below(ctx, operator, [`clusterPoolIPv${family}MaskSize`]),
    nativeRouting: (family) => ({ node: get([`ipv${family}NativeRoutingCIDR`]), name: `ipv${family}NativeRoutingCIDR` }),
    label: {
      pool: (family) => `cilium ipam.operator.clusterPoolIPv${family}PodCIDRList`,
      mask: (family) => `cilium ipam.operator.clusterPoolIPv${family}MaskSize`,
    },
    defaulted: (value, spec) => (ipamKey ? ctx.defaulted(value, spec, ipamKey) : found.defaulted(value, spec)),
    group,
  };
  return settingsFacts(settings);
}

// ---- shared reading of the settings ------------------------------------------------------------

/**
 * `true` (Cilium ≥ 1.14) and `strict` (older) mean Cilium handles Services itself and kube-proxy is
 * not run; `partial`, `probe`, `false` and `disabled` leave kube-proxy in place.
 */
function replacesKubeProxy(value: string | undefined): boolean {
  return value === 'true' || value === 'strict';
}

function settingsFacts(settings: Settings): Fact[] {
  const attributes: Attributes = {
    ipam: settings.ipam,
    routingMode: settings.routingMode,
    enableIPv4: settings.enabled[4],
    enableIPv6: settings.enabled[6],
    ...(settings.kubeProxyReplacement ? { kubeProxyReplacement: true } : {}),
  };
  return ([4, 6] as const).flatMap((family) => [...clusterPoolFacts(settings, family, attributes), ...nativeRoutingFacts(settings, family, attributes)]);
}

function clusterPoolFacts(settings: Settings, family: Family, attributes: Attributes): Fact[] {
  if (!CLUSTER_POOL_MODES.includes(settings.ipam) || !settings.enabled[family]) return [];
  const { ctx } = settings;
  const poolSpec: FieldSpec = {
    role: 'cni-pod-pool',
    component: 'cilium',
    source: settings.label.pool(family),
    syntax: withFamily(GO_MASKING_CIDR, family),
    group: settings.group,
    attributes,
  };
  const maskSpec: FieldSpec = {
    role: 'node-mask',
    component: 'cilium',
    source: settings.label.mask(family),
    syntax: INTEGER,
    group: settings.group,
    attributes: { ...attributes, family },
  };
  const pools = listFacts(ctx, settings.pool(family), poolSpec);
  const masks = ctx.scalar(settings.mask(family), maskSpec);
  return [
    ...(pools.length > 0 ? pools : [settings.defaulted(DEFAULT_POOL[family].cidr, poolSpec)]),
    ...(masks.length > 0 ? masks : [settings.defaulted(DEFAULT_POOL[family].mask, maskSpec)]),
  ];
}

function nativeRoutingFacts(settings: Settings, family: Family, attributes: Attributes): Fact[] {
  const { node, name } = settings.nativeRouting(family);
  return settings.ctx.scalar(node, {
    role: 'native-routing-cidr',
    component: 'cilium',
    source: `cilium ${name}`,
    syntax: withFamily(GO_MASKING_CIDR, family),
    group: settings.group,
    attributes,
  });
}

/**
 * A list of CIDRs: a YAML sequence, or one string that the chart joins with spaces (the ConfigMap
 * form, `10.0.0.0/16 10.1.0.0/16`); commas are accepted too, as on the operator's command line. A
 * placeholder (`{{ kube_pods_subnet }}`) stays whole.
 */
function listFacts(ctx: ExtractContext, node: Node | undefined, spec: FieldSpec): Fact[] {
  const source = ctx.text(node);
  if (!node || !source) return ctx.each(node, spec);
  const parts = [...source.text.matchAll(/[^\s,]+/g)];
  if (parts.length <= 1 || isTemplate(source.text)) return ctx.scalar(node, spec);
  return parts.flatMap((part) => ctx.slice(node, part.index!, part.index! + part[0].length, spec));
}

// ---- LB-IPAM and multi-pool resources ----------------------------------------------------------

function loadBalancerPoolFacts(ctx: ExtractContext): Fact[] {
  const spec = ctx.get(['spec']);
  const allowFirstLast = scalarString(below(ctx, spec, ['allowFirstLastIPs']));
  const attributes: Attributes = {
    lb: 'cilium',
    pool: ctx.ref.name ?? '',
    disabled: scalarString(below(ctx, spec, ['disabled'])) === 'true',
    ...(allowFirstLast !== undefined ? { allowFirstLastIPs: allowFirstLast } : {}),
  };
  // `spec.cidrs` is the deprecated name of `spec.blocks`.
  return (['blocks', 'cidrs'] as const).flatMap((field) => ctx.items(below(ctx, spec, [field])).flatMap((block) => blockFacts(ctx, block, field, attributes)));
}

function blockFacts(ctx: ExtractContext, block: Node, field: string, attributes: Attributes): Fact[] {
  const cidr = ctx.get(['cidr'], block);
  if (cidr) {
    return ctx.scalar(cidr, { role: 'lb-pool', component: 'cilium', source: `cilium LoadBalancerIPPool ${field}[].cidr`, syntax: GO_MASKING_CIDR, group: 'cilium-lb-pool', attributes });
  }
  return ctx.range(ctx.get(['start'], block), ctx.get(['stop'], block), {
    role: 'lb-pool',
    component: 'cilium',
    source: `cilium LoadBalancerIPPool ${field}[].start-stop`,
    syntax: GO_ADDRESS_RANGE,
    group: 'cilium-lb-pool',
    attributes,
  });
}

function podPoolFacts(ctx: ExtractContext): Fact[] {
  const attributes = { ipam: 'multi-pool', pool: ctx.ref.name ?? '' };
  return ([4, 6] as const).flatMap((family) => {
    const section = ctx.get(['spec', `ipv${family}`]);
    const group = `cilium-pod-pool:ipv${family}`;
    const cidrSpec: FieldSpec = { role: 'cni-pod-pool', component: 'cilium', source: `cilium PodIPPool ipv${family}.cidrs`, syntax: withFamily(GO_MASKING_CIDR, family), group, attributes };
    // Older versions list CIDR strings; v2 lists `{cidr: …}` objects.
    const cidrs = ctx.items(below(ctx, section, ['cidrs'])).flatMap((entry) => ctx.scalar(ctx.get(['cidr'], entry) ?? entry, cidrSpec));
    const mask = ctx.scalar(below(ctx, section, ['maskSize']), {
      role: 'node-mask',
      component: 'cilium',
      source: `cilium PodIPPool ipv${family}.maskSize`,
      syntax: INTEGER,
      group,
      attributes: { ...attributes, family },
    });
    return [...cidrs, ...mask];
  });
}
