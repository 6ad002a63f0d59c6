// The address map: the data behind the picture of every cluster's address space (`CIDR Lens: Show
// Address Plan`, `cidr-lens plan --format svg`, the Explorer's "Address Plan" tree). Each cluster scope
// becomes lanes of bars on one address axis per family — pod network, CNI pools, services, load
// balancers, node and external networks — with the allocations made from them (Node podCIDRs, Calico
// IPAM blocks, clusterIPs, load-balancer IPs) drawn inside, overlaps that a rule reported, utilization
// and per-node subnet sizes from the capacity model, and for every item the card the editor's hover
// shows. Plain data with offsets; front ends turn locations into lines, and addressMapSvg.ts draws it.

import type { ScopeAnalysis } from '../analyze';
import type { Finding, Role, RuleId, Severity } from '../model';
import { formatAddr } from '../net/addr';
import { IpRange, formatPrefix, formatRange, rangeFrom, rangeSize } from '../net/prefix';
import { findContainers, findOverlaps } from '../net/sweep';
import { rangeSetFrom, rangeSetOverlaps } from '../net/rangeSet';
import { describeImported, importedDetails } from '../ipam/describe';
import { type Figure, capacityOf } from '../plan/capacity';
import type { NamedNetwork } from '../plan/config';
import { RangeFact, isRangeFact } from '../plan/plan';
import { DOCKER_BRIDGE } from '../net/specialRanges';
import { capacityLines } from './capacityCard';
import { CardLine, HoverCard, extentLine, roleName } from './card';
import { hoverAt } from './hover';
import { ScopeIndex, SourceLocation, buildScopeIndex, isPeerRole } from './scopeIndex';

/** A horizontal band of a cluster's picture: the ranges that play one part in its plan. */
export type MapLane = 'pods' | 'cni' | 'services' | 'load-balancers' | 'nodes' | 'external' | 'ipam' | 'secondary';

/** Top to bottom: what the cluster hands out first, then the networks it must live beside. */
export const LANE_ORDER: readonly MapLane[] = ['pods', 'cni', 'services', 'load-balancers', 'nodes', 'external', 'ipam', 'secondary'];

export const LANE_NAMES: Readonly<Record<MapLane, string>> = {
  pods: 'pod network',
  cni: 'CNI pools',
  services: 'services',
  'load-balancers': 'load balancers',
  nodes: 'node networks',
  external: 'external networks',
  ipam: 'IPAM networks',
  secondary: 'secondary networks',
};

export interface MapItem {
  /** Unique within the map and stable while the workspace does not change: `<cluster>.<item>`. */
  readonly id: string;
  /** A `range` is a bar; an `allocation` is handed out of a range and drawn inside its bar. */
  readonly kind: 'range' | 'allocation';
  readonly lane: MapLane;
  /** The row inside the lane: ranges of one lane that overlap each other go to different rows. */
  readonly row: number;
  readonly range: IpRange;
  /** The value as written, or canonical for a default or a configured network. */
  readonly text: string;
  /** What the range is: `pod network (cluster CIDR)`, `external network VPC eu-west-1`. */
  readonly what: string;
  /** The field as a user names it: `kubeadm networking.podSubnet`, `.cidr-lens.yaml externalNetworks`. */
  readonly source: string;
  readonly isDefault: boolean;
  /** Where the value is written; absent for a network from the workspace settings. */
  readonly location?: SourceLocation;
  /** The editor's hover card for the value, followed by the findings on it. */
  readonly card: MapCard;
  /** The parts of this range that collide with another one, as a rule reported. */
  readonly conflicts: readonly MapConflict[];
  /** How much of the range is handed out: node subnets, Calico blocks, ClusterIPs or load-balancer addresses. */
  readonly usage?: MapUsage;
  /** The per-node subnets or Calico blocks the range is split into. */
  readonly subnets?: MapSubnets;
  /** The values that define the range and its capacity: itself, its node mask or block size. */
  readonly definedBy: readonly MapSource[];
}

export type MapCard = Pick<HoverCard, 'title' | 'lines'>;

export interface MapConflict {
  /** The addresses both sides share. */
  readonly range: IpRange;
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly message: string;
  /** The item on the other side, when it is part of the map (Docker's bridge is not). */
  readonly with?: string;
}

export interface MapUsage {
  readonly allocated: bigint;
  readonly capacity: bigint;
  /** What is counted: `node subnets`, `Calico blocks`, `ClusterIPs`, `load-balancer addresses`. */
  readonly unit: string;
}

export interface MapSubnets {
  /** Addresses per subnet or block. */
  readonly size: bigint;
  readonly bits: number;
  readonly count: bigint;
  readonly unit: 'node subnets' | 'Calico blocks';
}

export interface MapSource {
  readonly label: string;
  readonly location?: SourceLocation;
}

export interface MapCluster {
  readonly id: string;
  readonly name: string;
  /** Ranges first, then allocations; each group in lane order, then by address. */
  readonly items: readonly MapItem[];
}

export interface AddressMap {
  /** By name, so the picture does not reorder when files are read in another order. */
  readonly clusters: readonly MapCluster[];
}

/** Which lane a fact's range is drawn in, as a bar or as an allocation; roles not listed are not drawn. */
const RANGE_LANES: Readonly<Partial<Record<Role, MapLane>>> = {
  'pod-network': 'pods',
  'proxy-cluster-cidr': 'pods',
  'native-routing-cidr': 'pods',
  'cni-pod-pool': 'cni',
  'service-network': 'services',
  'lb-pool': 'load-balancers',
  'node-network': 'nodes',
  'internal-network': 'cni',
  'node-address': 'nodes',
  'secondary-network': 'secondary',
};

const ALLOCATION_LANES: Readonly<Partial<Record<Role, MapLane>>> = {
  'node-pod-cidr': 'pods',
  'ipam-block': 'cni',
  'cluster-ip': 'services',
  'cluster-dns': 'services',
  'lb-ip': 'load-balancers',
};

/** Rules whose findings say that two values must not share addresses. */
const OVERLAP_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['range-overlap', 'cross-cluster-overlap', 'duplicate-address']);

/** An item before its row, conflicts, card and capacity are known, with the fact it stands for. */
type Draft = Pick<MapItem, 'id' | 'kind' | 'lane' | 'range' | 'text' | 'what' | 'source' | 'isDefault' | 'location' | 'usage'> & {
  readonly fact?: RangeFact;
  readonly network?: NamedNetwork;
};

/**
 * The most imported networks one cluster's picture draws: an export of a whole estate holds
 * thousands, and the picture is about the cluster. Those that overlap the cluster's ranges come
 * first, then the widest.
 */
const MAX_IMPORTED_IN_MAP = 200;

type FindingsAt = (location: SourceLocation | undefined) => readonly Finding[];

/**
 * The map of every scope. `indexOf` gives a scope's editor index (the language server passes its
 * cached one); cards come from the hover feature through it.
 */
export function buildAddressMap(scopes: readonly ScopeAnalysis[], indexOf: (scope: ScopeAnalysis) => ScopeIndex = (s) => buildScopeIndex(s.plan)): AddressMap {
  const ordered = [...scopes].sort((a, b) => compareText(a.scope.name, b.scope.name) || compareText(a.scope.id, b.scope.id));
  const draftsByCluster = ordered.map((scope, cluster) => numbered(cluster, [...rangeDrafts(scope), ...allocationDrafts(scope)]));
  const findingsAt = findingIndex(ordered.flatMap((s) => s.findings));
  const conflicts = conflictsOf(draftsByCluster, findingsAt);
  const clusters = ordered.map((scope, cluster): MapCluster => {
    const drafts = draftsByCluster[cluster];
    const rows = rowsOf(drafts);
    const index = indexOf(scope);
    const items = drafts.map((draft) => itemOf(draft, rows.get(draft) ?? 0, conflicts.get(draft) ?? [], findingsAt(draft.location), index, scope.scope.name));
    return { id: scope.scope.id, name: scope.scope.name, items };
  });
  return { clusters };
}

// ---- drafts ----------------------------------------------------------------------------------------

function rangeDrafts(scope: ScopeAnalysis): Omit<Draft, 'id'>[] {
  const facts = scope.plan.facts.filter(isRangeFact).flatMap((fact) => {
    const lane = RANGE_LANES[fact.role];
    // A single node address is where a node lives, not a range the cluster plans.
    if (!lane || (fact.role === 'node-address' && fact.value.kind === 'address')) return [];
    return [factDraft(fact, lane, 'range')];
  });
  const config = scope.scope.config;
  const literal = config.externalNetworks.filter((n) => !n.imported);
  const networks = [...config.nodeNetworks.map((n) => networkDraft(n, 'nodes', 'node network', 'nodeNetworks')), ...literal.map((n) => networkDraft(n, 'external', 'external network', 'externalNetworks'))];
  return [...facts, ...networks, ...importedDrafts(scope)];
}

function importedDrafts(scope: ScopeAnalysis): Omit<Draft, 'id'>[] {
  const imported = scope.scope.config.externalNetworks.filter((n) => n.imported);
  if (imported.length === 0) return [];
  const owned = rangeSetFrom(scope.plan.facts.filter(isRangeFact).filter((f) => !isPeerRole(f.role)).map((f) => f.value.range));
  const chosen = imported
    .map((network) => ({ network, overlaps: rangeSetOverlaps(owned, network.range) }))
    .sort((a, b) => Number(b.overlaps) - Number(a.overlaps) || compareSize(rangeSize(b.network.range), rangeSize(a.network.range)))
    .slice(0, MAX_IMPORTED_IN_MAP)
    .map((entry) => entry.network);
  return chosen.map((network) => {
    const details = network.imported!;
    const size = rangeSize(network.range);
    const usage = details.utilization !== undefined ? { usage: { allocated: BigInt(Math.round(details.utilization * 1000)) * size / 1000n, capacity: size, unit: 'addresses (as the IPAM reports)' } } : {};
    return {
      kind: 'range',
      lane: 'ipam',
      range: network.range,
      text: network.text,
      what: describeImported(details),
      source: `IPAM export (${details.kind})`,
      isDefault: false,
      ...(network.location ? { location: network.location } : {}),
      ...usage,
      network,
    };
  });
}

function compareSize(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function allocationDrafts(scope: ScopeAnalysis): Omit<Draft, 'id'>[] {
  return scope.plan.facts.filter(isRangeFact).flatMap((fact) => {
    const lane = ALLOCATION_LANES[fact.role];
    return lane ? [factDraft(fact, lane, 'allocation')] : [];
  });
}

function factDraft(fact: RangeFact, lane: MapLane, kind: MapItem['kind']): Omit<Draft, 'id'> {
  return {
    kind,
    lane,
    range: fact.value.range,
    text: fact.text || canonicalText(fact),
    what: roleName(fact.role),
    source: fact.source,
    isDefault: fact.isDefault,
    location: { uri: fact.doc.uri, span: fact.span },
    fact,
  };
}

function networkDraft(network: NamedNetwork, lane: MapLane, kind: string, key: string): Omit<Draft, 'id'> {
  // Networks listed without a name are named after their kind; saying it twice would read oddly.
  const what = network.name === kind ? kind : `${kind} ${network.name}`;
  return {
    kind: 'range',
    lane,
    range: network.range,
    text: network.text,
    what,
    source: network.location ? `.cidr-lens.yaml ${key}` : `setting cidrLens.${key}`,
    isDefault: false,
    ...(network.location ? { location: network.location } : {}),
  };
}

function canonicalText(fact: RangeFact): string {
  const value = fact.value;
  if (value.kind === 'prefix') return formatPrefix(value.prefix);
  if (value.kind === 'address') return formatAddr(value.addr);
  return formatRange(value.range);
}

/** Ranges before allocations, each in lane order, then by address, wider first; ids follow that order. */
function numbered(cluster: number, drafts: Omit<Draft, 'id'>[]): Draft[] {
  const lane = (d: Omit<Draft, 'id'>) => LANE_ORDER.indexOf(d.lane);
  const sorted = drafts
    .map((draft, index) => ({ draft, index }))
    .sort(
      (a, b) =>
        Number(a.draft.kind === 'allocation') - Number(b.draft.kind === 'allocation') ||
        lane(a.draft) - lane(b.draft) ||
        a.draft.range.family - b.draft.range.family ||
        compareBigints(a.draft.range.first, b.draft.range.first) ||
        compareBigints(rangeSize(b.draft.range), rangeSize(a.draft.range)) ||
        a.index - b.index,
    );
  return sorted.map(({ draft }, i) => ({ ...draft, id: `${cluster}.${i}` }));
}

// ---- rows ------------------------------------------------------------------------------------------

/**
 * Rows inside each lane and family: every range takes the first row whose ranges all end before it
 * starts (drafts come sorted by address, wider first, so a containing range sits above what it
 * contains). An allocation goes to the row of the narrowest range of its lane that contains it.
 */
function rowsOf(drafts: readonly Draft[]): Map<Draft, number> {
  const rows = new Map<Draft, number>();
  for (const group of groupBy(drafts, (d) => `${d.lane}/${d.range.family}`)) {
    const ranges = group.filter((d) => d.kind === 'range');
    const rowEnds: bigint[] = [];
    for (const range of ranges) {
      let row = rowEnds.findIndex((end) => end < range.range.first);
      if (row < 0) row = rowEnds.push(range.range.last) - 1;
      else rowEnds[row] = range.range.last;
      rows.set(range, row);
    }
    const allocations = group.filter((d) => d.kind === 'allocation');
    for (const [allocation, containers] of findContainers(ranges, (d) => d.range, allocations, (d) => d.range)) {
      const narrowest = containers.reduce<Draft | undefined>((best, c) => (!best || rangeSize(c.range) < rangeSize(best.range) ? c : best), undefined);
      rows.set(allocation, narrowest ? (rows.get(narrowest) ?? 0) : 0);
    }
  }
  return rows;
}

// ---- conflicts ---------------------------------------------------------------------------------------

/**
 * The collisions a rule reported, found with one sweep over the bars of every cluster (cross-cluster
 * overlaps included) and one per cluster over its allocations (duplicate addresses). A pair counts only
 * when a finding on one side names the other: a CNI pool inside its pod network overlaps it, as it should.
 */
function conflictsOf(draftsByCluster: readonly (readonly Draft[])[], findingsAt: FindingsAt): Map<Draft, MapConflict[]> {
  const conflicts = new Map<Draft, MapConflict[]>();
  const add = (draft: Draft, conflict: MapConflict) => {
    let list = conflicts.get(draft);
    if (!list) conflicts.set(draft, (list = []));
    list.push(conflict);
  };
  const confirm = (a: Draft, b: Draft) => {
    const fromA = findingNaming(a, b, findingsAt);
    const fromB = findingNaming(b, a, findingsAt);
    const onA = fromA ?? fromB;
    const onB = fromB ?? fromA;
    if (!onA || !onB) return;
    const shared = intersection(a.range, b.range);
    add(a, { range: shared, rule: onA.rule, severity: onA.severity, message: onA.message, with: b.id });
    add(b, { range: shared, rule: onB.rule, severity: onB.severity, message: onB.message, with: a.id });
  };
  const bars = draftsByCluster.flatMap((drafts) => drafts.filter((d) => d.kind === 'range'));
  for (const [a, b] of findOverlaps(bars, (d) => d.range)) confirm(a, b);
  for (const drafts of draftsByCluster) {
    for (const [a, b] of findOverlaps(drafts.filter((d) => d.kind === 'allocation'), (d) => d.range)) confirm(a, b);
  }
  for (const bar of bars) {
    const docker = findingsAt(bar.location).find((f) => f.rule === 'docker-bridge-overlap');
    if (docker) add(bar, { range: intersection(bar.range, DOCKER_BRIDGE), rule: docker.rule, severity: docker.severity, message: docker.message });
  }
  return conflicts;
}

/**
 * The overlap finding on `self` that names `other`: through its related location, or, for a network
 * from the workspace settings (which has no location), through its text in the message.
 */
function findingNaming(self: Draft, other: Draft, findingsAt: FindingsAt): Finding | undefined {
  const otherKey = other.location && locationKey(other.location);
  return findingsAt(self.location).find(
    (f) => OVERLAP_RULES.has(f.rule) && (otherKey ? f.related.some((r) => locationKey(r) === otherKey) : f.message.includes(other.text)),
  );
}

function findingIndex(findings: readonly Finding[]): FindingsAt {
  const byLocation = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = locationKey(finding);
    let list = byLocation.get(key);
    if (!list) byLocation.set(key, (list = []));
    list.push(finding);
  }
  return (location) => (location ? (byLocation.get(locationKey(location)) ?? []) : []);
}

function locationKey(location: SourceLocation): string {
  return `${location.uri}#${location.span.start}#${location.span.end}`;
}

// ---- items -------------------------------------------------------------------------------------------

function itemOf(draft: Draft, row: number, conflicts: readonly MapConflict[], findings: readonly Finding[], index: ScopeIndex, clusterName: string): MapItem {
  const capacity = draft.fact && draft.kind === 'range' ? rangeCapacityOf(draft.fact, index) : {};
  const card = draft.fact ? factCard(draft.fact, index) : networkCard(draft, clusterName);
  return {
    id: draft.id,
    kind: draft.kind,
    lane: draft.lane,
    row,
    range: draft.range,
    text: draft.text,
    what: draft.what,
    source: draft.source,
    isDefault: draft.isDefault,
    ...(draft.location ? { location: draft.location } : {}),
    card: { title: card.title, lines: [...card.lines, ...findingLines(findings), ...partnerLines(conflicts, findings)] },
    conflicts,
    ...(capacity.usage ? { usage: capacity.usage } : draft.usage ? { usage: draft.usage } : {}),
    ...(capacity.subnets ? { subnets: capacity.subnets } : {}),
    definedBy: [{ label: `${draft.source}${draft.isDefault ? ' (default)' : ''}`, ...(draft.location ? { location: draft.location } : {}) }, ...(capacity.settings ?? [])],
  };
}

/** The card the editor shows when hovering the value itself. */
function factCard(fact: RangeFact, index: ScopeIndex): MapCard {
  if (fact.isDefault) return defaultCard(fact, index);
  // The index answers for this one fact, so a value never gets the card of another one at its offset.
  const card = hoverAt({ uri: fact.doc.uri, text: '', offset: fact.span.start, index: { ...index, factsAt: () => [fact] } });
  return card ?? defaultCard(fact, index);
}

/**
 * A default sits on the anchor of the document that implies it, where the editor's hover lists all the
 * defaults of that document; a bar is about one range, so it gets that range's extent, source and capacity.
 */
function defaultCard(fact: RangeFact, index: ScopeIndex): MapCard {
  const source: CardLine = { label: 'Source', text: `${fact.source} (default) · cluster ${index.plan.scope.name}` };
  return { title: `${canonicalText(fact)} · ${roleName(fact.role)}`, lines: [extentLine(fact.value.range), source, ...capacityLines(fact, index.plan)] };
}

/** A configured network has no hover of its own: the compact card of range, extent and source. */
function networkCard(draft: Draft, clusterName: string): MapCard {
  const imported = draft.network?.imported;
  const details = imported ? [{ label: 'IPAM', text: [imported.kind, ...importedDetails(imported)].join(' · ') }] : [];
  return { title: `${draft.text} · ${draft.what}`, lines: [extentLine(draft.range), ...details, { label: 'Source', text: `${draft.source} · cluster ${clusterName}` }] };
}

function findingLines(findings: readonly Finding[]): CardLine[] {
  return findings.map((f) => ({ label: `${f.severity} ${f.rule}`, text: f.message }));
}

/**
 * A rule may report a collision on one side only (a connected cluster's range is flagged where the
 * `connectedClusters` entry is); the other side is drawn as overlapping too, and its card says why.
 */
function partnerLines(conflicts: readonly MapConflict[], findings: readonly Finding[]): CardLine[] {
  const own = new Set(findings.map((f) => f.message));
  const told = new Set<string>();
  return conflicts.flatMap((c) => {
    if (own.has(c.message) || told.has(c.message)) return [];
    told.add(c.message);
    return [{ label: `${c.severity} ${c.rule} (reported on the other range)`, text: c.message }];
  });
}

interface RangeCapacity {
  readonly usage?: MapUsage;
  readonly subnets?: MapSubnets;
  readonly settings?: readonly MapSource[];
}

/** Node subnets, Calico blocks, ClusterIPs or load-balancer addresses, whichever the range provides. */
function rangeCapacityOf(fact: RangeFact, index: ScopeIndex): RangeCapacity {
  const about = capacityOf(index.plan).about(fact);
  // A range another one overrides still shows its figures, but the one in effect comes first.
  const nodes = about.nodeSubnets.filter((n) => n.pool === fact).sort((a, b) => Number(b.effective) - Number(a.effective))[0];
  if (nodes) {
    const { subnets, addressesPerSubnet, utilization, mask } = nodes;
    return {
      ...(utilization ? { usage: { allocated: utilization.allocated, capacity: utilization.capacity, unit: 'node subnets' } } : {}),
      ...(subnets !== undefined && addressesPerSubnet !== undefined ? { subnets: { size: addressesPerSubnet, bits: mask.value, count: subnets, unit: 'node subnets' as const } } : {}),
      settings: figureSource(mask, 'node mask'),
    };
  }
  const pool = about.calicoPools.find((c) => c.pool === fact);
  if (pool) {
    const { blocks, addressesPerBlock, utilization, blockSize } = pool;
    return {
      ...(utilization ? { usage: { allocated: utilization.allocated, capacity: utilization.capacity, unit: 'Calico blocks' } } : {}),
      ...(blocks !== undefined && addressesPerBlock !== undefined ? { subnets: { size: addressesPerBlock, bits: blockSize.value, count: blocks, unit: 'Calico blocks' as const } } : {}),
      settings: figureSource(blockSize, 'block size'),
    };
  }
  const service = about.services.find((s) => s.range === fact);
  if (service) return { usage: { allocated: service.utilization.allocated, capacity: service.utilization.capacity, unit: 'ClusterIPs' } };
  const lb = about.lbPools.find((l) => l.pool === fact);
  if (lb) return { usage: { allocated: lb.utilization.allocated, capacity: lb.utilization.capacity, unit: 'load-balancer addresses' } };
  return {};
}

function figureSource(figure: Figure<number>, what: string): MapSource[] {
  const location = figure.fact ? { location: { uri: figure.fact.doc.uri, span: figure.fact.span } } : {};
  return [{ label: `${what} /${figure.value} · ${figure.label}${figure.origin === 'default' ? ' (default)' : ''}`, ...location }];
}

// ---- small helpers -----------------------------------------------------------------------------------

function intersection(a: IpRange, b: IpRange): IpRange {
  return rangeFrom(a.family, a.first > b.first ? a.first : b.first, a.last < b.last ? a.last : b.last);
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(item);
  }
  return [...groups.values()];
}

function compareBigints(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
