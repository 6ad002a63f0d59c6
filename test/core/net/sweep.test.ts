import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isParseError, parseAddr } from '../../../server/src/core/net/addr';
import { IpRange, addrToRange, parsePrefix, prefixToRange, rangeFrom } from '../../../server/src/core/net/prefix';
import { findContainers, findOverlaps, findOverlapsBetween } from '../../../server/src/core/net/sweep';

/** A named value from a manifest, as rules will pass them: `10.0.0.0/8`, `10.0.0.1`, or `4-9` (IPv4 numbers). */
interface Named {
  readonly name: string;
  readonly range: IpRange;
}

function named(text: string): Named {
  const [name, value] = text.split('=');
  return { name, range: parseRange(value) };
}

function parseRange(text: string): IpRange {
  const numbers = /^(\d+)-(\d+)$/.exec(text);
  if (numbers) return rangeFrom(4, BigInt(numbers[1]), BigInt(numbers[2]));
  const prefix = parsePrefix(text);
  if (!isParseError(prefix)) return prefixToRange(prefix.prefix);
  const addr = parseAddr(text);
  if (isParseError(addr)) throw new Error(`bad range ${text}`);
  return addrToRange(addr.addr);
}

const rangeOfNamed = (item: Named): IpRange => item.range;

// Items → the overlapping pairs, in input order.
const overlaps: ReadonlyArray<readonly [string[], string[], string]> = [
  [[], [], 'nothing'],
  [['a=10.0.0.0/24', 'b=10.0.1.0/24'], [], 'adjacent ranges share no address'],
  [['pods=10.0.0.0/8', 'services=10.96.0.0/12'], ['pods~services'], 'nested'],
  [['services=10.96.0.0/12', 'pods=10.0.0.0/8'], ['services~pods'], 'pairs keep the input order'],
  [['a=10.0.0.0/24', 'b=10.0.0.0/24'], ['a~b'], 'identical'],
  [['a=0-10', 'b=5-15', 'c=12-20'], ['a~b', 'b~c'], 'a chain: a and c do not meet'],
  [['a=0-10', 'b=10-20'], ['a~b'], 'one shared address'],
  [['long=0-100', 'b=1-2', 'c=3-4', 'd=98-99', 'after=101-200'], ['long~b', 'long~c', 'long~d'], 'one long range over many'],
  [['d=30-40', 'c=20-31', 'b=10-21', 'a=0-11'], ['d~c', 'c~b', 'b~a'], 'reverse input order'],
  [['v4=10.0.0.0/8', 'mapped=::ffff:10.0.0.0/104'], [], 'families never mix'],
  [['a=fd00::/8', 'b=fd00:10::/32', 'c=10.0.0.0/8', 'd=10.1.0.0/16'], ['a~b', 'c~d'], 'both families in one call'],
];

for (const [items, pairs, why] of overlaps) {
  test(`findOverlaps: ${why}`, () => {
    const found = findOverlaps(items.map(named), rangeOfNamed).map(([a, b]) => `${a.name}~${b.name}`);
    assert.deepEqual(found, pairs);
  });
}

test('findOverlaps returns the very items it was given', () => {
  const items = ['a=10.0.0.0/8', 'b=10.0.0.0/16'].map(named);
  const [[first, second]] = findOverlaps(items, rangeOfNamed);
  assert.equal(first, items[0]);
  assert.equal(second, items[1]);
});

test('findOverlapsBetween reports only pairs across the two lists', () => {
  const pools = ['calico=10.244.0.0/16', 'metallb=10.96.5.0/24', 'v6=fd00::/64'].map(named);
  const networks = ['services=10.96.0.0/12', 'nodes=10.0.0.0/8', 'v6svc=fd00::/108'].map(named);
  const found = findOverlapsBetween(pools, rangeOfNamed, networks, rangeOfNamed).map(([a, b]) => `${a.name}~${b.name}`);
  assert.deepEqual(found, ['calico~nodes', 'metallb~services', 'metallb~nodes', 'v6~v6svc']);
});

test('findOverlapsBetween with an empty side finds nothing', () => {
  assert.deepEqual(findOverlapsBetween([], rangeOfNamed, ['a=10.0.0.0/8'].map(named), rangeOfNamed), []);
  assert.deepEqual(findOverlapsBetween(['a=10.0.0.0/8'].map(named), rangeOfNamed, [], rangeOfNamed), []);
});

test('findContainers: which service ranges hold each cluster IP', () => {
  const serviceRanges = ['primary=10.96.0.0/12', 'extra=10.100.0.0/16', 'v6=fd00:10:96::/112'].map(named);
  const clusterIps = ['dns=10.96.0.10', 'web=10.100.0.1', 'stray=192.168.0.1', 'v6dns=fd00:10:96::a', 'mapped=::ffff:10.96.0.10'].map(named);
  const containers = findContainers(serviceRanges, rangeOfNamed, clusterIps, rangeOfNamed);
  const shown = [...containers].map(([ip, ranges]) => `${ip.name}:${ranges.map((r) => r.name).join(',')}`);
  assert.deepEqual(shown, ['dns:primary', 'web:primary,extra', 'stray:', 'v6dns:v6', 'mapped:']);
});

test('findContainers: overlapping is not containing', () => {
  const outer = ['a=0-10', 'b=5-30', 'c=5-20', 'd=6-30'].map(named);
  const inner = ['x=5-20', 'y=0-0', 'z=25-40'].map(named);
  const containers = findContainers(outer, rangeOfNamed, inner, rangeOfNamed);
  const shown = [...containers].map(([item, found]) => `${item.name}:${found.map((f) => f.name).join(',')}`);
  assert.deepEqual(shown, ['x:b,c', 'y:a', 'z:']);
});
