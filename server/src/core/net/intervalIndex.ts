// A static index of ranges for "which of them overlap this range?" queries, built once and asked many
// times (a rule's fix search asks once per finding). The items of each family are sorted by first
// address; over that order sits an implicit balanced binary tree (the middle of each slice is its root),
// and every root records the greatest last address in its slice. A query descends only into slices
// whose greatest last address reaches the query's first address and whose items start no later than
// its last address, so it costs O(log n + k) for k results; building costs O(n log n).

import type { Family } from './addr';
import type { IpRange } from './prefix';

export interface IntervalIndex<T> {
  /**
   * Visits the items overlapping `range` (same family, sharing an address), in order of first address,
   * until `visit` returns true; returns whether it did.
   */
  some(range: IpRange, visit: (item: T) => boolean): boolean;
  /** The items overlapping `range`, in order of first address. */
  overlapping(range: IpRange): T[];
}

interface Sorted<T> {
  readonly items: readonly T[];
  readonly ranges: readonly IpRange[];
  /** maxLast[i]: the greatest last address in the slice whose root is i. */
  readonly maxLast: bigint[];
}

export function intervalIndex<T>(items: Iterable<T>, rangeOf: (item: T) => IpRange): IntervalIndex<T> {
  const byFamily = new Map<Family, Sorted<T>>();
  for (const family of [4, 6] as const) {
    const entries = [...items].map((item) => ({ item, range: rangeOf(item) })).filter((e) => e.range.family === family);
    entries.sort((a, b) => (a.range.first < b.range.first ? -1 : a.range.first > b.range.first ? 1 : 0));
    const sorted: Sorted<T> = { items: entries.map((e) => e.item), ranges: entries.map((e) => e.range), maxLast: new Array<bigint>(entries.length) };
    fillMaxLast(sorted, 0, entries.length);
    byFamily.set(family, sorted);
  }
  const some = (range: IpRange, visit: (item: T) => boolean): boolean => {
    const sorted = byFamily.get(range.family);
    return sorted ? search(sorted, 0, sorted.items.length, range, visit) : false;
  };
  return {
    some,
    overlapping(range) {
      const found: T[] = [];
      some(range, (item) => {
        found.push(item);
        return false;
      });
      return found;
    },
  };
}

function fillMaxLast<T>(sorted: Sorted<T>, lo: number, hi: number): bigint {
  if (lo >= hi) return -1n;
  const mid = (lo + hi) >>> 1;
  const left = fillMaxLast(sorted, lo, mid);
  const right = fillMaxLast(sorted, mid + 1, hi);
  let max = sorted.ranges[mid].last;
  if (left > max) max = left;
  if (right > max) max = right;
  sorted.maxLast[mid] = max;
  return max;
}

function search<T>(sorted: Sorted<T>, lo: number, hi: number, range: IpRange, visit: (item: T) => boolean): boolean {
  if (lo >= hi) return false;
  const mid = (lo + hi) >>> 1;
  // Nothing in this slice reaches the query.
  if (sorted.maxLast[mid] < range.first) return false;
  if (search(sorted, lo, mid, range, visit)) return true;
  const own = sorted.ranges[mid];
  // Items right of the root start no earlier than it: if it starts past the query, so do they.
  if (own.first > range.last) return false;
  if (own.last >= range.first && visit(sorted.items[mid])) return true;
  return search(sorted, mid + 1, hi, range, visit);
}
