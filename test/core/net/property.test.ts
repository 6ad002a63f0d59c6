// Differential property tests: the address arithmetic against two independent oracles, the `ip-cidr`
// package and Node's `net.BlockList`, and the sweep and free-space search against brute force.
// Oracle inputs are written by `plainText` below, never by the formatter under test.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BlockList, isIPv4, isIPv6 } from 'node:net';
import * as fc from 'fast-check';
import IPCIDR from 'ip-cidr';
import { Family, addrFrom, bitsOf, formatAddr, isParseError, maxValue, parseAddr } from '../../../server/src/core/net/addr';
import {
  IpRange,
  Prefix,
  intersectionSize,
  prefixFrom,
  prefixToRange,
  rangeContains,
  rangeFrom,
  rangesOverlap,
} from '../../../server/src/core/net/prefix';
import {
  RangeSet,
  rangeSetContains,
  rangeSetFrom,
  rangeSetGapsWithin,
  rangeSetOverlaps,
  rangeSetRanges,
  rangeSetSize,
  rangeSetSubtract,
  rangeSetToPrefixes,
  rangeSetUnion,
  rangeToPrefixes,
} from '../../../server/src/core/net/rangeSet';
import { findContainers, findOverlaps, findOverlapsBetween } from '../../../server/src/core/net/sweep';
import { findFreePrefixes } from '../../../server/src/core/net/freeSpace';

/** A fixed seed keeps runs reproducible; fast-check prints it with any counterexample anyway. */
const RUNS = { numRuns: 2000, seed: 20251125 };

// ---------------------------------------------------------------------------------------------
// Oracle helpers, written without the code under test.

/** Dotted quad, or eight unabbreviated hex groups: text every oracle parses the same way. */
function plainText(family: Family, value: bigint): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 255n)).join('.');
  return Array.from({ length: 8 }, (_, i) => ((value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16)).join(':');
}

function blockListType(family: Family): 'ipv4' | 'ipv6' {
  return family === 4 ? 'ipv4' : 'ipv6';
}

/**
 * Address membership through `net.BlockList`, one list per family: a single BlockList lets an IPv4
 * rule match IPv4-mapped IPv6 addresses and `::/0` match IPv4, which is not the semantics we want.
 */
class Oracle {
  private readonly lists = { 4: new BlockList(), 6: new BlockList() };

  static ofRanges(ranges: readonly IpRange[]): Oracle {
    const oracle = new Oracle();
    for (const r of ranges) oracle.lists[r.family].addRange(plainText(r.family, r.first), plainText(r.family, r.last), blockListType(r.family));
    return oracle;
  }

  static ofPrefixes(prefixes: readonly Prefix[]): Oracle {
    const oracle = new Oracle();
    for (const p of prefixes) oracle.lists[p.addr.family].addSubnet(plainText(p.addr.family, p.addr.value), p.bits, blockListType(p.addr.family));
    return oracle;
  }

  has(family: Family, value: bigint): boolean {
    return this.lists[family].check(plainText(family, value), blockListType(family));
  }
}

function ipCidrOf(p: Prefix): IPCIDR {
  return new IPCIDR(`${plainText(p.addr.family, p.addr.value)}/${p.bits}`);
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

function max(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries.

const family = fc.constantFrom<Family>(4, 6);

function addressValue(f: Family): fc.Arbitrary<bigint> {
  return fc.bigInt({ min: 0n, max: maxValue(f) });
}

/** A prefix anywhere, host bits included. */
const anyPrefix: fc.Arbitrary<Prefix> = family.chain((f) =>
  fc.tuple(addressValue(f), fc.integer({ min: 0, max: bitsOf(f) })).map(([value, bits]) => prefixFrom(addrFrom(f, value), bits)),
);

/** A prefix of any length whose address agrees with `anchor` in a random number of top bits. */
function prefixNear(f: Family, anchor: bigint): fc.Arbitrary<Prefix> {
  return fc
    .record({ other: addressValue(f), shared: fc.integer({ min: 0, max: bitsOf(f) }), bits: fc.integer({ min: 0, max: bitsOf(f) }) })
    .map(({ other, shared, bits }) => {
      const low = (1n << BigInt(bitsOf(f) - shared)) - 1n;
      return prefixFrom(addrFrom(f, (anchor & ~low) | (other & low)), bits);
    });
}

/** Two prefixes near one anchor, so that containment and overlap are common. */
const relatedPrefixes: fc.Arbitrary<[Prefix, Prefix]> = family.chain((f) =>
  addressValue(f).chain((anchor) => fc.tuple(prefixNear(f, anchor), prefixNear(f, anchor))),
);

/** A small stretch of one family's space, so properties can check it address by address. */
interface Window {
  readonly family: Family;
  readonly base: bigint;
}

const WINDOW_SIZE = 128n;

function windowOf(f: Family): fc.Arbitrary<Window> {
  return fc.bigInt({ min: 0n, max: maxValue(f) / WINDOW_SIZE }).map((k) => ({ family: f, base: k * WINDOW_SIZE }));
}

const anyWindow: fc.Arbitrary<Window> = family.chain(windowOf);

/** A range inside the window: mostly short ones, as real ranges are small next to the space around them. */
function rangeIn(w: Window): fc.Arbitrary<IpRange> {
  const offset = fc.bigInt({ min: 0n, max: WINDOW_SIZE - 1n });
  const short = fc.tuple(offset, fc.bigInt({ min: 0n, max: 16n })).map(([start, length]) => [start, min(start + length, WINDOW_SIZE - 1n)]);
  const long = fc.tuple(offset, offset).map(([a, b]) => [min(a, b), max(a, b)]);
  return fc.oneof(short, long).map(([first, last]) => rangeFrom(w.family, w.base + first, w.base + last));
}

function rangesIn(w: Window, maxLength: number): fc.Arbitrary<IpRange[]> {
  return fc.array(rangeIn(w), { maxLength });
}

/** Every address of the window, plus the one on each side when it exists. */
function probesOf(w: Window): bigint[] {
  const probes: bigint[] = [];
  for (let value = w.base - 1n; value <= w.base + WINDOW_SIZE; value++) {
    if (value >= 0n && value <= maxValue(w.family)) probes.push(value);
  }
  return probes;
}

function single(f: Family, value: bigint): IpRange {
  return rangeFrom(f, value, value);
}

/** Checks the invariant written on `RangeSet`: sorted, neither overlapping nor touching, one family per list. */
function assertNormalised(set: RangeSet): void {
  for (const f of [4, 6] as const) {
    const intervals = rangeSetRanges(set, f);
    intervals.forEach((r, i) => {
      assert.equal(r.family, f);
      assert.ok(r.first <= r.last);
      if (i > 0) assert.ok(intervals[i - 1].last + 1n < r.first, 'intervals overlap or touch');
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Parsing and formatting.

test('IPv4: format(parse(x)) is x for canonical text, and Node agrees it is an address', () => {
  fc.assert(
    fc.property(addressValue(4), (value) => {
      const text = plainText(4, value);
      const parsed = parseAddr(text);
      assert.ok(!isParseError(parsed), text);
      assert.equal(parsed.addr.value, value);
      assert.equal(formatAddr(parsed.addr), text);
      assert.ok(isIPv4(text));
    }),
    RUNS,
  );
});

/** IPv6 values with many zero groups, so that compression cases come up, and some IPv4-mapped ones. */
const ipv6Groups = fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 0xffff }) }), {
  minLength: 8,
  maxLength: 8,
});

function valueOfGroups(groups: readonly number[]): bigint {
  return groups.reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}

const ipv6Value = fc.oneof(
  ipv6Groups.map(valueOfGroups),
  addressValue(4).map((v4) => (0xffffn << 32n) | v4),
  addressValue(6),
);

test('IPv6: format is RFC 5952 text as WHATWG URL serialises it, and round-trips', () => {
  fc.assert(
    fc.property(ipv6Value, (value) => {
      const text = formatAddr(addrFrom(6, value));
      const reparsed = parseAddr(text);
      assert.ok(!isParseError(reparsed), text);
      assert.equal(reparsed.addr.value, value);
      assert.equal(formatAddr(reparsed.addr), text);
      assert.ok(isIPv6(text), text);
      if (value >> 32n === 0xffffn) {
        // URL writes mapped addresses in hex; RFC 5952 §5 recommends the dotted tail, as Go does.
        assert.equal(text, `::ffff:${plainText(4, value & 0xffffffffn)}`);
      } else {
        assert.equal(`[${text}]`, new URL(`http://[${plainText(6, value)}]`).hostname);
      }
    }),
    RUNS,
  );
});

/** Any legal spelling of an IPv6 address: case, padding, which zero run is compressed, a dotted tail. */
const ipv6Spelling = fc
  .record({
    groups: ipv6Groups,
    upper: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    width: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 8, maxLength: 8 }),
    compress: fc.nat(),
    dotted: fc.boolean(),
  })
  .map(({ groups, upper, width, compress, dotted }) => {
    const tokens = groups.map((g, i) => {
      const hex = g.toString(16).padStart(width[i], '0');
      return upper[i] ? hex.toUpperCase() : hex;
    });
    if (dotted) tokens.splice(6, 2, plainText(4, BigInt(groups[6] * 65536 + groups[7])));
    // Runs of zero groups that `::` may replace; a dotted tail is not made of groups.
    const runs: Array<[number, number]> = [];
    for (let i = 0; i < tokens.length; i++) {
      if (groups[i] !== 0 || (dotted && i >= 6)) continue;
      let end = i;
      while (end < tokens.length && groups[end] === 0 && !(dotted && end >= 6)) end++;
      runs.push([i, end]);
      i = end;
    }
    const pick = compress % (runs.length + 1);
    const text =
      pick === runs.length ? tokens.join(':') : `${tokens.slice(0, runs[pick][0]).join(':')}::${tokens.slice(runs[pick][1]).join(':')}`;
    return { text, value: valueOfGroups(groups) };
  });

test('IPv6: every legal spelling parses to its value, as Node also accepts it', () => {
  fc.assert(
    fc.property(ipv6Spelling, ({ text, value }) => {
      const parsed = parseAddr(text);
      assert.ok(!isParseError(parsed), `${text}: ${isParseError(parsed) ? parsed.error : ''}`);
      assert.equal(parsed.addr.value, value);
      assert.ok(isIPv6(text), text);
    }),
    RUNS,
  );
});

test('IPv4 with leading zeros: rejected strictly as by Node, read as decimal sloppily', () => {
  const octets = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 });
  const widths = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 4, maxLength: 4 });
  fc.assert(
    fc.property(octets, widths, (values, width) => {
      const text = values.map((v, i) => String(v).padStart(width[i], '0')).join('.');
      const padded = values.some((v, i) => String(v).length < width[i]);
      const expected = values.reduce((acc, v) => acc * 256n + BigInt(v), 0n);
      assert.equal(isParseError(parseAddr(text)), padded);
      assert.equal(isIPv4(text), !padded);
      const sloppy = parseAddr(text, { allowLeadingZeros: true });
      assert.ok(!isParseError(sloppy), text);
      assert.equal(sloppy.addr.value, expected);
      assert.equal(sloppy.notation.leadingZeros, padded);
    }),
    RUNS,
  );
});

// ---------------------------------------------------------------------------------------------
// Prefixes against ip-cidr and BlockList.

test('prefixToRange: first and last agree with ip-cidr start and end', () => {
  fc.assert(
    fc.property(anyPrefix, (prefix) => {
      const range = prefixToRange(prefix);
      const oracle = ipCidrOf(prefix);
      assert.equal(range.first, oracle.start<bigint>({ type: 'bigInteger' }));
      assert.equal(range.last, oracle.end<bigint>({ type: 'bigInteger' }));
    }),
    RUNS,
  );
});

test('contains, overlaps and intersectionSize agree with ip-cidr and BlockList', () => {
  fc.assert(
    fc.property(relatedPrefixes, ([a, b]) => {
      const [ra, rb] = [prefixToRange(a), prefixToRange(b)];
      const [oracleA, oracleB] = [ipCidrOf(a), ipCidrOf(b)];
      const aHoldsB = oracleA.contains(`${plainText(b.addr.family, b.addr.value)}/${b.bits}`);
      const bHoldsA = oracleB.contains(`${plainText(a.addr.family, a.addr.value)}/${a.bits}`);
      assert.equal(rangeContains(ra, rb), aHoldsB);
      assert.equal(rangeContains(rb, ra), bHoldsA);
      // Two prefixes overlap exactly when one holds the other, and then they share the smaller.
      assert.equal(rangesOverlap(ra, rb), aHoldsB || bHoldsA);
      const smaller = min(oracleA.size as bigint, oracleB.size as bigint);
      assert.equal(intersectionSize(ra, rb), aHoldsB || bHoldsA ? smaller : 0n);
      const listA = Oracle.ofPrefixes([a]);
      const f = a.addr.family;
      const bFirst = oracleB.start<bigint>({ type: 'bigInteger' });
      const bLast = oracleB.end<bigint>({ type: 'bigInteger' });
      assert.equal(rangeContains(ra, rb), listA.has(f, bFirst) && listA.has(f, bLast));
    }),
    RUNS,
  );
});

test('intersectionSize of any two ranges is the number of addresses BlockList finds in both', () => {
  const pair = anyWindow.chain((w) => fc.tuple(fc.constant(w), rangeIn(w), rangeIn(w)));
  fc.assert(
    fc.property(pair, ([w, a, b]) => {
      const [inA, inB] = [Oracle.ofRanges([a]), Oracle.ofRanges([b])];
      let shared = 0n;
      let bSize = 0n;
      for (const value of probesOf(w)) {
        if (inB.has(w.family, value)) bSize++;
        if (inA.has(w.family, value) && inB.has(w.family, value)) shared++;
      }
      assert.equal(intersectionSize(a, b), shared);
      assert.equal(rangesOverlap(a, b), shared > 0n);
      assert.equal(rangeContains(a, b), shared === bSize);
    }),
    RUNS,
  );
});

// ---------------------------------------------------------------------------------------------
// Range sets against BlockList, address by address.

const setInWindow = anyWindow.chain((w) => fc.tuple(fc.constant(w), rangesIn(w, 8), rangesIn(w, 8), rangeIn(w)));

test('rangeSet: membership and size agree with BlockList, and the set is normalised', () => {
  fc.assert(
    fc.property(setInWindow, ([w, ranges]) => {
      const set = rangeSetFrom(ranges);
      const oracle = Oracle.ofRanges(ranges);
      assertNormalised(set);
      let size = 0n;
      for (const value of probesOf(w)) {
        const expected = oracle.has(w.family, value);
        assert.equal(rangeSetContains(set, single(w.family, value)), expected, plainText(w.family, value));
        if (expected) size++;
      }
      assert.equal(rangeSetSize(set, w.family), size);
      assert.equal(rangeSetSize(set, w.family === 4 ? 6 : 4), 0n);
    }),
    RUNS,
  );
});

test('rangeSet: contains and overlaps of a range agree with BlockList', () => {
  fc.assert(
    fc.property(setInWindow, ([w, ranges, , probe]) => {
      const set = rangeSetFrom(ranges);
      const oracle = Oracle.ofRanges(ranges);
      let inside = 0n;
      for (let value = probe.first; value <= probe.last; value++) if (oracle.has(w.family, value)) inside++;
      assert.equal(rangeSetContains(set, probe), inside === probe.last - probe.first + 1n);
      assert.equal(rangeSetOverlaps(set, probe), inside > 0n);
    }),
    RUNS,
  );
});

test('rangeSet: union, subtraction and gaps agree with BlockList', () => {
  fc.assert(
    fc.property(setInWindow, ([w, rangesA, rangesB, cut]) => {
      const [a, b] = [rangeSetFrom(rangesA), rangeSetFrom(rangesB)];
      const [inA, inB, inCut] = [Oracle.ofRanges(rangesA), Oracle.ofRanges(rangesB), Oracle.ofRanges([cut])];
      const union = rangeSetUnion(a, b);
      const difference = rangeSetSubtract(a, cut);
      const gaps = rangeSetGapsWithin(a, cut);
      assertNormalised(union);
      assertNormalised(difference);
      assert.deepEqual(rangeSetRanges(rangeSetFrom(gaps), w.family), gaps, 'gaps are sorted and maximal');
      const inGaps = Oracle.ofRanges(gaps);
      for (const value of probesOf(w)) {
        const [x, y, c] = [inA.has(w.family, value), inB.has(w.family, value), inCut.has(w.family, value)];
        const probe = single(w.family, value);
        assert.equal(rangeSetContains(union, probe), x || y);
        assert.equal(rangeSetContains(difference, probe), x && !c);
        assert.equal(inGaps.has(w.family, value), c && !x);
      }
    }),
    RUNS,
  );
});

test('rangeSetToPrefixes: the prefixes hold exactly the addresses of the set', () => {
  fc.assert(
    fc.property(setInWindow, ([w, ranges]) => {
      const set = rangeSetFrom(ranges);
      const [inSet, inPrefixes] = [Oracle.ofRanges(ranges), Oracle.ofPrefixes(rangeSetToPrefixes(set))];
      for (const value of probesOf(w)) assert.equal(inPrefixes.has(w.family, value), inSet.has(w.family, value));
    }),
    RUNS,
  );
});

// ---------------------------------------------------------------------------------------------
// Range summarisation over the whole space.

/** Any range, anywhere: its ends share a random number of top bits, so sizes span all scales. */
const anyRange: fc.Arbitrary<IpRange> = relatedPrefixes.map(([a, b]) => {
  const [x, y] = [a.addr.value, b.addr.value];
  return rangeFrom(a.addr.family, min(x, y), max(x, y));
});

test('rangeToPrefixes covers the range exactly with the fewest aligned prefixes', () => {
  fc.assert(
    fc.property(anyRange, (range) => {
      const prefixes = rangeToPrefixes(range);
      const width = bitsOf(range.family);
      const covered = Oracle.ofPrefixes(prefixes);
      let next = range.first;
      prefixes.forEach((p, i) => {
        const size = 1n << BigInt(width - p.bits);
        assert.equal(p.addr.value, next, 'contiguous, ascending');
        assert.equal(p.addr.value % size, 0n, 'aligned');
        assert.ok(covered.has(range.family, p.addr.value) && covered.has(range.family, p.addr.value + size - 1n));
        // Greedy is minimal: two equal neighbours never form one aligned block of twice the size.
        const previous = prefixes[i - 1];
        if (previous !== undefined && previous.bits === p.bits) assert.notEqual(previous.addr.value % (2n * size), 0n, 'mergeable neighbours');
        next += size;
      });
      assert.equal(next - 1n, range.last, 'sizes sum to the range');
      assert.ok(prefixes.length <= 2 * (width - 1) || prefixes.length === 1);
      if (range.first > 0n) assert.ok(!covered.has(range.family, range.first - 1n));
      if (range.last < maxValue(range.family)) assert.ok(!covered.has(range.family, range.last + 1n));
      const [first, last] = [ipCidrOf(prefixes[0]), ipCidrOf(prefixes[prefixes.length - 1])];
      assert.equal(first.start<bigint>({ type: 'bigInteger' }), range.first);
      assert.equal(last.end<bigint>({ type: 'bigInteger' }), range.last);
    }),
    RUNS,
  );
});

// ---------------------------------------------------------------------------------------------
// The sweep against brute force over all pairs (allowed here, in the oracle only).

/** Ranges of both families, crowded into one window each so that overlaps are common. */
const mixedRanges = fc
  .tuple(windowOf(4), windowOf(6))
  .chain(([w4, w6]) => fc.array(fc.oneof(rangeIn(w4), rangeIn(w6)), { maxLength: 40, size: 'max' }));

function bruteOverlaps(a: IpRange, b: IpRange): boolean {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}

test('findOverlaps finds exactly the pairs a pairwise comparison finds', () => {
  fc.assert(
    fc.property(mixedRanges, (ranges) => {
      const indices = ranges.map((_, i) => i);
      const expected: Array<[number, number]> = [];
      for (let i = 0; i < ranges.length; i++) {
        for (let j = i + 1; j < ranges.length; j++) if (bruteOverlaps(ranges[i], ranges[j])) expected.push([i, j]);
      }
      assert.deepEqual(findOverlaps(indices, (i) => ranges[i]), expected);
    }),
    RUNS,
  );
});

test('findOverlapsBetween and findContainers agree with pairwise comparison', () => {
  fc.assert(
    fc.property(mixedRanges, mixedRanges, (outer, inner) => {
      const [outerIds, innerIds] = [outer.map((_, i) => i), inner.map((_, i) => i)];
      const expectedPairs: Array<[number, number]> = [];
      const expectedContainers = new Map<number, number[]>(innerIds.map((j) => [j, []]));
      for (let i = 0; i < outer.length; i++) {
        for (let j = 0; j < inner.length; j++) {
          if (bruteOverlaps(outer[i], inner[j])) expectedPairs.push([i, j]);
        }
      }
      for (let j = 0; j < inner.length; j++) {
        for (let i = 0; i < outer.length; i++) {
          const [o, n] = [outer[i], inner[j]];
          if (o.family === n.family && o.first <= n.first && n.last <= o.last) expectedContainers.get(j)?.push(i);
        }
      }
      assert.deepEqual(findOverlapsBetween(outerIds, (i) => outer[i], innerIds, (j) => inner[j]), expectedPairs);
      assert.deepEqual(findContainers(outerIds, (i) => outer[i], innerIds, (j) => inner[j]), expectedContainers);
    }),
    RUNS,
  );
});

// ---------------------------------------------------------------------------------------------
// Free-space search.

interface SmallSearch {
  readonly window: Window;
  readonly bits: number;
  readonly candidates: IpRange[];
  readonly avoid: IpRange[];
  readonly near: bigint | undefined;
  readonly count: number;
}

const smallSearch: fc.Arbitrary<SmallSearch> = anyWindow.chain((w) =>
  fc.record({
    window: fc.constant(w),
    bits: fc.integer({ min: bitsOf(w.family) - 5, max: bitsOf(w.family) }),
    candidates: fc.array(rangeIn(w), { minLength: 1, maxLength: 3 }),
    avoid: rangesIn(w, 5),
    near: fc.option(fc.bigInt({ min: 0n, max: WINDOW_SIZE - 1n }).map((offset) => w.base + offset), { nil: undefined }),
    count: fc.integer({ min: 1, max: 8 }),
  }),
);

/** Enumerates every aligned block of every candidate, then sorts by distance: obviously right, and slow. */
function bruteFreeStarts(search: SmallSearch): bigint[] {
  const f = search.window.family;
  const size = 1n << BigInt(bitsOf(f) - search.bits);
  const avoided = Oracle.ofRanges(search.avoid);
  const chosen: bigint[] = [];
  const isFree = (start: bigint): boolean => {
    for (let value = start; value < start + size; value++) if (avoided.has(f, value)) return false;
    return chosen.every((other) => start + size <= other || other + size <= start);
  };
  for (const candidate of search.candidates) {
    const near = search.near ?? candidate.first;
    const distance = (start: bigint): bigint => (start > near ? start - near : near - start);
    const starts: bigint[] = [];
    for (let start = candidate.first; start + size - 1n <= candidate.last; start++) {
      if (start % size === 0n && isFree(start)) starts.push(start);
    }
    starts.sort((a, b) => (distance(a) !== distance(b) ? (distance(a) < distance(b) ? -1 : 1) : a < b ? -1 : 1));
    for (const start of starts) if (chosen.length < search.count) chosen.push(start);
  }
  return chosen;
}

test('findFreePrefixes equals brute-force nearest-K enumeration on small spaces', () => {
  fc.assert(
    fc.property(smallSearch, (search) => {
      const found = findFreePrefixes({
        family: search.window.family,
        bits: search.bits,
        candidates: search.candidates,
        avoid: rangeSetFrom(search.avoid),
        near: search.near,
        count: search.count,
      });
      assert.ok(found.every((p) => p.bits === search.bits && p.addr.family === search.window.family));
      assert.deepEqual(
        found.map((p) => p.addr.value),
        bruteFreeStarts(search),
      );
    }),
    RUNS,
  );
});

/** Searches across whole spaces: candidates, obstacles and `near` all lie around one anchor, at every scale. */
const largeSearch = family.chain((f) =>
  addressValue(f).chain((anchor) =>
    fc.record({
      family: fc.constant(f),
      candidates: fc.array(prefixNear(f, anchor), { minLength: 1, maxLength: 3 }),
      avoid: fc.array(prefixNear(f, anchor), { maxLength: 20 }),
      bits: fc.integer({ min: 0, max: bitsOf(f) }),
      near: fc.option(prefixNear(f, anchor).map((p) => p.addr.value), { nil: undefined }),
      count: fc.integer({ min: 1, max: 10 }),
    }),
  ),
);

test('findFreePrefixes anywhere: aligned, inside a candidate, clear of avoid and each other, in preference order', () => {
  fc.assert(
    fc.property(largeSearch, (search) => {
      const avoidRanges = search.avoid.map(prefixToRange);
      const candidates = search.candidates.map(prefixToRange);
      const found = findFreePrefixes({ family: search.family, bits: search.bits, candidates, avoid: rangeSetFrom(avoidRanges), near: search.near, count: search.count });
      const f = search.family;
      const size = 1n << BigInt(bitsOf(f) - search.bits);
      const [avoided, taken] = [Oracle.ofRanges(avoidRanges), Oracle.ofPrefixes(found)];
      const inCandidate = candidates.map((c) => Oracle.ofRanges([c]));
      assert.ok(found.length <= search.count);
      let previous: { candidate: number; distance: bigint; start: bigint } | undefined;
      for (const p of found) {
        const [first, last] = [p.addr.value, p.addr.value + size - 1n];
        assert.equal(first % size, 0n, 'aligned');
        const candidate = inCandidate.findIndex((c) => c.has(f, first) && c.has(f, last));
        assert.ok(candidate >= 0, 'inside a candidate');
        // Two ranges overlap exactly when one holds the other's first address.
        assert.ok(!avoided.has(f, first), 'clear of avoid');
        for (const r of avoidRanges) assert.ok(!taken.has(f, r.first), 'clear of avoid');
        const near = search.near ?? candidates[candidate].first;
        const distance = first > near ? first - near : near - first;
        if (previous !== undefined) {
          assert.ok(previous.candidate <= candidate, 'earlier candidates first');
          if (previous.candidate === candidate) {
            assert.ok(previous.distance < distance || (previous.distance === distance && previous.start < first), 'nearest first');
          }
        }
        previous = { candidate, distance, start: first };
      }
      const starts = found.map((p) => p.addr.value).sort((a, b) => (a < b ? -1 : 1));
      starts.forEach((start, i) => assert.ok(i === 0 || starts[i - 1] + size <= start, 'pairwise disjoint'));
    }),
    RUNS,
  );
});
