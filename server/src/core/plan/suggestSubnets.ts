// Free subnets for a cluster: where a new range of a given length could go without colliding with
// anything the cluster uses or must stay clear of. `cidr-lens suggest` and "Insert Free Subnet…" list
// them, avoiding the same space as the "Move to" quick fixes (plan/occupiedSpace.ts).

import type { Role } from '../model';
import type { Family } from '../net/addr';
import { PRIVATE_IPV4_BLOCKS, ULA_IPV6, findFreePrefixes, privateBlockOf } from '../net/freeSpace';
import { IpRange, formatPrefix, formatRange, prefixSize, rangeContains } from '../net/prefix';
import { allocationSpaces } from './allocationSpace';
import { isOwnedRole, occupiedSpace } from './occupiedSpace';
import { AddressPlan, isRangeFact } from './plan';

/** The roles a suggestion stays near, most telling first: a new range belongs beside the cluster's own networks. */
const ANCHOR_ROLES: readonly Role[] = ['pod-network', 'service-network', 'cni-pod-pool', 'lb-pool'];

export interface SubnetRequest {
  readonly family: Family;
  /** The prefix length wanted. */
  readonly bits: number;
  readonly count: number;
}

export interface SuggestedSubnet {
  readonly cidr: string;
  readonly addresses: bigint;
  /** The private block it lies in (`10.0.0.0/8`, `fd00::/8`…), or the `allocateFrom` space. */
  readonly privateBlock: string;
}

/**
 * Up to `count` free prefixes of the requested length that overlap nothing in `occupiedSpace`
 * (the scope's plan, and the plans of its connected clusters).
 * Only private space is searched (RFC 1918, or fd00::/8 for IPv6), so no suggestion is public; with
 * `allocateFrom`, only its spaces. Private
 * blocks the cluster already uses come first, and inside each block the prefixes nearest to the
 * cluster's first range there (its pod network, if it has one there); unused blocks follow, from
 * their start. Deterministic: the same plan always yields the same list.
 */
export function suggestSubnets(plan: AddressPlan, connected: readonly AddressPlan[], request: SubnetRequest): SuggestedSubnet[] {
  const avoid = occupiedSpace(plan, connected);
  const found: SuggestedSubnet[] = [];
  for (const { block, near } of searchOrder(plan, request.family)) {
    const prefixes = findFreePrefixes({ family: request.family, bits: request.bits, candidates: [block], avoid, near, count: request.count - found.length });
    for (const prefix of prefixes) found.push({ cidr: formatPrefix(prefix), addresses: prefixSize(request.family, request.bits), privateBlock: formatRange(block) });
    if (found.length >= request.count) break;
  }
  return found;
}

/** The private blocks of a family, those the cluster uses first (each with its anchor address), then the rest. */
function searchOrder(plan: AddressPlan, family: Family): Array<{ block: IpRange; near: bigint }> {
  const spaces = allocationSpaces(plan.scope.config, family);
  const blocks = spaces ?? (family === 4 ? PRIVATE_IPV4_BLOCKS : [ULA_IPV6]);
  const order: Array<{ block: IpRange; near: bigint }> = [];
  for (const range of anchorRanges(plan, family)) {
    const block = spaces ? spaces.find((space) => rangeContains(space, range)) : privateBlockOf(range);
    if (block && !order.some((o) => o.block === block)) order.push({ block, near: range.first });
  }
  for (const block of blocks) if (!order.some((o) => o.block === block)) order.push({ block, near: block.first });
  return order;
}

/** The scope's own ranges of one family, the anchor roles first, then the rest in file order. */
function anchorRanges(plan: AddressPlan, family: Family): IpRange[] {
  const rank = (role: Role) => (ANCHOR_ROLES.includes(role) ? ANCHOR_ROLES.indexOf(role) : ANCHOR_ROLES.length);
  return plan.facts
    .filter(isRangeFact)
    .filter((fact) => fact.value.range.family === family && isOwnedRole(fact.role))
    .map((fact, index) => ({ rank: rank(fact.role), index, range: fact.value.range }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.range);
}
