// Small pieces every capacity entry is built from: figures of facts, utilization, and the rules that
// count one allocation per object and one per distinct address or range.

import type { Fact } from '../../model';
import { documentKey } from '../../model';
import { bitsOf } from '../../net/addr';
import type { RangeFact } from '../plan';
import type { Figure, Utilization } from './model';

export function figureOf(fact: Fact): Figure<number> {
  return { value: numberOf(fact) ?? NaN, origin: fact.isDefault ? 'default' : 'written', fact, label: fact.source };
}

export function numberOf(fact: Fact): number | undefined {
  return fact.value.kind === 'number' ? fact.value.value : undefined;
}

export function prefixBits(fact: RangeFact): number {
  return fact.value.kind === 'prefix' ? fact.value.prefix.bits : bitsOf(fact.value.range.family);
}

export function utilization(allocated: bigint, capacity: bigint): Utilization {
  // Rounded down to millionths: IPv6-sized capacities do not fit a double, and reports print the ratio.
  return { allocated, capacity, ratio: capacity > 0n ? Number((allocated * 1_000_000n) / capacity) / 1_000_000 : 0 };
}

export function distinctAddresses(facts: readonly RangeFact[]): RangeFact[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    const key = `${f.value.range.family}:${f.value.range.first}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function distinctRanges(facts: readonly RangeFact[]): number {
  return uniqueRanges(facts).length;
}

/** The first fact of each distinct range, in order: many files restating one default are one range. */
export function uniqueRanges<T extends RangeFact>(facts: readonly T[]): T[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    const key = `${f.value.range.family}:${f.value.range.first}-${f.value.range.last}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * One allocation per object and range: a Node's `podCIDR` restates its `podCIDRs[0]`, a Service's
 * `clusterIP` its `clusterIPs[0]`; both are facts (each is a place to fix), but one allocation.
 */
export function onePerObject(facts: readonly RangeFact[]): RangeFact[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    const key = `${documentKey(f.doc)}|${f.value.range.family}|${f.value.range.first}|${f.value.range.last}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The first fact of each key, in file order. */
export function onePerKey(facts: readonly Fact[], key: (fact: Fact) => string): Fact[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    const k = key(f);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
