// Rule: wrong-value-kind — a CIDR where a bare IP address is required (`clusterIP: 10.96.0.10/32`),
// or a bare IP address where a CIDR is required (`podSubnet: 10.244.0.0`).
//
// The owners parse these fields as one or the other and refuse the wrong kind: the API server answers
// `must be empty, 'None', or a valid IP address` for `clusterIP` and `must be a valid IP address` for
// `loadBalancerIP` and `externalIPs`; kubeadm `couldn't parse subnet` for a subnet without its length
// (domain-rules.md §18 CIDR-006). A `/32` (`/128`) on an address field is a single address written as
// a host route, so the fix drops it; a bare address in a range field gives no prefix length to guess,
// except where a single host is a sensible meaning (policy peers, LB pools), where `/32` is offered.
// Fields that take either (Calico `IPReservation`, BGP service advertisements) are never reported.

import type { Fact, Finding, Fix, Role } from '../model';
import { formatAddr } from '../net/addr';
import { findingOn } from './report';
import { ownerName, rewriteFix } from './perValue';
import type { Rule, RuleContext } from './rule';

/** Range fields where a bare address most likely means that single host. */
const HOST_ROUTE_ROLES = new Set<Role>(['policy-cidr', 'policy-except', 'source-range', 'lb-pool']);
/**
 * Fields whose owners also take a bare address as a host route (Calico's `net` tag, IPReservation),
 * and node address selectors, whose owners' parsing varies.
 */
const EITHER_ROLES = new Set<Role>(['ip-reservation', 'bgp-advertised', 'node-address']);

export const wrongValueKind: Rule = {
  id: 'wrong-value-kind',
  defaultSeverity: 'error',
  description: 'A CIDR where a bare IP address is required, or a bare IP address where a CIDR is required.',
  run(ctx) {
    const findings: Finding[] = [];
    for (const fact of ctx.plan.facts) {
      if (fact.isDefault) continue;
      const expects = fact.syntax.expects;
      if (expects === 'ip' && fact.value.kind === 'prefix') {
        const prefix = fact.value.prefix;
        const full = prefix.addr.family === 4 ? 32 : 128;
        const message = `${fact.text} (${fact.source}) is a CIDR, but the field takes a single IP address — ${ipRejection(fact)}`;
        const fixes = prefix.bits === full ? rewriteFix(ctx, fact, `Drop the /${full}`, formatAddr(prefix.addr), { preferred: true }) : [];
        findings.push(findingOn(fact, 'wrong-value-kind', 'error', message, [], fixes));
      } else if ((expects === 'cidr' || expects === 'cidr-or-range') && fact.value.kind === 'address') {
        if (EITHER_ROLES.has(fact.role) || (fact.component === 'calico' && fact.role === 'policy-cidr')) continue;
        const message = `${fact.text} (${fact.source}) is a single IP address, but the field takes a CIDR${expects === 'cidr-or-range' ? ' or an address range' : ''} — ${cidrRejection(fact)}`;
        findings.push(findingOn(fact, 'wrong-value-kind', 'error', message, [], hostRouteFix(ctx, fact)));
      }
    }
    return findings;
  },
};

function ipRejection(fact: Fact): string {
  switch (fact.component) {
    case 'kubernetes':
      if (fact.role === 'cluster-ip') return `the API server rejects it: "must be empty, 'None', or a valid IP address"`;
      return 'the API server rejects it: "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"';
    case 'k3s':
      return fact.role === 'cluster-dns' ? `k3s fails with "invalid cluster-dns address ${fact.text}"` : 'k3s refuses it';
    default:
      return `${ownerName(fact.component)} rejects it`;
  }
}

function cidrRejection(fact: Fact): string {
  switch (fact.component) {
    case 'kubeadm':
      return `kubeadm fails with "couldn't parse subnet"; add its prefix length (e.g. /16)`;
    case 'kubernetes':
      return 'the API server rejects it: "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"';
    case 'kube-proxy':
      return 'kube-proxy rejects it: "must be a valid CIDR block (e.g. 10.100.0.0/16 or fde4:8dba:82e1::/48)"';
    case 'flannel':
    case 'cilium':
    case 'weave':
    case 'host-local':
      return `${ownerName(fact.component)} fails with Go's "invalid CIDR address: ${fact.text}"`;
    case 'metallb':
      return `MetalLB rejects it: invalid CIDR "${fact.text}"`;
    case 'calico':
      return /IPPool/.test(fact.source) ? 'Calico rejects it: "IPPool CIDR must be a valid subnet"' : 'Calico rejects it';
    default:
      return `${ownerName(fact.component)} rejects it`;
  }
}

/** For peers and LB pools a bare address reads as that one host: offer `/32` (`/128`). */
function hostRouteFix(ctx: RuleContext, fact: Fact): Fix[] {
  if (!HOST_ROUTE_ROLES.has(fact.role) || fact.value.kind !== 'address') return [];
  const full = fact.value.addr.family === 4 ? 32 : 128;
  return rewriteFix(ctx, fact, `Use the single address ${fact.text}/${full}`, `${fact.text}/${full}`, { preferred: true });
}
