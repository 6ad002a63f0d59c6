// Draws the address map (addressMap.ts) as SVG: per panel (addressMapView.ts) an address axis, and
// under it, cluster by cluster, the lanes of bars — overlaps a rule reported in the error colour,
// utilization as a meter along the bar's foot, per-node subnets or Calico blocks as ticks where they
// are far enough apart to see, allocations as marks inside their bar, free space as the gaps between.
//
// The same markup serves two readers. `cidr-lens plan --format svg` asks for a standalone file: an
// embedded style sheet (light, and dark where the viewer prefers it), a heading, and `<title>` tooltips;
// no script and no external reference, so a pull request or a wiki can show it. The webview draws it
// with classes only and styles them from the VS Code theme; `data-item` and `data-panel` attributes
// let it open sources, show cards and zoom.

import { Family, addrFrom, formatAddr } from '../net/addr';
import type { IpRange } from '../net/prefix';
import { rangeSize } from '../net/prefix';
import { formatCount } from '../text/format';
import { LANE_NAMES, LANE_ORDER, MapItem, MapLane } from './addressMap';
import { MapPanel, axisTicks, windowLabel } from './addressMapView';

/** What drawing needs of an item; the webview revives exactly this from the wire. */
export type DrawableItem = Pick<MapItem, 'id' | 'kind' | 'lane' | 'row' | 'range' | 'text' | 'usage' | 'subnets'> & {
  readonly conflicts: readonly { readonly range: IpRange }[];
};

export interface DrawableCluster {
  readonly name: string;
  readonly items: readonly DrawableItem[];
}

export interface SvgOptions {
  /** The width in pixels; the height follows from the content. */
  readonly width: number;
  readonly panels: readonly MapPanel[];
  /** A file to be read on its own: style sheet, heading, legend and tooltips. */
  readonly standalone?: StandaloneOptions;
}

export interface StandaloneOptions {
  readonly heading: string;
  readonly tooltipOf: (item: DrawableItem) => string;
}

/**
 * Overlaps are hatched rather than filled, so the bar's colour, ticks and meter still show through. The
 * rectangles name the pattern in an attribute: a `url(#…)` in the webview's external style sheet would
 * resolve against the style sheet's address, not the page's.
 */
const HATCH =
  '<defs><pattern id="cidr-lens-hatch" class="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><path d="M0 0V6"/></pattern></defs>';

// ---- geometry ----------------------------------------------------------------------------------------

const GUTTER = 150;
const RIGHT_MARGIN = 16;
const ROW_HEIGHT = 20;
const BAR_HEIGHT = 16;
const METER_HEIGHT = 3;
const MARK_INSET = 3;
const CLUSTER_HEADER = 18;
const CLUSTER_GAP = 8;
const PANEL_GAP = 20;
const PANEL_HEADER = 48;
/** The width of a character of the monospace labels (10.5 px), generously rounded. */
const CHAR_WIDTH = 6.6;
/** Subnet ticks closer than this blur into a fill; drawn only when they are this far apart. */
const MIN_TICK_SPACING = 3;
/** More ticks than this say nothing a count does not; beyond it the bar shows none. */
const MAX_TICKS = 256;
const MIN_BAR_WIDTH = 2;

/** Maps addresses of a panel's window to x coordinates. */
interface Axis {
  readonly window: IpRange;
  readonly x0: number;
  readonly x1: number;
}

function xOf(axis: Axis, address: bigint): number {
  const offset = address < axis.window.first ? 0n : address - axis.window.first;
  const size = rangeSize(axis.window);
  const clamped = offset > size ? size : offset;
  return axis.x0 + (Number((clamped * 1_000_000n) / size) / 1_000_000) * (axis.x1 - axis.x0);
}

/** The horizontal extent of a range on the axis, at least `minWidth` wide; undefined when it lies outside the window. */
function spanOf(axis: Axis, range: IpRange, minWidth: number): { x: number; width: number } | undefined {
  if (range.family !== axis.window.family || range.last < axis.window.first || range.first > axis.window.last) return undefined;
  const x = xOf(axis, range.first);
  const end = xOf(axis, range.last + 1n);
  return { x, width: Math.max(minWidth, end - x) };
}

// ---- the picture -----------------------------------------------------------------------------------------

export function renderAddressMapSvg(clusters: readonly DrawableCluster[], options: SvgOptions): string {
  const width = Math.max(GUTTER + RIGHT_MARGIN + 200, Math.round(options.width));
  const parts: string[] = [];
  let y = 0;
  if (options.standalone) {
    const heading = headingSvg(options.standalone.heading, clusters, width);
    parts.push(heading.svg);
    y = heading.bottom;
  }
  const legend = legendSvg(clusters, y, width);
  parts.push(legend.svg);
  y = legend.bottom + PANEL_GAP / 2;
  options.panels.forEach((panel, index) => {
    const drawn = panelSvg(clusters, panel, index, y, width, options.standalone);
    parts.push(drawn.svg);
    y = drawn.bottom + PANEL_GAP;
  });
  if (options.panels.length === 0) {
    parts.push(`<text class="muted" x="0" y="${y + 14}">No address ranges found.</text>`);
    y += 24;
  }
  const height = Math.ceil(y);
  const style = options.standalone ? `<style>${STANDALONE_STYLE}</style><rect class="background" width="${width}" height="${height}"/>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" class="address-map" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${style}${HATCH}${parts.join('')}</svg>\n`;
}

function headingSvg(heading: string, clusters: readonly DrawableCluster[], width: number): Drawn {
  const names = clusters.map((c) => c.name).join(', ');
  const summary = `${clusters.length} cluster${clusters.length === 1 ? '' : 's'}${clusters.length > 0 ? `: ${names}` : ''}`;
  return {
    svg: `<text class="heading" x="8" y="22">${escapeXml(heading)}</text><text class="muted" x="8" y="40">${escapeXml(truncate(summary, (width - 16) / 6))}</text>`,
    bottom: 48,
  };
}

/** Swatches for the lanes in use and for what the marks mean, wrapped to the width. */
function legendSvg(clusters: readonly DrawableCluster[], top: number, width: number): Drawn {
  const lanes = LANE_ORDER.filter((lane) => clusters.some((c) => c.items.some((i) => i.lane === lane)));
  const entries: Array<{ swatch: (x: number, y: number) => string; text: string }> = [
    ...lanes.map((lane) => ({ swatch: (x: number, y: number) => `<rect class="bar lane-${lane}" x="${x}" y="${y}" width="18" height="10" rx="2"/>`, text: LANE_NAMES[lane] })),
    { swatch: (x, y) => `<rect class="conflict" fill="url(#cidr-lens-hatch)" x="${x}" y="${y}" width="18" height="10"/>`, text: 'overlap a rule reports' },
    { swatch: (x, y) => `<rect class="meter lane-pods" x="${x}" y="${y + 7}" width="18" height="${METER_HEIGHT}"/><rect class="meter-fill lane-pods" x="${x}" y="${y + 7}" width="7" height="${METER_HEIGHT}"/>`, text: 'utilization' },
    { swatch: (x, y) => `<path class="ticks lane-pods" d="M${x + 4} ${y}v10M${x + 9} ${y}v10M${x + 14} ${y}v10"/>`, text: 'node subnets, Calico blocks' },
    { swatch: (x, y) => `<rect class="allocation lane-services" x="${x + 7}" y="${y + 1}" width="3" height="8"/>`, text: 'allocated (Node podCIDR, IP)' },
  ];
  const parts: string[] = [];
  let x = 8;
  let y = top + 6;
  for (const entry of entries) {
    const entryWidth = 24 + entry.text.length * 6 + 16;
    if (x + entryWidth > width && x > 8) {
      x = 8;
      y += 18;
    }
    parts.push(entry.swatch(x, y), `<text class="legend" x="${x + 24}" y="${y + 9}">${escapeXml(entry.text)}</text>`);
    x += entryWidth;
  }
  return { svg: `<g class="legend-entries">${parts.join('')}</g>`, bottom: y + 14 };
}

interface Drawn {
  readonly svg: string;
  readonly bottom: number;
}

function panelSvg(clusters: readonly DrawableCluster[], panel: MapPanel, index: number, top: number, width: number, standalone: StandaloneOptions | undefined): Drawn {
  const axis: Axis = { window: panel.window, x0: GUTTER, x1: width - RIGHT_MARGIN };
  const parts: string[] = [];
  let y = top + PANEL_HEADER;
  for (const cluster of clusters) {
    const visible = cluster.items.filter((item) => spanOf(axis, item.range, 0) !== undefined);
    if (visible.length === 0) continue;
    parts.push(`<text class="cluster-name" x="8" y="${y + 13}">${escapeXml(truncate(cluster.name, 40))}</text>`);
    y += CLUSTER_HEADER;
    for (const lane of LANE_ORDER) {
      const laneItems = visible.filter((item) => item.lane === lane);
      if (laneItems.length === 0) continue;
      const drawn = laneSvg(laneItems, lane, axis, y, standalone);
      parts.push(drawn.svg);
      y = drawn.bottom;
    }
    y += CLUSTER_GAP;
    parts.push(`<line class="separator" x1="8" x2="${axis.x1}" y1="${y - CLUSTER_GAP / 2}" y2="${y - CLUSTER_GAP / 2}"/>`);
  }
  if (parts.length === 0) {
    parts.push(`<text class="muted" x="${GUTTER}" y="${y + 14}">Nothing in this window.</text>`);
    y += 24;
  }
  const header = panelHeaderSvg(panel, axis, top, y);
  const hit = `<rect class="hit" x="${axis.x0}" y="${top}" width="${axis.x1 - axis.x0}" height="${y - top}"/>`;
  const attributes = `class="panel" data-panel="${index}" data-family="${panel.family}" data-x0="${axis.x0}" data-x1="${axis.x1}"`;
  return { svg: `<g ${attributes}>${hit}${header}${parts.join('')}</g>`, bottom: y };
}

function panelHeaderSvg(panel: MapPanel, axis: Axis, top: number, bottom: number): string {
  const title = `IPv${panel.family} · ${windowLabel(panel.window)}`;
  const size = `${formatCount(rangeSize(panel.window))} addresses`;
  const labelWidth = (longestAddress(panel.family) + 2) * CHAR_WIDTH;
  const ticks = axisTicks(panel.window, Math.max(2, Math.floor((axis.x1 - axis.x0) / labelWidth)));
  const axisY = top + PANEL_HEADER - 8;
  const tickParts = ticks.map((tick) => {
    const x = round(xOf(axis, tick));
    const label = formatAddr(addrFrom(panel.family, tick));
    // The last label would run past the right edge; it ends at its tick instead.
    const anchor = x + label.length * CHAR_WIDTH > axis.x1 + RIGHT_MARGIN ? ' text-anchor="end"' : '';
    return `<line class="grid" x1="${x}" x2="${x}" y1="${axisY}" y2="${bottom}"/><line class="axis" x1="${x}" x2="${x}" y1="${axisY - 4}" y2="${axisY}"/><text class="axis-label" x="${x}" y="${axisY - 7}"${anchor}>${label}</text>`;
  });
  return [
    `<text class="panel-title" x="8" y="${top + 14}">${escapeXml(title)}<tspan class="muted"> · ${size}</tspan></text>`,
    `<line class="axis" x1="${axis.x0}" x2="${axis.x1}" y1="${axisY}" y2="${axisY}"/>`,
    ...tickParts,
  ].join('');
}

/** One lane: its label, then each row of bars in use, top to bottom. */
function laneSvg(items: readonly DrawableItem[], lane: MapLane, axis: Axis, top: number, standalone: StandaloneOptions | undefined): Drawn {
  const rows = [...new Set(items.map((i) => i.row))].sort((a, b) => a - b);
  const parts = [`<text class="lane-label" x="20" y="${top + 12}">${LANE_NAMES[lane]}</text>`];
  rows.forEach((row, position) => {
    const y = top + position * ROW_HEIGHT;
    const inRow = items.filter((i) => i.row === row);
    const bars = inRow.filter((i) => i.kind === 'range');
    const marks = inRow.filter((i) => i.kind === 'allocation');
    parts.push(...bars.map((bar) => barSvg(bar, axis, y, standalone)));
    parts.push(...markGroups(marks, axis).map((group) => marksSvg(group, y, standalone)));
    parts.push(...labelsSvg(bars, axis, y));
  });
  return { svg: `<g class="lane">${parts.join('')}</g>`, bottom: top + rows.length * ROW_HEIGHT };
}

function barSvg(bar: DrawableItem, axis: Axis, y: number, standalone: StandaloneOptions | undefined): string {
  const span = spanOf(axis, bar.range, MIN_BAR_WIDTH)!;
  const x = round(span.x);
  const width = round(span.width);
  const conflicted = bar.conflicts.length > 0 ? ' conflicted' : '';
  const title = standalone ? `<title>${escapeXml(standalone.tooltipOf(bar))}</title>` : '';
  const parts = [`<rect class="bar lane-${bar.lane}${conflicted}" data-item="${bar.id}" x="${x}" y="${y}" width="${width}" height="${BAR_HEIGHT}" rx="2">${title}</rect>`];
  const ticks = ticksPath(bar, axis, y);
  if (ticks) parts.push(`<path class="ticks lane-${bar.lane}" d="${ticks}"/>`);
  for (const conflict of bar.conflicts) {
    const shared = spanOf(axis, conflict.range, MIN_BAR_WIDTH);
    if (shared) parts.push(`<rect class="conflict" fill="url(#cidr-lens-hatch)" x="${round(shared.x)}" y="${y}" width="${round(shared.width)}" height="${BAR_HEIGHT}"/>`);
  }
  if (bar.usage && bar.usage.capacity > 0n) parts.push(meterSvg(bar, x, width, y));
  return parts.join('');
}

/** A strip along the bar's foot, filled to the share of the range already handed out. */
function meterSvg(bar: DrawableItem, x: number, width: number, y: number): string {
  const { allocated, capacity } = bar.usage!;
  const ratio = allocated >= capacity ? 1 : Number((allocated * 10_000n) / capacity) / 10_000;
  // Any allocation at all stays visible, however small its share.
  const filled = allocated > 0n ? Math.max(1, round(width * ratio)) : 0;
  const meterY = y + BAR_HEIGHT - METER_HEIGHT;
  const high = ratio > 0.8 ? ' high' : '';
  return `<rect class="meter lane-${bar.lane}" x="${x}" y="${meterY}" width="${width}" height="${METER_HEIGHT}"/><rect class="meter-fill lane-${bar.lane}${high}" x="${x}" y="${meterY}" width="${filled}" height="${METER_HEIGHT}"/>`;
}

/** The subnet boundaries inside the visible part of a bar, as one path; none when too many or too dense. */
function ticksPath(bar: DrawableItem, axis: Axis, y: number): string | undefined {
  const subnets = bar.subnets;
  if (!subnets || subnets.count < 2n) return undefined;
  const first = bar.range.first > axis.window.first ? bar.range.first : axis.window.first;
  const last = bar.range.last < axis.window.last ? bar.range.last : axis.window.last;
  const size = subnets.size;
  let boundary = bar.range.first + ((first - bar.range.first + size - 1n) / size) * size;
  if (boundary === bar.range.first) boundary += size;
  const count = boundary > last ? 0n : (last - boundary) / size + 1n;
  if (count === 0n || count > BigInt(MAX_TICKS)) return undefined;
  if (xOf(axis, boundary + size) - xOf(axis, boundary) < MIN_TICK_SPACING) return undefined;
  const moves: string[] = [];
  for (let at = boundary; at <= last; at += size) moves.push(`M${round(xOf(axis, at))} ${y + 2}v${BAR_HEIGHT - 4}`);
  return moves.join('');
}

/** Allocations that land on the same pixels are drawn as one mark, so a thousand clusterIPs stay a few dozen shapes. */
function markGroups(marks: readonly DrawableItem[], axis: Axis): Array<{ items: DrawableItem[]; x: number; end: number }> {
  const placed = marks.map((item) => ({ item, span: spanOf(axis, item.range, 1)! })).sort((a, b) => a.span.x - b.span.x);
  const groups: Array<{ items: DrawableItem[]; x: number; end: number }> = [];
  for (const { item, span } of placed) {
    const last = groups[groups.length - 1];
    // Marks that merely touch stay apart: two neighbouring node subnets are two marks.
    if (last && span.x < last.end) {
      last.items.push(item);
      last.end = Math.max(last.end, span.x + span.width);
    } else {
      groups.push({ items: [item], x: span.x, end: span.x + span.width });
    }
  }
  return groups;
}

function marksSvg(group: { items: DrawableItem[]; x: number; end: number }, y: number, standalone: StandaloneOptions | undefined): string {
  const first = group.items[0];
  const conflicted = group.items.some((i) => i.conflicts.length > 0) ? ' conflicted' : '';
  const title = standalone ? `<title>${escapeXml(groupTooltip(group.items, standalone))}</title>` : '';
  const ids = group.items.map((i) => i.id).join(' ');
  return `<rect class="allocation lane-${first.lane}${conflicted}" data-item="${first.id}" data-items="${ids}" x="${round(group.x)}" y="${y + MARK_INSET}" width="${round(Math.max(1, group.end - group.x))}" height="${BAR_HEIGHT - 2 * MARK_INSET}">${title}</rect>`;
}

const LISTED_IN_TOOLTIP = 5;

function groupTooltip(items: readonly DrawableItem[], standalone: StandaloneOptions): string {
  const listed = items.slice(0, LISTED_IN_TOOLTIP).map((i) => standalone.tooltipOf(i));
  const more = items.length > LISTED_IN_TOOLTIP ? [`… and ${items.length - LISTED_IN_TOOLTIP} more`] : [];
  return [...listed, ...more].join('\n\n');
}

/**
 * A label per bar: the value with its utilization inside the bar when it fits, else the value alone,
 * else the value beside the bar where the row is free — to the right, or to the left for a bar near
 * the right edge; otherwise none (the card has it).
 */
function labelsSvg(bars: readonly DrawableItem[], axis: Axis, y: number): string[] {
  const spans = bars.map((bar) => ({ bar, span: spanOf(axis, bar.range, MIN_BAR_WIDTH)! })).sort((a, b) => a.span.x - b.span.x);
  return spans.flatMap(({ bar, span }, i) => {
    const full = bar.usage && bar.usage.capacity > 0n ? `${bar.text} · ${usageText(bar.usage)}` : bar.text;
    const inside = [full, bar.text].find((text) => textWidth(text) + 8 <= span.width);
    if (inside) return [labelText(inside, span.x + 4, y, 'start')];
    const width = textWidth(bar.text) + 4;
    const freeFrom = i > 0 ? spans[i - 1].span.x + spans[i - 1].span.width : 0;
    const freeTo = i + 1 < spans.length ? spans[i + 1].span.x : axis.x1 + RIGHT_MARGIN;
    const right = span.x + span.width + 4;
    if (right + width <= freeTo) return [labelText(bar.text, right, y, 'start')];
    const left = span.x - 4;
    // The lane label sits left of the axis; a label must not run into it.
    if (left - width >= Math.max(freeFrom, axis.x0)) return [labelText(bar.text, left, y, 'end')];
    return [];
  });
}

function labelText(text: string, x: number, y: number, anchor: 'start' | 'end'): string {
  return `<text class="label" x="${round(x)}" y="${y + 11}"${anchor === 'end' ? ' text-anchor="end"' : ''}>${escapeXml(text)}</text>`;
}

function usageText(usage: NonNullable<DrawableItem['usage']>): string {
  return `${formatCount(usage.allocated)}/${formatCount(usage.capacity)} ${usage.unit}`;
}

function textWidth(text: string): number {
  return text.length * CHAR_WIDTH;
}

function longestAddress(family: Family): number {
  return family === 4 ? 15 : 22;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, Math.floor(max) - 1))}…`;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// ---- the standalone style sheet -------------------------------------------------------------------------

/** The colours of VS Code's default light and dark themes (charts.*, errorForeground), so the file matches the view. */
const STANDALONE_STYLE = [
  '.address-map{font:11px -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif;--error:#e51400}',
  '.background{fill:#fff}',
  'text{fill:#1f2328}',
  '.heading{font-size:15px;font-weight:600}',
  '.panel-title,.cluster-name{font-weight:600}',
  '.muted,.lane-label,.axis-label,.legend{fill:#59636e}',
  '.label,.axis-label{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:10.5px}',
  // A halo in the background colour keeps labels readable over hatched overlaps.
  '.label{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}',
  '.lane-pods{--lane:#1a85ff}.lane-cni{--lane:#652d90}.lane-services{--lane:#388a34}.lane-load-balancers{--lane:#d18616}',
  '.lane-nodes{--lane:#bf8803}.lane-external{--lane:#6e7781}.lane-ipam{--lane:#8c6f6f}.lane-secondary{--lane:#0e9aa7}',
  '.bar{fill:var(--lane);fill-opacity:.2;stroke:var(--lane);stroke-width:1}',
  '.bar.conflicted{stroke:var(--error);stroke-width:1.5}',
  '.ticks{stroke:var(--lane);stroke-opacity:.5}',
  '.hatch path{stroke:var(--error);stroke-width:2.5;stroke-opacity:.8}',
  '.meter{fill:var(--lane);fill-opacity:.25}.meter-fill{fill:var(--lane)}.meter-fill.high{fill:var(--error)}',
  '.allocation{fill:var(--lane)}.allocation.conflicted{fill:var(--error)}',
  '.axis{stroke:#8c959f}.grid,.separator{stroke:#d0d7de}.grid{stroke-dasharray:2 3}',
  '.hit{fill:none}',
  '@media (prefers-color-scheme:dark){.address-map{--error:#f85149}.background{fill:#0d1117}text{fill:#e6edf3}.label{stroke:#0d1117}.muted,.lane-label,.axis-label,.legend{fill:#9198a1}.grid,.separator{stroke:#30363d}.bar{fill-opacity:.3}}',
].join('');
