// The per-plan index of range facts that rules, fix searches and hovers query instead of scanning every
// fact once per finding: overlap queries in O(log n + k), the facts of one exact range and the facts of
// one object (group) in O(1). Built once per plan on first use; a plan never changes, so neither does
// its index.

import type { Fact } from '../model';
import type { IntervalIndex } from '../net/intervalIndex';
import { intervalIndex } from '../net/intervalIndex';
import type { IpRange } from '../net/prefix';
import { AddressPlan, RangeFact, isRangeFact } from './plan';

export interface PlanIndex {
  /** Every range fact of the plan, by the addresses it spans. */
  readonly ranges: IntervalIndex<RangeFact>;
  /** The range facts spanning exactly `range`, in file order. */
  sameRange(range: IpRange): readonly RangeFact[];
  /** Every fact of one object (`Fact.group`: one IPPool, one kubeadm config), in plan order. */
  inGroup(group: string): readonly Fact[];
}

const cache = new WeakMap<AddressPlan, PlanIndex>();

export function planIndexOf(plan: AddressPlan): PlanIndex {
  let index = cache.get(plan);
  if (!index) cache.set(plan, (index = buildIndex(plan)));
  return index;
}

function rangeKey(range: IpRange): string {
  return `${range.family}:${range.first}:${range.last}`;
}

function buildIndex(plan: AddressPlan): PlanIndex {
  const rangeFacts = plan.facts.filter(isRangeFact);
  const byRange = listsBy(rangeFacts, (fact) => rangeKey(fact.value.range));
  const byGroup = factsByGroup(plan.facts);
  return {
    ranges: intervalIndex(rangeFacts, (fact) => fact.value.range),
    sameRange: (range) => byRange.get(rangeKey(range)) ?? [],
    inGroup: (group) => byGroup.get(group) ?? [],
  };
}

function listsBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const lists = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = lists.get(key);
    if (list) list.push(item);
    else lists.set(key, [item]);
  }
  return lists;
}

/** Facts by the object they describe (`Fact.group`), each list in the given order. */
export function factsByGroup<T extends Fact>(facts: readonly T[]): Map<string, T[]> {
  return listsBy(facts, (fact) => fact.group);
}

/** The range facts of one role in one object, in plan order. */
export function groupRanges(plan: AddressPlan, group: string, role: Fact['role']): RangeFact[] {
  return planIndexOf(plan).inGroup(group).filter((f): f is RangeFact => f.role === role && isRangeFact(f));
}
