// "Move to <prefix>" quick fixes (SPEC §4): up to three free subnets of the same size as the value
// being moved, overlapping nothing the cluster owns, nothing configured as an external or node network,
// nothing of a connected cluster, and no reserved space; in the value's own private block first
// (RFC 1918 for IPv4, fd00::/8 for IPv6), nearest to where the value is now, then in the other private
// blocks from their start. The order is deterministic: nearest first, the lower address on a tie.
//
// A load-balancer pool is the exception to "nothing configured as a node network": MetalLB's and
// Cilium's L2 modes answer ARP/NDP for the pool's addresses on the nodes' own segment, so a pool moved
// out of the nodes' LAN stops being reachable. With node networks known (`nodeNetworks` configured, or
// stated by a source such as OpenShift's machineNetwork or a kops VPC subnet), a load-balancer pool is
// moved inside them first (still clear of everything else, node addresses included), and only then
// elsewhere.
//
// Rules call `moveFixes(ctx, fact)` to attach the fixes to a finding on that fact; `freeSubnets` gives
// the prefixes alone (for "Insert free subnet" or a rule that words its own titles). The avoided set
// (plan/occupiedSpace.ts) is built once per cluster plan and reused by every finding of every rule.

import type { Fact, Fix } from '../model';
import { IpRange, Prefix, formatPrefix, prefixToRange } from '../net/prefix';
import { findFreePrefixes } from '../net/freeSpace';
import { RangeSet, rangeSetFrom, rangeSetUnion } from '../net/rangeSet';
import { candidateSpaces } from '../plan/allocationSpace';
import { occupiedSpace } from '../plan/occupiedSpace';
import { replaceValue } from './perValue';
import type { RuleContext } from './rule';

export interface FreeSubnetOptions {
  /** How many subnets at most (default 3). */
  readonly count?: number;
  /** Ranges to avoid besides the cluster's, the configured networks, connected clusters and reserved space. */
  readonly avoid?: readonly IpRange[];
}

const DEFAULT_COUNT = 3;

/** Everything a moved range must not touch in this cluster: owned ranges, configured networks, connected clusters, reserved space. */
export function avoidedSpace(ctx: RuleContext): RangeSet {
  return occupiedSpace(ctx.plan, ctx.connected);
}

/**
 * The nearest node networks a fix searches for room, of at most 10,000 configured (and any number
 * stated in manifests): each search costs a walk of the free space, once per finding.
 */
const MAX_NODE_NETWORKS_SEARCHED = 64;

/** As `avoidedSpace`, but the node networks themselves are allowed: where load-balancer pools belong. */
function avoidedSpaceInNodeNetworks(ctx: RuleContext): RangeSet {
  return occupiedSpace(ctx.plan, ctx.connected, { nodeNetworks: false });
}

/**
 * Free prefixes for a load-balancer pool inside the node networks of its family, the
 * network holding the pool (or nearest to it) first, nearest to the pool within each.
 */
function freeInNodeNetworks(ctx: RuleContext, range: IpRange, bits: number, count: number, extraAvoid: readonly IpRange[]): Prefix[] {
  const stated = ctx.plan.rangesOf('node-network').filter((f) => f.value.kind !== 'address');
  const networks = [...ctx.config.nodeNetworks.map((n) => n.range), ...stated.map((f) => f.value.range)].filter((r) => r.family === range.family);
  if (networks.length === 0) return [];
  const distance = (r: IpRange) => (range.first < r.first ? r.first - range.first : range.first > r.last ? range.first - r.last : 0n);
  networks.sort((a, b) => {
    const d = distance(a) - distance(b);
    return d < 0n ? -1 : d > 0n ? 1 : a.first < b.first ? -1 : a.first > b.first ? 1 : 0;
  });
  let avoid = avoidedSpaceInNodeNetworks(ctx);
  if (extraAvoid.length > 0) avoid = rangeSetUnion(avoid, rangeSetFrom(extraAvoid));
  const found: Prefix[] = [];
  for (const network of networks.slice(0, MAX_NODE_NETWORKS_SEARCHED)) {
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
 * 172.16/12, 192.168/16 for IPv4; fd00::/8 for IPv6), from their start. With `allocateFrom`, its
 * spaces take the place of the private blocks.
 */
export function freeSubnets(ctx: RuleContext, range: IpRange, bits: number, options: FreeSubnetOptions = {}): Prefix[] {
  const count = options.count ?? DEFAULT_COUNT;
  let avoid = avoidedSpace(ctx);
  if (options.avoid && options.avoid.length > 0) avoid = rangeSetUnion(avoid, rangeSetFrom(options.avoid));
  const found: Prefix[] = [];
  const search = (candidate: IpRange, near?: bigint) => {
    if (found.length >= count) return;
    const prefixes = findFreePrefixes({ family: range.family, bits, candidates: [candidate], avoid, count: count - found.length, ...(near !== undefined ? { near } : {}) });
    found.push(...prefixes);
    if (prefixes.length > 0) avoid = rangeSetUnion(avoid, rangeSetFrom(prefixes.map(prefixToRange)));
  };
  for (const { space, near } of candidateSpaces(ctx.config, range)) search(space, near);
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
