// Rule: duplicate-address — two objects claim one address: two Services with one clusterIP, or two
// Nodes whose podCIDRs overlap.
//
// The API server allocates each ClusterIP once; the second Service is refused with "failed to allocate
// IP …: provided IP is already allocated" (domain-rules.md §1.2). kube-controller-manager hands each
// node its own podCIDR; two nodes with overlapping ranges give two pods one address, and the
// allocator's "failed to mark cidr[…] as occupied" (§3). One object written twice (a base and an
// overlay, the same Service in two files) is one object: objects are told apart by kind, namespace and
// name, so only different objects collide. Duplicates are found by grouping equal addresses and by one
// sort-and-sweep for overlapping node ranges, never by comparing every pair.

import type { Fact, Finding } from '../model';
import { documentKey } from '../model';
import { formatAddr } from '../net/addr';
import type { RangeFact } from '../plan/plan';
import { findOverlaps } from '../net/sweep';
import { FindingCollector, andMore, judgeable, label, labelAt, relation, sharedText } from './overlapConsistency';
import type { Rule, RuleContext } from './rule';

export const duplicateAddress: Rule = {
  id: 'duplicate-address',
  defaultSeverity: 'error',
  description: 'Two Services have one clusterIP, or two Nodes have overlapping podCIDRs.',
  run(ctx) {
    return [...clusterIps(ctx), ...nodeRanges(ctx)];
  },
};

/** Which object a fact belongs to: kind, namespace and name; the document itself when unnamed. */
function objectOf(fact: Fact, nameAttribute?: string): string {
  const name = (nameAttribute && typeof fact.attributes?.[nameAttribute] === 'string' ? (fact.attributes[nameAttribute] as string) : undefined) ?? fact.doc.name;
  if (!name) return documentKey(fact.doc);
  return `${fact.doc.kind}/${fact.doc.namespace ?? 'default'}/${name}`;
}

function objectName(fact: Fact): string {
  return fact.doc.name ? `${fact.doc.kind} ${fact.doc.namespace ? `${fact.doc.namespace}/` : ''}${fact.doc.name}` : fact.doc.kind;
}

const MAX_NAMED = 10;

function clusterIps(ctx: RuleContext): Finding[] {
  const byAddress = new Map<string, RangeFact[]>();
  for (const fact of ctx.plan.rangesOf('cluster-ip')) {
    if (!judgeable(fact) || fact.value.kind !== 'address' || fact.isDefault) continue;
    const key = `${fact.value.range.family}:${fact.value.range.first}`;
    // Appended in place: copying the list for each fact made 50,000 clusterIPs of one address quadratic.
    let same = byAddress.get(key);
    if (!same) byAddress.set(key, (same = []));
    same.push(fact);
  }
  const collector = new FindingCollector();
  for (const facts of byAddress.values()) {
    if (new Set(facts.map((f) => objectOf(f))).size < 2) continue;
    // A value names at most a few others; a thousand Services on one address need no million pairs.
    const named = facts.slice(0, MAX_NAMED + 1);
    for (const self of facts) {
      for (const other of named.filter((f) => objectOf(f) !== objectOf(self))) {
        const address = self.value.kind === 'address' ? formatAddr(self.value.addr) : self.text;
        collector.add(
          { uri: self.doc.uri, span: self.span },
          'cluster-ip',
          'duplicate-address',
          'error',
          {
            name: `${objectName(other)} (${other.source}, ${ctx.locate(other.doc.uri, other.span.start)})`,
            key: objectOf(other),
            related: { uri: other.doc.uri, span: other.span, message: `${objectName(other)} also has clusterIP ${address}` },
          },
          (first, more) => `${label(self)} of ${objectName(self)} is also the clusterIP of ${first.name}${andMore(more)}: the API server refuses the second Service ("provided IP is already allocated")`,
        );
      }
    }
  }
  return collector.findings();
}

/** Node podCIDRs (and CiliumNode podCIDRs, among themselves) that overlap another node's. */
function nodeRanges(ctx: RuleContext): Finding[] {
  const nodes = ctx.plan.rangesOf('node-pod-cidr').filter((f) => judgeable(f) && !f.isDefault && f.attributes?.standalone !== true && f.value.kind === 'prefix');
  const collector = new FindingCollector();
  for (const [a, b] of findOverlaps(nodes, (f) => f.value.range)) {
    if (a.component !== b.component || objectOf(a, 'node') === objectOf(b, 'node')) continue;
    for (const [self, other] of [
      [a, b],
      [b, a],
    ] as const) {
      collector.add(
        { uri: self.doc.uri, span: self.span },
        'node',
        'duplicate-address',
        'error',
        {
          name: `${labelAt(other, ctx)} of ${objectName(other)}`,
          key: objectOf(other, 'node'),
          related: { uri: other.doc.uri, span: other.span, message: `${label(other)} of ${objectName(other)} ${relation(other.value.range, self.value.range)} ${label(self)}` },
        },
        (first, more) => `${label(self)} of ${objectName(self)} ${relation(self.value.range, other.value.range)} ${first.name}${andMore(more)} — ${sharedText(self.value.range, other.value.range)}: two nodes would give pods the same addresses`,
      );
    }
  }
  return collector.findings();
}
