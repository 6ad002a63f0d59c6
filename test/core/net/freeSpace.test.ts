import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Family, isParseError, parseAddr } from '../../../server/src/core/net/addr';
import { IpRange, formatPrefix, formatRange, parsePrefix, prefixToRange } from '../../../server/src/core/net/prefix';
import { rangeSetFrom } from '../../../server/src/core/net/rangeSet';
import { PRIVATE_IPV4_BLOCKS, ULA_IPV6, findFreePrefixes, privateBlockOf } from '../../../server/src/core/net/freeSpace';

function range(text: string): IpRange {
  const parsed = parsePrefix(text);
  if (isParseError(parsed)) throw new Error(`${text}: ${parsed.error}`);
  return prefixToRange(parsed.prefix);
}

function address(text: string): bigint {
  const parsed = parseAddr(text);
  if (isParseError(parsed)) throw new Error(`${text}: ${parsed.error}`);
  return parsed.addr.value;
}

test('the private blocks', () => {
  assert.deepEqual(PRIVATE_IPV4_BLOCKS.map(formatRange), ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']);
  assert.equal(formatRange(ULA_IPV6), 'fd00::/8');
});

// Range → the private block holding all of it.
const blocks: ReadonlyArray<readonly [string, string | undefined]> = [
  ['10.244.0.0/16', '10.0.0.0/8'],
  ['10.0.0.0/8', '10.0.0.0/8'],
  ['10.0.0.0/7', undefined], // Wider than the block.
  ['172.31.255.0/24', '172.16.0.0/12'],
  ['172.32.0.0/16', undefined],
  ['192.168.1.0/24', '192.168.0.0/16'],
  ['100.64.0.0/10', undefined], // CGNAT space is shared, not private.
  ['8.8.8.0/24', undefined],
  ['fd12:3456:789a::/48', 'fd00::/8'],
  ['fc00::/8', undefined], // The centrally assigned half of fc00::/7 was never used.
  ['::ffff:10.0.0.0/104', undefined], // IPv4-mapped IPv6 is IPv6.
];

for (const [input, block] of blocks) {
  test(`privateBlockOf ${input}`, () => {
    const found = privateBlockOf(range(input));
    assert.equal(found && formatRange(found), block);
  });
}

interface Query {
  readonly family?: Family;
  readonly bits: number;
  readonly candidates: readonly string[];
  readonly avoid?: readonly string[];
  readonly near?: string;
  readonly count: number;
}

function search(query: Query): string[] {
  return findFreePrefixes({
    family: query.family ?? 4,
    bits: query.bits,
    candidates: query.candidates.map(range),
    avoid: rangeSetFrom((query.avoid ?? []).map(range)),
    near: query.near === undefined ? undefined : address(query.near),
    count: query.count,
  }).map(formatPrefix);
}

// Query → the blocks found, nearest first.
const searches: ReadonlyArray<readonly [string, Query, string[]]> = [
  [
    'move a pod network off the service range: the nearest free /16s, below first as they are nearer',
    { bits: 16, candidates: ['10.0.0.0/8'], avoid: ['10.96.0.0/12', '10.0.0.0/16'], near: '10.96.0.0', count: 3 },
    ['10.95.0.0/16', '10.94.0.0/16', '10.93.0.0/16'],
  ],
  [
    'equal distances go to the lower address',
    { bits: 26, candidates: ['10.0.0.0/24'], avoid: ['10.0.0.64/26'], near: '10.0.0.64', count: 3 },
    ['10.0.0.0/26', '10.0.0.128/26', '10.0.0.192/26'],
  ],
  [
    'without near, each candidate is searched from its start',
    { bits: 16, candidates: ['192.168.0.0/16', '10.0.0.0/8'], avoid: ['192.168.0.0/16', '10.0.0.0/16'], count: 2 },
    ['10.1.0.0/16', '10.2.0.0/16'],
  ],
  [
    'the next candidate is used only when the earlier ones run out',
    { bits: 24, candidates: ['192.168.0.0/23', '172.16.0.0/12'], avoid: ['192.168.0.0/24'], count: 3 },
    ['192.168.1.0/24', '172.16.0.0/24', '172.16.1.0/24'],
  ],
  [
    'overlapping candidates never yield a block twice',
    { bits: 31, candidates: ['10.0.0.0/30', '10.0.0.0/29'], count: 4 },
    ['10.0.0.0/31', '10.0.0.2/31', '10.0.0.4/31', '10.0.0.6/31'],
  ],
  [
    'blocks are aligned, so one taken address rules out its whole block',
    { bits: 30, candidates: ['10.0.0.0/28'], avoid: ['10.0.0.1/32'], count: 1 },
    ['10.0.0.4/30'],
  ],
  [
    'a near address above the candidate finds its top blocks first',
    { bits: 26, candidates: ['10.0.0.0/24'], near: '10.0.5.0', count: 2 },
    ['10.0.0.192/26', '10.0.0.128/26'],
  ],
  [
    'a near address below the candidate finds its bottom blocks first',
    { bits: 26, candidates: ['10.0.1.0/24'], near: '10.0.0.0', count: 2 },
    ['10.0.1.0/26', '10.0.1.64/26'],
  ],
  [
    'fewer than asked when space runs out',
    { bits: 25, candidates: ['10.0.0.0/24'], avoid: ['10.0.0.0/25'], count: 5 },
    ['10.0.0.128/25'],
  ],
  ['nothing free', { bits: 24, candidates: ['10.0.0.0/16'], avoid: ['10.0.0.0/8'], count: 3 }, []],
  ['a block larger than the candidate', { bits: 8, candidates: ['10.0.0.0/16'], count: 1 }, []],
  ['the whole space', { bits: 0, candidates: ['0.0.0.0/0'], count: 2 }, ['0.0.0.0/0']],
  ['count zero', { bits: 24, candidates: ['10.0.0.0/8'], count: 0 }, []],
  ['a length out of range', { bits: 33, candidates: ['10.0.0.0/8'], count: 1 }, []],
  ['candidates of the other family are skipped', { bits: 64, candidates: ['10.0.0.0/8'], count: 1, family: 6 }, []],
  [
    'IPv6: the nearest /64s around a taken /48 inside fd00::/8, without visiting 2^56 blocks',
    { family: 6, bits: 64, candidates: ['fd00::/8'], avoid: ['fd12:3456:789a::/48'], near: 'fd12:3456:789a::', count: 3 },
    ['fd12:3456:7899:ffff::/64', 'fd12:3456:7899:fffe::/64', 'fd12:3456:7899:fffd::/64'],
  ],
  [
    'IPv6: far gaps are reached through the gap list, not by stepping',
    { family: 6, bits: 112, candidates: ['fd00::/8'], avoid: ['fd00::/9'], near: 'fd00::', count: 1 },
    ['fd80::/112'],
  ],
];

for (const [why, query, expected] of searches) {
  test(`findFreePrefixes: ${why}`, () => {
    assert.deepEqual(search(query), expected);
  });
}
