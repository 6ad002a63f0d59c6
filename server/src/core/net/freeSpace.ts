// Free-space search: where could a range of a given size go without colliding with anything?
//
// Quick fixes propose a replacement for an overlapping range: the free, aligned blocks of the same
// length that lie nearest to where the range is now, preferably in the same private block. The search
// never enumerates blocks one by one (an IPv6 /8 holds 2^56 /64s); it walks the gaps between the
// ranges to avoid, which are few, and turns each gap into a run of aligned block starts.

import { Family, addrFrom, bitsOf, maxValue } from './addr';
import { IpRange, Prefix, prefixFrom, prefixSize, prefixToRange, rangeContains } from './prefix';
import { RangeSet, rangeSetFrom, rangeSetGapsWithin, rangeSetUnion } from './rangeSet';

/** RFC 1918 private IPv4 space: 10.0.0.0/8, 172.16.0.0/12 and 192.168.0.0/16. */
export const PRIVATE_IPV4_BLOCKS: readonly IpRange[] = Object.freeze([
  blockOf(4, 0x0a000000n, 8),
  blockOf(4, 0xac100000n, 12),
  blockOf(4, 0xc0a80000n, 16),
]);

/**
 * Locally assigned IPv6 unique local addresses, fd00::/8. RFC 4193 reserves the other half of
 * fc00::/7 for a central registry that was never set up, so fd00::/8 is what clusters actually use.
 */
export const ULA_IPV6: IpRange = blockOf(6, 0xfdn << 120n, 8);

/** The private block (RFC 1918 or ULA) that contains all of `range`, or undefined. */
export function privateBlockOf(range: IpRange): IpRange | undefined {
  return [...PRIVATE_IPV4_BLOCKS, ULA_IPV6].find((block) => rangeContains(block, range));
}

export interface FreePrefixQuery {
  readonly family: Family;
  /** The prefix length of the blocks wanted. */
  readonly bits: number;
  /** Where to look, in order of preference, e.g. the private block of the range being moved first. */
  readonly candidates: readonly IpRange[];
  /** Addresses the blocks must not touch. */
  readonly avoid: RangeSet;
  /** The address to stay near, e.g. the start of the range being moved; each candidate's start when absent. */
  readonly near?: bigint;
  /** How many blocks to return at most. */
  readonly count: number;
}

/**
 * Up to `count` free, aligned prefixes of length `bits` that lie inside the candidate spaces and
 * overlap nothing in `avoid` or each other. All blocks from an earlier candidate come before any from
 * a later one; within one candidate they are ordered by the distance of their start from `near`, the
 * lower address first on a tie. The result is deterministic. Nonsensical queries (a length out of
 * range, a count below one) find nothing rather than throw.
 *
 * Cost per candidate: O(g + count) after building the gaps, for g gaps of `avoid` in the candidate.
 */
export function findFreePrefixes(query: FreePrefixQuery): Prefix[] {
  const { family, bits, count } = query;
  if (!Number.isInteger(bits) || bits < 0 || bits > bitsOf(family) || count < 1) return [];
  const blockSize = prefixSize(family, bits);
  let taken = query.avoid;
  const found: Prefix[] = [];
  for (const candidate of query.candidates) {
    if (candidate.family !== family) continue;
    const runs = startRunsIn(rangeSetGapsWithin(taken, candidate), blockSize);
    const near = clamp(query.near ?? candidate.first, 0n, maxValue(family));
    const prefixes = nearestStarts(runs, blockSize, near, count - found.length).map((start) => prefixFrom(addrFrom(family, start), bits));
    found.push(...prefixes);
    if (found.length === count) break;
    // Candidates may overlap one another; blocks already proposed must not be proposed twice.
    taken = rangeSetUnion(taken, rangeSetFrom(prefixes.map(prefixToRange)));
  }
  return found;
}

/**
 * The aligned block starts inside one free gap: `first`, `first + blockSize`, ..., `last`.
 * Invariant: `first <= last`, both are multiples of the block size, and the block starting at `last`
 * ends inside the gap. Runs built from sorted, disjoint gaps are themselves sorted and disjoint.
 */
interface StartRun {
  readonly first: bigint;
  readonly last: bigint;
}

/** A position among the block starts: the start itself and the run it belongs to. */
interface Cursor {
  readonly run: number;
  readonly start: bigint;
}

function startRunsIn(gaps: readonly IpRange[], blockSize: bigint): StartRun[] {
  const runs: StartRun[] = [];
  for (const gap of gaps) {
    const first = alignDown(gap.first + blockSize - 1n, blockSize);
    const lastFittingStart = gap.last - blockSize + 1n;
    if (lastFittingStart < first) continue;
    runs.push({ first, last: alignDown(lastFittingStart, blockSize) });
  }
  return runs;
}

/**
 * The `count` block starts nearest to `near`, nearest first. Two cursors walk outward: `below` over
 * the starts at or below `near`, going down, and `above` over the starts above it, going up. Each step
 * takes the nearer one, and `below` on a tie, since its address is the lower.
 */
function nearestStarts(runs: readonly StartRun[], blockSize: bigint, near: bigint, count: number): bigint[] {
  const starts: bigint[] = [];
  let below = lastStartAtOrBelow(runs, blockSize, near);
  let above = firstStartAtOrAbove(runs, blockSize, alignDown(near, blockSize) + blockSize);
  while (starts.length < count && (below !== undefined || above !== undefined)) {
    if (below !== undefined && (above === undefined || near - below.start <= above.start - near)) {
      starts.push(below.start);
      below = stepDown(runs, blockSize, below);
    } else if (above !== undefined) {
      starts.push(above.start);
      above = stepUp(runs, blockSize, above);
    }
  }
  return starts;
}

function lastStartAtOrBelow(runs: readonly StartRun[], blockSize: bigint, address: bigint): Cursor | undefined {
  const run = firstRunWhere(runs, (r) => r.first > address) - 1;
  if (run < 0) return undefined;
  const start = alignDown(address, blockSize);
  return { run, start: start < runs[run].last ? start : runs[run].last };
}

function firstStartAtOrAbove(runs: readonly StartRun[], blockSize: bigint, address: bigint): Cursor | undefined {
  const run = firstRunWhere(runs, (r) => r.last >= address);
  if (run === runs.length) return undefined;
  const start = alignDown(address + blockSize - 1n, blockSize);
  return { run, start: start > runs[run].first ? start : runs[run].first };
}

function stepDown(runs: readonly StartRun[], blockSize: bigint, cursor: Cursor): Cursor | undefined {
  if (cursor.start > runs[cursor.run].first) return { run: cursor.run, start: cursor.start - blockSize };
  return cursor.run > 0 ? { run: cursor.run - 1, start: runs[cursor.run - 1].last } : undefined;
}

function stepUp(runs: readonly StartRun[], blockSize: bigint, cursor: Cursor): Cursor | undefined {
  if (cursor.start < runs[cursor.run].last) return { run: cursor.run, start: cursor.start + blockSize };
  return cursor.run + 1 < runs.length ? { run: cursor.run + 1, start: runs[cursor.run + 1].first } : undefined;
}

/** Index of the first run satisfying a predicate that is false, then true, along the sorted runs. */
function firstRunWhere(runs: readonly StartRun[], predicate: (run: StartRun) => boolean): number {
  let low = 0;
  let high = runs.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (predicate(runs[middle])) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The largest multiple of `blockSize` not above `value`; both are non-negative here. */
function alignDown(value: bigint, blockSize: bigint): bigint {
  return value - (value % blockSize);
}

function clamp(value: bigint, low: bigint, high: bigint): bigint {
  return value < low ? low : value > high ? high : value;
}

function blockOf(family: Family, first: bigint, bits: number): IpRange {
  return prefixToRange(prefixFrom(addrFrom(family, first), bits));
}
