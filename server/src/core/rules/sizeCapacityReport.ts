// Helpers shared by the size and capacity rules (node-mask-invalid, block-size-invalid,
// flannel-subnet-len-invalid, too-few-node-subnets, node-subnet-too-small, too-few-blocks,
// service-range-full, high-utilization): how figures read in messages, one finding per place, and the
// fixes that resize a range or rewrite a size setting.

import type { Fact, Finding, Fix, RelatedLocation, RuleId, Severity, TextEdit } from '../model';
import { bitsOf } from '../net/addr';
import { findFreePrefixes, privateBlockOf } from '../net/freeSpace';
import { IpRange, Prefix, formatPrefix, masked, prefixFrom, prefixToRange, rangeContains, rangesOverlap } from '../net/prefix';
import { RangeSet, rangeSetFrom } from '../net/rangeSet';
import { candidateSpaces } from '../plan/allocationSpace';
import type { Figure, NodeSubnetCapacity } from '../plan/capacity';
import type { RangeFact } from '../plan/plan';
import { planIndexOf } from '../plan/planIndex';
import { formatCount } from '../text/format';
import { replaceValue } from './perValue';
import type { RuleContext } from './rule';

/** `10.244.0.0/16 (kubeadm networking.podSubnet)`, `10.42.0.0/16 (k3s cluster-cidr, default)`. */
export function label(fact: Fact): string {
  return `${fact.text} (${fact.source}${fact.isDefault ? ', default' : ''})`;
}

/** `/24 (kube-controller-manager --node-cidr-mask-size-ipv4)`, `/24 (kube-controller-manager default node mask)`. */
export function maskText(mask: Figure<number>): string {
  const where = mask.fact ? `${mask.label}${mask.origin === 'default' ? ', default' : ''}` : mask.label;
  return `/${mask.value} (${where}${mask.origin === 'assumed' ? ', assumed' : ''})`;
}

/** Where a fact is written, for the other side of a message. */
export function at(ctx: RuleContext, fact: Fact): string {
  return ctx.locate(fact.doc.uri, fact.span.start);
}

export function related(fact: Fact | undefined, message: string): RelatedLocation[] {
  return fact ? [{ uri: fact.doc.uri, span: fact.span, message }] : [];
}

/** Collects findings, one per rule, place and message; the first finding for a place wins when `onePerPlace`. */
export class FindingSet {
  private readonly seen = new Set<string>();
  readonly findings: Finding[] = [];
  constructor(private readonly rule: RuleId) {}

  add(fact: Fact, severity: Severity, message: string, relatedLocations: readonly RelatedLocation[] = [], fixes: readonly Fix[] = [], onePerPlace = true): void {
    const key = `${fact.doc.uri}|${fact.span.start}|${fact.span.end}${onePerPlace ? '' : `|${message}`}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.findings.push({ rule: this.rule, severity, message, uri: fact.doc.uri, span: fact.span, related: relatedLocations, fixes });
  }
}

// ---- fixes --------------------------------------------------------------------------------------------

/** A fix that rewrites a size setting (node mask, blockSize, SubnetLen, maxPods) written in a manifest. */
export function numberFix(ctx: RuleContext, fact: Fact | undefined, value: number, title: string, preferred = false): Fix[] {
  if (!fact || fact.isDefault || fact.value.kind !== 'number' || fact.value.value === value) return [];
  const edit = replaceValue(ctx, fact, String(value));
  return edit ? [{ title, edits: [edit], ...(preferred ? { isPreferred: true } : {}) }] : [];
}

/** Roles whose values are the same range written for another component (they move along with a resize). */
const MIRROR_ROLES = new Set<Fact['role']>(['pod-network', 'cni-pod-pool', 'proxy-cluster-cidr', 'native-routing-cidr', 'service-network', 'bgp-advertised']);

/**
 * Edits that rewrite a range and every written copy of exactly the same range of a mirroring role
 * (flannel's Network, kube-proxy's clusterCIDR, KCM's --cluster-cidr…), so the fix keeps them aligned.
 * Undefined when the range itself cannot be rewritten safely.
 */
export function rangeEdits(ctx: RuleContext, fact: RangeFact, newText: string): TextEdit[] | undefined {
  const own = replaceValue(ctx, fact, newText);
  if (!own) return undefined;
  const edits = [own];
  for (const other of planIndexOf(ctx.plan).sameRange(fact.value.range)) {
    if (other === fact || !MIRROR_ROLES.has(other.role) || other.value.kind !== 'prefix') continue;
    const edit = replaceValue(ctx, other, newText);
    if (edit && !edits.some((e) => e.uri === edit.uri && e.span.start === edit.span.start)) edits.push(edit);
  }
  return edits;
}

/** Peer roles: ranges of other parties, which a cluster's own range may well contain. */
const PEER_ROLES = new Set<Fact['role']>(['policy-cidr', 'policy-except', 'source-range']);

/** What a range is for: ranges of one purpose may nest (a pod range in flannel's Network, a Node podCIDR in the pod range). */
function purposeOf(role: Fact['role']): string {
  switch (role) {
    case 'pod-network':
    case 'cni-pod-pool':
    case 'proxy-cluster-cidr':
    case 'native-routing-cidr':
    case 'node-pod-cidr':
    case 'ipam-block':
      return 'pod';
    case 'service-network':
    case 'cluster-ip':
    case 'cluster-dns':
    case 'bgp-advertised':
      return 'service';
    case 'lb-pool':
    case 'lb-ip':
      return 'lb';
    default:
      return role;
  }
}

/** Pools that must stay disjoint from their siblings (two Calico pools, two MetalLB pools). */
const SIBLING_ROLES = new Set<Fact['role']>(['cni-pod-pool', 'lb-pool']);

function sameRange(a: IpRange, b: IpRange): boolean {
  return a.family === b.family && a.first === b.first && a.last === b.last;
}

/**
 * Whether a fact's range may overlap a widened range `wide` of `fact`: ranges of the same purpose
 * that nest with it (its allocations, an enclosing CNI network), never a range of another purpose
 * (a pod range must not grow into the service range), nor a sibling pool.
 */
function mayOverlap(fact: RangeFact, other: RangeFact, wide: IpRange): boolean {
  const r = other.value.range;
  if (sameRange(r, fact.value.range)) return true; // The same range written elsewhere: it is resized along.
  if (purposeOf(other.role) !== purposeOf(fact.role)) return false;
  if (SIBLING_ROLES.has(fact.role) && other.role === fact.role && other.component === fact.component) return false;
  return rangeContains(wide, r) || rangeContains(r, wide);
}

/**
 * A prefix of `bits` (at most the range's own length) for a range: the same range widened in place (aligned, so it contains the
 * original and every allocation in it) when it stays clear of everything else the cluster uses, else
 * (when `allowMove`) the free aligned prefix of that length nearest to it in private space.
 */
export function widerPrefix(ctx: RuleContext, fact: RangeFact, bits: number, allowMove = true): { prefix: Prefix; moved: boolean } | undefined {
  if (fact.value.kind !== 'prefix' || bits < 0 || bits > fact.value.prefix.bits) return undefined;
  const family = fact.value.range.family;
  const original = fact.value.range;
  const networks = [...ctx.config.externalNetworks, ...ctx.config.nodeNetworks].map((n) => n.range);
  const inPlace = masked(prefixFrom(fact.value.prefix.addr, bits));
  const wide = prefixToRange(inPlace);
  const block = privateBlockOf(original);
  const blocked = planIndexOf(ctx.plan).ranges.some(wide, (o) => o !== fact && !PEER_ROLES.has(o.role) && !mayOverlap(fact, o, wide));
  const clear = !blocked && networks.every((n) => !rangesOverlap(n, wide));
  if (clear && bits < fact.value.prefix.bits && (!block || rangeContains(block, wide))) return { prefix: inPlace, moved: false };
  if (!allowMove) return undefined;
  const candidates = candidateSpaces(ctx.config, original).map((c) => c.space);
  const found = findFreePrefixes({ family, bits, candidates, avoid: spaceOfOthers(ctx), near: original.first, count: 1 });
  return found.length > 0 ? { prefix: found[0], moved: true } : undefined;
}

const othersSpace = new WeakMap<RuleContext['plan'], RangeSet>();

/**
 * The space a moved range must stay clear of: every range of the plan but policy peers, and the
 * configured external and node networks. The range being moved is part of it too (a move never lands
 * on its old place), as are the copies of it that move along. The same for every finding of a plan.
 */
function spaceOfOthers(ctx: RuleContext): RangeSet {
  let space = othersSpace.get(ctx.plan);
  if (!space) {
    const owned = ctx.plan.facts.filter((f): f is RangeFact => !PEER_ROLES.has(f.role) && 'range' in f.value).map((f) => f.value.range);
    const { externalNetworks, nodeNetworks } = ctx.plan.scope.config;
    othersSpace.set(ctx.plan, (space = rangeSetFrom([...owned, ...[...externalNetworks, ...nodeNetworks].map((n) => n.range)])));
  }
  return space;
}

function rangeSetRangesOf(set: ReturnType<typeof rangeSetFrom>): IpRange[] {
  return [...set.v4, ...set.v6];
}

/** The fix that gives a range a new prefix (in place or moved), with its mirrors; `what` completes the title. */
export function resizeFix(ctx: RuleContext, fact: RangeFact, target: { prefix: Prefix; moved: boolean }, noun: string, what: string, preferred = true): Fix[] {
  const text = formatPrefix(target.prefix);
  const edits = rangeEdits(ctx, fact, text);
  if (!edits) return [];
  const files = new Set(edits.map((e) => e.uri)).size;
  const title = `${target.moved ? 'Move' : 'Resize'} ${noun} to ${text} (${what})${files > 1 ? ` in ${files} files` : ''}`;
  return [{ title, edits, ...(preferred ? { isPreferred: true } : {}) }];
}

// ---- arithmetic -----------------------------------------------------------------------------------------

/** The smallest n with 2^n ≥ count (0 for count ≤ 1). */
export function bitsFor(count: bigint): number {
  let n = 0;
  while (1n << BigInt(n) < count) n++;
  return n;
}

export function pow2(bits: number): bigint {
  return 1n << BigInt(bits);
}

/** Node subnets a pool yields with a mask, less those overlapping the entry's service ranges (KCM only). */
export function subnetsWith(entry: NodeSubnetCapacity, poolRange: IpRange, poolBits: number, mask: number): bigint {
  if (mask < poolBits || mask > bitsOf(entry.family)) return 0n;
  const total = pow2(mask - poolBits);
  if (entry.allocator !== 'kube-controller-manager') return total;
  const size = pow2(bitsOf(entry.family) - mask);
  let lost = 0n;
  let lastCounted = -1n;
  const parts = entry.servicesOverlapping.length > 0 ? allServiceRanges(entry) : [];
  for (const part of parts) {
    if (!rangesOverlap(part, poolRange)) continue;
    const first = part.first > poolRange.first ? part.first : poolRange.first;
    const last = part.last < poolRange.last ? part.last : poolRange.last;
    let from = (first - poolRange.first) / size;
    const to = (last - poolRange.first) / size;
    if (from <= lastCounted) from = lastCounted + 1n;
    if (to >= from) lost += to - from + 1n;
    if (to > lastCounted) lastCounted = to;
  }
  return total - lost;
}

function allServiceRanges(entry: NodeSubnetCapacity): IpRange[] {
  return rangeSetRangesOf(rangeSetFrom(entry.servicesOverlapping.map((s) => s.value.range)));
}

/** `1,024 addresses` / `1 address`. */
export function addresses(n: bigint): string {
  return `${formatCount(n)} address${n === 1n ? '' : 'es'}`;
}
