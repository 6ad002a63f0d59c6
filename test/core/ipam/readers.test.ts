// Every IPAM reader on its fixtures (test/fixtures/ipam/): the format detected from the content, each
// network with the characters its span covers, and each problem on its characters, compared with the
// fixture's `.expected.txt` golden (UPDATE_EXPECT=1 rewrites them; review the diff).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectFormat, readIpamExport } from '../../../server/src/core/ipam';
import { formatRange } from '../../../server/src/core/net/prefix';
import { lineIndexOf, positionAt } from '../../../server/src/core/text/lineIndex';

const DIR = join('test', 'fixtures', 'ipam');

/** The format each fixture is written in, by its file name's first word(s). */
const EXPECTED_FORMAT: ReadonlyArray<readonly [RegExp, string]> = [
  [/^netbox-.*\.csv$/, 'netbox-csv'],
  [/^netbox-.*\.json$/, 'netbox-json'],
  [/^infoblox-.*\.csv$/, 'infoblox-csv'],
  [/^infoblox-.*\.json$/, 'infoblox-json'],
  [/^phpipam-/, 'phpipam-csv'],
  [/^aws-/, 'aws-json'],
  [/^azure-/, 'azure-json'],
  [/^gcp-/, 'gcp-json'],
  [/^cidr-list/, 'cidr-list'],
];

function describe(text: string, name: string): string {
  const format = EXPECTED_FORMAT.find(([pattern]) => pattern.test(name))?.[1];
  const reading = readIpamExport(text, format as never);
  const index = lineIndexOf(text);
  const at = (offset: number) => {
    const p = positionAt(index, offset);
    return `${p.line + 1}:${p.character + 1}`;
  };
  const lines = [`format ${reading.format}`];
  for (const n of reading.networks) {
    const details = (['kind', 'name', 'status', 'tenant', 'vrf', 'role', 'site'] as const).map((k) => (n[k] !== undefined ? ` ${k}=${JSON.stringify(n[k])}` : '')).join('');
    const utilization = n.utilization !== undefined ? ` utilization=${n.utilization.toFixed(3)}` : '';
    lines.push(`network ${formatRange(n.range)} at ${at(n.span.start)} ${JSON.stringify(text.slice(n.span.start, n.span.end))}${details}${utilization}`);
  }
  for (const p of reading.problems) lines.push(`problem at ${at(p.span.start)} ${JSON.stringify(text.slice(p.span.start, Math.min(p.span.end, p.span.start + 60)))}: ${p.message}`);
  return lines.join('\n') + '\n';
}

const fixtures = readdirSync(DIR).filter((name) => !name.endsWith('.expected.txt')).sort();

test('there is a fixture, and a broken one, for every format', () => {
  for (const [, format] of EXPECTED_FORMAT) {
    const mine = fixtures.filter((name) => EXPECTED_FORMAT.find(([p]) => p.test(name))?.[1] === format);
    assert.ok(mine.some((n) => !n.includes('broken')), `no healthy fixture for ${format}`);
    assert.ok(mine.some((n) => n.includes('broken') || n.includes('wrong')), `no broken fixture for ${format}`);
  }
});

for (const name of fixtures) {
  test(`reads ${name}`, () => {
    const text = readFileSync(join(DIR, name), 'utf8');
    const expectedPath = join(DIR, `${name}.expected.txt`);
    const actual = describe(text, name);
    if (process.env.UPDATE_EXPECT === '1') writeFileSync(expectedPath, actual);
    assert.ok(existsSync(expectedPath), `${expectedPath} is missing: run with UPDATE_EXPECT=1 and review it`);
    assert.equal(actual, readFileSync(expectedPath, 'utf8'));
  });

  test(`detects the format of ${name} from its content`, () => {
    const expected = EXPECTED_FORMAT.find(([pattern]) => pattern.test(name))?.[1];
    const text = readFileSync(join(DIR, name), 'utf8');
    // A file too broken to say what it is may be read as another format; the healthy ones must be recognised.
    if (name.includes('broken') || name.includes('wrong')) assert.ok(typeof detectFormat(text) === 'string');
    else assert.equal(detectFormat(text), expected);
  });
}

test('every network span covers the prefix text, for every fixture', () => {
  for (const name of fixtures) {
    const text = readFileSync(join(DIR, name), 'utf8');
    for (const n of readIpamExport(text).networks) {
      const written = text.slice(n.span.start, n.span.end);
      assert.ok(n.text.startsWith(written), `${name}: span text ${JSON.stringify(written)} is not the start of ${n.text}`);
    }
  }
});
