// Which windows the picture shows: fitted windows, the overview and detail panels, zoom and pan limits.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MapPanel, defaultPanels, fitWindow, panWindow, windowLabel, zoomWindow } from '../../../server/src/core';
import { axisTicks, neighbourGroups } from '../../../server/src/core/features/addressMapView';
import { isParseError } from '../../../server/src/core/net/addr';
import { IpRange, formatRange, parsePrefix, prefixToRange, rangeFrom, rangeSize } from '../../../server/src/core/net/prefix';

function cidr(text: string): IpRange {
  const parsed = parsePrefix(text);
  if (isParseError(parsed)) throw new Error(parsed.error);
  return prefixToRange(parsed.prefix);
}

function labels(panels: readonly MapPanel[]): string[] {
  return panels.map((p) => `IPv${p.family} ${windowLabel(p.window)}`);
}

describe('address map view: panels', () => {
  it('fits one panel per family when every range is wide enough to read', () => {
    assert.deepEqual(labels(defaultPanels([cidr('10.244.0.0/16'), cidr('10.245.0.0/16'), cidr('fd00:10::/56')])), ['IPv4 10.244.0.0/15', 'IPv6 fd00:10::/56']);
  });

  it('adds detail panels where ranges are too narrow to read at the scale of the panel above, down two levels', () => {
    const ranges = ['10.0.0.0/8', '10.0.0.0/16', '10.0.1.32/27', '10.244.0.0/16', '10.245.0.0/16', '10.244.1.0/24', '10.244.2.0/24'].map(cidr);
    assert.deepEqual(labels(defaultPanels(ranges)), ['IPv4 10.0.0.0/8', 'IPv4 10.0.0.0/16', 'IPv4 10.244.0.0/15', 'IPv4 10.244.0.0/22']);
  });

  it('gives no detail panel to a lone narrow range: its label already says what it is', () => {
    assert.deepEqual(labels(defaultPanels([cidr('10.0.0.0/8'), cidr('10.20.0.0/28')])), ['IPv4 10.0.0.0/8']);
  });

  it('shows nothing for a map without ranges', () => {
    assert.deepEqual(defaultPanels([]), []);
  });

  it('groups ranges that are close at their own scale, and separates distant ones', () => {
    const groups = neighbourGroups([cidr('10.244.0.0/16'), cidr('10.96.0.0/12'), cidr('10.245.0.0/16'), cidr('10.0.1.0/28'), cidr('10.0.1.32/28'), cidr('10.0.2.0/28')]);
    assert.deepEqual(groups.map((g) => g.map(formatRange)), [['10.0.1.0/28', '10.0.1.32/28'], ['10.0.2.0/28'], ['10.96.0.0/12'], ['10.244.0.0/16', '10.245.0.0/16']]);
  });
});

describe('address map view: windows', () => {
  it('fits the smallest prefix that holds the extent when it is at most twice as wide', () => {
    assert.equal(windowLabel(fitWindow(rangeFrom(4, cidr('10.244.0.0/16').first, cidr('10.245.0.0/16').last))), '10.244.0.0/15');
  });

  it('fits an extent that straddles a large boundary with a margin snapped to round addresses', () => {
    const extent = rangeFrom(4, cidr('9.255.0.0/16').first, cidr('10.0.0.0/16').last);
    assert.equal(windowLabel(fitWindow(extent)), '9.254.192.0 – 10.1.63.255');
  });

  it('never fits a window narrower than 256 addresses', () => {
    assert.equal(windowLabel(fitWindow(cidr('10.0.0.7/32'))), '9.255.255.136 – 10.0.0.135');
    assert.equal(rangeSize(fitWindow(cidr('fd00::1/128'))), 256n);
  });

  it('zooms around the point under the mouse, which stays in place', () => {
    const window = cidr('10.0.0.0/8');
    const zoomed = zoomWindow(window, 4, 0.25);
    assert.equal(rangeSize(zoomed), rangeSize(window) / 4n);
    const anchor = window.first + rangeSize(window) / 4n;
    assert.equal(zoomed.first + rangeSize(zoomed) / 4n, anchor);
  });

  it('zooms in no further than 256 addresses (a /24) and out no further than the whole family', () => {
    assert.equal(windowLabel(zoomWindow(cidr('10.1.2.0/24'), 8, 0.5)), '10.1.2.0/24');
    assert.equal(windowLabel(zoomWindow(cidr('10.0.0.0/8'), 1 / 1000, 0.5)), '0.0.0.0/0');
    assert.equal(rangeSize(zoomWindow(cidr('fd00::/8'), 1e9, 0.5)), (1n << 120n) / 1_000_000_000n);
  });

  it('keeps zoomed and panned windows inside the family', () => {
    assert.equal(windowLabel(zoomWindow(cidr('0.0.0.0/8'), 2, 0)), '0.0.0.0/9');
    assert.equal(windowLabel(panWindow(cidr('255.0.0.0/8'), 0.5)), '255.0.0.0/8');
    assert.equal(windowLabel(panWindow(cidr('10.0.0.0/8'), -0.5)), '9.128.0.0 – 10.127.255.255');
    assert.equal(windowLabel(panWindow(cidr('0.0.0.0/8'), -3)), '0.0.0.0/8');
  });

  it('puts axis ticks on round addresses, no more than asked for', () => {
    const ticks = axisTicks(cidr('10.0.0.0/8'), 5);
    assert.deepEqual(ticks.map((t) => formatRange(rangeFrom(4, t, t))), ['10.0.0.0/32', '10.64.0.0/32', '10.128.0.0/32', '10.192.0.0/32']);
  });
});
