// A set of IP addresses stored as normalised inclusive intervals, after inetaf/netaddr's `IPSet`.
//
// A set is an immutable value: every operation returns a new set. Building one sorts and merges once,
// O(n log n); after that, membership and overlap queries are binary searches, O(log n), and union is a
// linear merge, O(n + m).

import { Family, addrFrom, bitsOf } from './addr';
import { IpRange, Prefix, prefixFrom, rangeFrom, rangeSize } from './prefix';

export interface RangeSet {
  /**
   * The IPv4 part. Invariant: sorted by `first`, and each interval ends at least two addresses before
   * the next begins (`a.last + 1n < b.first`), so no two intervals overlap or touch. The representation
   * is therefore unique, and because `last` is sorted as well as `first`, lookups can binary-search on
   * either end. Every function below relies on this.
   */
  readonly v4: readonly IpRange[];
  /** The IPv6 part, under the same invariant as `v4`. */
  readonly v6: readonly IpRange[];
}

export const EMPTY_RANGE_SET: RangeSet = rangeSetOf([], []);

/** Builds a set from ranges in any order, overlapping or adjacent, of either family. */
export function rangeSetFrom(ranges: Iterable<IpRange>): RangeSet {
  const v4: IpRange[] = [];
  const v6: IpRange[] = [];
  for (const r of ranges) (r.family === 4 ? v4 : v6).push(r);
  return rangeSetOf(coalesceSorted(v4.sort(byFirst)), coalesceSorted(v6.sort(byFirst)));
}

/** The normalised intervals of one family, or of both (IPv4 first). */
export function rangeSetRanges(set: RangeSet, family?: Family): readonly IpRange[] {
  if (family === undefined) return [...set.v4, ...set.v6];
  return intervalsOf(set, family);
}

/** Whether every address of `range` is in the set. */
export function rangeSetContains(set: RangeSet, range: IpRange): boolean {
  const intervals = intervalsOf(set, range.family);
  const i = firstEndingAtOrAfter(intervals, range.first);
  // Intervals neither overlap nor touch, so a contained range lies inside a single one of them.
  return i < intervals.length && intervals[i].first <= range.first && range.last <= intervals[i].last;
}

/** Whether at least one address of `range` is in the set. */
export function rangeSetOverlaps(set: RangeSet, range: IpRange): boolean {
  const intervals = intervalsOf(set, range.family);
  const i = firstEndingAtOrAfter(intervals, range.first);
  return i < intervals.length && intervals[i].first <= range.last;
}

export function rangeSetUnion(a: RangeSet, b: RangeSet): RangeSet {
  return rangeSetOf(coalesceSorted(mergeByFirst(a.v4, b.v4)), coalesceSorted(mergeByFirst(a.v6, b.v6)));
}

/** The set without the addresses of `range`. */
export function rangeSetSubtract(set: RangeSet, range: IpRange): RangeSet {
  const intervals = intervalsOf(set, range.family);
  const start = firstEndingAtOrAfter(intervals, range.first);
  const kept = intervals.slice(0, start);
  let i = start;
  for (; i < intervals.length && intervals[i].first <= range.last; i++) {
    const interval = intervals[i];
    //   interval   f---------------t
    //   range           f-----t
    //   kept       f---t       f---t    Either piece may be empty, when the range covers that end.
    if (interval.first < range.first) kept.push(rangeFrom(interval.family, interval.first, range.first - 1n));
    if (interval.last > range.last) kept.push(rangeFrom(interval.family, range.last + 1n, interval.last));
  }
  kept.push(...intervals.slice(i));
  return range.family === 4 ? rangeSetOf(kept, set.v6) : rangeSetOf(set.v4, kept);
}

/** The maximal parts of `bound` that are not in the set, in ascending order. */
export function rangeSetGapsWithin(set: RangeSet, bound: IpRange): IpRange[] {
  const intervals = intervalsOf(set, bound.family);
  const gaps: IpRange[] = [];
  let nextFree = bound.first; // The lowest address of `bound` not yet known to be in the set.
  for (let i = firstEndingAtOrAfter(intervals, bound.first); i < intervals.length && intervals[i].first <= bound.last; i++) {
    if (intervals[i].first > nextFree) gaps.push(rangeFrom(bound.family, nextFree, intervals[i].first - 1n));
    nextFree = intervals[i].last + 1n;
  }
  if (nextFree <= bound.last) gaps.push(rangeFrom(bound.family, nextFree, bound.last));
  return gaps;
}

/** Number of addresses of one family in the set. */
export function rangeSetSize(set: RangeSet, family: Family): bigint {
  let size = 0n;
  for (const interval of intervalsOf(set, family)) size += rangeSize(interval);
  return size;
}

/** The fewest aligned CIDRs that cover the set exactly, in ascending order (netipx `IPSet.Prefixes`). */
export function rangeSetToPrefixes(set: RangeSet): Prefix[] {
  return [...set.v4, ...set.v6].flatMap(rangeToPrefixes);
}

/**
 * The fewest aligned CIDRs that cover `range` exactly, in ascending order, as MetalLB summarises an
 * `a-b` pool. Greedy is optimal: at each step it takes the largest block that both starts aligned at
 * the next uncovered address and ends inside the range, so at most 2 * (bits - 1) blocks result.
 */
export function rangeToPrefixes(range: IpRange): Prefix[] {
  const width = bitsOf(range.family);
  const prefixes: Prefix[] = [];
  let next = range.first;
  while (next <= range.last) {
    let hostBits = trailingZeroBits(next, width);
    while (next + (1n << BigInt(hostBits)) - 1n > range.last) hostBits--;
    prefixes.push(prefixFrom(addrFrom(range.family, next), width - hostBits));
    next += 1n << BigInt(hostBits);
  }
  return prefixes;
}

/** How many low bits of `value` are zero; the alignment of the largest block that can start there. */
function trailingZeroBits(value: bigint, width: number): number {
  if (value === 0n) return width;
  return (value & -value).toString(2).length - 1;
}

function rangeSetOf(v4: readonly IpRange[], v6: readonly IpRange[]): RangeSet {
  return Object.freeze({ v4: Object.freeze(v4), v6: Object.freeze(v6) });
}

function intervalsOf(set: RangeSet, family: Family): readonly IpRange[] {
  return family === 4 ? set.v4 : set.v6;
}

/** Index of the first interval that ends at or after `address`, or the length when none does. */
function firstEndingAtOrAfter(intervals: readonly IpRange[], address: bigint): number {
  let low = 0;
  let high = intervals.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (intervals[middle].last < address) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Merges two lists that are each sorted by `first` into one sorted list. */
function mergeByFirst(a: readonly IpRange[], b: readonly IpRange[]): IpRange[] {
  const merged: IpRange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(a[i].first <= b[j].first ? a[i++] : b[j++]);
  while (i < a.length) merged.push(a[i++]);
  while (j < b.length) merged.push(b[j++]);
  return merged;
}

/** Folds a list sorted by `first` into the normalised form: overlapping or touching intervals become one. */
function coalesceSorted(sorted: readonly IpRange[]): IpRange[] {
  const coalesced: IpRange[] = [];
  for (const r of sorted) {
    const previous = coalesced.length > 0 ? coalesced[coalesced.length - 1] : undefined;
    //   previous   f-------t            f-------t         f-------t
    //   r              f-------t                 f---t                 f---t
    //   result     f-----------t        f-------t         f-------t    f---t
    //              overlap: extend      inside: keep      gap: start a new interval
    // Touching (`r.first === previous.last + 1n`) counts as overlap, so adjacent intervals merge.
    if (previous !== undefined && r.first <= previous.last + 1n) {
      if (r.last > previous.last) coalesced[coalesced.length - 1] = rangeFrom(previous.family, previous.first, r.last);
    } else {
      coalesced.push(rangeFrom(r.family, r.first, r.last));
    }
  }
  return coalesced;
}

function byFirst(a: IpRange, b: IpRange): number {
  return a.first < b.first ? -1 : a.first > b.first ? 1 : 0;
}
