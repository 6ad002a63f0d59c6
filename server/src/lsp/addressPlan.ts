// `cidrLens/addressPlan` (addressPlanProtocol.ts): the address map of every cluster of the workspace,
// for `CIDR Lens: Show Address Plan`, the Explorer's Address Plan tree and any editor that draws it;
// and `cidrLens/addressPlanChanged`, so that what they show follows the files as they change.

import type { Connection } from 'vscode-languageserver/node';
import type { AddressMap, AnalysisResult, MapItem, SourceLocation } from '../core';
import type { IpRange } from '../core/net/prefix';
import { buildAddressMap } from '../core';
import { baseName } from '../core/text/format';
import type { AddressPlanItem, AddressPlanResult, AddressRange, PlanLocation } from './addressPlanProtocol';
import { ADDRESS_PLAN_CHANGED_NOTIFICATION, ADDRESS_PLAN_REQUEST } from './addressPlanProtocol';
import type { FeatureContext } from './context';
import { toRange } from './convert';
import { answer } from './requests';
import type { AnalysisUpdate, WorkspaceState } from './workspaceState';

export function registerAddressPlan(connection: Connection, ctx: FeatureContext): void {
  let latest: AnalysisResult | undefined;
  // Clients that never ask for the plan (most editors) are not sent notifications they cannot use.
  let subscribed = false;
  afterEachAnalysis(ctx.state, ({ result }) => {
    const changed = latest === undefined || !sameItems(latest.scopes, result.scopes);
    latest = result;
    if (changed && subscribed) void connection.sendNotification(ADDRESS_PLAN_CHANGED_NOTIFICATION);
  });
  connection.onRequest(ADDRESS_PLAN_REQUEST, (_params: unknown, token) =>
    answer(ctx, 'address plan', token, { version: 1, clusters: [] }, (): AddressPlanResult => {
      subscribed = true;
      return planResult(buildAddressMap(latest?.scopes ?? [], ctx.state.indexOf), (location) => placed(location, ctx));
    }),
  );
}

/**
 * Calls `listener` after every analysis of the workspace. The server has no analysis event of its own;
 * wrapping the state's `analyze` gives this feature one without the rest of the server knowing of it.
 */
function afterEachAnalysis(state: WorkspaceState, listener: (update: AnalysisUpdate) => void): void {
  const analyze = state.analyze.bind(state);
  state.analyze = () => {
    const update = analyze();
    listener(update);
    return update;
  };
}

/** A scope that is unchanged keeps its analysis object, so comparing identities finds every change. */
function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

export function planResult(map: AddressMap, place: (location: SourceLocation) => PlanLocation): AddressPlanResult {
  return { version: 1, clusters: map.clusters.map((cluster) => ({ id: cluster.id, name: cluster.name, items: cluster.items.map((item) => planItem(item, place)) })) };
}

function planItem(item: MapItem, place: (location: SourceLocation) => PlanLocation): AddressPlanItem {
  return {
    id: item.id,
    kind: item.kind,
    lane: item.lane,
    row: item.row,
    range: addressRange(item.range),
    text: item.text,
    what: item.what,
    source: item.source,
    isDefault: item.isDefault,
    ...(item.location ? { location: place(item.location) } : {}),
    card: { title: item.card.title, lines: item.card.lines.map((line) => ({ ...(line.label ? { label: line.label } : {}), text: line.text, ...(line.at ? { at: place(line.at) } : {}) })) },
    conflicts: item.conflicts.map((c) => ({ range: addressRange(c.range), rule: c.rule, severity: c.severity, message: c.message, ...(c.with ? { with: c.with } : {}) })),
    ...(item.usage ? { usage: { allocated: item.usage.allocated.toString(), capacity: item.usage.capacity.toString(), unit: item.usage.unit } } : {}),
    ...(item.subnets ? { subnets: { size: item.subnets.size.toString(), bits: item.subnets.bits, count: item.subnets.count.toString(), unit: item.subnets.unit } } : {}),
    definedBy: item.definedBy.map((source) => ({ label: source.label, ...(source.location ? { location: place(source.location) } : {}) })),
  };
}

function addressRange(range: IpRange): AddressRange {
  return { family: range.family, first: range.first.toString(), last: range.last.toString() };
}

function placed(location: SourceLocation, ctx: FeatureContext): PlanLocation {
  const range = toRange(ctx.positionsOf(location.uri), location.span);
  return { uri: location.uri, range, label: `${baseName(location.uri)}:${range.start.line + 1}` };
}
