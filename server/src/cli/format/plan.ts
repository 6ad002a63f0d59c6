// `plan` output: a table per cluster on a terminal, JSON for tools, Markdown for pull requests.

import { formatCount } from '../../core';
import type { ClusterPlan, Location, PlannedNetwork, PlannedRange, PlannedSetting } from '../planJson';
import { CapacityLine, capacityLines, clusterCapacityPhrase } from '../planCapacity';
import { TOOL_NAME, TOOL_VERSION } from '../version';
import { textTable } from './table';

export function formatPlanJson(clusters: readonly ClusterPlan[]): string {
  return JSON.stringify({ version: 1, tool: { name: TOOL_NAME, version: TOOL_VERSION }, clusters }, null, 2) + '\n';
}

export function formatPlanText(clusters: readonly ClusterPlan[]): string {
  return clusters.map(clusterText).join('\n');
}

export function formatPlanMarkdown(clusters: readonly ClusterPlan[]): string {
  return ['## Address plan', ...clusters.map(clusterMarkdown)].join('\n\n') + '\n';
}

function clusterText(cluster: ClusterPlan): string {
  const lines = [`cluster ${cluster.cluster} (${cluster.root}${cluster.config ? `, config ${cluster.config}` : ''})`];
  if (cluster.ranges.length + cluster.networks.length + cluster.settings.length === 0) lines.push('  no address facts');
  if (cluster.ranges.length + cluster.networks.length > 0) {
    const rows = [...cluster.ranges.map(rangeCells), ...cluster.networks.map(networkCells)];
    lines.push(
      ...textTable(
        [{ header: 'ROLE' }, { header: 'VALUE' }, { header: 'FAMILY' }, { header: 'ADDRESSES', alignRight: true }, { header: 'SOURCE' }, { header: 'LOCATION' }],
        rows.map((r) => [r.role, r.value, `IPv${r.family}`, r.addresses, r.source, r.location]),
        '  ',
      ),
    );
  }
  if (cluster.settings.length > 0) {
    lines.push(
      ...textTable(
        [{ header: 'SETTING' }, { header: 'VALUE', alignRight: true }, { header: 'SOURCE' }, { header: 'LOCATION' }],
        cluster.settings.map((s) => [s.role, String(s.value), sourceText(s), lineOf(s.location)]),
        '  ',
      ),
    );
  }
  const capacityRows = cluster.ranges.flatMap(capacityCells);
  if (capacityRows.length > 0) lines.push(...textTable([{ header: 'CAPACITY OF' }, { header: 'PROVIDES' }, { header: 'USED' }], capacityRows, '  '));
  lines.push(`  per node: ${clusterCapacityPhrase(cluster.capacity)}`);
  return lines.join('\n') + '\n';
}

/** One row per capacity figure of a range, the range named on the first. */
function capacityCells(range: PlannedRange): string[][] {
  return capacityLines(range.capacity).map((figure, i) => [i === 0 ? range.value : '', figure.provides, figure.used ?? '']);
}

interface RowCells {
  readonly role: string;
  readonly value: string;
  readonly family: 4 | 6;
  readonly addresses: string;
  readonly source: string;
  readonly location: string;
  readonly capacity: readonly CapacityLine[];
}

function rangeCells(range: PlannedRange): RowCells {
  return {
    role: range.role,
    value: range.value,
    family: range.family,
    addresses: formatCount(BigInt(range.addresses)),
    source: sourceText(range),
    location: lineOf(range.location),
    capacity: capacityLines(range.capacity),
  };
}

function networkCells(network: PlannedNetwork): RowCells {
  return {
    role: `${network.kind}-network`,
    value: network.value,
    family: network.family,
    addresses: formatCount(BigInt(network.addresses)),
    source: network.kind === 'ipam' ? `IPAM export: ${network.name}` : `.cidr-lens.yaml ${network.kind}Networks (${network.name})`,
    location: network.location ? lineOf(network.location) : 'settings',
    capacity: [],
  };
}

function sourceText(row: PlannedRange | PlannedSetting): string {
  return row.default ? `${row.source} (default)` : row.source;
}

/** `file:line`, 1-based: what a person types into an editor's "go to file". */
function lineOf(location: Location): string {
  return `${location.file}:${location.range.start.line + 1}`;
}

function clusterMarkdown(cluster: ClusterPlan): string {
  const heading = `### Cluster \`${cluster.cluster}\`\n\nRoot \`${cluster.root}\`${cluster.config ? `, configured by \`${cluster.config}\`` : ''}.`;
  if (cluster.ranges.length + cluster.networks.length + cluster.settings.length === 0) return `${heading}\n\n_No address facts._`;
  const parts = [heading];
  if (cluster.ranges.length + cluster.networks.length > 0) {
    const rows = [...cluster.ranges.map(rangeCells), ...cluster.networks.map(networkCells)];
    parts.push(
      markdownTable(
        ['Range', 'Role', 'Source', 'Addresses', 'Capacity', 'Utilization'],
        [false, false, false, true, false, false],
        rows.map((r) => [code(r.value), humanRole(r.role), `${escapeCell(r.source)} · ${code(r.location)}`, r.addresses, cellLines(r.capacity.map((c) => c.provides)), cellLines(r.capacity.map((c) => c.used ?? '—'))]),
      ),
    );
  }
  if (cluster.settings.length > 0) {
    parts.push(markdownTable(['Setting', 'Value', 'Source'], [false, true, false], cluster.settings.map((s) => [humanRole(s.role), String(s.value), `${escapeCell(sourceText(s))} · ${code(lineOf(s.location))}`])));
  }
  parts.push(`Per node: ${escapeCell(clusterCapacityPhrase(cluster.capacity))}.`);
  return parts.join('\n\n');
}

function markdownTable(headers: readonly string[], alignRight: readonly boolean[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(alignRight.map((right) => (right ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

/** Several figures in one cell, one per line; a table cell cannot hold a real line break. */
function cellLines(lines: readonly string[]): string {
  return lines.map(escapeCell).join('<br>');
}

/** `pod-network` reads as "pod network" in a pull request. */
function humanRole(role: string): string {
  return role.replace(/-/g, ' ');
}

function code(text: string): string {
  return `\`${escapeCell(text)}\``;
}

/** A `|` would end the table cell, even inside a code span (GitHub Flavored Markdown). */
function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
