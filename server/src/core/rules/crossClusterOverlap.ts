// Rule: cross-cluster-overlap — a pod or service range of this cluster overlaps one of a cluster listed
// in `connectedClusters`.
//
// Peered, meshed or VPN-linked clusters route each other's pod and Service addresses (Cilium
// ClusterMesh, Submariner, a site-to-site VPN): an address that exists in both clusters is reachable in
// neither (domain-rules.md §18 OVL-009, warning: nothing rejects it, traffic just goes to the wrong
// side). Each connected cluster is another scope, so it is its own analysis that reports on its
// values; here the finding sits on this cluster's value, pointing at the other cluster's, with
// "Move to" fixes that avoid both clusters.

import type { Role } from '../model';
import type { RangeFact } from '../plan/plan';
import { findOverlapsBetween } from '../net/sweep';
import { moveFixes } from './freeSubnetFixes';
import { FindingCollector, andMore, byProminence, isNetworkFact, label, locateIn, rangeKey, relation, sharedText, valueText } from './overlapConsistency';
import type { Rule } from './rule';

/** Pod and service ranges: what a peered cluster routes to. */
const ROLES: ReadonlySet<Role> = new Set<Role>(['pod-network', 'cni-pod-pool', 'service-network']);

export const crossClusterOverlap: Rule = {
  id: 'cross-cluster-overlap',
  defaultSeverity: 'warning',
  description: 'A pod or service range overlaps a pod or service range of a cluster listed in connectedClusters.',
  run(ctx) {
    if (ctx.connected.length === 0) return [];
    const ours = ctx.plan.facts.filter((f): f is RangeFact => ROLES.has(f.role) && isNetworkFact(f));
    const theirs = byProminence(
      ctx.connected.flatMap((plan) => plan.facts.filter((f): f is RangeFact => ROLES.has(f.role) && isNetworkFact(f)).map((fact) => ({ fact, plan }))),
      (t) => t.fact,
    );
    const collector = new FindingCollector();
    for (const [self, other] of findOverlapsBetween(ours, (f) => f.value.range, theirs, (t) => t.fact.value.range)) {
      const cluster = other.plan.scope.name;
      const where = `${other.fact.source}${other.fact.isDefault ? ', default' : ''}, ${locateIn(other.plan, other.fact.doc.uri, other.fact.span.start)}`;
      collector.add(
        { uri: self.doc.uri, span: self.span },
        `cross:${other.plan.scope.id}`,
        'cross-cluster-overlap',
        'warning',
        {
          name: `${valueText(other.fact)} (${where}) of connected cluster ${cluster}`,
          key: rangeKey(other.fact.value.range),
          related: { uri: other.fact.doc.uri, span: other.fact.span, message: `${label(other.fact)} of cluster ${cluster} ${relation(other.fact.value.range, self.value.range)} ${label(self)}` },
        },
        (first, more) =>
          `${label(self)} ${relation(self.value.range, other.fact.value.range)} ${first.name}${andMore(more)} — ${sharedText(self.value.range, other.fact.value.range)}: connected clusters route each other's pod and Service addresses, so these would be ambiguous`,
        () => moveFixes(ctx, self),
      );
    }
    return collector.findings();
  },
};
