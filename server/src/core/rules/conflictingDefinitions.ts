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
// The cluster DNS address is stated twice too: by the kubelet (clusterDNS, --cluster-dns, k3s
// cluster-dns and its default) and by the DNS Service's ClusterIP (`kube-dns`, `coredns` or RKE2's
// `rke2-coredns-rke2-coredns` in kube-system, or the CoreDNS chart's `service.clusterIP`). The
// kubelet writes its value into every pod's resolv.conf and checks nothing, so a value the DNS
// Service does not have leaves every pod without name resolution (warning, as CONS-008). A link-local clusterDNS is NodeLocal DNSCache's node-local
// address, which differs from the Service on purpose.
//
// Not conflicts: two sources restating one value (kubeadm's podSubnet and the KCM flag it generates);
// ServiceCIDR objects, which add service ranges by design; entries of one list field (wrong-family's
// matter); two whole-cluster definitions of different names (Cluster API `Cluster`s of a management
// repository, a folder of eksctl or kops examples), which are two clusters by definition. Under `scope: file` each file is its own cluster and may hold alternative
// examples, so only values of one document (kind and its kubeadm patches) are compared.

import type { Fact, Role } from '../model';
import { documentKey } from '../model';
import type { Family } from '../net/addr';
import { MAX_PARTNERS } from '../net/sweep';
import type { RangeFact } from '../plan/plan';
import { FindingCollector, andMore, fromDifferentClusterObjects, isLinkLocal, isNetworkFact, judgeable, label, labelAt, rangeKey } from './overlapConsistency';
import { at } from './sizeCapacityReport';
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
    clusterDnsMismatch(ctx, collector);
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

/** The names the cluster DNS Service has in kubeadm, k3s, kubespray (coredns) and RKE2 clusters. */
const DNS_SERVICE_NAMES = new Set(['kube-dns', 'coredns', 'rke2-coredns-rke2-coredns']);

function isDnsService(fact: Fact): boolean {
  if (fact.attributes?.dnsService === true) return true;
  return fact.doc.kind === 'Service' && DNS_SERVICE_NAMES.has(fact.doc.name ?? '') && (fact.doc.namespace ?? 'kube-system') === 'kube-system';
}

/** Each kubelet cluster DNS address that is none of the DNS Service's ClusterIPs of its family, and that Service. */
function clusterDnsMismatch(ctx: RuleContext, collector: FindingCollector): void {
  const services = ctx.plan.rangesOf('cluster-ip').filter((f) => judgeable(f) && f.value.kind === 'address' && isDnsService(f));
  if (services.length === 0) return;
  const kubelets = ctx.plan.rangesOf('cluster-dns').filter((f) => judgeable(f) && f.value.kind === 'address' && !isLinkLocal(f));
  const name = 'cluster DNS address';
  for (const kubelet of kubelets) {
    const family = kubelet.value.range.family;
    const ofFamily = services.filter((s) => s.value.range.family === family && (ctx.config.scope !== 'file' || documentKey(s.doc) === documentKey(kubelet.doc)));
    if (ofFamily.length === 0 || ofFamily.some((s) => rangeKey(s.value.range) === rangeKey(kubelet.value.range))) continue;
    const service = ofFamily[0];
    const serviceName = `the ${service.doc.kind === 'Service' ? service.doc.name : 'cluster DNS'} Service's ClusterIP ${service.text} (${at(ctx, service)})`;
    collector.add(
      { uri: kubelet.doc.uri, span: kubelet.span },
      name,
      'conflicting-definitions',
      'warning',
      { name: serviceName, key: rangeKey(service.value.range), related: { uri: service.doc.uri, span: service.span, message: 'the DNS Service pods must be sent to' } },
      (first) => `${label(kubelet)} is the DNS server the kubelet writes into every pod's resolv.conf, but the cluster DNS is ${first.name}: pods would ask an address no DNS server answers on — set it to ${service.text}`,
    );
    collector.add(
      { uri: service.doc.uri, span: service.span },
      name,
      'conflicting-definitions',
      'warning',
      { name: labelAt(kubelet, ctx), key: rangeKey(kubelet.value.range), related: { uri: kubelet.doc.uri, span: kubelet.span, message: 'the DNS address the kubelet gives pods' } },
      (first, more) => `${label(service)} is the cluster DNS Service, but the kubelet sends pods to ${first.name}${andMore(more)}: pods would resolve nothing`,
    );
  }
}

/** Elements of one list field (`a,b` in one value) are wrong-family's matter, not two definitions. */
function sameField(a: Fact, b: Fact): boolean {
  return a.doc.uri === b.doc.uri && a.doc.index === b.doc.index && a.group === b.group && a.source === b.source && a.list !== undefined && b.list !== undefined;
}
