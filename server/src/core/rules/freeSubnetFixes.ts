// "Move to <prefix>" quick fixes (SPEC §4): up to three free subnets of the same size as the value
// being moved, overlapping nothing the cluster owns, nothing configured as an external or node network,
// nothing of a connected cluster, and no reserved space; in the value's own private block first
// (RFC 1918 for IPv4, fd00::/8 for IPv6), nearest to where the value is now, then in the other private
// blocks from their start. The order is deterministic: nearest first, the lower address on a tie.
//
// A load-balancer pool is the exception to "nothing configured as a node network": MetalLB's and
// Cilium's L2 modes answer ARP/NDP for the pool's addresses on the nodes' own segment, so a pool moved
// out of the nodes' LAN stops being reachable. With `nodeNetworks` configured, a load-balancer pool is
// moved inside them first (still clear of everything else, node addresses included), and only then
// elsewhere.
//
// Rules call `moveFixes(ctx, fact)` to attach the fixes to a finding on that fact; `freeSubnets` gives
// the prefixes alone (for "Insert free subnet" or a rule that words its own titles). The avoided set
// is built once per cluster plan and reused by every finding of every rule.

import type { Fact, Fix, Role } from '../model';
import { Family, isParseError } from '../net/addr';
import { IpRange, Prefix, formatPrefix, parsePrefix, prefixToRange } from '../net/prefix';
import { PRIVATE_IPV4_BLOCKS, ULA_IPV6, findFreePrefixes, privateBlockOf } from '../net/freeSpace';
import { RangeSet, rangeSetFrom, rangeSetUnion } from '../net/rangeSet';
import type { AddressPlan } from '../plan/plan';
import { judgeable } from './overlapConsistency';
import { replaceValue } from './perValue';
import type { RuleContext } from './rule';

export interface FreeSubnetOptions {
  /** How many subnets at most (default 3). */
  readonly count?: number;
  /** Ranges to avoid besides the cluster's, the configured networks, connected clusters and reserved space. */
  readonly avoid?: readonly IpRange[];
}

const DEFAULT_COUNT = 3;

/**
 * Roles whose ranges a new subnet must not touch. Peers and client ranges of policies
 * (`policy-cidr`, `policy-except`, `source-range`) are not owned space, and a Cilium native-routing
 * CIDR is a routing hint that often spans a whole private block, so they are left out.
 */
const AVOIDED_ROLES: ReadonlySet<Role> = new Set<Role>([
  'pod-network',
  'service-network',
  'cni-pod-pool',
  'proxy-cluster-cidr',
  'lb-pool',
  'node-pod-cidr',
  'ipam-block',
  'ip-reservation',
  'bgp-advertised',
  'secondary-network',
  'node-address',
  'cluster-ip',
  'cluster-dns',
  'lb-ip',
  'external-ip',
]);

/** Roles of a connected cluster whose ranges ours must not overlap (cross-cluster-overlap). */
const CONNECTED_ROLES: ReadonlySet<Role> = new Set<Role>(['pod-network', 'service-network', 'cni-pod-pool', 'lb-pool']);

function block(family: Family, text: string): IpRange {
  const parsed = parsePrefix(text);
  if (isParseError(parsed) || parsed.prefix.addr.family !== family) throw new Error(`bad reserved block ${text}`);
  return prefixToRange(parsed.prefix);
}

/**
 * Space no cluster range should be moved into: loopback, link-local, multicast, "this network",
 * reserved, CGNAT, Docker's default bridge, documentation and benchmarking ranges, and their IPv6
 * counterparts (domain-rules.md §16.2, §16.3).
 */
export const RESERVED_FOR_MOVES: readonly IpRange[] = Object.freeze([
  block(4, '0.0.0.0/8'),
  block(4, '100.64.0.0/10'),
  block(4, '127.0.0.0/8'),
  block(4, '169.254.0.0/16'),
  block(4, '172.17.0.0/16'),
  block(4, '192.0.0.0/24'),
  block(4, '192.0.2.0/24'),
  block(4, '198.18.0.0/15'),
  block(4, '198.51.100.0/24'),
  block(4, '203.0.113.0/24'),
  block(4, '224.0.0.0/4'),
  block(4, '240.0.0.0/4'),
  block(6, '::/128'),
  block(6, '::1/128'),
  block(6, '::ffff:0:0/96'),
  block(6, '2001:db8::/32'),
  block(6, 'fe80::/10'),
  block(6, 'fec0::/10'),
  block(6, 'ff00::/8'),
]);

const avoidedByPlan = new WeakMap<AddressPlan, RangeSet>();
const avoidedInNodeNetworksByPlan = new WeakMap<AddressPlan, RangeSet>();

/** Everything a moved range must not touch in this cluster: owned ranges, configured networks, connected clusters, reserved space. */
export function avoidedSpace(ctx: RuleContext): RangeSet {
  return cachedAvoided(ctx, avoidedByPlan, true);
}

/** As `avoidedSpace`, but the node networks themselves are allowed: where load-balancer pools belong. */
function avoidedSpaceInNodeNetworks(ctx: RuleContext): RangeSet {
  return cachedAvoided(ctx, avoidedInNodeNetworksByPlan, false);
}

function cachedAvoided(ctx: RuleContext, cache: WeakMap<AddressPlan, RangeSet>, withNodeNetworks: boolean): RangeSet {
  const cached = cache.get(ctx.plan);
  if (cached) return cached;
  const ranges: IpRange[] = [...RESERVED_FOR_MOVES];
  for (const fact of ctx.plan.facts) if (AVOIDED_ROLES.has(fact.role) && judgeable(fact)) ranges.push(fact.value.range);
  for (const network of ctx.config.externalNetworks) ranges.push(network.range);
  if (withNodeNetworks) for (const network of ctx.config.nodeNetworks) ranges.push(network.range);
  for (const plan of ctx.connected) for (const fact of plan.facts) if (CONNECTED_ROLES.has(fact.role) && judgeable(fact)) ranges.push(fact.value.range);
  const set = rangeSetFrom(ranges);
  cache.set(ctx.plan, set);
  return set;
}

/**
 * Free prefixes for a load-balancer pool inside the configured node networks of its family, the
 * network holding the pool (or nearest to it) first, nearest to the pool within each.
 */
function freeInNodeNetworks(ctx: RuleContext, range: IpRange, bits: number, count: number, extraAvoid: readonly IpRange[]): Prefix[] {
  const networks = ctx.config.nodeNetworks.map((n) => n.range).filter((r) => r.family === range.family);
  if (networks.length === 0) return [];
  const distance = (r: IpRange) => (range.first < r.first ? r.first - range.first : range.first > r.last ? range.first - r.last : 0n);
  networks.sort((a, b) => {
    const d = distance(a) - distance(b);
    return d < 0n ? -1 : d > 0n ? 1 : a.first < b.first ? -1 : a.first > b.first ? 1 : 0;
  });
  let avoid = avoidedSpaceInNodeNetworks(ctx);
  if (extraAvoid.length > 0) avoid = rangeSetUnion(avoid, rangeSetFrom(extraAvoid));
  const found: Prefix[] = [];
  for (const network of networks) {
    if (found.length >= count) break;
    const prefixes = findFreePrefixes({ family: range.family, bits, candidates: [network], avoid, count: count - found.length, near: range.first });
    found.push(...prefixes);
    if (prefixes.length > 0) avoid = rangeSetUnion(avoid, rangeSetFrom(prefixes.map(prefixToRange)));
  }
  return found;
}

/**
 * Up to `count` free prefixes of length `bits` for a range now at `range`: first in the range's own
 * private block, nearest to its start; then in the other private blocks of its family (10/8,
 * 172.16/12, 192.168/16 for IPv4; fd00::/8 for IPv6), from their start.
 */
export function freeSubnets(ctx: RuleContext, range: IpRange, bits: number, options: FreeSubnetOptions = {}): Prefix[] {
  const count = options.count ?? DEFAULT_COUNT;
  let avoid = avoidedSpace(ctx);
  if (options.avoid && options.avoid.length > 0) avoid = rangeSetUnion(avoid, rangeSetFrom(options.avoid));
  const own = privateBlockOf(range);
  const blocks = range.family === 4 ? PRIVATE_IPV4_BLOCKS : [ULA_IPV6];
  const found: Prefix[] = [];
  const search = (candidate: IpRange, near?: bigint) => {
    if (found.length >= count) return;
    const prefixes = findFreePrefixes({ family: range.family, bits, candidates: [candidate], avoid, count: count - found.length, ...(near !== undefined ? { near } : {}) });
    found.push(...prefixes);
    if (prefixes.length > 0) avoid = rangeSetUnion(avoid, rangeSetFrom(prefixes.map(prefixToRange)));
  };
  if (own) search(own, range.first);
  for (const candidate of blocks) if (candidate !== own) search(candidate);
  return found;
}

/**
 * "Move to <prefix>" fixes for a fact whose value is a prefix, each one edit of the value's own
 * characters. None for defaults (their span is the document's anchor, not a value), for `a-b` ranges
 * and single addresses (no "same size" prefix), and where the file's text under the span is not the
 * value as read (an escaped scalar).
 */
export function moveFixes(ctx: RuleContext, fact: Fact, options: FreeSubnetOptions = {}): Fix[] {
  if (fact.isDefault || fact.value.kind !== 'prefix') return [];
  const prefix = fact.value.prefix;
  const count = options.count ?? DEFAULT_COUNT;
  // A load-balancer pool stays on the nodes' segment when it can (L2 mode needs it there).
  const inLan = fact.role === 'lb-pool' ? freeInNodeNetworks(ctx, fact.value.range, prefix.bits, count, options.avoid ?? []) : [];
  const elsewhere = inLan.length < count ? freeSubnets(ctx, fact.value.range, prefix.bits, { ...options, count: count - inLan.length, avoid: [...(options.avoid ?? []), ...inLan.map(prefixToRange)] }) : [];
  return [...inLan, ...elsewhere].flatMap((free) => {
    const text = formatPrefix(free);
    const edit = replaceValue(ctx, fact, text);
    return edit ? [{ title: `Move to ${text}`, edits: [edit] }] : [];
  });
}
