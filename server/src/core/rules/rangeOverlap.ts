// Rule: range-overlap — two ranges of one cluster that must be disjoint intersect.
//
// The pod network and the service network must never share an address: kube-controller-manager
// silently drops node blocks that touch the service range, and IPAMs that ignore node podCIDRs
// (Calico, Cilium cluster-pool) hand out pod IPs equal to ClusterIPs (domain-rules.md §18 OVL-001).

import type { Fact, Finding } from '../model';
import { intersectionSize, rangeContains } from '../net/prefix';
import { findOverlaps } from '../net/sweep';
import type { RangeFact } from '../plan/plan';
import { formatCount } from '../text/format';
import { describeAt, pairFindings } from './report';
import type { Rule, RuleContext } from './rule';

export const rangeOverlap: Rule = {
  id: 'range-overlap',
  defaultSeverity: 'error',
  description: 'Two ranges of one cluster that must be disjoint (pod, service, pool, load-balancer, external and node networks) intersect.',
  run(ctx) {
    const pods = ctx.plan.rangesOf('pod-network').filter(isNetwork);
    const services = ctx.plan.rangesOf('service-network').filter(isNetwork);
    const tagged = [...pods.map((f) => ({ f, side: 'pod' as const })), ...services.map((f) => ({ f, side: 'service' as const }))];
    const findings: Finding[] = [];
    for (const [a, b] of findOverlaps(tagged, (t) => t.f.value.range)) {
      if (a.side === b.side) continue;
      findings.push(...pairFindings(a.f, b.f, 'range-overlap', 'error', (self, other) => overlapMessage(self as RangeFact, other as RangeFact, ctx)));
    }
    return findings;
  },
};

function isNetwork(fact: RangeFact): boolean {
  return fact.value.kind !== 'address';
}

export function overlapMessage(self: RangeFact, other: RangeFact, ctx: RuleContext): string {
  const shared = formatCount(intersectionSize(self.value.range, other.value.range));
  const relation = rangeContains(other.value.range, self.value.range)
    ? rangeContains(self.value.range, other.value.range)
      ? 'is the same range as'
      : 'lies inside'
    : rangeContains(self.value.range, other.value.range)
      ? 'contains'
      : 'overlaps';
  return `${selfLabel(self)} ${relation} ${describeAt(other, ctx)} — ${shared} addresses shared`;
}

function selfLabel(fact: Fact): string {
  return `${fact.text || fact.value.kind} (${fact.source}${fact.isDefault ? ', default' : ''})`;
}
