// Where new ranges may come from. Without `allocateFrom`, any private block (RFC 1918, fd00::/8);
// with it, only the spaces it names — CIDRs, or the IPAM prefixes it names by name or role, such as a
// NetBox container "Kubernetes pool" — so every "Move to" fix and every suggestion lands where the
// network team wants the cluster's ranges.

import type { Family } from '../net/addr';
import { PRIVATE_IPV4_BLOCKS, ULA_IPV6 } from '../net/freeSpace';
import { IpRange, rangeContains } from '../net/prefix';
import type { ClusterConfig } from './config';

/** The `allocateFrom` spaces of a family, in the order written; undefined when none restricts the search. */
export function allocationSpaces(config: ClusterConfig, family: Family): IpRange[] | undefined {
  const spaces = config.allocateFrom.flatMap((entry) => (entry.range && entry.range.family === family ? [entry.range] : []));
  return spaces.length > 0 ? spaces : undefined;
}

/**
 * The candidate spaces for a range now at `range`, in search order, each with the address to stay
 * near: the space holding the range first (near the range), then the others from their start.
 */
export function candidateSpaces(config: ClusterConfig, range: IpRange): Array<{ space: IpRange; near?: bigint }> {
  const spaces = allocationSpaces(config, range.family) ?? (range.family === 4 ? PRIVATE_IPV4_BLOCKS : [ULA_IPV6]);
  const own = spaces.find((space) => rangeContains(space, range));
  return [...(own ? [{ space: own, near: range.first }] : []), ...spaces.filter((s) => s !== own).map((space) => ({ space }))];
}
