// Rule: pod-network-mismatch — a component's pod range disagrees with the cluster's pod network.
//
// The cluster CIDR (kubeadm podSubnet, kube-controller-manager --cluster-cidr, k3s cluster-cidr, kind
// podSubnet, Cluster API pods) is where kube-controller-manager carves node podCIDRs and what
// kube-proxy treats as pod traffic. CNIs keep their own copy, and nothing makes them agree
// (domain-rules.md §18 C):
//   - Flannel `Network` must contain it (CONS-001, error): with the kube subnet manager flanneld
//     refuses a node whose podCIDR lies outside, "subnet … specified in the flannel net config doesn't
//     contain … PodCIDR of the … node" (kube.go). With etcd it hands out its own subnets: warning.
//   - tigera operator pools must lie inside kubeadm's podSubnet (CONS-002, error): "IPPool %v is not
//     within the platform's configured pod network CIDR(s) %v". The operator reads kubeadm-config, so
//     the error applies where kubeadm runs (kubeadm, kind, Cluster API); elsewhere it is a warning.
//   - Calico IPPools and calico-node's CALICO_IPV4POOL_CIDR should lie inside it (CONS-003, warning):
//     the manifest says it "should fall within --cluster-cidr"; Calico IPAM ignores node podCIDRs.
//     Disabled IPPools are left alone: they are what a migration moves away from.
//   - a Cilium (or Weave) pool outside it (CONS-004, warning): those IPAMs ignore the cluster CIDR, so
//     kube-proxy takes pod traffic for external traffic. Not when Cilium replaces kube-proxy
//     (`kubeProxyReplacement: true`) and the scope shows no kube-proxy configuration: then nothing
//     reads the cluster CIDR as "the pods" (k3s/RKE2 with disable-kube-proxy and Cilium's own pool).
//   - Kube-OVN's default subnet outside it (warning, as Cilium's): Kube-OVN "will take over pod ip
//     allocation" and ignores node podCIDRs (kube-ovn#148); its other subnets and the join subnet are
//     meant to lie elsewhere.
//   - kube-proxy clusterCIDR ≠ podSubnet (CONS-006, warning; kubeadm itself warns).
//   - Cilium's native-routing CIDR must cover the pod range (CONS-005, warning) in native routing mode,
//     or pod-to-pod traffic is masqueraded.
//   - kops' nonMasqueradeCIDR (a native-routing CIDR too: traffic to it is not masqueraded) must contain
//     the Cluster's podCIDR and kubeControllerManager.clusterCIDR (error): kops validation refuses the
//     cluster, "podCIDR … must be a subnet of nonMasqueradeCIDR …".
// When the scope holds several different cluster CIDRs of one family, there is no reference to
// compare with: conflicting-definitions reports that instead. Without any cluster CIDR, kube-proxy's
// clusterCIDR is the reference. Findings sit on both values; the "align" fixes edit either side,
// the other file included.

import type { Fact, Fix, Severity } from '../model';
import type { Family } from '../net/addr';
import { rangeContains } from '../net/prefix';
import { usesKubeSubnetMgr } from '../plan/flannelMode';
import type { AddressPlan, RangeFact } from '../plan/plan';
import { factsByGroup, groupRanges } from '../plan/planIndex';
import { replaceValue } from './perValue';
import { FindingCollector, andMore, canonicalText, factCounterpart, isNetworkFact, label, rangeKey } from './overlapConsistency';
import type { Rule, RuleContext } from './rule';

interface Check {
  readonly id: string;
  readonly severity: Severity;
  /** Message on the component's value, given the reference's name. */
  readonly onComponent: (component: string, reference: string) => string;
  /** Message on the reference's value, given the component's name. */
  readonly onReference: (reference: string, component: string) => string;
  /** Whether a fix may rewrite the reference to the component's value. */
  readonly alignReference: boolean;
}

/** Cluster CIDR sources that kubeadm writes into kubeadm-config, which the tigera operator reads. */
const KUBEADM_BASED = new Set(['kubeadm', 'kind', 'cluster-api']);

export const podNetworkMismatch: Rule = {
  id: 'pod-network-mismatch',
  defaultSeverity: 'error',
  description: "A CNI's or component's pod range disagrees with the cluster CIDR (Flannel Network, Calico pools, Cilium pools, kube-proxy clusterCIDR, native-routing CIDR, kops nonMasqueradeCIDR).",
  run(ctx) {
    const collector = new FindingCollector();
    for (const family of [4, 6] as const) {
      const pods = networks(ctx, 'pod-network', family);
      if (new Set(pods.map((f) => rangeKey(f.value.range))).size > 1) continue;
      const proxies = networks(ctx, 'proxy-cluster-cidr', family);
      const refs = pods.length > 0 ? pods : new Set(proxies.map((f) => rangeKey(f.value.range))).size === 1 ? proxies : [];
      if (refs.length > 0) {
        const kubeProxyRuns = ctx.plan.rangesOf('proxy-cluster-cidr').length > 0;
        for (const pool of networks(ctx, 'cni-pod-pool', family)) {
          const check = poolCheck(ctx.plan, pool, refs);
          if (check === OWN_IPAM && pool.component === 'cilium' && pool.attributes?.kubeProxyReplacement === true && !kubeProxyRuns) continue;
          if (check) pair(ctx, collector, check, pool, refs, true);
        }
        if (pods.length > 0) for (const proxy of proxies) if (rangeKey(proxy.value.range) !== rangeKey(pods[0].value.range)) pair(ctx, collector, PROXY, proxy, pods, true);
      }
      nativeRouting(ctx, collector, family, pods);
    }
    return collector.findings();
  },
};

function networks(ctx: RuleContext, role: Fact['role'], family: Family): RangeFact[] {
  return ctx.plan.rangesOf(role).filter((f) => isNetworkFact(f) && f.value.range.family === family);
}

const CLUSTER_CONSEQUENCE = 'pods would get addresses that kube-proxy and kube-controller-manager do not count as pod addresses';

const FLANNEL_KUBE: Check = {
  id: 'flannel',
  severity: 'error',
  onComponent: (c, r) => `${c} does not contain the cluster CIDR ${r}: flanneld refuses every node whose podCIDR lies outside Network ("subnet … specified in the flannel net config doesn't contain … PodCIDR of the … node")`,
  onReference: (r, c) => `${r} is not inside ${c}: flanneld refuses every node whose podCIDR lies outside its Network`,
  alignReference: true,
};
const FLANNEL_ETCD: Check = {
  id: 'flannel',
  severity: 'warning',
  onComponent: (c, r) => `${c} does not contain the cluster CIDR ${r}: flannel (etcd subnet manager) hands out node subnets outside it, so ${CLUSTER_CONSEQUENCE}`,
  onReference: (r, c) => `${r} is not inside ${c}: flannel hands out node subnets outside the cluster CIDR`,
  alignReference: true,
};
const OPERATOR_KUBEADM: Check = {
  id: 'calico-operator',
  severity: 'error',
  onComponent: (c, r) => `${c} is not inside the cluster CIDR ${r}: the tigera operator rejects it ("IPPool … is not within the platform's configured pod network CIDR(s)")`,
  onReference: (r, c) => `${r} does not contain ${c}: the tigera operator rejects pools outside kubeadm's podSubnet`,
  alignReference: true,
};
const OPERATOR_OTHER: Check = {
  id: 'calico-operator',
  severity: 'warning',
  onComponent: (c, r) => `${c} is not inside the cluster CIDR ${r}: ${CLUSTER_CONSEQUENCE}`,
  onReference: (r, c) => `${r} does not contain ${c}: ${CLUSTER_CONSEQUENCE}`,
  alignReference: true,
};
const CALICO_POOL: Check = {
  id: 'calico',
  severity: 'warning',
  onComponent: (c, r) => `${c} is not inside the cluster CIDR ${r}: Calico IPAM ignores node podCIDRs, so ${CLUSTER_CONSEQUENCE} (calico.yaml: the pool "should fall within --cluster-cidr")`,
  onReference: (r, c) => `${r} does not contain ${c}: Calico IPAM ignores node podCIDRs, so ${CLUSTER_CONSEQUENCE}`,
  alignReference: true,
};
const OWN_IPAM: Check = {
  id: 'own-ipam',
  severity: 'warning',
  onComponent: (c, r) => `${c} is not inside the cluster CIDR ${r}: this IPAM ignores the cluster CIDR, so ${CLUSTER_CONSEQUENCE} (kube-proxy masquerades their traffic)`,
  onReference: (r, c) => `${r} does not contain ${c}: that IPAM ignores the cluster CIDR, so ${CLUSTER_CONSEQUENCE}`,
  alignReference: true,
};
const PROXY: Check = {
  id: 'kube-proxy',
  severity: 'warning',
  onComponent: (c, r) => `${c} differs from the cluster CIDR ${r}: kube-proxy tells pod traffic from external traffic by it (kubeadm warns about a clusterCIDR other than podSubnet)`,
  onReference: (r, c) => `${r} differs from ${c}: kube-proxy tells pod traffic from external traffic by its clusterCIDR`,
  alignReference: false,
};
const NATIVE: Check = {
  id: 'native-routing',
  severity: 'warning',
  onComponent: (c, r) => `${c} does not cover the pod range ${r}: in native routing mode Cilium masquerades traffic to pod addresses outside it`,
  onReference: (r, c) => `${r} is not covered by ${c}: in native routing mode Cilium masquerades traffic to pod addresses outside it`,
  alignReference: false,
};

const KOPS_NON_MASQUERADE: Check = {
  id: 'kops-non-masquerade',
  severity: 'error',
  onComponent: (c, r) => `${c} does not contain the pod range ${r}: kops refuses the cluster ("… must be a subnet of nonMasqueradeCIDR …")`,
  onReference: (r, c) => `${r} is not inside ${c}: kops refuses the cluster ("… must be a subnet of nonMasqueradeCIDR …")`,
  alignReference: false,
};

/** The check a CNI pool fails against the cluster CIDR, if any. */
function poolCheck(plan: AddressPlan, pool: RangeFact, refs: readonly RangeFact[]): Check | undefined {
  const ref = refs[0].value.range;
  const attributes = pool.attributes ?? {};
  switch (pool.component) {
    case 'flannel':
      if (rangeContains(pool.value.range, ref)) return undefined;
      return usesKubeSubnetMgr(plan, pool) ? FLANNEL_KUBE : FLANNEL_ETCD;
    case 'calico-operator':
      if (rangeContains(ref, pool.value.range)) return undefined;
      return refs.some((r) => r.role === 'pod-network' && KUBEADM_BASED.has(r.component)) ? OPERATOR_KUBEADM : OPERATOR_OTHER;
    case 'calico':
    case 'calico-node':
      if (attributes.disabled === true || rangeContains(ref, pool.value.range)) return undefined;
      return CALICO_POOL;
    case 'cilium':
    case 'weave':
      return rangeContains(ref, pool.value.range) ? undefined : OWN_IPAM;
    case 'kube-ovn':
      return attributes.default !== true || rangeContains(ref, pool.value.range) ? undefined : OWN_IPAM;
    default:
      return undefined;
  }
}

/**
 * Cilium's native-routing CIDR must cover the pods: its own cluster pools, else the cluster CIDR.
 * kops' nonMasqueradeCIDR must contain the pod ranges of its own Cluster.
 */
function nativeRouting(ctx: RuleContext, collector: FindingCollector, family: Family, pods: readonly RangeFact[]): void {
  const podsByGroup = factsByGroup(pods);
  for (const native of networks(ctx, 'native-routing-cidr', family)) {
    if (native.component === 'kops') {
      nonMasquerade(ctx, collector, native, podsByGroup.get(native.group) ?? []);
      continue;
    }
    if (native.attributes?.routingMode !== 'native') continue;
    const ownPools = groupRanges(ctx.plan, native.group, 'cni-pod-pool').filter((f) => f.component === 'cilium' && isNetworkFact(f) && f.value.range.family === family);
    const covered = ownPools.length > 0 ? ownPools : new Set(pods.map((f) => rangeKey(f.value.range))).size === 1 ? [...pods] : [];
    const missed = covered.filter((f) => !rangeContains(native.value.range, f.value.range));
    if (missed.length === 0) continue;
    const byRange = new Map<string, RangeFact[]>();
    for (const f of missed) byRange.set(rangeKey(f.value.range), [...(byRange.get(rangeKey(f.value.range)) ?? []), f]);
    for (const group of byRange.values()) pair(ctx, collector, NATIVE, native, group, byRange.size === 1 && ownPools.length <= 1);
  }
}

/** The pod ranges of a kops Cluster (`ownPods`) outside its nonMasqueradeCIDR; the fix sets nonMasqueradeCIDR to the pod range. */
function nonMasquerade(ctx: RuleContext, collector: FindingCollector, nonMasqueradeCidr: RangeFact, ownPods: readonly RangeFact[]): void {
  const outside = ownPods.filter((f) => !rangeContains(nonMasqueradeCidr.value.range, f.value.range));
  if (outside.length > 0) pair(ctx, collector, KOPS_NON_MASQUERADE, nonMasqueradeCidr, outside, true);
}

/**
 * Findings on the component's value and on each reference value (explicit ones; defaults only when
 * nothing explicit states the range), each pointing at the other, with the align fixes.
 */
function pair(ctx: RuleContext, collector: FindingCollector, check: Check, component: RangeFact, refs: readonly RangeFact[], fixComponent: boolean): void {
  const ordered = [...refs].sort((a, b) => Number(a.isDefault) - Number(b.isDefault));
  const reference = ordered[0];
  const placed = ordered.some((r) => !r.isDefault) ? ordered.filter((r) => !r.isDefault) : ordered;
  const fixes = (): Fix[] => [
    ...(fixComponent ? setTo(ctx, [component], reference) : []),
    ...(check.alignReference ? setTo(ctx, placed, component) : []),
  ];
  collector.add(
    { uri: component.doc.uri, span: component.span },
    check.id,
    'pod-network-mismatch',
    check.severity,
    factCounterpart(reference, ctx, `the cluster CIDR ${label(reference)}`),
    (first, more) => check.onComponent(label(component), `${first.name}${andMore(more)}`),
    fixes,
  );
  for (const ref of placed) {
    collector.add(
      { uri: ref.doc.uri, span: ref.span },
      `${check.id}:${component.component}`,
      'pod-network-mismatch',
      check.severity,
      factCounterpart(component, ctx, label(component)),
      (first, more) => check.onReference(label(ref), `${first.name}${andMore(more)}`),
      fixes,
    );
  }
}

/** "Set <field> to <value> (as <other field>)": one fix rewriting every given value, files of both sides included. */
function setTo(ctx: RuleContext, targets: readonly RangeFact[], to: RangeFact): Fix[] {
  const value = canonicalText(to);
  const edits = targets.flatMap((t) => {
    if (canonicalText(t) === value) return [];
    const edit = replaceValue(ctx, t, value);
    return edit ? [edit] : [];
  });
  if (edits.length === 0) return [];
  return [{ title: `Set ${targets[0].source} to ${value} (as ${to.source})`, edits }];
}
