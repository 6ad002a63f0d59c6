// The shape of a hover card, and the wording shared by its builders: plain data with offsets, which
// `server/src/lsp/hover.ts` renders as Markdown and the tests render as plain text.

import type { Fact, Role, Span } from '../model';
import { Family, addrFrom, formatAddr } from '../net/addr';
import { IpRange, hostMask, rangeSize } from '../net/prefix';
import { formatCount } from '../text/format';
import type { SourceLocation } from './scopeIndex';

export interface HoverCard {
  /** The characters the card is about; the editor highlights them. */
  readonly span: Span;
  /** The value and what it is: `10.244.0.0/16 · pod network`. */
  readonly title: string;
  readonly lines: readonly CardLine[];
}

/** One line of a card: `label: text`, pointing at a place in the workspace when `at` is set. */
export interface CardLine {
  readonly label?: string;
  readonly text: string;
  readonly at?: SourceLocation;
}

/** How a role reads in a card title. Exhaustive, so a new role cannot be forgotten here. */
const ROLE_NAMES: Readonly<Record<Role, string>> = {
  'pod-network': 'pod network (cluster CIDR)',
  'service-network': 'service network',
  'cni-pod-pool': 'CNI pod pool',
  'proxy-cluster-cidr': 'kube-proxy cluster CIDR',
  'native-routing-cidr': 'native-routing CIDR',
  'lb-pool': 'load-balancer pool',
  'node-pod-cidr': 'node pod CIDR',
  'ipam-block': 'Calico IPAM block',
  'ip-reservation': 'reserved addresses',
  'bgp-advertised': 'BGP-advertised range',
  'policy-cidr': 'policy peer range',
  'policy-except': 'policy exception',
  'source-range': 'allowed client range',
  'secondary-network': 'secondary network range',
  'node-network': 'node network',
  'internal-network': 'CNI internal network',
  'node-address': 'node address',
  'cluster-ip': 'cluster IP',
  'cluster-dns': 'cluster DNS address',
  'lb-ip': 'load-balancer IP',
  'external-ip': 'external IP',
  'node-mask': 'node subnet mask',
  'block-size': 'Calico block size',
  'subnet-len': 'Flannel subnet length',
  'subnet-bound': 'allocation bound',
  'max-pods': 'max pods per node',
};

export function roleName(role: Role): string {
  return ROLE_NAMES[role];
}

/** `Source: kubeadm networking.podSubnet · cluster prod`, with `(default)` for a value left to its owner. */
/** Where a value comes from: its field and cluster, and for a value Flux substitutes, the variable and where it is set. */
export function sourceLines(fact: Fact, cluster: string): CardLine[] {
  const source: CardLine = { label: 'Source', text: `${fact.source}${fact.isDefault ? ' (default)' : ''} · cluster ${cluster}` };
  const substitution = fact.substitution;
  if (!substitution) return [source];
  const definedAt = substitution.definedAt;
  const origin = definedAt ? `set in ${definedAt.owner}` : 'its default in the placeholder';
  return [source, { label: 'Substituted', text: `\${${substitution.variable}} by Flux, ${origin}`, ...(definedAt ? { at: { uri: definedAt.uri, span: definedAt.span } } : {}) }];
}

/** `8 addresses`, `1 address`, `65,536 addresses`. */
export function addressCount(n: bigint): string {
  return `${formatCount(n)} address${n === 1n ? '' : 'es'}`;
}

/** `10.244.0.0 – 10.244.255.255 · 65,536 addresses`. */
export function extentLine(range: IpRange): CardLine {
  const first = formatAddr(addrFrom(range.family, range.first));
  const last = formatAddr(addrFrom(range.family, range.last));
  return { text: `${first} – ${last} · ${addressCount(rangeSize(range))}` };
}

/** `255.255.0.0 (wildcard 0.0.255.255)`: the dotted mask people type into firewalls and routers. */
export function netmaskText(family: Family, bits: number): string | undefined {
  if (family !== 4) return undefined;
  const wildcard = hostMask(4, bits);
  return `${formatAddr(addrFrom(4, 0xffffffffn ^ wildcard))} (wildcard ${formatAddr(addrFrom(4, wildcard))})`;
}

/** A percentage with one decimal below 10 %, whole numbers above: `0.4 %`, `37 %`. */
export function percent(part: bigint, whole: bigint): string {
  if (whole === 0n) return '0 %';
  const tenths = Number((part * 1000n) / whole);
  return tenths < 100 ? `${(tenths / 10).toFixed(1)} %` : `${Math.round(tenths / 10)} %`;
}
