// Hostile IPAM exports: 50 MB of rows, of junk, one endless quoted field, a nesting bomb, binary
// noise. Every reader returns (never throws), keeps at most MAX_PROBLEMS problems plus a count, and
// finishes well inside a generous bound: a quadratic reader takes minutes on these sizes.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IPAM_FORMATS, IpamFormat, readIpamExport } from '../../server/src/core';
import { MAX_PROBLEMS } from '../../server/src/core/ipam/types';

const FIFTY_MB = 50 * 1024 * 1024;
const EIGHT_MB = 8 * 1024 * 1024;
const ALL_FORMATS: ReadonlyArray<IpamFormat | undefined> = [undefined, ...IPAM_FORMATS];
/** Generous: these inputs take about a second each; a reader quadratic in the text takes minutes. */
const BOUND_MS = 30_000;

function repeatTo(size: number, line: (i: number) => string): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const next = line(i);
    parts.push(next);
    length += next.length;
  }
  return parts.join('');
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

const octets = (i: number) => `${10 + ((i >> 16) & 0x7f)}.${(i >> 8) & 0xff}.${i & 0xff}.0`;

/** Each hostile text, and the formats it is read in: the one detected, and those it might be taken for. */
const HOSTILE: ReadonlyArray<readonly [string, () => string, ReadonlyArray<IpamFormat | undefined>]> = [
  ['50 MB of NetBox rows', () => 'prefix,status,tenant,description\n' + repeatTo(FIFTY_MB, (i) => `${octets(i)}/24,active,tenant-${i % 97},"network ${i}, row"\n`), [undefined]],
  ['50 MB of AWS subnets', () => '{"Subnets":[' + repeatTo(FIFTY_MB, (i) => `${i ? ',' : ''}{"CidrBlock":"${octets(i)}/24","SubnetId":"subnet-${i}","AvailableIpAddressCount":250}`) + ']}', [undefined]],
  ['8 MB of junk lines', () => repeatTo(EIGHT_MB, (i) => `junk ${i} ,,"" ; not a network\n`), ALL_FORMATS],
  ['one quoted field that never ends', () => 'prefix,status\n"' + 'x'.repeat(FIFTY_MB), ALL_FORMATS],
  ['50 MB of commas', () => 'prefix\n' + ','.repeat(FIFTY_MB), ALL_FORMATS],
  ['a JSON nesting bomb', () => '['.repeat(FIFTY_MB / 2) + ']'.repeat(FIFTY_MB / 2), ALL_FORMATS],
  ['a JSON string that never ends', () => '{"Vpcs":[{"CidrBlock":"' + 'a'.repeat(FIFTY_MB), ALL_FORMATS],
  ['binary noise', () => repeatTo(EIGHT_MB, (i) => String.fromCharCode((i * 7919) % 65536)), ALL_FORMATS],
];

describe('hostile IPAM exports', () => {
  for (const [name, make, formats] of HOSTILE) {
    it(`reads ${name} without throwing, in bounded time`, () => {
      const text = make();
      for (const format of formats) {
        const { value, ms } = timed(() => readIpamExport(text, format));
        assert.ok(ms < BOUND_MS, `${format ?? 'detected'} took ${Math.round(ms)} ms`);
        assert.ok(value.problems.length <= MAX_PROBLEMS + 1, `${format ?? 'detected'}: ${value.problems.length} problems kept`);
      }
    });
  }

  it('keeps every network of a 50 MB NetBox export, each on its row', () => {
    const text = HOSTILE[0][1]();
    const reading = readIpamExport(text);
    assert.equal(reading.format, 'netbox-csv');
    assert.deepEqual(reading.problems, []);
    const rows = text.split('\n').length - 2;
    assert.equal(reading.networks.length, rows);
    const last = reading.networks[reading.networks.length - 1];
    assert.equal(text.slice(last.span.start, last.span.end), last.text);
  });
});
