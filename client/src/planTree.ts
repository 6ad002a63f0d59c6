// The Explorer's "Address Plan" tree: clusters → their ranges, with capacity and utilization in the
// description → the values that define each range. Clicking a range or a value opens its source.

import { Command, Disposable, MarkdownString, Range, ThemeColor, ThemeIcon, TreeDataProvider, TreeItem, TreeItemCollapsibleState, Uri, window } from 'vscode';
import type { AddressPlanCluster, AddressPlanItem, PlanCard, PlanLocation } from '../../server/src/lsp/addressPlanProtocol';
import type { AddressPlanSource } from './planSource';

type PlanNode =
  | { readonly kind: 'cluster'; readonly cluster: AddressPlanCluster }
  | { readonly kind: 'range'; readonly item: AddressPlanItem }
  | { readonly kind: 'source'; readonly label: string; readonly location?: PlanLocation };

/** Lane colours, as in the picture. */
const LANE_COLOURS: Readonly<Record<AddressPlanItem['lane'], string>> = {
  pods: 'charts.blue',
  cni: 'charts.purple',
  services: 'charts.green',
  'load-balancers': 'charts.orange',
  nodes: 'charts.yellow',
  external: 'descriptionForeground',
  ipam: 'descriptionForeground',
  secondary: 'terminal.ansiCyan',
};

export function registerAddressPlanTree(source: AddressPlanSource): Disposable {
  const provider: TreeDataProvider<PlanNode> = {
    onDidChangeTreeData: source.onDidChange,
    getChildren: (node) => childrenOf(node, source),
    getTreeItem: treeItemOf,
  };
  return window.createTreeView('cidrLens.addressPlan', { treeDataProvider: provider, showCollapseAll: true });
}

async function childrenOf(node: PlanNode | undefined, source: AddressPlanSource): Promise<PlanNode[]> {
  if (!node) {
    // Without a server there is nothing to list; the view's welcome text says what to do.
    const plan = await source.plan().catch(() => undefined);
    return (plan?.clusters ?? []).map((cluster) => ({ kind: 'cluster', cluster }));
  }
  if (node.kind === 'cluster') return node.cluster.items.filter((item) => item.kind === 'range').map((item) => ({ kind: 'range', item }));
  if (node.kind === 'range') return node.item.definedBy.map((defined) => ({ kind: 'source', label: defined.label, ...(defined.location ? { location: defined.location } : {}) }));
  return [];
}

function treeItemOf(node: PlanNode): TreeItem {
  switch (node.kind) {
    case 'cluster':
      return clusterItem(node.cluster);
    case 'range':
      return rangeItem(node.item);
    case 'source':
      return sourceItem(node.label, node.location);
  }
}

function clusterItem(cluster: AddressPlanCluster): TreeItem {
  const ranges = cluster.items.filter((i) => i.kind === 'range');
  const overlapping = ranges.filter((i) => i.conflicts.length > 0).length;
  const item = new TreeItem(cluster.name, TreeItemCollapsibleState.Expanded);
  item.id = `cluster:${cluster.id}`;
  item.description = `${ranges.length} range${ranges.length === 1 ? '' : 's'}${overlapping > 0 ? ` · ${overlapping} overlapping` : ''}`;
  item.iconPath = new ThemeIcon('server-environment');
  item.tooltip = Uri.parse(cluster.id).fsPath;
  return item;
}

function rangeItem(range: AddressPlanItem): TreeItem {
  const item = new TreeItem(range.text, TreeItemCollapsibleState.Collapsed);
  item.description = [range.what, subnetsText(range), usageText(range)].filter((part) => part !== undefined).join(' · ');
  item.tooltip = cardMarkdown(range.card);
  item.iconPath = range.conflicts.length > 0 ? new ThemeIcon('error', new ThemeColor('errorForeground')) : new ThemeIcon('circle-filled', new ThemeColor(LANE_COLOURS[range.lane]));
  const open = openCommand(range.location);
  if (open) item.command = open;
  return item;
}

function sourceItem(label: string, location: PlanLocation | undefined): TreeItem {
  const item = new TreeItem(label, TreeItemCollapsibleState.None);
  item.description = location?.label ?? 'workspace setting';
  item.iconPath = new ThemeIcon('go-to-file');
  const open = openCommand(location);
  if (open) item.command = open;
  return item;
}

/** `256 × /24 node subnets`. */
function subnetsText(range: AddressPlanItem): string | undefined {
  const subnets = range.subnets;
  return subnets ? `${grouped(subnets.count)} × /${subnets.bits} ${subnets.unit}` : undefined;
}

/** `2/256 used (0.8 %)`. */
function usageText(range: AddressPlanItem): string | undefined {
  const usage = range.usage;
  if (!usage || usage.capacity === '0') return undefined;
  const tenths = Number((BigInt(usage.allocated) * 1000n) / BigInt(usage.capacity)) / 10;
  return `${grouped(usage.allocated)}/${grouped(usage.capacity)} ${usage.unit} used (${tenths.toFixed(1)} %)`;
}

function grouped(decimal: string): string {
  return decimal.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function cardMarkdown(card: PlanCard): MarkdownString {
  const markdown = new MarkdownString();
  markdown.appendMarkdown('**');
  markdown.appendText(card.title);
  markdown.appendMarkdown('**\n\n');
  for (const line of card.lines) {
    if (line.label) markdown.appendText(`${line.label}: `);
    markdown.appendText(`${line.text}${line.at ? ` — ${line.at.label}` : ''}`);
    markdown.appendMarkdown('  \n');
  }
  return markdown;
}

function openCommand(location: PlanLocation | undefined): Command | undefined {
  if (!location) return undefined;
  const { start, end } = location.range;
  return { command: 'vscode.open', title: 'Open source', arguments: [Uri.parse(location.uri), { selection: new Range(start.line, start.character, end.line, end.character) }] };
}
