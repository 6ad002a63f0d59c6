// Rule: conflicting-definitions — one cluster scope states its pod network or service network twice
// with different values.
//
// A cluster has one pod network and one service range per family. When a scope holds two kubeadm
// configs with different podSubnets, a kind config whose kubeadm patch moves the service range away
// from kind's own serviceSubnet (kind keeps using its value elsewhere), a k3s config beside a kubeadm
// config, or a tigera Installation whose serviceCIDRs differ from the apiserver's, at most one of them
// is true; and every other rule then compares values that never meet in one cluster. The usual cause
// is a folder holding several clusters, hence the hint to mark each cluster's root with a
// `.cidr-lens.yaml` (SPEC §2). Warning: nothing in the real projects sees both files.
//
// Calico's BGPConfiguration `serviceClusterIPs` restates the service range for Calico, like the tigera
// Installation's serviceCIDRs: advertising another range than the apiserver's routes traffic for the
// wrong addresses to the nodes and leaves the real ClusterIPs unreachable (domain-rules §18 OVL-008).
//
// Not conflicts: two sources restating one value (kubeadm's podSubnet and the KCM flag it generates);
// ServiceCIDR objects, which add service ranges by design; entries of one list field (wrong-family's
// matter); two Cluster API `Cluster` objects of different names, which are two clusters by definition
// (a management repository). Under `scope: file` each file is its own cluster and may hold alternative
// examples, so only values of one document (kind and its kubeadm patches) are compared.

import type { Fact, Role } from '../model';
import { documentKey } from '../model';
import type { Family } from '../net/addr';
import { MAX_PARTNERS } from '../net/sweep';
import type { RangeFact } from '../plan/plan';
import { FindingCollector, andMore, fromDifferentClusterObjects, isNetworkFact, label, labelAt, rangeKey } from './overlapConsistency';
import type { Rule, RuleContext } from './rule';

const SETTINGS: ReadonlyArray<{ role: Role; name: string }> = [
  { role: 'pod-network', name: 'pod network' },
  { role: 'service-network', name: 'service network' },
];

export const conflictingDefinitions: Rule = {
  id: 'conflicting-definitions',
  defaultSeverity: 'warning',
  description: 'One cluster scope defines its pod or service network twice with different values.',
  run(ctx) {
    const collector = new FindingCollector();
    for (const { role, name } of SETTINGS) {
      const facts = ctx.plan.rangesOf(role).filter((f) => isNetworkFact(f) && !(role === 'service-network' && f.source.startsWith('ServiceCIDR')));
      // Calico advertises the service range it is told (OVL-008): another statement of it.
      if (role === 'service-network') facts.push(...ctx.plan.rangesOf('bgp-advertised').filter((f) => isNetworkFact(f) && f.source.endsWith('spec.serviceClusterIPs')));
      for (const group of groups(ctx, facts)) compare(ctx, collector, group, name);
    }
    return collector.findings();
  },
};

/** The sets of facts that must agree: per family, and per document under `scope: file`. */
function groups(ctx: RuleContext, facts: readonly RangeFact[]): RangeFact[][] {
  const byKey = new Map<string, RangeFact[]>();
  for (const fact of facts) {
    const family: Family = fact.value.range.family;
    const key = ctx.config.scope === 'file' ? `${family}\u0000${documentKey(fact.doc)}` : `${family}`;
    appendTo(byKey, key, fact);
  }
  return [...byKey.values()];
}

/** Appends in place: copying the list for each fact is quadratic in the number of facts. */
function appendTo(map: Map<string, RangeFact[]>, key: string, fact: RangeFact): void {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  list.push(fact);
}

function compare(ctx: RuleContext, collector: FindingCollector, facts: readonly RangeFact[], name: string): void {
  const byValue = new Map<string, RangeFact[]>();
  for (const fact of facts) appendTo(byValue, rangeKey(fact.value.range), fact);
  if (byValue.size < 2) return;
  const values = [...byValue.values()];
  // Each other value is named by its first (explicit, if any) statement.
  const representatives = values.map((list) => [...list].sort((a, b) => Number(a.isDefault) - Number(b.isDefault))[0]);
  for (const [index, own] of values.entries()) {
    const others = firstOthers(representatives, index);
    for (const self of own) {
      for (const other of others) {
        if (sameField(self, other) || fromDifferentClusterObjects(self, other)) continue;
        collector.add(
          { uri: self.doc.uri, span: self.span },
          name,
          'conflicting-definitions',
          'warning',
          { name: labelAt(other, ctx), key: rangeKey(other.value.range), related: { uri: other.doc.uri, span: other.span, message: `${label(other)} is another ${name} of this cluster` } },
          (first, more) => `the ${name} is defined twice with different values: ${label(self)} here, ${first.name}${andMore(more)} — ${hint(self, other, name)}`,
        );
      }
    }
  }
}

/**
 * The representatives of up to MAX_PARTNERS values other than the one at `index`: a file of thousands
 * of different values names a few dozen of them on each, not every other one (millions of pairs).
 */
function firstOthers(representatives: readonly RangeFact[], index: number): RangeFact[] {
  const others: RangeFact[] = [];
  for (let i = 0; i < representatives.length && others.length < MAX_PARTNERS; i++) if (i !== index) others.push(representatives[i]);
  return others;
}

/** What to do about it: one document states the value twice; files of one scope may be two clusters. */
function hint(self: Fact, other: Fact, name: string): string {
  if (documentKey(self.doc) === documentKey(other.doc)) {
    const kind = [self, other].find((f) => f.component === 'kind');
    const patch = [self, other].find((f) => f.component === 'kubeadm');
    if (kind && patch) {
      return `kind merges its kubeadmConfigPatches over its own config, so the cluster gets ${patch.text} while kind itself keeps using ${kind.text}; set ${kind.source} instead of patching it`;
    }
    return `one cluster has one ${name}; state it once`;
  }
  return `one cluster has one ${name}; if these files describe different clusters, add a .cidr-lens.yaml at each cluster's root`;
}

/** Elements of one list field (`a,b` in one value) are wrong-family's matter, not two definitions. */
function sameField(a: Fact, b: Fact): boolean {
  return a.doc.uri === b.doc.uri && a.doc.index === b.doc.index && a.group === b.group && a.source === b.source && a.list !== undefined && b.list !== undefined;
}
