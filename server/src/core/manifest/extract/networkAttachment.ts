// Extractor: the IPAM ranges of CNI network configs (domain-rules.md §14): Whereabouts and host-local
// sections of a Multus `NetworkAttachmentDefinition.spec.config`, of a standalone CNI config file
// (`*.conf`/`*.conflist` JSON), and of CNI configs a ConfigMap carries for an installer. A config is
// a single plugin with `ipam` or a `plugins` list; other IPAM types (static, dhcp, calico-ipam) own no
// range. Canal's `"subnet": "usePodCidr"` means "this node's podCIDR", so it is not a value of its own.

import type { Component, Fact, FactValue } from '../../model';
import { isParseError, parseAddr } from '../../net/addr';
import { rangeContainsAddr, rangeFrom } from '../../net/prefix';
import type { ExtractContext, FieldSpec } from './context';
import type { Extractor } from './extractor';
import { jsonValue } from './goJson';
import { GO_IP, HOST_LOCAL_CIDR, WHEREABOUTS_CIDR, WHEREABOUTS_IP, WHEREABOUTS_RANGE } from './syntax';
import { parseFieldValue } from '../value';
import { Node, getKeyNode, mapEntries, scalarString } from '../yamlNode';

type Attributes = Readonly<Record<string, string | number | boolean>>;

/** host-local's placeholders for the node's `spec.podCIDR(s)`. */
const POD_CIDR_PLACEHOLDERS = ['usePodCidr', 'usePodCidrIPv6'];

export const networkAttachment: Extractor = {
  name: 'network-attachment',
  // CNI configs are JSON, so the key is always quoted (escaped as `\"ipam\"` inside a YAML string).
  triggers: ['"ipam'],
  extract(ctx) {
    if (ctx.ref.kind === 'NetworkAttachmentDefinition' && (ctx.ref.apiVersion ?? '').startsWith('k8s.cni.cncf.io/')) {
      return ctx.embedded(ctx.get(['spec', 'config'])).flatMap((conf) => cniConfigFacts(conf, 'nad'));
    }
    if (ctx.ref.kind === 'ConfigMap') {
      return mapEntries(ctx.get(['data']), ctx.yaml)
        .filter(([, value]) => scalarString(value)?.includes('"ipam'))
        .flatMap(([key, value]) => ctx.embedded(value).flatMap((conf) => (isCniConfig(conf) ? cniConfigFacts(conf, key) : [])));
    }
    return ctx.ref.kind === '' && isCniConfig(ctx) ? cniConfigFacts(ctx, 'cni') : [];
  },
};

/** A CNI config file is JSON with a `"type"` plugin or a `"plugins"` list (and usually `"cniVersion"`). */
function isCniConfig(ctx: ExtractContext): boolean {
  const quoted = (key: string) => getKeyNode(ctx.root, key, ctx.yaml)?.type === 'QUOTE_DOUBLE';
  return quoted('cniVersion') || quoted('plugins') || (quoted('type') && quoted('ipam'));
}

function cniConfigFacts(ctx: ExtractContext, group: string): Fact[] {
  const conf = ctx.root;
  const plugins = [conf, ...ctx.items(jsonValue(ctx, conf, 'plugins'))];
  const networkName = scalarString(jsonValue(ctx, conf, 'name'));
  return plugins.flatMap((plugin, index) => {
    const ipam = jsonValue(ctx, plugin, 'ipam');
    const type = scalarString(jsonValue(ctx, ipam, 'type'));
    const pluginType = scalarString(jsonValue(ctx, plugin, 'type'));
    const attributes: Attributes = {
      ...(pluginType !== undefined ? { plugin: pluginType } : {}),
      ...(networkName !== undefined ? { network: networkName } : {}),
    };
    const at = `${group}:plugins[${index}]`;
    if (type === 'whereabouts') return whereaboutsFacts(ctx, ipam, at, attributes);
    if (type === 'host-local') return hostLocalFacts(ctx, ipam, at, attributes);
    return [];
  });
}

// ---- Whereabouts ---------------------------------------------------------------------------------

/** The top-level `range` (with its own bounds and excludes) comes first, then each of `ipRanges`. */
function whereaboutsFacts(ctx: ExtractContext, ipam: Node | undefined, group: string, base: Attributes): Fact[] {
  const networkName = scalarString(jsonValue(ctx, ipam, 'network_name'));
  const attributes: Attributes = {
    ...base,
    ipam: 'whereabouts',
    enableOverlappingRanges: scalarString(jsonValue(ctx, ipam, 'enable_overlapping_ranges')) !== 'false',
    ...(networkName !== undefined ? { network: networkName } : {}),
  };
  const field = (role: Fact['role'], key: string, syntax: FieldSpec['syntax'], rangeGroup: string, extra: Attributes = {}): FieldSpec => ({
    role,
    component: 'whereabouts',
    source: `whereabouts ${key}`,
    syntax,
    group: rangeGroup,
    attributes: { ...attributes, ...extra },
  });
  const rangeFacts = (range: Node | undefined, rangeGroup: string) => [
    ...ctx.scalar(jsonValue(ctx, range, 'range'), { ...field('secondary-network', 'range', WHEREABOUTS_RANGE, rangeGroup), parse: parseWhereaboutsRange }),
    ...ctx.scalar(jsonValue(ctx, range, 'range_start'), field('subnet-bound', 'range_start', WHEREABOUTS_IP, rangeGroup, { bound: 'start' })),
    ...ctx.scalar(jsonValue(ctx, range, 'range_end'), field('subnet-bound', 'range_end', WHEREABOUTS_IP, rangeGroup, { bound: 'end' })),
    ...ctx.each(jsonValue(ctx, range, 'exclude'), field('ip-reservation', 'exclude', WHEREABOUTS_CIDR, rangeGroup)),
  ];
  return [
    ...rangeFacts(ipam, `${group}:range`),
    ...ctx.scalar(jsonValue(ctx, ipam, 'gateway'), field('subnet-bound', 'gateway', WHEREABOUTS_IP, `${group}:range`, { bound: 'gateway' })),
    ...ctx.items(jsonValue(ctx, ipam, 'ipRanges')).flatMap((range, index) => rangeFacts(range, `${group}:ipRanges[${index}]`)),
  ];
}

/**
 * Whereabouts' `range`: a CIDR, or `firstIP-CIDR` where the CIDR's address is the last one handed
 * out (`192.168.2.225-192.168.2.230/28` allocates .225 to .230 of 192.168.2.224/28). The second form
 * is the allocation range it describes, so it reads as an address range.
 */
export function parseWhereaboutsRange(text: string): FactValue {
  const dash = text.indexOf('-');
  if (dash < 0) return parseFieldValue(text, WHEREABOUTS_CIDR);
  const first = parseAddr(text.slice(0, dash).trim(), { allowLeadingZeros: true });
  if (isParseError(first)) return { kind: 'invalid', error: `invalid range start IP: ${first.error}`, at: first.at };
  const cidr = parseFieldValue(text.slice(dash + 1).trim(), WHEREABOUTS_CIDR);
  if (cidr.kind === 'invalid') return { ...cidr, error: `invalid CIDR after the range start: ${cidr.error}`, at: dash + 1 + cidr.at };
  if (cidr.kind !== 'prefix') return { kind: 'invalid', error: 'expected a CIDR after the range start', at: dash + 1 };
  if (!rangeContainsAddr(cidr.range, first.addr)) return { kind: 'invalid', error: `range start ${text.slice(0, dash).trim()} is not inside the CIDR`, at: 0 };
  const last = cidr.prefix.addr.value;
  if (last < first.addr.value) return { kind: 'invalid', error: 'range start is after the range end', at: 0 };
  return { kind: 'range', range: rangeFrom(first.addr.family, first.addr.value, last) };
}

// ---- host-local ----------------------------------------------------------------------------------

/** The legacy single-range keys on `ipam` itself, then every entry of every range set in `ranges`. */
function hostLocalFacts(ctx: ExtractContext, ipam: Node | undefined, group: string, base: Attributes): Fact[] {
  const attributes: Attributes = { ...base, ipam: 'host-local' };
  const legacy = jsonValue(ctx, ipam, 'subnet') ? [rangeEntryFacts(ctx, ipam, `${group}:subnet`, attributes)] : [];
  const sets = ctx.items(jsonValue(ctx, ipam, 'ranges')).flatMap((set, i) =>
    ctx.items(set).map((entry, j) => rangeEntryFacts(ctx, entry, `${group}:ranges[${i}][${j}]`, attributes)),
  );
  return [...legacy, ...sets].flat();
}

function rangeEntryFacts(ctx: ExtractContext, entry: Node | undefined, group: string, attributes: Attributes): Fact[] {
  const subnet = jsonValue(ctx, entry, 'subnet');
  if (POD_CIDR_PLACEHOLDERS.includes(scalarString(subnet) ?? '')) return [];
  const component: Component = 'host-local';
  const bound = (key: string, kind: string): Fact[] =>
    ctx.scalar(jsonValue(ctx, entry, key), { role: 'subnet-bound', component, source: `host-local ${key}`, syntax: GO_IP, group, attributes: { ...attributes, bound: kind } });
  return [
    ...ctx.scalar(subnet, { role: 'secondary-network', component, source: 'host-local subnet', syntax: HOST_LOCAL_CIDR, group, attributes }),
    ...bound('rangeStart', 'start'),
    ...bound('rangeEnd', 'end'),
    ...bound('gateway', 'gateway'),
  ];
}
