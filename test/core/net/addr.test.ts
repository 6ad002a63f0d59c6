import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Addr, ParseOptions, addrFrom, compareAddr, formatAddr, isParseError, parseAddr } from '../../../server/src/core/net/addr';

function mustParseAddr(text: string, options?: ParseOptions): Addr {
  const parsed = parseAddr(text, options);
  if (isParseError(parsed)) throw new Error(`${text}: ${parsed.error} at ${parsed.at}`);
  return parsed.addr;
}

// Input → canonical text. IPv6 output follows RFC 5952: lower case, no leading zeros, the longest
// run of two or more zero groups compressed (the first on a tie), IPv4-mapped shown dotted.
const valid: ReadonlyArray<readonly [string, string]> = [
  ['0.0.0.0', '0.0.0.0'],
  ['255.255.255.255', '255.255.255.255'],
  ['10.244.0.1', '10.244.0.1'],
  ['0.10.100.0', '0.10.100.0'],
  ['::', '::'],
  ['::1', '::1'],
  ['1::', '1::'],
  ['2001:DB8::1', '2001:db8::1'],
  ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
  ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'], // Equal runs: the first is compressed.
  ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'], // The longest run wins.
  ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'], // A single zero group is never compressed.
  ['1:2:3:4:5:6::8', '1:2:3:4:5:6:0:8'], // `::` may stand for one group; the output never does that.
  ['1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8'],
  ['0:0:0:0:0:0:0:0', '::'],
  ['fd00:0:0:0:0:0:0:0', 'fd00::'],
  ['FD12:3456:789A:1::', 'fd12:3456:789a:1::'],
  ['::ffff:10.0.0.1', '::ffff:10.0.0.1'],
  ['::ffff:a00:1', '::ffff:10.0.0.1'],
  ['::1.2.3.4', '::102:304'], // IPv4-compatible form (deprecated) is not mapped.
  ['64:ff9b::1.2.3.4', '64:ff9b::102:304'],
  ['1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:102:304'],
];

for (const [input, canonical] of valid) {
  test(`parseAddr ${JSON.stringify(input)} formats as ${canonical}`, () => {
    assert.equal(formatAddr(mustParseAddr(input)), canonical);
  });
}

// Input → error position. The seed corpus of forms Go's netip rejects on purpose, each with why.
const invalid: ReadonlyArray<readonly [string, number, RegExp, string]> = [
  ['0300.0250.0.1', 0, /leading zero/, 'octal octets, accepted by inet_aton and ipaddr.js'],
  ['127.1', 5, /too short/, 'classful shorthand for 127.0.0.1'],
  ['1.2.3.04', 6, /leading zero/, 'leading zero, read as decimal by Go < 1.17 and octal by others'],
  ['0x7f.0.0.1', 1, /unexpected character "x"/, 'hex octet'],
  ['4294967295', 10, /no dots or colons/, 'an address as one big-endian 32-bit number'],
  ['256.0.0.1', 0, />255/, 'octet out of range'],
  ['1.2.3.4.5', 7, /too long/, 'five octets'],
  ['1.2.3.', 6, /at least one digit/, 'trailing dot'],
  ['1..2.3', 2, /at least one digit/, 'empty octet'],
  [' 1.2.3.4', 0, /unexpected character " "/, 'surrounding space is the extractor’s business'],
  ['1.2.3.4 ', 7, /unexpected character " "/, 'trailing space'],
  ['1.2.3.4/8', 7, /unexpected character "\/"/, 'a prefix where an address is expected'],
  ['1.2.3.4%eth0', 7, /unexpected character "%"/, 'zones do not exist for IPv4'],
  ['', 0, /empty/, 'nothing at all'],
  ['1:2:3:4:5:6:7:8:9', 16, /too many fields/, 'nine groups'],
  ['1::2::3', 5, /multiple "::"/, 'two ellipses are ambiguous'],
  ['fe80::1%eth0', 7, /zone/, 'a zone names an interface of one host, meaningless in a manifest'],
  ['12345::', 4, /more than 4 hex digits/, 'a group wider than 16 bits'],
  [':1::', 0, /single colon/, 'a lone leading colon'],
  ['1:2:3:4:5:6:7:', 13, /single colon/, 'a lone trailing colon'],
  ['1:2:3:4:5:6:7', 13, /too few fields/, 'seven groups and no ellipsis'],
  ['1:2:3:4:5:6:7:8::', 17, /too many fields with "::"/, '`::` must stand for at least one group'],
  ['::1.2.3', 7, /too short/, 'embedded IPv4 with three octets'],
  ['1:2:3:4:5:6:7:1.2.3.4', 14, /before embedded IPv4/, 'embedded IPv4 after seven groups'],
  ['::ffff:1.2.3.04', 13, /leading zero/, 'embedded IPv4 is parsed strictly too'],
  ['::g', 2, /unexpected character "g"/, 'not hex'],
  ['1:::2', 3, /unexpected character ":"/, 'three colons'],
];

for (const [input, at, message, why] of invalid) {
  test(`parseAddr rejects ${JSON.stringify(input)} at ${at}: ${why}`, () => {
    const parsed = parseAddr(input);
    assert.ok(isParseError(parsed), `accepted ${input}`);
    assert.equal(parsed.at, at, parsed.error);
    assert.match(parsed.error, message);
  });
}

// Kubernetes' legacy fields read leading zeros as decimal (`ParseIPSloppy`); the notation says so.
const sloppy: ReadonlyArray<readonly [string, string, boolean]> = [
  ['010.001.0.1', '10.1.0.1', true],
  ['0010.0.0.1', '10.0.0.1', true], // More than three digits is fine as long as the value fits.
  ['00.0.0.0', '0.0.0.0', true],
  ['0.0.0.0', '0.0.0.0', false],
  ['10.0.0.1', '10.0.0.1', false],
  ['::ffff:010.0.0.1', '::ffff:10.0.0.1', true],
];

for (const [input, canonical, leadingZeros] of sloppy) {
  test(`parseAddr ${JSON.stringify(input)} with allowLeadingZeros reads ${canonical}`, () => {
    const parsed = parseAddr(input, { allowLeadingZeros: true });
    assert.ok(!isParseError(parsed), isParseError(parsed) ? parsed.error : '');
    assert.equal(formatAddr(parsed.addr), canonical);
    assert.equal(parsed.notation.leadingZeros, leadingZeros);
    assert.ok(isParseError(parseAddr(input)) === leadingZeros, 'strict parsing rejects exactly the leading zeros');
  });
}

test('allowLeadingZeros still rejects values above 255', () => {
  const parsed = parseAddr('0256.0.0.1', { allowLeadingZeros: true });
  assert.ok(isParseError(parsed));
  assert.equal(parsed.at, 0);
  assert.match(parsed.error, />255/);
});

const mapped: ReadonlyArray<readonly [string, boolean]> = [
  ['::ffff:10.0.0.1', true],
  ['::ffff:a00:1', true], // The same address: Go's net.IP.To4() sees IPv4 either way.
  ['::1.2.3.4', false],
  ['64:ff9b::1.2.3.4', false],
  ['10.0.0.1', false],
  ['::fffe:a00:1', false],
];

for (const [input, ipv4Mapped] of mapped) {
  test(`parseAddr ${input} is ${ipv4Mapped ? '' : 'not '}IPv4-mapped`, () => {
    const parsed = parseAddr(input);
    assert.ok(!isParseError(parsed));
    assert.equal(parsed.notation.ipv4Mapped, ipv4Mapped);
  });
}

test('addresses are frozen values', () => {
  const addr = mustParseAddr('10.0.0.1');
  assert.ok(Object.isFrozen(addr));
  assert.deepEqual(addr, addrFrom(4, 0x0a000001n));
});

test('compareAddr orders IPv4 before IPv6, then by value', () => {
  const sorted = ['::1', '10.0.0.2', '::', '10.0.0.1', '0.0.0.0'].map((t) => mustParseAddr(t)).sort(compareAddr).map(formatAddr);
  assert.deepEqual(sorted, ['0.0.0.0', '10.0.0.1', '10.0.0.2', '::', '::1']);
});
