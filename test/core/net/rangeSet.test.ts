import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isParseError, parseAddr } from '../../../server/src/core/net/addr';
import { IpRange, formatPrefix, formatRange, parsePrefix, prefixToRange, rangeFrom } from '../../../server/src/core/net/prefix';
import {
  EMPTY_RANGE_SET,
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

/** Reads `10.0.0.0/24` or `10.0.0.1-10.0.0.6`, the two forms `formatRange` writes. */
function mustParseRange(text: string): IpRange {
  const dash = text.indexOf('-');
  if (dash < 0) {
    const parsed = parsePrefix(text);
    if (isParseError(parsed)) throw new Error(`${text}: ${parsed.error}`);
    return prefixToRange(parsed.prefix);
  }
  const first = parseAddr(text.slice(0, dash));
  const last = parseAddr(text.slice(dash + 1));
  if (isParseError(first) || isParseError(last)) throw new Error(`bad range ${text}`);
  return rangeFrom(first.addr.family, first.addr.value, last.addr.value);
}

function setOf(texts: readonly string[]): RangeSet {
  return rangeSetFrom(texts.map(mustParseRange));
}

function show(set: RangeSet): string[] {
  return rangeSetRanges(set).map(formatRange);
}

// Input ranges in any order → normalised intervals.
const normalised: ReadonlyArray<readonly [string[], string[], string]> = [
  [[], [], 'empty'],
  [['10.0.0.0/24', '10.0.1.0/24'], ['10.0.0.0/23'], 'adjacent intervals merge'],
  [['10.0.1.0/24', '10.0.0.0/24', '10.0.0.128/25'], ['10.0.0.0/23'], 'unsorted, one inside another'],
  [['10.0.0.0/24', '10.0.2.0/24'], ['10.0.0.0/24', '10.0.2.0/24'], 'a gap of one /24 keeps them apart'],
  [['10.0.0.0-10.0.0.9', '10.0.0.11-10.0.0.20'], ['10.0.0.0-10.0.0.9', '10.0.0.11-10.0.0.20'], 'a gap of one address'],
  [['10.0.0.0-10.0.0.9', '10.0.0.5-10.0.0.20'], ['10.0.0.0-10.0.0.20'], 'partial overlap'],
  [['fd00::/64', '10.0.0.0/24', '10.0.0.0/8'], ['10.0.0.0/8', 'fd00::/64'], 'families apart, IPv4 first'],
  [['0.0.0.0/0', '255.255.255.255/32'], ['0.0.0.0/0'], 'the top address'],
  [['::/1', '8000::/1'], ['::/0'], 'the whole IPv6 space from two halves'],
  [['10.0.0.5-10.0.0.5', '10.0.0.5-10.0.0.5'], ['10.0.0.5/32'], 'duplicates'],
];

for (const [input, expected, why] of normalised) {
  test(`rangeSetFrom: ${why}`, () => {
    assert.deepEqual(show(setOf(input)), expected);
  });
}

// Set, probe → the set contains all of the probe, and overlaps some of it.
const queries: ReadonlyArray<readonly [string[], string, boolean, boolean]> = [
  [['10.0.0.0/8'], '10.244.0.0/16', true, true],
  [['10.0.0.0/8'], '10.0.0.0/8', true, true],
  [['10.0.0.0/8'], '9.255.255.255/32', false, false],
  [['10.0.0.0/8'], '11.0.0.0/32', false, false],
  [['10.0.0.0/8'], '8.0.0.0/6', false, true],
  [['10.0.0.0/24', '10.0.2.0/24'], '10.0.0.0/22', false, true],
  [['10.0.0.0/24', '10.0.2.0/24'], '10.0.1.0/24', false, false], // Falls in the gap.
  [['10.0.0.0/24', '10.0.1.0/24'], '10.0.0.128-10.0.1.5', true, true], // Spans a merged seam.
  [['10.0.0.0/8'], '::ffff:10.0.0.1/128', false, false], // Families never mix.
  [['fd00::/8'], 'fd12::/16', true, true],
  [[], '0.0.0.0/0', false, false],
];

for (const [set, probe, contains, overlaps] of queries) {
  test(`[${set.join(', ')}] vs ${probe}`, () => {
    assert.equal(rangeSetContains(setOf(set), mustParseRange(probe)), contains);
    assert.equal(rangeSetOverlaps(setOf(set), mustParseRange(probe)), overlaps);
  });
}

// Set minus range → what is left.
const subtractions: ReadonlyArray<readonly [string[], string, string[]]> = [
  [['10.0.0.0/8'], '10.0.0.0/9', ['10.128.0.0/9']],
  [['10.0.0.0/24'], '10.0.0.1-10.0.0.254', ['10.0.0.0/32', '10.0.0.255/32']], // A hole in the middle.
  [['10.0.0.0/24', '10.0.2.0/24', '10.0.4.0/24'], '10.0.0.128-10.0.4.127', ['10.0.0.0/25', '10.0.4.128/25']],
  [['10.0.0.0/24'], '10.0.1.0/24', ['10.0.0.0/24']],
  [['10.0.0.0/24', 'fd00::/8'], 'fd00::/8', ['10.0.0.0/24']],
  [['10.0.0.0/24', 'fd00::/8'], '0.0.0.0/0', ['fd00::/8']],
];

for (const [set, range, left] of subtractions) {
  test(`[${set.join(', ')}] minus ${range}`, () => {
    const before = setOf(set);
    assert.deepEqual(show(rangeSetSubtract(before, mustParseRange(range))), left);
    assert.deepEqual(show(before), show(setOf(set)), 'the input set is unchanged');
  });
}

// Set, bound → the parts of the bound outside the set.
const gaps: ReadonlyArray<readonly [string[], string, string[]]> = [
  [[], '10.0.0.0/8', ['10.0.0.0/8']],
  [['10.0.0.0/8'], '10.0.0.0/16', []],
  [['10.1.0.0/16', '10.3.0.0/16'], '10.0.0.0/14', ['10.0.0.0/16', '10.2.0.0/16']],
  [['9.0.0.0/8', '11.0.0.0/8'], '10.0.0.0/8', ['10.0.0.0/8']],
  [['10.0.0.0/9'], '10.0.0.0/8', ['10.128.0.0/9']],
  [['0.0.0.0/1'], '0.0.0.0/0', ['128.0.0.0/1']], // The last gap ends at the top of the space.
  [['10.0.0.0/8'], 'fd00::/8', ['fd00::/8']],
];

for (const [set, bound, free] of gaps) {
  test(`gaps of [${set.join(', ')}] within ${bound}`, () => {
    assert.deepEqual(rangeSetGapsWithin(setOf(set), mustParseRange(bound)).map(formatRange), free);
  });
}

test('rangeSetUnion merges across the two sets', () => {
  const union = rangeSetUnion(setOf(['10.0.0.0/24', '10.0.4.0/24', 'fd00::/64']), setOf(['10.0.1.0/24', '10.0.3.0/24', '::1/128']));
  assert.deepEqual(show(union), ['10.0.0.0/23', '10.0.3.0-10.0.4.255', '::1/128', 'fd00::/64']);
  assert.deepEqual(show(rangeSetUnion(EMPTY_RANGE_SET, setOf(['10.0.0.0/8']))), ['10.0.0.0/8']);
});

test('rangeSetSize counts each family', () => {
  const set = setOf(['10.0.0.0/8', '10.0.0.0/24', '192.168.0.0/16', '::/0']);
  assert.equal(rangeSetSize(set, 4), (1n << 24n) + (1n << 16n));
  assert.equal(rangeSetSize(set, 6), 1n << 128n);
  assert.equal(rangeSetSize(EMPTY_RANGE_SET, 4), 0n);
});

test('rangeSetRanges filters by family', () => {
  const set = setOf(['fd00::/8', '10.0.0.0/8']);
  assert.deepEqual(rangeSetRanges(set, 4).map(formatRange), ['10.0.0.0/8']);
  assert.deepEqual(rangeSetRanges(set, 6).map(formatRange), ['fd00::/8']);
});

// Range → the fewest CIDRs covering it, as MetalLB summarises `a-b` pools.
const summaries: ReadonlyArray<readonly [string, string[]]> = [
  ['10.0.0.0-10.0.0.0', ['10.0.0.0/32']],
  ['10.0.0.1-10.0.0.6', ['10.0.0.1/32', '10.0.0.2/31', '10.0.0.4/31', '10.0.0.6/32']],
  ['192.168.1.10-192.168.1.20', ['192.168.1.10/31', '192.168.1.12/30', '192.168.1.16/30', '192.168.1.20/32']],
  ['192.168.10.0-192.168.10.255', ['192.168.10.0/24']],
  ['0.0.0.0-255.255.255.255', ['0.0.0.0/0']],
  ['255.255.255.254-255.255.255.255', ['255.255.255.254/31']],
  ['::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', ['::/0']],
  ['fd00::1-fd00::4', ['fd00::1/128', 'fd00::2/127', 'fd00::4/128']],
];

for (const [range, prefixes] of summaries) {
  test(`rangeToPrefixes ${range}`, () => {
    assert.deepEqual(rangeToPrefixes(mustParseRange(range)).map(formatPrefix), prefixes);
  });
}

test('rangeToPrefixes needs at most 2 * (bits - 1) prefixes, the worst case being one address short at both ends', () => {
  assert.equal(rangeToPrefixes(mustParseRange('0.0.0.1-255.255.255.254')).length, 62);
  assert.equal(rangeToPrefixes(mustParseRange('::1-ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe')).length, 254);
});

test('rangeSetToPrefixes covers every interval of both families', () => {
  assert.deepEqual(rangeSetToPrefixes(setOf(['10.0.0.1-10.0.0.2', 'fd00::/64', '10.0.1.0/24'])).map(formatPrefix), [
    '10.0.0.1/32',
    '10.0.0.2/32',
    '10.0.1.0/24',
    'fd00::/64',
  ]);
});

test('sets are frozen values', () => {
  const set = setOf(['10.0.0.0/8']);
  assert.ok(Object.isFrozen(set));
  assert.ok(Object.isFrozen(set.v4));
  assert.ok(Object.isFrozen(set.v6));
  assert.ok(Object.isFrozen(set.v4[0]));
});
