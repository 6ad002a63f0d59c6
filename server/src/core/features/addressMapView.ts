// Which parts of the address space the picture shows: panels, each a window onto one family's axis.
//
// One linear axis cannot show a cluster's /27 load-balancer pool beside a /8 service range: at the
// scale of the /8 the pool is a fraction of a pixel. So the picture starts with an overview panel per
// family that fits everything, followed by detail panels that zoom into the places where ranges are too
// narrow to read, found the same way at each level: ranges that would be thinner than a fiftieth of the
// panel, grouped with their neighbours. The webview lets each panel be zoomed (down to 256 addresses,
// a /24 in IPv4) and panned; presets jump to the private blocks.

import { Family, addrFrom, bitsOf, formatAddr } from '../net/addr';
import { PRIVATE_IPV4_BLOCKS, ULA_IPV6 } from '../net/freeSpace';
import { IpRange, formatRange, rangeAsPrefix, rangeFrom, rangeSize } from '../net/prefix';

export interface MapPanel {
  readonly family: Family;
  /** The addresses from the left edge to the right edge of the axis. */
  readonly window: IpRange;
}

/** The least a panel shows: 256 addresses, a /24 in IPv4. */
const MIN_WINDOW_SIZE = 256n;

/** Zoom presets: the private blocks (RFC 1918, and fd00::/8 for IPv6). */
export const PRESET_WINDOWS: readonly IpRange[] = [...PRIVATE_IPV4_BLOCKS, ULA_IPV6];

/** A range narrower than this fraction of its panel is hard to read there and earns a detail panel. */
const NARROW_FRACTION = 50n;
/** A detail panel must zoom in at least this much, or it tells little the panel above does not. */
const MIN_ZOOM = 10n;
/** Overview, detail, detail of a detail. */
const MAX_DEPTH = 2;
const MAX_DETAIL_PANELS_PER_FAMILY = 6;

/**
 * The panels that show every range legibly: per family, the overview, then the detail panels in
 * address order. `ranges` are the bars of every cluster.
 */
export function defaultPanels(ranges: readonly IpRange[]): MapPanel[] {
  const panels: MapPanel[] = [];
  for (const family of [4, 6] as const) {
    const own = ranges.filter((r) => r.family === family);
    if (own.length === 0) continue;
    const overview = fitWindow(extentOf(own));
    const details = detailWindows(own, overview, 1).slice(0, MAX_DETAIL_PANELS_PER_FAMILY);
    panels.push({ family, window: overview }, ...details.map((window) => ({ family, window })));
  }
  return panels;
}

function detailWindows(ranges: readonly IpRange[], window: IpRange, depth: number): IpRange[] {
  if (depth > MAX_DEPTH) return [];
  const size = rangeSize(window);
  const narrow = ranges.filter((r) => overlaps(r, window) && rangeSize(r) * NARROW_FRACTION < size);
  const windows: IpRange[] = [];
  for (const group of neighbourGroups(narrow)) {
    // One range alone gains nothing from a panel of its own: its label already says what it is.
    if (group.length < 2) continue;
    const detail = fitWindow(extentOf(group));
    if (rangeSize(detail) * MIN_ZOOM > size) continue;
    windows.push(detail, ...detailWindows(ranges, detail, depth + 1));
  }
  return windows;
}

/**
 * Ranges in groups of neighbours: sorted by address, a range joins the group before it when the gap
 * between them is no wider than the larger of the two sides, so ranges close at their own scale share a
 * panel and distant ones do not.
 */
export function neighbourGroups(ranges: readonly IpRange[]): IpRange[][] {
  const sorted = [...ranges].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  const groups: IpRange[][] = [];
  let extent: IpRange | undefined;
  for (const range of sorted) {
    const group = groups[groups.length - 1];
    if (extent && group && range.first <= extent.last + 1n + larger(rangeSize(extent), rangeSize(range))) {
      group.push(range);
      extent = extentOf([extent, range]);
    } else {
      groups.push([range]);
      extent = range;
    }
  }
  return groups;
}

/**
 * A window around `extent` that reads well: the smallest prefix that holds it when that is at most
 * twice as wide (its edges are round addresses), else the extent with a margin, snapped outward to
 * round addresses. Never narrower than MIN_WINDOW_SIZE.
 */
export function fitWindow(extent: IpRange): IpRange {
  const size = rangeSize(extent);
  const prefix = smallestContainingPrefix(extent);
  if (rangeSize(prefix) <= 2n * size) return atLeastMinimum(prefix);
  const step = roundStep(size / 8n);
  const margin = size / 16n;
  const first = floorTo(extent.first > margin ? extent.first - margin : 0n, step);
  const last = clampToFamily(extent.family, ceilTo(extent.last + margin + 1n, step) - 1n);
  return atLeastMinimum(rangeFrom(extent.family, first, last));
}

/**
 * The window zoomed by `factor` (above 1 zooms in) around the point at `at` (0 the left edge, 1 the
 * right), which stays where it is on screen. Kept between MIN_WINDOW_SIZE and the whole family.
 */
export function zoomWindow(window: IpRange, factor: number, at: number): IpRange {
  const size = rangeSize(window);
  const whole = 1n << BigInt(bitsOf(window.family));
  const scaled = (size * 1000n) / BigInt(Math.max(1, Math.round(factor * 1000)));
  const newSize = scaled < MIN_WINDOW_SIZE ? MIN_WINDOW_SIZE : scaled > whole ? whole : scaled;
  const fraction = BigInt(Math.round(clamp01(at) * 1_000_000));
  const anchor = window.first + (size * fraction) / 1_000_000n;
  return placed(window.family, anchor - (newSize * fraction) / 1_000_000n, newSize);
}

/** The window moved by `fraction` of its width (negative: towards lower addresses), kept inside the family. */
export function panWindow(window: IpRange, fraction: number): IpRange {
  const size = rangeSize(window);
  const shift = (size * BigInt(Math.round(fraction * 1_000_000))) / 1_000_000n;
  return placed(window.family, window.first + shift, size);
}

/** How a panel names its window: `10.0.0.0/8`, or `10.0.0.0 – 10.3.255.255` when it is not one prefix. */
export function windowLabel(window: IpRange): string {
  if (rangeAsPrefix(window)) return formatRange(window);
  return `${formatAddr(addrFrom(window.family, window.first))} – ${formatAddr(addrFrom(window.family, window.last))}`;
}

/** Tick positions for an axis: round addresses (multiples of a power of two), at most `maxTicks` of them. */
export function axisTicks(window: IpRange, maxTicks: number): bigint[] {
  const step = roundStepAtLeast(rangeSize(window) / BigInt(Math.max(1, maxTicks)));
  const ticks: bigint[] = [];
  for (let at = ceilTo(window.first, step); at <= window.last; at += step) ticks.push(at);
  return ticks;
}

// ---- helpers -------------------------------------------------------------------------------------------

function extentOf(ranges: readonly IpRange[]): IpRange {
  let first = ranges[0].first;
  let last = ranges[0].last;
  for (const r of ranges) {
    if (r.first < first) first = r.first;
    if (r.last > last) last = r.last;
  }
  return rangeFrom(ranges[0].family, first, last);
}

function smallestContainingPrefix(range: IpRange): IpRange {
  let size = 1n;
  while (floorTo(range.first, size) + size - 1n < range.last) size *= 2n;
  const first = floorTo(range.first, size);
  return rangeFrom(range.family, first, first + size - 1n);
}

function atLeastMinimum(window: IpRange): IpRange {
  const size = rangeSize(window);
  if (size >= MIN_WINDOW_SIZE) return window;
  return placed(window.family, window.first - (MIN_WINDOW_SIZE - size) / 2n, MIN_WINDOW_SIZE);
}

/** A window of `size` addresses starting near `first`, moved as little as needed to lie inside the family. */
function placed(family: Family, first: bigint, size: bigint): IpRange {
  const whole = 1n << BigInt(bitsOf(family));
  const start = first < 0n ? 0n : first + size > whole ? whole - size : first;
  return rangeFrom(family, start, start + size - 1n);
}

function clampToFamily(family: Family, address: bigint): bigint {
  const max = (1n << BigInt(bitsOf(family))) - 1n;
  return address > max ? max : address;
}

/** The largest power of two not above `n` (1 for n below 1). */
function roundStep(n: bigint): bigint {
  let step = 1n;
  while (step * 2n <= n) step *= 2n;
  return step;
}

/** The smallest power of two not below `n`. */
function roundStepAtLeast(n: bigint): bigint {
  let step = 1n;
  while (step < n) step *= 2n;
  return step;
}

function floorTo(n: bigint, step: bigint): bigint {
  return n - (n % step);
}

function ceilTo(n: bigint, step: bigint): bigint {
  return n % step === 0n ? n : n + step - (n % step);
}

function overlaps(a: IpRange, b: IpRange): boolean {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}

function larger(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0.5;
}
