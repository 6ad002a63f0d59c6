// Overlap and containment queries over many ranges, with provenance: the results name the items that
// collide, not just whether something does, because a diagnostic has to point at both values.
//
// Every query sorts by start address and sweeps once, keeping an "active" heap of the ranges that may
// still reach the sweep position, keyed by their last address so finished ranges drop off cheaply.
// The cost is O((n + k) log n) for n ranges and k reported pairs; nothing compares all pairs.
//
// Why one sweep finds every pair: of two overlapping ranges, take the one the sweep reaches second.
//
//   earlier   f----------t              f------------------t
//   later          f--------t                f------t
//                  ^ sweep position          ^ sweep position
//
// At that moment the earlier range started at or before the sweep position and, because the two
// overlap, ends at or after it, so it is still active. Conversely, a range that ended before the
// sweep position cannot reach anything that starts later:
//
//   dropped   f----t
//   later             f--------t
//                     ^ sweep position
//
// Families never mix: each family is swept on its own, as netip never lets IPv4 match IPv6.
//
// An item reached by the sweep pairs with at most MAX_PARTNERS of the ranges already active there, and
// an inner item lists at most MAX_PARTNERS containers. Real address plans stack a handful of values on
// one address, so this drops nothing real; a workspace that stacks thousands (a generator that repeated
// one pool 2,000 times) would otherwise make millions of pairs and exhaust the language server's memory.
// Ranges that merely contain many others lose nothing: a /8 over 5,000 pools is active when each pool
// is reached, and pairs with every one of them.

import { Family } from './addr';
import { IpRange } from './prefix';

/**
 * Every pair of items whose ranges share at least one address (but see MAX_PARTNERS). Each pair
 * lists the item that comes first in `items` first, and the pairs are sorted by the input positions
 * of their items, so the output does not depend on the sort's tie-breaking.
 */
export function findOverlaps<T>(items: readonly T[], rangeOf: (item: T) => IpRange): Array<[T, T]> {
  const pairs: Array<[Entry<T>, Entry<T>]> = [];
  for (const family of FAMILIES) {
    const active = new ActiveByLast<T>();
    for (const current of sortedEntries(items, rangeOf, family)) {
      active.dropEndingBefore(current.range.first);
      for (const earlier of firstPartners(active)) pairs.push(earlier.index < current.index ? [earlier, current] : [current, earlier]);
      active.add(current);
    }
  }
  return pairs.sort(byIndexPair).map(([a, b]) => [a.item, b.item]);
}

/**
 * Every (left, right) pair whose ranges share at least one address, for two separate lists, e.g. pod
 * pools against service ranges (but see MAX_PARTNERS). Pairs within one list are not reported.
 * Sorted by the input positions of the left item, then the right one.
 */
export function findOverlapsBetween<T, U>(
  left: readonly T[],
  leftRange: (item: T) => IpRange,
  right: readonly U[],
  rightRange: (item: U) => IpRange,
): Array<[T, U]> {
  const pairs: Array<[Entry<T>, Entry<U>]> = [];
  for (const family of FAMILIES) {
    const lefts = sortedEntries(left, leftRange, family);
    const rights = sortedEntries(right, rightRange, family);
    const activeLefts = new ActiveByLast<T>();
    const activeRights = new ActiveByLast<U>();
    let i = 0;
    let j = 0;
    // Walks both sorted lists as one; on equal starts either may go first, as both pair up anyway.
    while (i < lefts.length || j < rights.length) {
      const takeLeft = j === rights.length || (i < lefts.length && lefts[i].range.first <= rights[j].range.first);
      const position = takeLeft ? lefts[i].range.first : rights[j].range.first;
      activeLefts.dropEndingBefore(position);
      activeRights.dropEndingBefore(position);
      if (takeLeft) {
        const current = lefts[i++];
        for (const other of firstPartners(activeRights)) pairs.push([current, other]);
        activeLefts.add(current);
      } else {
        const current = rights[j++];
        for (const other of firstPartners(activeLefts)) pairs.push([other, current]);
        activeRights.add(current);
      }
    }
  }
  return pairs.sort(byIndexPair).map(([a, b]) => [a.item, b.item]);
}

/**
 * For each inner item, the outer items whose ranges contain its range entirely, in input order (at
 * most MAX_PARTNERS of them); an inner item that nothing contains maps to `[]`. Answers questions
 * such as "is this clusterIP inside any service range, and which?". The map iterates in the order of
 * `inner`; inner items should be distinct values, since they are the keys.
 *
 * The sweep visits inner ranges by start. Outer ranges starting at or before that start are active
 * unless they already ended; an active outer range contains the inner one when it also reaches its end:
 *
 *   outer   f-------------------t        f-----------t
 *   inner        f--------t                    f-----------t
 *                contained                     overlaps, not contained
 *
 * Scanning the active heap costs one step per outer range that overlaps the inner start, so the total
 * stays O((n + m + k) log n) with k the number of such overlaps.
 */
export function findContainers<T, U>(
  outer: readonly T[],
  outerRange: (item: T) => IpRange,
  inner: readonly U[],
  innerRange: (item: U) => IpRange,
): Map<U, T[]> {
  const containers = new Map<U, T[]>(inner.map((item) => [item, []]));
  for (const family of FAMILIES) {
    const outers = sortedEntries(outer, outerRange, family);
    const active = new ActiveByLast<T>();
    let next = 0;
    for (const current of sortedEntries(inner, innerRange, family)) {
      while (next < outers.length && outers[next].range.first <= current.range.first) active.add(outers[next++]);
      active.dropEndingBefore(current.range.first);
      containers.set(current.item, containersAmong(active, current).sort(byIndex).map((entry) => entry.item));
    }
  }
  return containers;
}

const FAMILIES: readonly Family[] = [4, 6];

/** The active entries that contain `inner` entirely, the first MAX_PARTNERS found. */
function containersAmong<T, U>(active: ActiveByLast<T>, inner: Entry<U>): Entry<T>[] {
  const found: Entry<T>[] = [];
  for (const candidate of active.entries()) {
    if (candidate.range.last < inner.range.last) continue;
    found.push(candidate);
    if (found.length === MAX_PARTNERS) break;
  }
  return found;
}

/** How many active ranges an item reached by the sweep pairs with, at most; see the file comment. */
export const MAX_PARTNERS = 32;

/** The active entries an item reached by the sweep pairs with: the first in heap order, so picking is O(1). */
function firstPartners<T>(active: ActiveByLast<T>): readonly Entry<T>[] {
  const entries = active.entries();
  return entries.length <= MAX_PARTNERS ? entries : entries.slice(0, MAX_PARTNERS);
}

/** An item with its range computed once, and its position in the input for deterministic output. */
interface Entry<T> {
  readonly item: T;
  readonly range: IpRange;
  readonly index: number;
}

/** The items of one family, sorted by first address, then by input position. */
function sortedEntries<T>(items: readonly T[], rangeOf: (item: T) => IpRange, family: Family): Entry<T>[] {
  const entries: Entry<T>[] = [];
  items.forEach((item, index) => {
    const range = rangeOf(item);
    if (range.family === family) entries.push({ item, range, index });
  });
  return entries.sort((a, b) => (a.range.first < b.range.first ? -1 : a.range.first > b.range.first ? 1 : a.index - b.index));
}

function byIndex<T>(a: Entry<T>, b: Entry<T>): number {
  return a.index - b.index;
}

function byIndexPair<T, U>(a: readonly [Entry<T>, Entry<U>], b: readonly [Entry<T>, Entry<U>]): number {
  return a[0].index - b[0].index || a[1].index - b[1].index;
}

/**
 * The ranges the sweep has passed the start of. A binary min-heap on `range.last`. Invariant: for
 * every index i > 0, `heap[parent(i)].range.last <= heap[i].range.last`, so the range that ends
 * first is at the root and each one that ended can be removed in O(log n).
 */
class ActiveByLast<T> {
  private readonly heap: Entry<T>[] = [];

  /** The active entries in no particular order. */
  entries(): readonly Entry<T>[] {
    return this.heap;
  }

  add(entry: Entry<T>): void {
    const heap = this.heap;
    heap.push(entry);
    let child = heap.length - 1;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (heap[parent].range.last <= heap[child].range.last) break;
      [heap[parent], heap[child]] = [heap[child], heap[parent]];
      child = parent;
    }
  }

  /** Removes every entry whose range ends before `address`; those can reach nothing from here on. */
  dropEndingBefore(address: bigint): void {
    while (this.heap.length > 0 && this.heap[0].range.last < address) this.removeRoot();
  }

  private removeRoot(): void {
    const heap = this.heap;
    const last = heap.pop() as Entry<T>;
    if (heap.length === 0) return;
    heap[0] = last;
    let parent = 0;
    for (;;) {
      const left = 2 * parent + 1;
      const right = left + 1;
      let smallest = parent;
      if (left < heap.length && heap[left].range.last < heap[smallest].range.last) smallest = left;
      if (right < heap.length && heap[right].range.last < heap[smallest].range.last) smallest = right;
      if (smallest === parent) return;
      [heap[parent], heap[smallest]] = [heap[smallest], heap[parent]];
      parent = smallest;
    }
  }
}
