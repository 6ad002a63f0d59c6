// Helpers shared by the overlap and consistency rules (range-overlap, cross-cluster-overlap,
// pod-network-mismatch, address-outside-range, duplicate-address, conflicting-definitions): which
// facts own address space, how a pair of values is worded, and how several counterparts of one value
// fold into one finding on it, with related information pointing at each of them.

import type { Component, Fact, Finding, Fix, RelatedLocation, RuleId, Severity } from '../model';
import type { Family } from '../net/addr';
import { IpRange, formatRange, intersectionSize, rangeContains } from '../net/prefix';
import type { AddressPlan, RangeFact } from '../plan/plan';
import { isRangeFact } from '../plan/plan';
import { baseName, formatCount } from '../text/format';
import { lineIndexOf, positionAt } from '../text/lineIndex';
import type { RuleContext } from './rule';

/** A fact whose value parsed to addresses (not a template, not invalid: those are invalid-cidr's). */
export function judgeable(fact: Fact): fact is RangeFact {
  return isRangeFact(fact);
}

/**
 * NodeLocal DNSCache points kubelets at a link-local address (169.254.20.10 by default) on purpose:
 * a DNS server on every node, not a ClusterIP.
 */
export function isLinkLocal(fact: RangeFact): boolean {
  const { family, first } = fact.value.range;
  return family === 4 ? first >> 16n === 0xa9fen : first >> 118n === 0x3fan;
}

/** A fact whose value is a network (a prefix or an `a-b` range), not a lone address in a CIDR field. */
export function isNetworkFact(fact: Fact): fact is RangeFact {
  return judgeable(fact) && fact.value.kind !== 'address';
}

export function familyOfFact(fact: RangeFact): Family {
  return fact.value.range.family;
}

/** Calico pools of every source (IPPool, operator, calico-node env), workload or LoadBalancer. */
export function isCalicoPool(fact: Fact): boolean {
  return (fact.role === 'cni-pod-pool' || fact.role === 'lb-pool') && (fact.component === 'calico' || fact.component === 'calico-operator' || fact.component === 'calico-node');
}

/** The value as a message names it: the text as written (a range as `first-last`), plus `(source, default)`. */
export function label(fact: Fact): string {
  return `${valueText(fact)} (${fact.source}${fact.isDefault ? ', default' : ''})`;
}

/** `label` plus where the value is written: `10.96.0.0/12 (kubeadm networking.serviceSubnet, kubeadm.yaml:5)`. */
export function labelAt(fact: Fact, ctx: RuleContext): string {
  return `${valueText(fact)} (${fact.source}${fact.isDefault ? ', default' : ''}, ${ctx.locate(fact.doc.uri, fact.span.start)})`;
}

export function valueText(fact: Fact): string {
  if (fact.value.kind === 'range') return formatRange(fact.value.range);
  return fact.text;
}

/** The canonical text of a fact's range (`10.244.0.0/16`), for edits that copy one value into another field. */
export function canonicalText(fact: RangeFact): string {
  return formatRange(fact.value.range);
}

/** How `self` relates to `other`, read from self's side. */
export function relation(self: IpRange, other: IpRange): string {
  const inside = rangeContains(other, self);
  const contains = rangeContains(self, other);
  return inside && contains ? 'is the same range as' : inside ? 'lies inside' : contains ? 'contains' : 'overlaps';
}

export function sharedText(a: IpRange, b: IpRange): string {
  const shared = intersectionSize(a, b);
  return `${formatCount(shared)} address${shared === 1n ? '' : 'es'} shared`;
}

/** `file:line` of an offset in another cluster's plan (ctx.locate only knows this cluster's files). */
export function locateIn(plan: AddressPlan, uri: string, offset: number): string {
  const text = plan.scope.files.find((f) => f.uri === uri)?.text ?? '';
  return `${baseName(uri)}:${positionAt(lineIndexOf(text), offset).line + 1}`;
}

/** One counterpart of a value: what the message says about it, and where it is. */
export interface Counterpart {
  /** The phrase naming the counterpart, e.g. `10.96.0.0/12 (kubeadm networking.serviceSubnet, a.yaml:5)`. */
  readonly name: string;
  /** A key that tells restatements apart: counterparts with equal keys are counted once in "and N more". */
  readonly key: string;
  readonly related?: RelatedLocation;
}

interface Entry {
  /** Identities of the counterparts already added, so a pair found twice is listed once. */
  readonly seen: Set<string>;
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly uri: string;
  readonly span: { readonly start: number; readonly end: number };
  /** Message from the value's side, given its first counterpart and how many distinct others follow. */
  readonly message: (first: Counterpart, more: number) => string;
  readonly counterparts: Counterpart[];
  readonly fixes: () => readonly Fix[];
}

/**
 * Collects the pairs a rule found and folds them into one finding per value and category, so a value
 * that collides with a range restated in three files gets one finding naming the first and counting
 * the rest, with related information on each. Findings come out in the order values were first seen.
 */
export class FindingCollector {
  private readonly entries = new Map<string, Entry>();

  /**
   * Adds a counterpart to the finding of `(fact or location, category)`. `message` and `fixes` are
   * taken from the first call for that key.
   */
  add(
    at: { readonly uri: string; readonly span: { readonly start: number; readonly end: number } },
    category: string,
    rule: RuleId,
    severity: Severity,
    counterpart: Counterpart,
    message: (first: Counterpart, more: number) => string,
    fixes: () => readonly Fix[] = () => [],
  ): void {
    const key = `${at.uri}\u0000${at.span.start}\u0000${at.span.end}\u0000${category}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { seen: new Set(), rule, severity, uri: at.uri, span: at.span, message, counterparts: [], fixes };
      this.entries.set(key, entry);
    }
    const identity = `${counterpart.key}\u0000${counterpart.related?.uri ?? ''}\u0000${counterpart.related?.span.start ?? ''}`;
    if (entry.seen.has(identity)) return;
    entry.seen.add(identity);
    entry.counterparts.push(counterpart);
  }

  findings(): Finding[] {
    return [...this.entries.values()].map((entry) => {
      const first = entry.counterparts[0];
      const more = new Set(entry.counterparts.slice(1).map((c) => c.key).filter((k) => k !== first.key)).size;
      return {
        rule: entry.rule,
        severity: entry.severity,
        message: entry.message(first, more),
        uri: entry.uri,
        span: entry.span,
        related: entry.counterparts.flatMap((c) => (c.related ? [c.related] : [])),
        fixes: entry.fixes(),
      };
    });
  }
}

/** ` (and 2 more)` when a value collides with several distinct counterparts. */
export function andMore(more: number): string {
  return more > 0 ? ` (and ${more} more)` : '';
}

/** A counterpart that is a fact of this cluster. */
export function factCounterpart(fact: RangeFact, ctx: RuleContext, relatedMessage: string): Counterpart {
  return {
    name: labelAt(fact, ctx),
    key: `${fact.value.range.family}:${fact.value.range.first}-${fact.value.range.last}`,
    related: { uri: fact.doc.uri, span: fact.span, message: relatedMessage },
  };
}

const ROLE_ORDER: readonly string[] = ['pod-network', 'service-network', 'cni-pod-pool', 'lb-pool'];

/**
 * Facts in the order their names should come first in a message: the cluster's pod and service
 * networks before CNI pools and load-balancer pools, explicit values before defaults, then file order.
 * The sort is stable, so the result does not depend on anything but the input.
 */
export function byProminence<T>(items: readonly T[], factOf: (item: T) => Fact): T[] {
  const rank = (f: Fact) => {
    const role = ROLE_ORDER.indexOf(f.role);
    return (role < 0 ? ROLE_ORDER.length : role) * 2 + (f.isDefault ? 1 : 0);
  };
  return [...items].sort((a, b) => rank(factOf(a)) - rank(factOf(b)));
}

/** A range key: restatements of one range share it. */
export function rangeKey(range: IpRange): string {
  return `${range.family}:${range.first}-${range.last}`;
}

/**
 * The documents that each define one whole cluster and name it in `metadata.name`, per component: a
 * Cluster API `Cluster`, an eksctl `ClusterConfig`, a kops `Cluster`, a k3d `Simple` config, a k0s
 * `ClusterConfig` or k0sctl `Cluster`, an OpenShift install-config (no kind).
 */
const CLUSTER_DEFINITIONS: ReadonlyMap<Component, ReadonlySet<string>> = new Map([
  ['cluster-api', new Set(['Cluster'])],
  ['eksctl', new Set(['ClusterConfig'])],
  ['kops', new Set(['Cluster'])],
  ['k3d', new Set(['Simple'])],
  ['k0s', new Set(['ClusterConfig', 'Cluster'])],
  ['openshift', new Set([''])],
]);

/** The cluster a fact's document defines and names (component, namespace, name), or undefined. */
function definedCluster(fact: Fact): string | undefined {
  if (!fact.doc.name || fact.doc.item !== undefined || !CLUSTER_DEFINITIONS.get(fact.component)?.has(fact.doc.kind)) return undefined;
  return `${fact.component}\u0000${fact.doc.namespace ?? ''}\u0000${fact.doc.name}`;
}

/**
 * Whether two facts come from documents that define two differently named clusters. A management
 * repository keeps one Cluster API `Cluster` per workload cluster, and installer repositories keep one
 * eksctl or kops config per cluster (or a folder of examples), often side by side in one folder or
 * file: each names its own cluster, so their ranges never meet and are never compared with each other.
 */
export function fromDifferentClusterObjects(a: Fact, b: Fact): boolean {
  const clusterA = definedCluster(a);
  const clusterB = definedCluster(b);
  return clusterA !== undefined && clusterB !== undefined && clusterA !== clusterB;
}
