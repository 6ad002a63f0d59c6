// The space a cluster occupies or must stay clear of: where no new or moved range may go. The
// "Move to" quick fixes, `cidr-lens suggest` and "Insert Free Subnet…" all avoid exactly this space.

import type { Role } from '../model';
import type { IpRange } from '../net/prefix';
import { DOCKER_BRIDGE, SPECIAL_RANGES } from '../net/specialRanges';
import { RangeSet, rangeSetFrom } from '../net/rangeSet';
import { AddressPlan, isRangeFact } from './plan';

/**
 * Roles whose ranges are space the cluster uses. Policy peers and client ranges (`policy-cidr`,
 * `policy-except`, `source-range`) name other parties, a Cilium native-routing CIDR is a routing hint
 * that often spans a whole private block, and `subnet-bound`s are bounds inside a range already listed.
 */
const OWNED_ROLES: ReadonlySet<Role> = new Set<Role>([
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
  'internal-network',
  'cluster-ip',
  'cluster-dns',
  'lb-ip',
  'external-ip',
]);

export function isOwnedRole(role: Role): boolean {
  return OWNED_ROLES.has(role);
}

/** Roles of a connected cluster whose ranges ours must not overlap (cross-cluster-overlap). */
const CONNECTED_ROLES: ReadonlySet<Role> = new Set<Role>(['pod-network', 'service-network', 'cni-pod-pool', 'lb-pool']);

/**
 * Space no cluster range should be placed in: every special-purpose range (loopback, link-local,
 * multicast, "this network", reserved, CGNAT, documentation, benchmarking…) and Docker's default bridge.
 */
export const RESERVED_SPACE: readonly IpRange[] = Object.freeze([...SPECIAL_RANGES.map((s) => s.range), DOCKER_BRIDGE]);

export interface OccupiedSpaceOptions {
  /**
   * Count the node networks, configured or stated by a source (`node-network` facts), as occupied
   * (default). Load-balancer pools belong inside them.
   */
  readonly nodeNetworks?: boolean;
}

/**
 * The last set computed per plan. The key includes the connected plans, because an incremental
 * analysis keeps a plan object while the clusters connected to it change.
 */
const cache = new WeakMap<AddressPlan, { connected: readonly AddressPlan[]; nodeNetworks: boolean; set: RangeSet }[]>();

/**
 * Every address a new or moved range must avoid: the scope's owned ranges, its external (and, unless
 * told otherwise, node) networks, configured or stated by its sources, the pod, service and pool ranges of its connected clusters, and
 * reserved space.
 */
export function occupiedSpace(plan: AddressPlan, connected: readonly AddressPlan[] = [], options: OccupiedSpaceOptions = {}): RangeSet {
  const nodeNetworks = options.nodeNetworks !== false;
  const entries = cache.get(plan) ?? [];
  const hit = entries.find((e) => e.nodeNetworks === nodeNetworks && e.connected.length === connected.length && e.connected.every((p, i) => p === connected[i]));
  if (hit) return hit.set;
  const config = plan.scope.config;
  const ranges: IpRange[] = [...RESERVED_SPACE];
  for (const fact of plan.facts) if ((OWNED_ROLES.has(fact.role) || (nodeNetworks && fact.role === 'node-network')) && isRangeFact(fact)) ranges.push(fact.value.range);
  for (const network of config.externalNetworks) ranges.push(network.range);
  if (nodeNetworks) for (const network of config.nodeNetworks) ranges.push(network.range);
  for (const other of connected) for (const fact of other.facts) if (CONNECTED_ROLES.has(fact.role) && isRangeFact(fact)) ranges.push(fact.value.range);
  const set = rangeSetFrom(ranges);
  cache.set(plan, [...entries.slice(-3), { connected, nodeNetworks, set }]);
  return set;
}
