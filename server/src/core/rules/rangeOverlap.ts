// Rule: range-overlap — two ranges of one cluster that must be disjoint intersect.
//
// Every address of a cluster has one owner. The real projects enforce that only piecemeal, and often
// only after the cluster is up (domain-rules.md §18 D, E):
//   - pod vs service network (OVL-001, error): kube-controller-manager silently drops node subnets that
//     touch the service range, and IPAMs that ignore node podCIDRs (Calico, Cilium cluster-pool) hand
//     out pod IPs equal to ClusterIPs — "this usually breaks the cluster utterly" (Cilium PR #31504);
//   - Calico pool vs Calico pool (OVL-002, error): `IPPool(%s) CIDR overlaps with IPPool(%s) CIDR %s`
//     on create; disabled pools count too, since they keep the addresses already handed out;
//   - MetalLB addresses within or across pools (OVL-003, error): the webhook rejects
//     `CIDR %q in pool %q overlaps with already defined CIDR %q`;
//   - Kube-OVN subnets of one VPC and VLAN, the join subnet included (error): the controller refuses
//     the later one, "subnet … cidr … is conflict with subnet … cidr …" (checkSubnetConflict), and stops
//     on start when its own default, join and service CIDRs overlap (CheckSystemCIDR);
//   - Cilium LB-IPAM blocks (OVL-004, warning): accepted, but the pool gets `cilium.io/PoolConflict`
//     and allocates nothing;
//   - load-balancer pools vs pod/service ranges or each other (OVL-005, warning): one address, two owners;
//   - any of them vs a configured `externalNetworks` entry (error: the user declared it off limits) or
//     `nodeNetworks` entry (warning, HOST-006). Load-balancer pools are not checked against node
//     networks: MetalLB's and Cilium's L2 modes need their pools inside the nodes' LAN;
//   - pod or service ranges vs a node network that a source states (`node-network` facts: OpenShift
//     machineNetwork, a kops or eksctl VPC and its subnets, Talos validSubnets): a warning as HOST-006,
//     an error when the installer itself refuses the overlap (the fact's attribute `overlap: 'rejected'`,
//     e.g. openshift-install's "must not overlap with machineNetwork"). Node networks never collide with
//     one another: a VPC contains its subnets.
//   - a CNI's internal network (`internal-network` facts: OVN-Kubernetes' join, transit and masquerade
//     subnets, Kube-OVN's join subnet) vs any pod, service or node range, or another internal network
//     (error): every node routes the internal range to the CNI's own switches, so an address in it is
//     unreachable from the pods ("must not overlap with any other subnet … including the node network",
//     OpenShift's install-config docs); vs a load-balancer pool (warning), and vs `externalNetworks`
//     and `nodeNetworks` entries like any owned range. The finding lands on both values; the internal
//     side gets no move (it is usually a default, set where the CNI is configured).
//   - a node's own address (`node-address` facts that are single addresses: kubeadm advertiseAddress,
//     Node InternalIP/ExternalIP, installer inventory hosts, an API endpoint VIP) inside a load-balancer
//     pool (warning: MetalLB, Cilium LB-IPAM and kube-vip accept it, then may hand the node's address to
//     a Service, and the ARP/NDP conflict takes the node off its network) or inside the pod or service
//     range (warning, as HOST-006: traffic to the node is routed into the cluster network). Address
//     ranges of nodes (autodetection CIDRs) are networks, which L2 pools belong in, so they are left out.
// Ranges that restate one another are not overlaps: a kubeadm podSubnet and the Flannel Network or
// Calico pool inside it are one pod network (pod-network-mismatch judges whether they agree), and a
// calico-node `CALICO_IPV4POOL_CIDR` only creates a pool when none exists, so it never coexists with
// an IPPool. Pairs are found with one sort-and-sweep (net/sweep.ts); each value gets one finding per
// kind of collision, naming the other side with its location, with related information on each.

import type { Fact, Severity } from '../model';
import { documentKey } from '../model';
import type { NamedNetwork } from '../plan/config';
import { describeImported } from '../ipam/describe';
import type { RangeFact } from '../plan/plan';
import { rangeContains } from '../net/prefix';
import { findOverlaps, findOverlapsBetween } from '../net/sweep';
import { moveFixes } from './freeSubnetFixes';
import { Counterpart, FindingCollector, andMore, byProminence, factCounterpart, fromDifferentClusterObjects, isCalicoPool, isNetworkFact, judgeable, label, rangeKey, relation, sharedText } from './overlapConsistency';
import type { Rule, RuleContext } from './rule';

type Domain = 'pod' | 'service' | 'lb' | 'node' | 'internal' | 'host';

interface Owned {
  readonly fact: RangeFact;
  readonly domain: Domain;
}

interface Category {
  readonly id: string;
  readonly severity: Severity;
  /** What the collision means, after the shared-address count. */
  readonly consequence: string;
  /** Whether the value on this side gets "Move to" fixes. */
  readonly moveSelf: boolean;
}

export const rangeOverlap: Rule = {
  id: 'range-overlap',
  defaultSeverity: 'error',
  description: 'Two ranges of one cluster that must be disjoint (pod, service, pool, load-balancer, external and node networks) intersect.',
  run(ctx) {
    const owned = ownedRanges(ctx);
    const collector = new FindingCollector();
    for (const [a, b] of findOverlaps(owned, (o) => o.fact.value.range)) {
      const categories = classify(a, b);
      if (!categories) continue;
      report(ctx, collector, a.fact, b.fact, categories[0]);
      report(ctx, collector, b.fact, a.fact, categories[1]);
    }
    reportNetworks(ctx, collector, owned.filter((o) => o.domain !== 'node' && o.domain !== 'host'), ctx.config.externalNetworks, 'external');
    reportNetworks(
      ctx,
      collector,
      owned.filter((o) => o.domain !== 'lb' && o.domain !== 'node' && o.domain !== 'host'),
      ctx.config.nodeNetworks,
      'node',
    );
    return collector.findings();
  },
};

/** The ranges the cluster owns: its pod network and CNI pod pools, service ranges, load-balancer pools, and the node networks its sources state. */
function ownedRanges(ctx: RuleContext): Owned[] {
  const owned: Owned[] = [];
  const movedInternal = writtenInternalNetworks(ctx);
  for (const fact of ctx.plan.facts) {
    if (fact.role === 'internal-network' && fact.isDefault && movedInternal.has(internalKey(fact))) continue;
    if ((fact.role === 'pod-network' || fact.role === 'cni-pod-pool') && isNetworkFact(fact)) owned.push({ fact, domain: 'pod' });
    else if (fact.role === 'service-network' && isNetworkFact(fact)) owned.push({ fact, domain: 'service' });
    else if (fact.role === 'lb-pool' && judgeable(fact)) owned.push({ fact, domain: 'lb' });
    else if (fact.role === 'node-network' && isNetworkFact(fact)) owned.push({ fact, domain: 'node' });
    else if (fact.role === 'internal-network' && isNetworkFact(fact)) owned.push({ fact, domain: 'internal' });
    else if (fact.role === 'node-address' && judgeable(fact) && fact.value.kind === 'address') owned.push({ fact, domain: 'host' });
  }
  return byProminence(owned, (o) => o.fact);
}

const POD_SERVICE: Category = { id: 'pod-service', severity: 'error', consequence: 'pod and Service addresses must never overlap', moveSelf: true };
const CALICO: Category = { id: 'calico', severity: 'error', consequence: 'Calico rejects overlapping IP pools ("IPPool CIDR overlaps with IPPool CIDR")', moveSelf: true };
const METALLB: Category = { id: 'metallb', severity: 'error', consequence: 'MetalLB rejects the pool ("overlaps with already defined CIDR")', moveSelf: true };
const KUBE_OVN: Category = { id: 'kube-ovn', severity: 'error', consequence: 'Kube-OVN refuses overlapping subnets of one VPC ("subnet … cidr … is conflict with subnet … cidr …")', moveSelf: true };
const CILIUM_LB: Category = { id: 'cilium-lb', severity: 'warning', consequence: 'Cilium marks the pool cilium.io/PoolConflict and allocates nothing from it', moveSelf: true };
const LB_LB: Category = { id: 'lb-lb', severity: 'warning', consequence: 'two load-balancer IPAMs could hand out the same address', moveSelf: true };
const LB_VS_POD: Category = { id: 'lb-pod', severity: 'warning', consequence: 'a load-balancer address could equal a pod IP', moveSelf: true };
const LB_VS_SERVICE: Category = { id: 'lb-service', severity: 'warning', consequence: 'a load-balancer address could equal a Service ClusterIP', moveSelf: true };
const POD_VS_LB: Category = { id: 'pod-lb', severity: 'warning', consequence: 'a pod IP could equal a load-balancer address', moveSelf: false };
const NODE_CONSEQUENCE = "the nodes' own addresses would collide with the cluster's";
const POD_VS_NODE: Category = { id: 'node', severity: 'warning', consequence: NODE_CONSEQUENCE, moveSelf: true };
const POD_VS_NODE_REJECTED: Category = { ...POD_VS_NODE, severity: 'error', consequence: `${NODE_CONSEQUENCE}, and the installer refuses it` };
const NODE_VS_POD: Category = { ...POD_VS_NODE, moveSelf: false };
const NODE_VS_POD_REJECTED: Category = { ...POD_VS_NODE_REJECTED, moveSelf: false };
const INTERNAL_CONSEQUENCE = "the CNI routes its internal network to its own switches on every node, so these addresses would be unreachable";
const VS_INTERNAL: Category = { id: 'internal', severity: 'error', consequence: INTERNAL_CONSEQUENCE, moveSelf: true };
const INTERNAL_VS: Category = { ...VS_INTERNAL, moveSelf: false };
const NODE_VS_INTERNAL: Category = { ...VS_INTERNAL, moveSelf: false };
const LB_VS_INTERNAL: Category = { ...VS_INTERNAL, severity: 'warning' };
const INTERNAL_VS_LB: Category = { ...LB_VS_INTERNAL, moveSelf: false };
const HOST_IN_LB: Category = { id: 'host-lb', severity: 'warning', consequence: "the load-balancer IPAM could hand the node's own address to a Service, and the ARP/NDP conflict would take the node off its network", moveSelf: false };
const LB_HOLDS_HOST: Category = { ...HOST_IN_LB, id: 'lb-host' };
const HOST_IN_CLUSTER: Category = { id: 'host-cluster', severity: 'warning', consequence: 'traffic to the node would be routed into the cluster network, and a pod IP or ClusterIP could equal its address', moveSelf: false };
const CLUSTER_HOLDS_HOST: Category = { ...HOST_IN_CLUSTER, id: 'cluster-host', moveSelf: true };
const SERVICE_VS_LB: Category = { id: 'service-lb', severity: 'warning', consequence: 'a Service ClusterIP could equal a load-balancer address', moveSelf: false };

/** The category of a pair, from each side, or undefined when the two may share addresses. */
function classify(a: Owned, b: Owned): [Category, Category] | undefined {
  const [fa, fb] = [a.fact, b.fact];
  if (isRestatement(fa, fb) || fromDifferentClusterObjects(fa, fb)) return undefined;
  if (isCalicoPool(fa) && isCalicoPool(fb)) {
    const [ka, kb] = [fa.attributes?.calico, fb.attributes?.calico];
    // calico-node creates its env pool only when no pool of that family exists.
    if (ka === 'env' || kb === 'env') return undefined;
    // An IPPool manifest of the operator's own pool states one pool twice.
    if (ka !== kb && rangeKey(fa.value.range) === rangeKey(fb.value.range)) return undefined;
    return [CALICO, CALICO];
  }
  if (isKubeOvnSubnet(fa) && isKubeOvnSubnet(fb)) return sameKubeOvnSwitch(fa, fb) ? [KUBE_OVN, KUBE_OVN] : undefined;
  if (a.domain === 'internal' || b.domain === 'internal') return internalCategories(a, b);
  if (a.domain === 'host' || b.domain === 'host') return hostCategories(a, b);
  if (a.domain === 'node' || b.domain === 'node') return nodeCategories(a, b);
  if (a.domain === 'lb' && b.domain === 'lb') {
    const [la, lb] = [fa.attributes?.lb, fb.attributes?.lb];
    if (la === 'metallb' && lb === 'metallb') {
      // The legacy ConfigMap is ignored once IPAddressPool resources exist: a copy is not a second pool.
      if (fa.source !== fb.source && rangeKey(fa.value.range) === rangeKey(fb.value.range)) return undefined;
      return [METALLB, METALLB];
    }
    if (la === 'cilium' && lb === 'cilium') return [CILIUM_LB, CILIUM_LB];
    return [LB_LB, LB_LB];
  }
  const pair = `${a.domain}-${b.domain}`;
  switch (pair) {
    case 'pod-service':
    case 'service-pod':
      return [POD_SERVICE, POD_SERVICE];
    case 'lb-pod':
      return [LB_VS_POD, POD_VS_LB];
    case 'pod-lb':
      return [POD_VS_LB, LB_VS_POD];
    case 'lb-service':
      return [LB_VS_SERVICE, SERVICE_VS_LB];
    case 'service-lb':
      return [SERVICE_VS_LB, LB_VS_SERVICE];
    default:
      return undefined;
  }
}

function isKubeOvnSubnet(fact: Fact): boolean {
  return fact.component === 'kube-ovn' && (fact.role === 'cni-pod-pool' || fact.role === 'internal-network');
}

/**
 * Whether two Kube-OVN subnets must be disjoint: two subnets (by name) of one VPC and VLAN. One name
 * is one subnet stated twice, e.g. the controller's --default-cidr and the `ovn-default` Subnet it creates.
 */
function sameKubeOvnSwitch(a: Fact, b: Fact): boolean {
  const attribute = (f: Fact, key: string) => f.attributes?.[key] ?? '';
  return attribute(a, 'subnet') !== attribute(b, 'subnet') && attribute(a, 'vpc') === attribute(b, 'vpc') && attribute(a, 'vlan') === attribute(b, 'vlan');
}

/**
 * A node's own address against a load-balancer pool, or a pod or service range, from each side. Two
 * node addresses are duplicate-address's matter, and a node address belongs in its node network.
 */
function hostCategories(a: Owned, b: Owned): [Category, Category] | undefined {
  const [host, other] = a.domain === 'host' ? [a, b] : [b, a];
  let pair: [Category, Category] | undefined;
  if (other.domain === 'lb') pair = [HOST_IN_LB, LB_HOLDS_HOST];
  // An interface address written with its subnet (`10.244.10.21/24`) is a node network too, whose own
  // collision with the pod or service range says the same thing once.
  else if ((other.domain === 'pod' || other.domain === 'service') && host.fact.attributes?.withSubnet !== true) pair = [HOST_IN_CLUSTER, CLUSTER_HOLDS_HOST];
  if (!pair || host === other) return undefined;
  return a.domain === 'host' ? pair : [pair[1], pair[0]];
}

/**
 * A node network against a pod or service range, from each side. Node networks nest (a VPC and its
 * subnets) and hold load-balancer pools (L2 mode), so those pairs are no collision.
 */
function nodeCategories(a: Owned, b: Owned): [Category, Category] | undefined {
  if (a.domain === 'node' && b.domain === 'node') return undefined;
  if (a.domain === 'lb' || b.domain === 'lb') return undefined;
  const node = a.domain === 'node' ? a.fact : b.fact;
  const other = a.domain === 'node' ? b.fact : a.fact;
  // A filter the node's address is picked from (Talos validSubnets) may span the pod and service
  // ranges carved from the same site prefix: only a filter inside a cluster range picks a colliding address.
  if (node.attributes?.selectsNodeAddress === true && 'range' in node.value && 'range' in other.value && rangeContains(node.value.range, other.value.range) && rangeKey(node.value.range) !== rangeKey(other.value.range)) return undefined;
  const rejected = node.attributes?.overlap === 'rejected';
  const [clusterSide, nodeSide] = rejected ? [POD_VS_NODE_REJECTED, NODE_VS_POD_REJECTED] : [POD_VS_NODE, NODE_VS_POD];
  return a.domain === 'node' ? [nodeSide, clusterSide] : [clusterSide, nodeSide];
}

/** Which internal network of which family a fact states: `ovn-join/4`. */
function internalKey(fact: Fact): string {
  return `${fact.attributes?.internal ?? fact.source}/${'range' in fact.value ? fact.value.range.family : ''}`;
}

/** The internal networks the scope writes: a written one replaces the default of its kind (the operator object moves OVN's join subnet). */
function writtenInternalNetworks(ctx: RuleContext): Set<string> {
  return new Set(ctx.plan.facts.filter((f) => f.role === 'internal-network' && !f.isDefault && isNetworkFact(f)).map(internalKey));
}

/** A CNI's internal network against any other range, from each side; one internal network stated twice is no collision. */
function internalCategories(a: Owned, b: Owned): [Category, Category] | undefined {
  if (a.domain === 'internal' && b.domain === 'internal' && internalKey(a.fact) === internalKey(b.fact)) return undefined;
  const other = a.domain === 'internal' ? b : a;
  const [internalSide, otherSide] =
    other.domain === 'lb' ? [INTERNAL_VS_LB, LB_VS_INTERNAL] : other.domain === 'node' || other.domain === 'internal' || other.domain === 'host' ? [INTERNAL_VS, NODE_VS_INTERNAL] : [INTERNAL_VS, VS_INTERNAL];
  return a.domain === 'internal' ? [internalSide, otherSide] : [otherSide, internalSide];
}

/**
 * One object written in two documents (a kustomize base and its overlay, a chart's values.yaml and
 * values-prod.yaml): the same field, the same range, and the same object name, or no name at all.
 */
function isRestatement(a: RangeFact, b: RangeFact): boolean {
  if (documentKey(a.doc) === documentKey(b.doc)) return false;
  // A cluster has one tigera Installation and one legacy MetalLB `config` ConfigMap: two documents of
  // either are alternatives (a CR and its chart values, two environments), never two sets of pools.
  if (a.component === b.component && (isSingleton(a) || isSingleton(b))) return true;
  if (a.source !== b.source) return false;
  const identity = (f: Fact) => `${f.doc.kind}/${f.doc.namespace ?? ''}/${f.doc.name ?? ''}/${f.attributes?.pool ?? ''}`;
  if (identity(a) !== identity(b)) return false;
  // A named object written in two documents is one object in two versions (a kustomize overlay that
  // patches the base's pool, one file per environment): the API server holds one of them at a time,
  // so their values are alternatives, even when the overlay changed them.
  if (a.doc.kind !== '' && a.doc.name) return true;
  return rangeKey(a.value.range) === rangeKey(b.value.range);
}

function isSingleton(fact: Fact): boolean {
  return fact.component === 'calico-operator' || fact.source.startsWith('MetalLB config ');
}

function selfText(fact: Fact): string {
  return label(fact);
}

function report(ctx: RuleContext, collector: FindingCollector, self: RangeFact, other: RangeFact, category: Category): void {
  const counterpart = factCounterpart(other, ctx, `${label(other)} ${relation(other.value.range, self.value.range)} ${label(self)}`);
  collector.add(
    { uri: self.doc.uri, span: self.span },
    category.id,
    'range-overlap',
    category.severity,
    counterpart,
    (first, more) => `${selfText(self)} ${relation(self.value.range, other.value.range)} ${first.name}${andMore(more)} — ${sharedText(self.value.range, other.value.range)}: ${category.consequence}`,
    () => (category.moveSelf ? moveFixes(ctx, self) : []),
  );
}

/** Collisions with `.cidr-lens.yaml` networks: on the workspace value, and on the config value when it is written in a config file. */
function reportNetworks(ctx: RuleContext, collector: FindingCollector, owned: readonly Owned[], networks: readonly NamedNetwork[], kind: 'external' | 'node'): void {
  if (networks.length === 0) return;
  const severity: Severity = kind === 'external' ? 'error' : 'warning';
  const consequence = kind === 'external' ? 'the cluster would capture traffic meant for that network' : NODE_CONSEQUENCE;
  const key = kind === 'external' ? 'externalNetworks' : 'nodeNetworks';
  for (const [o, network] of findOverlapsBetween(owned, (x) => x.fact.value.range, networks, (n) => n.range)) {
    const self = o.fact;
    const where = network.location ? `, ${ctx.locate(network.location.uri, network.location.span.start)}` : '';
    const what = network.imported ? describeImported(network.imported) : `${key} "${network.name}"`;
    const networkName = `${network.text} (${what}${where})`;
    const networkCounterpart: Counterpart = {
      name: networkName,
      key: `${kind}:${rangeKey(network.range)}:${network.name}`,
      ...(network.location ? { related: { uri: network.location.uri, span: network.location.span, message: `${what} ${relation(network.range, self.value.range)} ${label(self)}` } } : {}),
    };
    collector.add(
      { uri: self.doc.uri, span: self.span },
      kind,
      'range-overlap',
      severity,
      networkCounterpart,
      (first, more) => `${label(self)} ${relation(self.value.range, network.range)} ${first.name}${andMore(more)} — ${sharedText(self.value.range, network.range)}: ${consequence}`,
      () => moveFixes(ctx, self),
    );
    if (network.location) {
      collector.add(
        network.location,
        kind,
        'range-overlap',
        severity,
        factCounterpart(self, ctx, `${label(self)} ${relation(self.value.range, network.range)} ${what}`),
        (first, more) => `${network.text} (${what}) ${relation(network.range, self.value.range)} ${first.name}${andMore(more)} — ${sharedText(network.range, self.value.range)}: ${consequence}`,
      );
    }
  }
}
