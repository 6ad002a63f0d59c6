// Extractor: Kube-OVN (kubeovn.io), wherever its address plan is written:
// - `Subnet` (kubeovn.io/v1): spec.cidrBlock (dual-stack `a,b`), spec.gateway, spec.excludeIps, with
//   spec.default, spec.protocol, spec.vpc, spec.vlan and spec.provider as attributes;
// - the kube-ovn-controller container's flags (install.sh and both charts render them):
//   --default-cidr, --default-gateway, --default-exclude-ips (the default subnet, ovn-default),
//   --node-switch-cidr, --node-switch-gateway (the join subnet) and --service-cluster-ip-range, with the
//   flag defaults of pkg/controller/config.go when they are left out;
// - the kube-ovn chart's values (charts/kube-ovn/values.yaml: `networking.NET_STACK` picks the
//   `ipv4`, `ipv6` or `dual_stack` section of POD_CIDR, POD_GATEWAY, SVC_CIDR, JOIN_CIDR) and the
//   kube-ovn-v2 chart's (charts/kube-ovn-v2/values.yaml: `networking.stack`, `networking.pods`,
//   `networking.services`, `networking.join`), with the charts' defaults.
//
// Kube-OVN's IPAM hands out pod addresses from its subnets and ignores Node podCIDRs, so every
// subnet of the default VPC is a `cni-pod-pool` (the default one marked `default: true`); subnets of
// a custom VPC or of a Multus attachment provider are isolated networks, `secondary-network`. The join
// subnet carries the nodes' ovn0 addresses: it is the CNI's `internal-network` (`kubeOvn: 'join'`),
// which no pod, service, node or load-balancer range may touch. `--service-cluster-ip-range` restates the
// cluster's service range ("should be equal with service-cluster-ip-range", install.sh).

import type { Fact, FactValue, Role } from '../../model';
import type { ExtractContext, FieldSpec } from './context';
import { splitCommaList } from './context';
import { containersOf, type Container } from './containers';
import type { Extractor } from './extractor';
import { type FlagOccurrence, argumentWords, flagValueFacts, lastFlags, readFlags } from './flags';
import { GO_ADDRESS_RANGE, GO_IP, GO_MASKING_CIDR, KUBE_OVN_EXCLUDE_IP, withFamily } from './syntax';
import { type FoundMap, documentMentions, findValueMaps } from './valueMaps';
import { below } from './tree';
import { parseFieldValue } from '../value';
import { Node, getKey, getKeyNode, mapEntries, scalarString } from '../yamlNode';

type Attributes = Readonly<Record<string, string | number | boolean>>;

/** `util.DefaultSubnet`, `--node-switch` and `--cluster-router` defaults (pkg/util/const.go, pkg/controller/config.go). */
const DEFAULT_SUBNET = 'ovn-default';
const JOIN_SUBNET = 'join';
const DEFAULT_VPC = 'ovn-cluster';
/** A Subnet's `spec.provider` when it is a pod's primary network. */
const DEFAULT_PROVIDER = 'ovn';

/** kube-ovn-controller's flag defaults (pkg/controller/config.go). */
const CONTROLLER_DEFAULTS = {
  'default-cidr': '10.16.0.0/16',
  'node-switch-cidr': '100.64.0.0/16',
  'service-cluster-ip-range': '10.96.0.0/12',
} as const;
const CONTROLLER_SCRIPT = '/kube-ovn/start-controller.sh';
const CONTROLLER_NAME = 'kube-ovn-controller';

/** The kube-ovn chart's sections and their defaults (charts/kube-ovn/values.yaml). */
const CHART_STACKS = {
  ipv4: { POD_CIDR: '10.16.0.0/16', POD_GATEWAY: '10.16.0.1', SVC_CIDR: '10.96.0.0/12', JOIN_CIDR: '100.64.0.0/16' },
  ipv6: { POD_CIDR: 'fd00:10:16::/112', POD_GATEWAY: 'fd00:10:16::1', SVC_CIDR: 'fd00:10:96::/112', JOIN_CIDR: 'fd00:100:64::/112' },
  dual_stack: {
    POD_CIDR: '10.16.0.0/16,fd00:10:16::/112',
    POD_GATEWAY: '10.16.0.1,fd00:10:16::1',
    SVC_CIDR: '10.96.0.0/12,fd00:10:96::/112',
    JOIN_CIDR: '100.64.0.0/16,fd00:100:64::/112',
  },
} as const;
type ChartStack = keyof typeof CHART_STACKS;
type ChartKey = keyof (typeof CHART_STACKS)['ipv4'];
const CHART_MARKERS = ['NET_STACK', 'POD_CIDR', 'POD_GATEWAY', 'SVC_CIDR', 'JOIN_CIDR'];

/** The kube-ovn-v2 chart's defaults per family (charts/kube-ovn-v2/values.yaml). */
const V2_DEFAULTS = {
  'pods.cidr': { v4: '10.16.0.0/16', v6: 'fd00:10:16::/112' },
  'pods.gateways': { v4: '10.16.0.1', v6: 'fd00:10:16::1' },
  'services.cidr': { v4: '10.96.0.0/12', v6: 'fd00:10:96::/112' },
  'join.cidr': { v4: '100.64.0.0/16', v6: 'fd00:100:64::/112' },
} as const;
type V2Field = keyof typeof V2_DEFAULTS;
const V2_STACKS: Readonly<Record<string, readonly ('v4' | 'v6')[]>> = { IPv4: ['v4'], IPv6: ['v6'], Dual: ['v4', 'v6'] };
const V2_MARKERS = ['networking'];

export const kubeOvn: Extractor = {
  name: 'kube-ovn',
  triggers: ['kubeovn.io', CONTROLLER_NAME, CONTROLLER_SCRIPT, ...CHART_MARKERS, ...V2_MARKERS],
  extract(ctx) {
    if (ctx.ref.kind === 'Subnet' && (ctx.ref.apiVersion ?? '').startsWith('kubeovn.io/')) return subnetFacts(ctx);
    return [...controllerFacts(ctx), ...chartFacts(ctx), ...v2ChartFacts(ctx)];
  },
};

// ---- what every source says about one subnet --------------------------------------------------------

/** One Kube-OVN subnet as a source names it; its facts share `group` and these attributes. */
interface Subnet {
  readonly name: string;
  readonly kind: 'subnet' | 'join';
  readonly isDefault: boolean;
  readonly vpc: string;
  readonly group: string;
  readonly role: Extract<Role, 'cni-pod-pool' | 'secondary-network' | 'internal-network'>;
  readonly extra?: Attributes;
}

function attributesOf(subnet: Subnet): Attributes {
  return { kubeOvn: subnet.kind, subnet: subnet.name, vpc: subnet.vpc, default: subnet.isDefault, ...subnet.extra };
}

function cidrSpec(subnet: Subnet, source: string, family?: 4 | 6): FieldSpec {
  return { role: subnet.role, component: 'kube-ovn', source, syntax: family ? withFamily(GO_MASKING_CIDR, family) : GO_MASKING_CIDR, group: subnet.group, attributes: attributesOf(subnet) };
}

/** The gateway must lie inside the subnet's own CIDR of its family (address-outside-range checks it). */
function gatewaySpec(subnet: Subnet, source: string, family?: 4 | 6): FieldSpec {
  return { role: 'subnet-bound', component: 'kube-ovn', source, syntax: family ? withFamily(GO_IP, family) : GO_IP, group: subnet.group, attributes: { ...attributesOf(subnet), bound: 'gateway' } };
}

function excludeSpec(subnet: Subnet, source: string): FieldSpec {
  return { role: 'ip-reservation', component: 'kube-ovn', source, syntax: KUBE_OVN_EXCLUDE_IP, group: subnet.group, attributes: attributesOf(subnet), parse: parseExcludeIp };
}

function serviceSpec(source: string, group: string, family?: 4 | 6): FieldSpec {
  return { role: 'service-network', component: 'kube-ovn', source, syntax: family ? withFamily(GO_MASKING_CIDR, family) : GO_MASKING_CIDR, group };
}

/**
 * An `excludeIps` entry: one address or `first..last` (ValidateSubnet: "ip … in excludeIps is not a
 * valid address", "… in excludeIps is not a valid ip range"). A CIDR is not accepted.
 */
export function parseExcludeIp(text: string): FactValue {
  if (text.includes('/')) return { kind: 'invalid', error: 'excludeIps takes addresses and first..last ranges, not CIDRs', at: text.indexOf('/') };
  const parts = text.split('..');
  if (parts.length > 2) return { kind: 'invalid', error: 'not a valid ip range: more than one ".."', at: parts[0].length + 2 + parts[1].length };
  if (parts.length === 1) return parseFieldValue(text, GO_IP);
  if (parts[0].includes('-') || parts[1].includes('-')) return { kind: 'invalid', error: 'a range is written first..last', at: text.indexOf('-') };
  const value = parseFieldValue(`${parts[0]}-${parts[1]}`, GO_ADDRESS_RANGE);
  // The range text is one character shorter than the written one past the separator.
  return value.kind === 'invalid' && value.at > parts[0].length ? { ...value, at: value.at + 1 } : value;
}

/** Elements of a comma-separated list that are not a dual-stack pair (excludeIps flags and values). */
function plainList(ctx: ExtractContext, node: Node | undefined, spec: FieldSpec): Fact[] {
  const source = ctx.text(node);
  if (!node || !source) return [];
  return splitCommaList(source.text).flatMap(([start, end]) => ctx.slice(node, start, end, spec));
}

// ---- Subnet resources -------------------------------------------------------------------------------

function subnetFacts(ctx: ExtractContext): Fact[] {
  const spec = ctx.get(['spec']);
  const text = (key: string) => scalarString(below(ctx, spec, [key]))?.trim() ?? '';
  const name = ctx.ref.name ?? '';
  const vpc = text('vpc') || DEFAULT_VPC;
  const provider = text('provider') || DEFAULT_PROVIDER;
  const subnet: Subnet = {
    name,
    kind: name === JOIN_SUBNET ? 'join' : 'subnet',
    isDefault: text('default') === 'true' || name === DEFAULT_SUBNET,
    vpc,
    group: 'subnet',
    // A custom VPC is isolated, and a non-ovn provider is a Multus attachment: neither is the pods' primary network.
    role: vpc !== DEFAULT_VPC || provider !== DEFAULT_PROVIDER ? 'secondary-network' : name === JOIN_SUBNET ? 'internal-network' : 'cni-pod-pool',
    extra: {
      provider,
      ...(text('protocol') ? { protocol: text('protocol') } : {}),
      ...(text('vlan') ? { vlan: text('vlan') } : {}),
    },
  };
  return [
    ...ctx.list(below(ctx, spec, ['cidrBlock']), cidrSpec(subnet, 'kube-ovn Subnet spec.cidrBlock')),
    ...ctx.list(below(ctx, spec, ['gateway']), gatewaySpec(subnet, 'kube-ovn Subnet spec.gateway')),
    ...ctx.each(below(ctx, spec, ['excludeIps']), excludeSpec(subnet, 'kube-ovn Subnet spec.excludeIps')),
  ];
}

// ---- kube-ovn-controller flags ------------------------------------------------------------------------

function controllerFacts(ctx: ExtractContext): Fact[] {
  if (!documentMentions(ctx, [CONTROLLER_NAME, CONTROLLER_SCRIPT])) return [];
  return containersOf(ctx).flatMap((container) => {
    const words = argumentWords(ctx, [...ctx.items(ctx.get(['command'], container.node)), ...ctx.items(ctx.get(['args'], container.node))]);
    if (!isController(container, words.map((w) => w.text))) return [];
    return flagFacts(ctx, container, lastFlags(readFlags(words, isBooleanFlag)));
  });
}

function isController(container: Container, words: readonly string[]): boolean {
  return !container.init && (container.name === CONTROLLER_NAME || words.includes(CONTROLLER_SCRIPT));
}

/** pflag booleans never take the next word as their value. */
function isBooleanFlag(name: string): boolean {
  return name.startsWith('enable-') || ['default-gateway-check', 'default-logical-gateway', 'default-u2o-interconnection', 'default-exchange-link-name', 'keep-vm-ip'].includes(name);
}

function flagFacts(ctx: ExtractContext, container: Container, flags: ReadonlyMap<string, FlagOccurrence>): Fact[] {
  const group = `controller[${container.index}]`;
  const name = (flag: string, fallback: string) => flags.get(flag)?.value?.text.trim() || fallback;
  const pods: Subnet = { name: name('default-ls', DEFAULT_SUBNET), kind: 'subnet', isDefault: true, vpc: name('cluster-router', DEFAULT_VPC), group: `${group}:default`, role: 'cni-pod-pool' };
  const join: Subnet = { name: name('node-switch', JOIN_SUBNET), kind: 'join', isDefault: false, vpc: pods.vpc, group: `${group}:join`, role: 'internal-network' };
  const read = (flag: string, spec: FieldSpec, shape: 'dual-stack' | 'plain'): Fact[] => {
    const value = flags.get(flag)?.value;
    return value ? flagValueFacts(ctx, value, spec, shape) : [];
  };
  const withDefault = (flag: keyof typeof CONTROLLER_DEFAULTS, spec: FieldSpec): Fact[] =>
    flags.has(flag) ? read(flag, spec, 'dual-stack') : [ctx.defaulted(CONTROLLER_DEFAULTS[flag], spec, container.nameNode)];
  return [
    ...withDefault('default-cidr', cidrSpec(pods, 'kube-ovn-controller --default-cidr')),
    ...read('default-gateway', gatewaySpec(pods, 'kube-ovn-controller --default-gateway'), 'dual-stack'),
    ...read('default-exclude-ips', excludeSpec(pods, 'kube-ovn-controller --default-exclude-ips'), 'plain'),
    ...withDefault('node-switch-cidr', cidrSpec(join, 'kube-ovn-controller --node-switch-cidr')),
    ...read('node-switch-gateway', gatewaySpec(join, 'kube-ovn-controller --node-switch-gateway'), 'dual-stack'),
    ...withDefault('service-cluster-ip-range', serviceSpec('kube-ovn-controller --service-cluster-ip-range', group)),
  ];
}

// ---- the kube-ovn chart's values ----------------------------------------------------------------------

/** The chart's values: a NET_STACK under `networking`, or one of its stack sections with address keys. */
function isChartValues(ctx: ExtractContext, map: Node): boolean {
  if (getKey(getKey(map, 'networking', ctx.yaml), 'NET_STACK', ctx.yaml) !== undefined) return true;
  return (Object.keys(CHART_STACKS) as ChartStack[]).some((stack) => {
    const section = getKey(map, stack, ctx.yaml);
    return (['POD_CIDR', 'SVC_CIDR', 'JOIN_CIDR'] as const).some((key) => getKey(section, key, ctx.yaml) !== undefined);
  });
}

function chartFacts(ctx: ExtractContext): Fact[] {
  return findValueMaps(ctx, isChartValues, CHART_MARKERS).flatMap((found, index) => chartValuesFacts(found, `kube-ovn-values[${index}]`));
}

function chartValuesFacts(found: FoundMap, group: string): Fact[] {
  const { ctx, map } = found;
  const networking = getKey(map, 'networking', ctx.yaml);
  const setting = (key: string) => scalarString(getKey(networking, key, ctx.yaml))?.trim();
  const stack = setting('NET_STACK') || 'ipv4';
  // The templates render nothing for another stack name; a placeholder is not ours to guess.
  if (!(stack in CHART_STACKS)) return [];
  const section = getKey(map, stack, ctx.yaml);
  const sectionKey = getKeyNode(map, stack, ctx.yaml);
  const pods: Subnet = { name: setting('DEFAULT_SUBNET') || DEFAULT_SUBNET, kind: 'subnet', isDefault: true, vpc: setting('DEFAULT_VPC') || DEFAULT_VPC, group: `${group}:default`, role: 'cni-pod-pool' };
  const join: Subnet = { name: setting('NODE_SUBNET') || JOIN_SUBNET, kind: 'join', isDefault: false, vpc: pods.vpc, group: `${group}:join`, role: 'internal-network' };
  const label = (key: ChartKey) => `kube-ovn chart ${stack}.${key}`;
  const read = (key: ChartKey, spec: FieldSpec): Fact[] => {
    const node = getKey(section, key, ctx.yaml);
    if (node) return ctx.list(node, spec);
    // A left-out key takes the chart's default: one fact per family of a dual-stack default.
    return CHART_STACKS[stack as ChartStack][key].split(',').map((text) => (sectionKey ? ctx.defaulted(text, spec, sectionKey) : found.defaulted(text, spec)));
  };
  return [
    ...read('POD_CIDR', cidrSpec(pods, label('POD_CIDR'))),
    ...read('POD_GATEWAY', gatewaySpec(pods, label('POD_GATEWAY'))),
    ...plainList(ctx, getKey(networking, 'EXCLUDE_IPS', ctx.yaml), excludeSpec(pods, 'kube-ovn chart networking.EXCLUDE_IPS')),
    ...read('JOIN_CIDR', cidrSpec(join, label('JOIN_CIDR'))),
    ...read('SVC_CIDR', serviceSpec(label('SVC_CIDR'), group)),
  ];
}

// ---- the kube-ovn-v2 chart's values -------------------------------------------------------------------

/** The v2 chart's values: `networking` with a `pods`, `services` or `join` CIDR map of `v4`/`v6`. */
function isV2ChartValues(ctx: ExtractContext, map: Node): boolean {
  const networking = getKey(map, 'networking', ctx.yaml);
  return (Object.keys(V2_DEFAULTS) as V2Field[]).some((field) => {
    const cidrs = below(ctx, networking, field.split('.'));
    return mapEntries(cidrs, ctx.yaml).some(([key]) => key === 'v4' || key === 'v6');
  });
}

function v2ChartFacts(ctx: ExtractContext): Fact[] {
  return findValueMaps(ctx, isV2ChartValues, V2_MARKERS).flatMap((found, index) => v2ValuesFacts(found, `kube-ovn-v2-values[${index}]`));
}

function v2ValuesFacts(found: FoundMap, group: string): Fact[] {
  const { ctx, map } = found;
  const networking = getKey(map, 'networking', ctx.yaml);
  const setting = (path: string[]) => scalarString(below(ctx, networking, path))?.trim();
  const families = V2_STACKS[setting(['stack']) || 'IPv4'];
  if (!families) return [];
  const networkingKey = getKeyNode(map, 'networking', ctx.yaml);
  const pods: Subnet = { name: setting(['pods', 'subnetName']) || DEFAULT_SUBNET, kind: 'subnet', isDefault: true, vpc: setting(['defaultVpcName']) || DEFAULT_VPC, group: `${group}:default`, role: 'cni-pod-pool' };
  const join: Subnet = { name: setting(['join', 'subnetName']) || JOIN_SUBNET, kind: 'join', isDefault: false, vpc: pods.vpc, group: `${group}:join`, role: 'internal-network' };
  const read = (field: V2Field, spec: (source: string, family: 4 | 6) => FieldSpec): Fact[] =>
    families.flatMap((key) => {
      const fieldSpec = spec(`kube-ovn chart networking.${field}.${key}`, key === 'v4' ? 4 : 6);
      const node = below(ctx, networking, [...field.split('.'), key]);
      if (node) return ctx.scalar(node, fieldSpec);
      const text = V2_DEFAULTS[field][key];
      return [networkingKey ? ctx.defaulted(text, fieldSpec, networkingKey) : found.defaulted(text, fieldSpec)];
    });
  return [
    ...read('pods.cidr', (source, family) => cidrSpec(pods, source, family)),
    ...read('pods.gateways', (source, family) => gatewaySpec(pods, source, family)),
    ...plainList(ctx, getKey(networking, 'excludeIps', ctx.yaml), excludeSpec(pods, 'kube-ovn chart networking.excludeIps')),
    ...read('join.cidr', (source, family) => cidrSpec(join, source, family)),
    ...read('services.cidr', (source, family) => serviceSpec(source, group, family)),
  ];
}
