// The interval index against the obvious oracle: a scan of every item with rangesOverlap.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { intervalIndex } from '../../../server/src/core/net/intervalIndex';
import { IpRange, rangeFrom, rangesOverlap } from '../../../server/src/core/net/prefix';

/** Small IPv4 numbers and a few IPv6 ones, so overlaps, nesting and shared ends are frequent. */
const range = fc
  .tuple(fc.constantFrom(4 as const, 4 as const, 6 as const), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 60 }))
  .map(([family, first, length]) => rangeFrom(family, BigInt(first), BigInt(first + length)));

const show = (r: IpRange) => `${r.family}:${r.first}-${r.last}`;

test('overlapping() finds exactly the items a full scan finds, in order of first address', () => {
  fc.assert(
    fc.property(fc.array(range, { maxLength: 60 }), range, (items, query) => {
      const index = intervalIndex(items, (r) => r);
      const expected = items.filter((r) => rangesOverlap(r, query)).map(show).sort();
      const found = index.overlapping(query);
      assert.deepEqual(found.map(show).sort(), expected);
      for (let i = 1; i < found.length; i++) assert.ok(found[i - 1].first <= found[i].first, 'in order of first address');
    }),
    { numRuns: 500 },
  );
});

test('some() stops at the first item the visitor accepts', () => {
  const items = [rangeFrom(4, 0n, 10n), rangeFrom(4, 5n, 15n), rangeFrom(4, 8n, 9n)];
  const visited: string[] = [];
  const stopped = intervalIndex(items, (r) => r).some(rangeFrom(4, 7n, 8n), (r) => {
    visited.push(show(r));
    return r.first === 5n;
  });
  assert.equal(stopped, true);
  assert.deepEqual(visited, ['4:0-10', '4:5-15']);
});

test('families never mix', () => {
  const index = intervalIndex([rangeFrom(6, 0n, 100n)], (r) => r);
  assert.deepEqual(index.overlapping(rangeFrom(4, 0n, 100n)), []);
});
