// A per-scope index for the editor features: which facts sit at an offset, and how each range of the
// cluster relates to the others (same range, inside, contains, overlaps). It is built once per plan,
// with the sweep helpers, so a hover looks the answer up instead of comparing every pair of ranges.
// Plans are reused across analyses while their files do not change, and so are their indexes.

import type { Fact, Role, Span } from '../model';
import { findContainers, findOverlapsBetween } from '../net/sweep';
import { IpRange, rangeContains, rangeSize } from '../net/prefix';
import type { NamedNetwork } from '../plan/config';
import { describeImported } from '../ipam/describe';
import { AddressPlan, RangeFact, isRangeFact } from '../plan/plan';
import { describe } from '../rules/report';

export interface SourceLocation {
  readonly uri: string;
  readonly span: Span;
}

/** A range the cluster owns or must stay clear of: a fact of the plan, or a network of its config. */
export interface PlacedRange {
  readonly range: IpRange;
  /** How the card names it: `10.96.0.0/12 (kubeadm networking.serviceSubnet, default)`. */
  readonly label: string;
  /** Where it is written; absent for a network that comes from the workspace settings. */
  readonly location?: SourceLocation;
  readonly fact?: RangeFact;
}

export interface Relations {
  /** Other values with exactly the same addresses. */
  readonly same: readonly PlacedRange[];
  /** Ranges that strictly contain this one, the innermost first. */
  readonly inside: readonly PlacedRange[];
  /** Values this range strictly contains, in address order. */
  readonly contains: readonly PlacedRange[];
  /** Ranges that share some addresses without containing or being contained. */
  readonly overlaps: readonly PlacedRange[];
}

export interface ScopeIndex {
  readonly plan: AddressPlan;
  /** The facts whose spans hold the offset (a cursor just after a value counts), values before defaults. */
  factsAt(uri: string, offset: number): readonly Fact[];
  /** Every fact of one file, by start offset. */
  factsIn(uri: string): readonly Fact[];
  relationsOf(fact: RangeFact): Relations;
}

/** Roles whose ranges name other parties (policy peers, load-balancer clients): they are not the cluster's space. */
const PEER_ROLES: ReadonlySet<Role> = new Set<Role>(['policy-cidr', 'policy-except', 'source-range']);

const NO_RELATIONS: Relations = { same: [], inside: [], contains: [], overlaps: [] };

export function buildScopeIndex(plan: AddressPlan): ScopeIndex {
  const factsByUri = groupByUri(plan.facts);
  let relations: Map<Fact, Relations> | undefined;
  return {
    plan,
    factsAt: (uri, offset) => factsCovering(factsByUri.get(uri) ?? [], offset),
    factsIn: (uri) => factsByUri.get(uri) ?? [],
    relationsOf(fact) {
      relations ??= computeRelations(plan);
      return relations.get(fact) ?? NO_RELATIONS;
    },
  };
}

export function isPeerRole(role: Role): boolean {
  return PEER_ROLES.has(role);
}

/** Each file's facts sorted by start, so a lookup can stop at the first fact that starts after the offset. */
function groupByUri(facts: readonly Fact[]): Map<string, Fact[]> {
  const byUri = new Map<string, Fact[]>();
  for (const fact of facts) {
    let list = byUri.get(fact.doc.uri);
    if (!list) byUri.set(fact.doc.uri, (list = []));
    list.push(fact);
  }
  for (const list of byUri.values()) list.sort((a, b) => a.span.start - b.span.start);
  return byUri;
}

function factsCovering(sorted: readonly Fact[], offset: number): Fact[] {
  const found: Fact[] = [];
  for (const fact of sorted) {
    if (fact.span.start > offset) break;
    if (offset <= fact.span.end) found.push(fact);
  }
  // Array sort is stable: written values keep their order and come before the defaults on an anchor.
  return found.sort((a, b) => Number(a.isDefault) - Number(b.isDefault));
}

/**
 * Relations of every range fact of the plan to the cluster's own ranges and configured networks.
 * Peers (policy CIDRs, source ranges) get relations but are never listed in another value's card:
 * a policy that allows 0.0.0.0/0 says nothing about the pod network.
 */
function computeRelations(plan: AddressPlan): Map<Fact, Relations> {
  const targets = plan.facts.filter(isRangeFact);
  const placedByFact = new Map(targets.map((fact) => [fact, placedFact(fact)]));
  const config = plan.scope.config;
  const networks = [
    ...targets.filter((fact) => !isPeerRole(fact.role) && fact.value.kind !== 'address').map((fact) => placedByFact.get(fact)!),
    ...config.externalNetworks.map((n) => placedNetwork(n, 'external network')),
    ...config.nodeNetworks.map((n) => placedNetwork(n, 'node network')),
  ];
  const relations = new Map<Fact, { same: PlacedRange[]; inside: PlacedRange[]; contains: PlacedRange[]; overlaps: PlacedRange[] }>();
  const entryOf = (fact: Fact) => {
    let entry = relations.get(fact);
    if (!entry) relations.set(fact, (entry = { same: [], inside: [], contains: [], overlaps: [] }));
    return entry;
  };
  const containers = findContainers(networks, (n) => n.range, targets, (f) => f.value.range);
  for (const [target, outers] of containers) {
    for (const outer of outers) {
      if (outer.fact === target) continue;
      const equal = rangeContains(target.value.range, outer.range);
      if (equal) entryOf(target).same.push(outer);
      else entryOf(target).inside.push(outer);
      if (!equal && outer.fact && !isPeerRole(target.role)) entryOf(outer.fact).contains.push(placedByFact.get(target)!);
    }
  }
  for (const [target, network] of findOverlapsBetween(targets, (f) => f.value.range, networks, (n) => n.range)) {
    if (rangeContains(target.value.range, network.range) || rangeContains(network.range, target.value.range)) continue;
    entryOf(target).overlaps.push(network);
  }
  for (const entry of relations.values()) {
    entry.inside.sort((a, b) => compareBigints(rangeSize(a.range), rangeSize(b.range)));
    entry.contains.sort((a, b) => compareBigints(a.range.first, b.range.first));
  }
  return relations;
}

function placedFact(fact: RangeFact): PlacedRange {
  return { range: fact.value.range, label: describe(fact), location: { uri: fact.doc.uri, span: fact.span }, fact };
}

function placedNetwork(network: NamedNetwork, kind: string): PlacedRange {
  // Networks listed without a name are named after their kind; saying it twice would read oddly.
  // An imported one says what the IPAM says: "NetBox prefix "Payments platform" · Active · tenant payments".
  const name = network.imported ? describeImported(network.imported) : network.name === kind ? kind : `${kind} ${network.name}`;
  return { range: network.range, label: `${network.text} (${name})`, ...(network.location ? { location: network.location } : {}) };
}

function compareBigints(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
