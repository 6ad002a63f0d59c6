// `cidr-lens plan --format svg`: the picture of the Show Address Plan view as one self-contained SVG
// file — no script, no external reference — for pull requests and wikis. Hovering a bar in a viewer
// that shows `<title>` tooltips gives the same card as the editor's hover, with file and line.

import { buildAddressMap, defaultPanels, renderAddressMapSvg } from '../../core';
import type { AnalysisResult, MapItem, SourceLocation } from '../../core';
import type { Locate } from '../locate';
import { TOOL_NAME } from '../version';
import { displayPath } from '../workspace';

/** Wide enough for a pull request page or a wiki column without scaling the text down. */
const SVG_WIDTH = 1000;

export function formatPlanSvg(result: AnalysisResult, locate: Locate): string {
  const map = buildAddressMap(result.scopes);
  const items = new Map(map.clusters.flatMap((c) => c.items.map((item) => [item.id, item] as const)));
  const where = (at: SourceLocation) => `${displayPath(at.uri)}:${locate(at.uri, at.span).start.line + 1}`;
  const bars = map.clusters.flatMap((c) => c.items.filter((i) => i.kind === 'range').map((i) => i.range));
  return renderAddressMapSvg(map.clusters, {
    width: SVG_WIDTH,
    panels: defaultPanels(bars),
    standalone: { heading: `${TOOL_NAME} · address plan`, tooltipOf: (item) => tooltip(items.get(item.id)!, where) },
  });
}

/** The card as plain text: title, then one line per card line, places as `path:line`. */
function tooltip(item: MapItem, where: (at: SourceLocation) => string): string {
  const { card } = item;
  const lines = card.lines.map((line) => `${line.label ? `${line.label}: ` : ''}${line.text}${line.at ? ` — ${where(line.at)}` : ''}`);
  const source = item.location ? [`at ${where(item.location)}`] : [];
  return [card.title, ...lines, ...source].join('\n');
}
