import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addrFrom, formatAddr, isParseError } from '../../../server/src/core/net/addr';
import {
  IpRange,
  Prefix,
  formatPrefix,
  formatRange,
  hasHostBits,
  intersectionSize,
  masked,
  parsePrefix,
  prefixSize,
  prefixToRange,
  rangeAsPrefix,
  rangeContains,
  rangeFrom,
  rangesOverlap,
} from '../../../server/src/core/net/prefix';

function mustParsePrefix(text: string): Prefix {
  const parsed = parsePrefix(text);
  if (isParseError(parsed)) throw new Error(`${text}: ${parsed.error} at ${parsed.at}`);
  return parsed.prefix;
}

function rangeOf(text: string): IpRange {
  return prefixToRange(mustParsePrefix(text));
}

// Input → as written (host bits kept) → masked → covered range.
const valid: ReadonlyArray<readonly [string, string, string, string]> = [
  ['10.0.0.0/8', '10.0.0.0/8', '10.0.0.0/8', '10.0.0.0-10.255.255.255'],
  ['10.244.1.5/16', '10.244.1.5/16', '10.244.0.0/16', '10.244.0.0-10.244.255.255'],
  ['0.0.0.0/0', '0.0.0.0/0', '0.0.0.0/0', '0.0.0.0-255.255.255.255'],
  ['1.2.3.4/32', '1.2.3.4/32', '1.2.3.4/32', '1.2.3.4-1.2.3.4'],
  ['192.168.1.255/31', '192.168.1.255/31', '192.168.1.254/31', '192.168.1.254-192.168.1.255'],
  ['::/0', '::/0', '::/0', '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
  ['::1/128', '::1/128', '::1/128', '::1-::1'],
  ['2001:DB8::/32', '2001:db8::/32', '2001:db8::/32', '2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff'],
  ['fd00:10:244::1/56', 'fd00:10:244::1/56', 'fd00:10:244::/56', 'fd00:10:244::-fd00:10:244:ff:ffff:ffff:ffff:ffff'],
];

for (const [input, written, canonical, range] of valid) {
  test(`parsePrefix ${input}`, () => {
    const prefix = mustParsePrefix(input);
    assert.equal(formatPrefix(prefix), written);
    assert.equal(formatPrefix(masked(prefix)), canonical);
    assert.equal(hasHostBits(prefix), written !== canonical);
    const { first, last, family } = prefixToRange(prefix);
    assert.equal(`${formatAddr(addrFrom(family, first))}-${formatAddr(addrFrom(family, last))}`, range);
  });
}

// Input → error position, with why Go rejects it.
const invalid: ReadonlyArray<readonly [string, number, RegExp, string]> = [
  ['1.2.3.4/08', 8, /leading zero/, 'Go rejects a prefix length with a leading zero'],
  ['1.2.3.4/33', 8, /out of range 0..32/, 'longer than the address'],
  ['::1/129', 4, /out of range 0..128/, 'longer than the address'],
  ['1.2.3.4/1000', 8, /out of range/, 'far out of range, without overflow tricks'],
  ['1.2.3.4', 7, /no "\/"/, 'an address is not a prefix'],
  ['1.2.3.4/', 8, /missing prefix length/, 'nothing after the slash'],
  ['1.2.3.4/-1', 8, /bad prefix length/, 'a sign'],
  ['1.2.3.4/+8', 8, /bad prefix length/, 'a sign'],
  ['1.2.3.4/ 8', 8, /bad prefix length/, 'inner space'],
  ['1.2.3.4/8 ', 9, /bad prefix length/, 'trailing space'],
  ['1.2.3.4/0x8', 9, /bad prefix length/, 'hex length'],
  ['1.2.3.4/8/8', 9, /bad prefix length/, 'two slashes'],
  ['1.2.3.04/8', 6, /leading zero/, 'the address part is parsed strictly'],
  ['127.1/8', 5, /too short/, 'classful shorthand'],
  ['fe80::1%eth0/64', 7, /zone/, 'zones are not allowed in prefixes'],
  ['/8', 0, /empty/, 'no address'],
];

for (const [input, at, message, why] of invalid) {
  test(`parsePrefix rejects ${JSON.stringify(input)} at ${at}: ${why}`, () => {
    const parsed = parsePrefix(input);
    assert.ok(isParseError(parsed), `accepted ${input}`);
    assert.equal(parsed.at, at, parsed.error);
    assert.match(parsed.error, message);
  });
}

// Kubernetes' `ParseCIDRSloppy` accepts leading zeros in the address and in the length.
const sloppy: ReadonlyArray<readonly [string, string]> = [
  ['010.0.0.0/8', '10.0.0.0/8'],
  ['10.0.0.0/08', '10.0.0.0/8'],
  ['10.0.0.0/0008', '10.0.0.0/8'],
  ['10.0.0.0/00', '10.0.0.0/0'],
];

for (const [input, canonical] of sloppy) {
  test(`parsePrefix ${input} with allowLeadingZeros reads ${canonical}`, () => {
    const parsed = parsePrefix(input, { allowLeadingZeros: true });
    assert.ok(!isParseError(parsed), isParseError(parsed) ? parsed.error : '');
    assert.equal(formatPrefix(parsed.prefix), canonical);
    assert.equal(parsed.notation.leadingZeros, true);
    assert.ok(isParseError(parsePrefix(input)));
  });
}

test('parsePrefix with allowLeadingZeros reports no leading zeros when there are none', () => {
  const parsed = parsePrefix('10.0.0.0/8', { allowLeadingZeros: true });
  assert.ok(!isParseError(parsed));
  assert.equal(parsed.notation.leadingZeros, false);
});

test('allowLeadingZeros still rejects out-of-range lengths', () => {
  const parsed = parsePrefix('10.0.0.0/033', { allowLeadingZeros: true });
  assert.ok(isParseError(parsed));
  assert.equal(parsed.at, 9);
});

// a, b → a contains b, they overlap, shared addresses.
const pairs: ReadonlyArray<readonly [string, string, boolean, boolean, bigint]> = [
  ['10.0.0.0/8', '10.244.0.0/16', true, true, 65536n],
  ['10.244.0.0/16', '10.0.0.0/8', false, true, 65536n],
  ['10.0.0.0/24', '10.0.1.0/24', false, false, 0n], // Adjacent is not overlapping.
  ['10.0.0.0/24', '10.0.0.0/24', true, true, 256n],
  ['0.0.0.0/0', '255.255.255.255/32', true, true, 1n],
  ['10.0.0.0/8', '::ffff:10.0.0.0/104', false, false, 0n], // Families never mix.
  ['::/0', '10.0.0.0/8', false, false, 0n],
  ['fd00::/8', 'fd00:10:96::/112', true, true, 65536n],
];

for (const [a, b, contains, overlaps, shared] of pairs) {
  test(`${a} vs ${b}`, () => {
    assert.equal(rangeContains(rangeOf(a), rangeOf(b)), contains);
    assert.equal(rangesOverlap(rangeOf(a), rangeOf(b)), overlaps);
    assert.equal(rangesOverlap(rangeOf(b), rangeOf(a)), overlaps);
    assert.equal(intersectionSize(rangeOf(a), rangeOf(b)), shared);
  });
}

test('intersectionSize of partly overlapping ranges', () => {
  assert.equal(intersectionSize(rangeFrom(4, 10n, 20n), rangeFrom(4, 15n, 30n)), 6n);
  assert.equal(intersectionSize(rangeFrom(4, 15n, 30n), rangeFrom(4, 10n, 20n)), 6n);
  assert.equal(intersectionSize(rangeFrom(4, 10n, 20n), rangeFrom(4, 20n, 30n)), 1n);
});

// Range → the prefix it is, or the a-b text when it is not exactly one aligned block.
const asPrefix: ReadonlyArray<readonly [IpRange, string, boolean]> = [
  [rangeFrom(4, 0x0a000000n, 0x0affffffn), '10.0.0.0/8', true],
  [rangeFrom(4, 0n, 0xffffffffn), '0.0.0.0/0', true],
  [rangeFrom(4, 0x0a000001n, 0x0a000001n), '10.0.0.1/32', true],
  [rangeFrom(4, 0x0a000001n, 0x0a000002n), '10.0.0.1-10.0.0.2', false], // Right size, misaligned.
  [rangeFrom(4, 0x0a000000n, 0x0a000002n), '10.0.0.0-10.0.0.2', false], // Aligned, not a power of two.
  [rangeFrom(6, 0n, (1n << 128n) - 1n), '::/0', true],
  [rangeFrom(6, 0xfdn << 120n, (0xfen << 120n) - 1n), 'fd00::/8', true],
];

for (const [range, text, isPrefix] of asPrefix) {
  test(`formatRange ${text}`, () => {
    assert.equal(formatRange(range), text);
    assert.equal(rangeAsPrefix(range) !== undefined, isPrefix);
  });
}

test('prefixSize', () => {
  assert.equal(prefixSize(4, 0), 1n << 32n);
  assert.equal(prefixSize(4, 24), 256n);
  assert.equal(prefixSize(6, 64), 1n << 64n);
  assert.equal(prefixSize(6, 128), 1n);
});

test('prefixes are frozen values and masked() returns the canonical prefix itself', () => {
  const canonical = mustParsePrefix('10.0.0.0/8');
  assert.ok(Object.isFrozen(canonical));
  assert.equal(masked(canonical), canonical);
  assert.ok(Object.isFrozen(prefixToRange(canonical)));
});
