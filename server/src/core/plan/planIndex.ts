// The per-plan index of range facts that rules, fix searches and hovers query instead of scanning every
// fact once per finding: overlap queries in O(log n + k) and the facts of one exact range in O(1). Built
// once per plan on first use; a plan never changes, so neither does its index.

import type { IntervalIndex } from '../net/intervalIndex';
import { intervalIndex } from '../net/intervalIndex';
import type { IpRange } from '../net/prefix';
import { AddressPlan, RangeFact, isRangeFact } from './plan';

export interface PlanIndex {
  /** Every range fact of the plan, by the addresses it spans. */
  readonly ranges: IntervalIndex<RangeFact>;
  /** The range facts spanning exactly `range`, in file order. */
  sameRange(range: IpRange): readonly RangeFact[];
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
  const byRange = new Map<string, RangeFact[]>();
  for (const fact of rangeFacts) {
    const key = rangeKey(fact.value.range);
    let list = byRange.get(key);
    if (!list) byRange.set(key, (list = []));
    list.push(fact);
  }
  return {
    ranges: intervalIndex(rangeFacts, (fact) => fact.value.range),
    sameRange: (range) => byRange.get(rangeKey(range)) ?? [],
  };
}
