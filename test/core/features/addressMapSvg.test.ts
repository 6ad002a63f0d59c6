// The picture as SVG: the golden file of `cidr-lens plan --format svg` on a small two-cluster workspace
// (test/golden/svg/workspace), what makes the file self-contained, and how bars, ticks, overlaps,
// meters and allocation marks are drawn. Regenerate the golden file with
// `UPDATE_EXPECT=1 node test/run.mjs addressMap` and review the diff (and the picture) of test/golden/svg.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { DrawableCluster, DrawableItem, MapPanel, renderAddressMapSvg } from '../../../server/src/core';
import { isParseError } from '../../../server/src/core/net/addr';
import { IpRange, parsePrefix, prefixToRange } from '../../../server/src/core/net/prefix';

const GOLDEN_DIR = resolve('test/golden/svg');
const GOLDEN = join(GOLDEN_DIR, 'two-clusters.svg');

function cidr(text: string): IpRange {
  const parsed = parsePrefix(text);
  if (isParseError(parsed)) throw new Error(parsed.error);
  return prefixToRange(parsed.prefix);
}

function bar(id: string, text: string, extra: Partial<DrawableItem> = {}): DrawableItem {
  return { id, kind: 'range', lane: 'pods', row: 0, range: cidr(text), text, conflicts: [], ...extra };
}

/** The one panel of the picture, without the legend's sample shapes. */
function render(items: readonly DrawableItem[], window: string, width = 1000): string {
  const panels: MapPanel[] = [{ family: cidr(window).family, window: cidr(window) }];
  const svg = renderAddressMapSvg([{ name: 'c', items }], { width, panels });
  return svg.slice(svg.indexOf('<g class="panel"'));
}

function count(svg: string, pattern: RegExp): number {
  return svg.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
}

/** Every element opened is closed, in order: enough to know a viewer will parse the file. */
function assertBalanced(svg: string): void {
  const open: string[] = [];
  for (const [, closing, name, selfClosing] of svg.replace(/<style>[^<]*<\/style>/, '').matchAll(/<(\/?)([a-zA-Z]+)\b[^>]*?(\/?)>/g)) {
    if (closing) assert.equal(open.pop(), name, `</${name}> closes something else`);
    else if (!selfClosing) open.push(name);
  }
  assert.deepEqual(open, []);
}

describe('address map SVG: cidr-lens plan --format svg', () => {
  const run = spawnSync(process.execPath, [resolve('server/out/cli.js'), 'plan', '--format', 'svg', '.'], { cwd: join(GOLDEN_DIR, 'workspace'), encoding: 'utf8' });

  it('matches the golden file', () => {
    assert.equal(run.status, 0, run.stderr);
    if (process.env.UPDATE_EXPECT === '1') writeFileSync(GOLDEN, run.stdout);
    assert.equal(run.stdout, readFileSync(GOLDEN, 'utf8'), 'the SVG differs from test/golden/svg/two-clusters.svg; if intended, run UPDATE_EXPECT=1 node test/run.mjs addressMap and review the picture');
  });

  it('is self-contained: no script, no link, no external reference', () => {
    assert.doesNotMatch(run.stdout, /<script|href=|<image|<foreignObject|@import/i);
    assert.deepEqual(run.stdout.match(/url\([^)]*\)/g)?.filter((u) => u !== 'url(#cidr-lens-hatch)') ?? [], []);
    assert.deepEqual(run.stdout.match(/https?:\/\/[^"]*/g), ['http://www.w3.org/2000/svg']);
    assertBalanced(run.stdout);
  });

  it('shows both clusters, their overlaps and utilization, with the hover card as a tooltip', () => {
    assert.match(run.stdout, />alpha</);
    assert.match(run.stdout, />beta</);
    assert.ok(count(run.stdout, /class="conflict"/) >= 4, 'overlaps are hatched');
    assert.match(run.stdout, /10\.244\.0\.0\/16 · 2\/256 node subnets/);
    assert.match(run.stdout, /<title>10\.0\.1\.0\/28 · load-balancer pool\n/);
    assert.match(run.stdout, /error range-overlap: 10\.0\.1\.0\/28 \(MetalLB IPAddressPool spec\.addresses\) lies inside 10\.0\.0\.0\/16/);
    assert.match(run.stdout, /at alpha\/services\.yaml:19<\/title>/);
  });
});

describe('address map SVG: drawing', () => {
  it('draws a bar per range with its label, and nothing for a range outside the window', () => {
    const svg = render([bar('0.0', '10.244.0.0/16'), bar('0.1', '192.168.0.0/24')], '10.0.0.0/8');
    assert.equal(count(svg, /class="bar lane-pods"/), 1);
    assert.match(svg, /data-item="0\.0"/);
    assert.match(svg, /<text class="label" x="940.9" y="[\d.]+" text-anchor="end">10\.244\.0\.0\/16<\/text>/, 'left of a bar near the right edge');
    assert.doesNotMatch(svg, /192\.168/);
  });

  it('draws node subnets as ticks where there are at most 256 and they are a few pixels apart', () => {
    const pods = bar('0.0', '10.244.0.0/16', { subnets: { size: 256n, bits: 24, count: 256n, unit: 'node subnets' } });
    const ticks = (svg: string) => count(svg, /M[\d.]+ [\d.]+v/);
    assert.equal(ticks(render([pods], '10.244.0.0/16')), 255);
    assert.equal(ticks(render([pods], '10.244.0.0/20')), 15, 'zoomed in, only the boundaries in view');
    assert.equal(ticks(render([pods], '10.0.0.0/8')), 0, 'too dense to see');
    const pool = bar('0.1', '10.245.0.0/16', { lane: 'cni', subnets: { size: 64n, bits: 26, count: 1024n, unit: 'Calico blocks' } });
    assert.equal(ticks(render([pool], '10.245.0.0/16', 10_000)), 0, 'more than 256 blocks in view');
    assert.equal(ticks(render([pool], '10.245.0.0/22')), 15);
  });

  it('hatches the shared addresses of a conflict and outlines the bar in the error colour', () => {
    const services = bar('0.1', '10.0.0.0/8', { lane: 'services', conflicts: [{ range: cidr('10.244.0.0/16') }] });
    const svg = render([services], '10.0.0.0/8');
    assert.match(svg, /class="bar lane-services conflicted"/);
    const hatch = /<rect class="conflict" fill="url\(#cidr-lens-hatch\)" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/.exec(svg);
    assert.ok(hatch, svg);
    assert.deepEqual([Number(hatch[1]), Number(hatch[2])], [944.9, 3.3], 'at 10.244.0.0, 1/256 of the axis wide');
  });

  it('fills the meter to the share allocated, keeping any allocation visible, and marks a nearly full range', () => {
    const meterFill = (svg: string) => /class="meter-fill lane-pods( high)?"[^>]*width="([\d.]+)"/.exec(svg);
    const used = (allocated: bigint) => render([bar('0.0', '10.244.0.0/16', { usage: { allocated, capacity: 256n, unit: 'node subnets' } })], '10.244.0.0/16');
    assert.equal(meterFill(used(0n))?.[2], '0');
    assert.equal(meterFill(used(1n))?.[2], '3.3');
    assert.equal(meterFill(used(128n))?.[2], '417');
    assert.equal(meterFill(used(250n))?.[1], ' high');
    assert.match(used(2n), /10\.244\.0\.0\/16 · 2\/256 node subnets/);
  });

  it('draws allocations that land on the same pixels as one mark that knows all of them', () => {
    const ips = Array.from({ length: 1000 }, (_, i): DrawableItem => ({ ...bar(`0.${i + 1}`, `10.96.${i >> 8}.${i & 255}/32`), kind: 'allocation', lane: 'services' }));
    const svg = render([bar('0.0', '10.96.0.0/12', { lane: 'services' }), ...ips], '10.96.0.0/12');
    assert.equal(count(svg, /class="allocation lane-services"/), 1);
    assert.match(svg, /data-items="0\.1 0\.2 0\.3 /);
  });

  it('escapes text from the workspace', () => {
    const svg = renderAddressMapSvg([{ name: 'a<b>&"c"', items: [bar('0.0', '10.0.0.0/8')] }], { width: 800, panels: [{ family: 4, window: cidr('10.0.0.0/8') }] });
    assert.match(svg, /a&#60;b&#62;&#38;&#34;c&#34;/);
    assertBalanced(svg);
  });

  it('leaves styles and tooltips to the webview, and marks panels and items for its gestures', () => {
    const svg = renderAddressMapSvg([{ name: 'c', items: [bar('0.0', '10.244.0.0/16')] }], { width: 1000, panels: [{ family: 4, window: cidr('10.244.0.0/16') }] });
    assert.doesNotMatch(svg, /<style>|<title>|class="background"/);
    assert.match(svg, /<g class="panel" data-panel="0" data-family="4" data-x0="150" data-x1="984">/);
  });

  it('says so when there is nothing to draw', () => {
    const empty: DrawableCluster[] = [];
    assert.match(renderAddressMapSvg(empty, { width: 800, panels: [] }), /No address ranges found/);
  });
});
