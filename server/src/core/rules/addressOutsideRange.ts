// Rule: address-outside-range — an address or allocation lies outside every range it must come from.
//
// What the real projects do with such a value (domain-rules.md §1.2, §3, §10, §18 C):
//   - a Service clusterIP outside every service range (CONS-007, error): the API server refuses it,
//     "failed to allocate IP …: the provided IP (…) is not in the valid range. The range of valid IPs
//     is …"; the network address (and the IPv4 broadcast address) of the range is never allocated
//     either ("the first and last addresses of the CIDR are omitted"), a warning;
//   - a kubelet clusterDNS / k3s cluster-dns outside the service range (CONS-008, warning): pods are
//     told to use a DNS server that no Service can be (a link-local NodeLocal DNSCache address such as
//     169.254.20.10 is meant to be outside, and is left alone);
//   - a Node podCIDR outside the cluster CIDR (error): kube-controller-manager fails on start, "cidr %v
//     is out the range of cluster cidr %v", and flanneld refuses the node;
//   - a Calico IPAMBlock outside every Calico pool (error): a block no pool owns;
//   - a NetworkPolicy ipBlock.except that is not a strict subset of its cidr (CONS-012, error):
//     "must be a strict subset of `cidr`" (equal, wider, outside, or the other family); a Cilium
//     CIDR set's except that is not inside its cidr (error): `CIDRRule.Validate` refuses the policy
//     with "allow CIDR prefix … does not contain exclude CIDR prefix …" (an equal except is accepted);
//   - a LoadBalancer Service's loadBalancerIP outside every load-balancer pool (warning): no pool can
//     hand it out (other Service types ignore the field);
//   - an OpenShift API or ingress VIP outside every machine network, the installer's 10.0.0.0/16
//     default included (error): the installer refuses the install-config, "IP expected to be in one of
//     the machine networks: …" (pkg/types/validation/installconfig.go, ValidateIPinMachineCIDR);
//   - a Kube-OVN subnet gateway outside the subnet's own CIDR of its family (error): ValidateSubnet
//     refuses the subnet, "gateway … is not in cidr …"; its network address, or the IPv4 broadcast
//     address, is refused too ("… is the network number ip in cidr …", "… is the broadcast ip in cidr …").
// A rule only fires when the scope itself defines the containing ranges of that family: a lone Service
// is never judged against a service range that no document implies. Containment is answered by one
// sort-and-sweep per kind (net/sweep.ts findContainers), never by comparing every pair.

import type { Fact, Finding, Role } from '../model';
import { documentKey } from '../model';
import type { Family } from '../net/addr';
import { rangeContainsAddr, rangeContains } from '../net/prefix';
import type { RangeFact } from '../plan/plan';
import { MAX_PARTNERS, findContainers } from '../net/sweep';
import { findingOn } from './report';
import { isCalicoPool, isLinkLocal, isNetworkFact, judgeable, label, labelAt } from './overlapConsistency';
import type { Rule, RuleContext } from './rule';

export const addressOutsideRange: Rule = {
  id: 'address-outside-range',
  defaultSeverity: 'error',
  description: 'A clusterIP, clusterDNS, Node podCIDR, IPAMBlock, ipBlock.except, load-balancer IP, Kube-OVN gateway or OpenShift VIP lies outside every range it must come from.',
  run(ctx) {
    const serviceRanges = ctx.plan.rangesOf('service-network').filter((f) => isNetworkFact(f) && f.component !== 'calico-operator');
    const podNetworks = ctx.plan.rangesOf('pod-network').filter(isNetworkFact);
    const flannelPools = ctx.plan.rangesOf('cni-pod-pool').filter((f) => isNetworkFact(f) && f.component === 'flannel');
    const ciliumPools = ctx.plan.rangesOf('cni-pod-pool').filter((f) => isNetworkFact(f) && f.component === 'cilium');
    const calicoPools = ctx.plan.facts.filter((f): f is RangeFact => isCalicoPool(f) && isNetworkFact(f));
    const lbPools = ctx.plan.rangesOf('lb-pool').filter(judgeable);
    return [
      ...clusterIps(ctx, serviceRanges),
      ...outside(ctx, explicit(ctx, 'cluster-dns').filter((f) => !isLinkLocal(f)), serviceRanges, 'warning', 'service range', 'pods would be told to use a DNS server no Service can have (kubelet clusterDNS must be a ClusterIP)'),
      ...nodePodCidrs(ctx, podNetworks, flannelPools, ciliumPools),
      ...outside(ctx, explicit(ctx, 'ipam-block'), calicoPools, 'error', 'Calico pool', 'no Calico pool owns this block'),
      ...outside(ctx, explicit(ctx, 'lb-ip').filter((f) => f.attributes?.type === 'LoadBalancer'), lbPools, 'warning', 'load-balancer pool', 'no load-balancer pool of this cluster can hand it out'),
      ...exceptions(ctx),
      ...kubeOvnGateways(ctx),
      ...openshiftVips(ctx),
    ];
  },
};

function explicit(ctx: RuleContext, role: Role): RangeFact[] {
  return ctx.plan.rangesOf(role).filter((f) => judgeable(f) && !f.isDefault);
}

/** Families for which the scope defines at least one container range. */
function families(containers: readonly RangeFact[]): Set<Family> {
  return new Set(containers.map((c) => c.value.range.family));
}

/** The containers as the message lists them: up to three, then a count. */
function listed(ctx: RuleContext, containers: readonly RangeFact[], family: Family): string {
  const same = containers.filter((c) => c.value.range.family === family);
  const seen = new Set<string>();
  const distinct = same.filter((c) => {
    const key = `${c.value.range.first}-${c.value.range.last}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const names = distinct.slice(0, 3).map((c) => labelAt(c, ctx));
  return distinct.length > 3 ? `${names.join(', ')} and ${distinct.length - 3} more` : names.join(', ');
}

/** The containers a finding points at: the first MAX_PARTNERS of its family (the message counts the rest). */
function related(containers: readonly RangeFact[], family: Family, self: Fact): Finding['related'] {
  return containers
    .filter((c) => c.value.range.family === family)
    .slice(0, MAX_PARTNERS)
    .map((c) => ({ uri: c.doc.uri, span: c.span, message: `${label(c)} does not contain ${label(self)}` }));
}

/**
 * How the message names the containers of each family, worked out once per family: per value, it cost
 * values × containers (2,000 Nodes against 2,000 pod networks ran for seconds).
 */
function containerNames(ctx: RuleContext, containers: readonly RangeFact[], what: string): (family: Family) => string {
  const names = new Map<Family, string>();
  return (family) => {
    let name = names.get(family);
    if (name === undefined) {
      const plural = containers.filter((c) => c.value.range.family === family).length > 1;
      names.set(family, (name = `${plural ? `every ${what}` : `the ${what}`} ${listed(ctx, containers, family)}`));
    }
    return name;
  };
}

/** Values outside every container of their family, when the scope defines containers of that family. */
function outside(ctx: RuleContext, values: readonly RangeFact[], containers: readonly RangeFact[], severity: Finding['severity'], what: string, consequence: string): Finding[] {
  if (values.length === 0 || containers.length === 0) return [];
  const known = families(containers);
  const found = findContainers(containers, (c) => c.value.range, values, (v) => v.value.range);
  const named = containerNames(ctx, containers, what);
  const findings: Finding[] = [];
  for (const [value, inside] of found) {
    const family = value.value.range.family;
    if (inside.length > 0 || !known.has(family)) continue;
    findings.push(findingOn(value, 'address-outside-range', severity, `${label(value)} is outside ${named(family)}: ${consequence}`, related(containers, family, value)));
  }
  return findings;
}

/** clusterIPs: outside every service range (error), or a range's network / IPv4 broadcast address (warning). */
function clusterIps(ctx: RuleContext, serviceRanges: readonly RangeFact[]): Finding[] {
  const ips = explicit(ctx, 'cluster-ip').filter((f) => f.value.kind === 'address');
  if (ips.length === 0 || serviceRanges.length === 0) return [];
  const known = families(serviceRanges);
  const named = containerNames(ctx, serviceRanges, 'service range');
  const findings: Finding[] = [];
  for (const [ip, inside] of findContainers(serviceRanges, (c) => c.value.range, ips, (v) => v.value.range)) {
    const family = ip.value.range.family;
    if (!known.has(family)) continue;
    if (inside.length === 0) {
      findings.push(
        findingOn(
          ip,
          'address-outside-range',
          'error',
          `${label(ip)} is outside ${named(family)}: the API server rejects the Service ("the provided IP (${ip.text}) is not in the valid range")`,
          related(serviceRanges, family, ip),
        ),
      );
      continue;
    }
    const usable = inside.some((r) => {
      const { first, last } = r.value.range;
      const value = ip.value.range.first;
      return value !== first && !(family === 4 && value === last && last - first > 1n);
    });
    if (!usable) {
      const range = inside[0];
      const which = ip.value.range.first === range.value.range.first ? 'network address' : 'broadcast address';
      findings.push(
        findingOn(
          ip,
          'address-outside-range',
          'warning',
          `${label(ip)} is the ${which} of ${labelAt(range, ctx)}: the ClusterIP allocator never hands out the first and last addresses of a range`,
          [{ uri: range.doc.uri, span: range.span, message: `${label(range)} contains ${label(ip)}` }],
        ),
      );
    }
  }
  return findings;
}

/**
 * Node podCIDRs (and CiliumNode podCIDRs) outside the cluster CIDR: Node objects against the pod
 * network, else Flannel's Network (flanneld checks them too); CiliumNode objects against Cilium's
 * own pools when it has them. A kubelet's standalone podCIDR belongs to no cluster CIDR.
 */
function nodePodCidrs(ctx: RuleContext, podNetworks: readonly RangeFact[], flannelPools: readonly RangeFact[], ciliumPools: readonly RangeFact[]): Finding[] {
  const nodes = explicit(ctx, 'node-pod-cidr').filter((f) => f.attributes?.standalone !== true && f.value.kind === 'prefix');
  const consequence = 'kube-controller-manager fails on start ("cidr … is out the range of cluster cidr …") and flanneld refuses the node';
  const byFamily = (pools: readonly RangeFact[], family: Family) => pools.filter((p) => p.value.range.family === family);
  const findings: Finding[] = [];
  for (const family of [4, 6] as const) {
    const containers = byFamily(podNetworks, family).length > 0 ? byFamily(podNetworks, family) : byFamily(flannelPools, family);
    const kubernetesNodes = nodes.filter((n) => n.component !== 'cilium' && n.value.range.family === family);
    findings.push(...outside(ctx, kubernetesNodes, containers, 'error', 'cluster CIDR', consequence));
    const ciliumNodes = nodes.filter((n) => n.component === 'cilium' && n.value.range.family === family);
    const ciliumContainers = byFamily(ciliumPools, family).length > 0 ? byFamily(ciliumPools, family) : containers;
    findings.push(...outside(ctx, ciliumNodes, ciliumContainers, 'error', 'pod range', 'the Cilium agent of that node hands out pod addresses outside the pod range'));
  }
  return findings;
}

/**
 * NetworkPolicy ipBlock.except entries that are not a strict subset of the ipBlock's cidr, and Cilium
 * CIDR set excepts that are not a subset of their cidr (same group).
 */
function exceptions(ctx: RuleContext): Finding[] {
  const cidrs = new Map<string, RangeFact>();
  for (const fact of ctx.plan.rangesOf('policy-cidr')) if (judgeable(fact)) cidrs.set(groupOf(fact), fact);
  const findings: Finding[] = [];
  for (const except of ctx.plan.rangesOf('policy-except')) {
    if (!judgeable(except)) continue;
    const cidr = cidrs.get(groupOf(except));
    if (!cidr || cidr.value.kind !== 'prefix' || except.value.kind !== 'prefix') continue;
    const inside = rangeContainsAddr(cidr.value.range, except.value.prefix.addr);
    if (except.component === 'cilium') {
      // CIDRRule.Validate: prefix.Bits() > except.Bits() || !prefix.Contains(except.Addr()) is refused.
      if (inside && cidr.value.prefix.bits <= except.value.prefix.bits) continue;
      const why = except.value.range.family !== cidr.value.range.family ? 'it is of the other family' : inside ? 'it is wider than the cidr' : 'it lies outside the cidr';
      findings.push(
        findingOn(
          except,
          'address-outside-range',
          'error',
          `${label(except)} is not inside ${labelAt(cidr, ctx)} — ${why}: Cilium refuses the policy ("allow CIDR prefix ${cidr.text} does not contain exclude CIDR prefix ${except.text}")`,
          [{ uri: cidr.doc.uri, span: cidr.span, message: `the CIDR set's cidr for ${label(except)}` }],
        ),
      );
      continue;
    }
    // ValidateIPBlock: cidr.Contains(except.IP) && cidrMaskLen < exceptMaskLen.
    const strict = inside && cidr.value.prefix.bits < except.value.prefix.bits;
    if (strict) continue;
    const why =
      except.value.range.family !== cidr.value.range.family
        ? 'it is of the other family'
        : rangeContains(except.value.range, cidr.value.range)
          ? rangeContains(cidr.value.range, except.value.range)
            ? 'it is the whole cidr'
            : 'it is wider than the cidr'
          : 'it lies outside the cidr';
    findings.push(
      findingOn(
        except,
        'address-outside-range',
        'error',
        `${label(except)} is not a strict subset of ${labelAt(cidr, ctx)} — ${why}: the API server rejects the policy ("must be a strict subset of \`cidr\`")`,
        [{ uri: cidr.doc.uri, span: cidr.span, message: `the ipBlock's cidr for ${label(except)}` }],
      ),
    );
  }
  return findings;
}

/**
 * Kube-OVN gateways (`spec.gateway`, `--default-gateway`, the charts' POD_GATEWAY) against the CIDRs of
 * their own subnet (same document and group). Defaults count: a chart's default gateway left beside a
 * changed POD_CIDR is the usual way this breaks.
 */
function kubeOvnGateways(ctx: RuleContext): Finding[] {
  const cidrs = new Map<string, RangeFact[]>();
  for (const fact of ctx.plan.facts) {
    if (fact.component !== 'kube-ovn' || (fact.role !== 'cni-pod-pool' && fact.role !== 'secondary-network') || !isNetworkFact(fact)) continue;
    const list = cidrs.get(groupOf(fact)) ?? [];
    list.push(fact);
    cidrs.set(groupOf(fact), list);
  }
  const findings: Finding[] = [];
  for (const gateway of ctx.plan.rangesOf('subnet-bound')) {
    if (gateway.component !== 'kube-ovn' || gateway.value.kind !== 'address') continue;
    const own = cidrs.get(groupOf(gateway)) ?? [];
    if (own.length === 0) continue;
    const family = gateway.value.range.family;
    const inside = own.find((c) => c.value.range.family === family && rangeContains(c.value.range, gateway.value.range));
    const related = (c: RangeFact, relation: string) => ({ uri: c.doc.uri, span: c.span, message: `${label(c)} ${relation} ${label(gateway)}` });
    if (!inside) {
      const named = own.map((c) => labelAt(c, ctx)).join(', ');
      findings.push(
        findingOn(gateway, 'address-outside-range', 'error', `${label(gateway)} is outside its subnet's CIDR ${named}: Kube-OVN refuses the subnet ("gateway ${gateway.text} is not in cidr …")`, own.map((c) => related(c, 'does not contain'))),
      );
      continue;
    }
    const { first, last } = inside.value.range;
    const address = gateway.value.range.first;
    const which = address === first ? 'network number' : family === 4 && address === last ? 'broadcast' : undefined;
    if (!which) continue;
    findings.push(
      findingOn(gateway, 'address-outside-range', 'error', `${label(gateway)} is the ${which} address of ${labelAt(inside, ctx)}: Kube-OVN refuses the subnet ("${gateway.text} is the ${which} ip in cidr …")`, [related(inside, 'contains')]),
    );
  }
  return findings;
}

/** OpenShift's API and ingress VIPs outside every machine network the installer knows (written or its default). */
function openshiftVips(ctx: RuleContext): Finding[] {
  const vips = explicit(ctx, 'node-address').filter((f) => f.component === 'openshift' && f.attributes?.vip === true && f.value.kind === 'address');
  const machineNetworks = ctx.plan.rangesOf('node-network').filter((f) => judgeable(f) && f.component === 'openshift');
  return outside(ctx, vips, machineNetworks, 'error', 'machine network', 'the OpenShift installer refuses it ("IP expected to be in one of the machine networks")');
}

function groupOf(fact: Fact): string {
  return `${documentKey(fact.doc)}\u0000${fact.group}`;
}
