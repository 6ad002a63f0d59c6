// The rows of a cluster's address plan as people read it: every range with its size and capacity,
// every size setting, and the networks the cluster's config names. `cidr-lens plan` prints them; the
// plan view can show the same rows. Plain data with spans; front ends turn spans into lines.

import type { Fact, Role, Span } from '../model';
import { Family, formatAddr, isParseError } from '../net/addr';
import { formatPrefix, formatRange, parsePrefix, rangeSize } from '../net/prefix';
import type { FactCapacity } from './capacity';
import type { NamedNetwork } from './config';
import { AddressPlan, RangeFact, isRangeFact } from './plan';
import { capacityOf } from './capacity';
import { describeImported } from '../ipam/describe';
import { rangeSetFrom, rangeSetOverlaps } from '../net/rangeSet';
import { isOwnedRole } from './occupiedSpace';

interface RowOrigin {
  /** The field as a user names it: `kubeadm networking.podSubnet`. */
  readonly source: string;
  readonly isDefault: boolean;
  readonly uri: string;
  /** The value's characters; for defaults, the anchor of the document that implies them. */
  readonly span: Span;
}

export interface RangeRow extends RowOrigin {
  readonly role: Role;
  /** As written, or in canonical form for a default. */
  readonly value: string;
  readonly family: Family;
  readonly addresses: bigint;
  /** The node subnets, Calico blocks, ClusterIPs or load-balancer addresses this range provides. */
  readonly capacity: FactCapacity;
}

/** A size setting: node mask, block size, subnet length, maxPods. */
export interface SettingRow extends RowOrigin {
  readonly role: Role;
  readonly value: number;
}

export interface NetworkRow {
  /** `ipam`: a network of an IPAM export that the cluster's ranges overlap. */
  readonly kind: 'external' | 'node' | 'ipam';
  readonly name: string;
  readonly value: string;
  readonly family: Family;
  readonly addresses: bigint;
  /** Where the config file names it; absent for workspace settings. */
  readonly location?: { readonly uri: string; readonly span: Span };
}

export interface PlanRows {
  readonly ranges: readonly RangeRow[];
  readonly settings: readonly SettingRow[];
  readonly networks: readonly NetworkRow[];
}

/**
 * The order a plan reads in: the cluster's networks and the CNI's pools, load-balancer pools,
 * allocations carved out of them, single addresses, the peers that policies name, then sizes.
 */
const ROLE_ORDER: readonly Role[] = [
  'pod-network',
  'service-network',
  'cni-pod-pool',
  'proxy-cluster-cidr',
  'native-routing-cidr',
  'lb-pool',
  'node-network',
  'internal-network',
  'node-pod-cidr',
  'ipam-block',
  'ip-reservation',
  'bgp-advertised',
  'secondary-network',
  'node-address',
  'subnet-bound',
  'cluster-dns',
  'cluster-ip',
  'lb-ip',
  'external-ip',
  'policy-cidr',
  'policy-except',
  'source-range',
  'node-mask',
  'block-size',
  'subnet-len',
  'max-pods',
];

/**
 * Rows in ROLE_ORDER, file order within a role. Values that do not parse and template placeholders
 * are left out: `check` reports the former, and the latter have no value to show.
 */
export function planRows(plan: AddressPlan): PlanRows {
  const facts = inRoleOrder(plan.facts);
  const ranges = facts.filter(isRangeFact).map((fact) => rangeRow(fact, capacityOf(plan).about(fact)));
  const settings = facts.flatMap((fact) => (fact.value.kind === 'number' ? [{ ...originOf(fact), role: fact.role, value: fact.value.value }] : []));
  const config = plan.scope.config;
  const literal = config.externalNetworks.filter((n) => !n.imported);
  const networks = [...literal.map((n) => networkRow('external', n)), ...config.nodeNetworks.map((n) => networkRow('node', n)), ...collidingImports(plan).map((n) => networkRow('ipam', n))];
  return { ranges, settings, networks };
}

/**
 * The imported networks the cluster's own ranges overlap. An export of a whole estate lists
 * thousands of networks; the plan of one cluster names those that matter to it.
 */
function collidingImports(plan: AddressPlan): NamedNetwork[] {
  const imported = plan.scope.config.externalNetworks.filter((n) => n.imported);
  if (imported.length === 0) return [];
  const owned = rangeSetFrom(plan.facts.filter(isRangeFact).filter((f) => isOwnedRole(f.role)).map((f) => f.value.range));
  return imported.filter((n) => rangeSetOverlaps(owned, n.range));
}

function inRoleOrder(facts: readonly Fact[]): Fact[] {
  const rank = (role: Role) => {
    const index = ROLE_ORDER.indexOf(role);
    return index < 0 ? ROLE_ORDER.length : index;
  };
  // Array sort is stable, so facts of one role keep their file order.
  return [...facts].sort((a, b) => rank(a.role) - rank(b.role));
}

function rangeRow(fact: RangeFact, capacity: FactCapacity): RangeRow {
  return { ...originOf(fact), role: fact.role, value: shownValue(fact), family: fact.value.range.family, addresses: rangeSize(fact.value.range), capacity };
}

/**
 * The value as a row shows it: as written, unless its owner reads another network from it — an
 * interface address `192.168.1.10/24` states the node network 192.168.1.0/24, which is what the row is.
 */
function shownValue(fact: RangeFact): string {
  if (!fact.text) return canonicalText(fact);
  if (fact.value.kind !== 'prefix') return fact.text;
  const written = parsePrefix(fact.text, { allowLeadingZeros: true });
  return !isParseError(written) && written.prefix.addr.value !== fact.value.prefix.addr.value ? canonicalText(fact) : fact.text;
}

function canonicalText(fact: RangeFact): string {
  const value = fact.value;
  if (value.kind === 'prefix') return formatPrefix(value.prefix);
  if (value.kind === 'address') return formatAddr(value.addr);
  return formatRange(value.range);
}

function originOf(fact: Fact): RowOrigin {
  return { source: fact.source, isDefault: fact.isDefault, uri: fact.doc.uri, span: fact.span };
}

function networkRow(kind: NetworkRow['kind'], network: NamedNetwork): NetworkRow {
  return {
    kind,
    name: network.imported ? describeImported(network.imported) : network.name,
    value: network.text,
    family: network.range.family,
    addresses: rangeSize(network.range),
    ...(network.location ? { location: network.location } : {}),
  };
}
