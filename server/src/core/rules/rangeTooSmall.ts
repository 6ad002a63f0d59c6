// Rule: range-too-small — a range below the minimum its owner accepts or can allocate from.
//
// kubeadm requires at least 10 service addresses (`MinimumAddressesInServiceSubnet`: the DNS Service
// is always the tenth) and 14 pod addresses (`MinimumAddressesInPodSubnet`), failing with `subnet with
// %d address(es) is too small, the minimum is %d`; k3s derives its cluster DNS address the same way.
// flannel refuses a `Network` longer than /28 (IPv6: /124) with `network is too small. Minimum useful
// network prefix is /28`, and host-local a range longer than bits−2 (`Network %s too small to allocate
// from`) (domain-rules.md §6, §10, §14, §18 SIZE-002/003/008/009).

import type { Fact, Finding, Severity } from '../model';
import { rangeSize } from '../net/prefix';
import { usesKubeSubnetMgr } from '../plan/flannelMode';
import { findingOn } from './report';
import { addressCount } from './perValue';
import type { Rule, RuleContext } from './rule';

const MIN_SERVICE_ADDRESSES = 10n;
const MIN_POD_ADDRESSES = 14n;

export const rangeTooSmall: Rule = {
  id: 'range-too-small',
  defaultSeverity: 'error',
  description: 'A range below the minimum its owner accepts: services < 10 addresses, pods < 14, flannel Network longer than /28, host-local ranges longer than bits−2.',
  run(ctx) {
    const findings: Finding[] = [];
    for (const fact of ctx.plan.facts) {
      if (fact.value.kind !== 'prefix') continue;
      const found = check(ctx, fact);
      if (found) findings.push(findingOn(fact, 'range-too-small', found.severity, found.message));
    }
    return findings;
  },
};

function check(ctx: RuleContext, fact: Fact): { severity: Severity; message: string } | undefined {
  if (fact.value.kind !== 'prefix') return undefined;
  const prefix = fact.value.prefix;
  const family = prefix.addr.family;
  const width = family === 4 ? 32 : 128;
  const size = rangeSize(fact.value.range);
  const head = `${fact.text} (${fact.source}${fact.isDefault ? ', default' : ''}) holds ${addressCount(size)}`;
  const kubeadmLike = fact.component === 'kubeadm' || fact.component === 'kind' || fact.component === 'cluster-api';
  const via = fact.component === 'kubeadm' ? 'kubeadm fails' : `${fact.component === 'kind' ? 'kind' : 'Cluster API'} passes it to kubeadm, which fails`;
  if (fact.role === 'service-network' && size < MIN_SERVICE_ADDRESSES) {
    const minimum = `a service range needs at least ${MIN_SERVICE_ADDRESSES} addresses, since the cluster DNS Service takes the tenth`;
    if (kubeadmLike) return { severity: 'error', message: `${head}: ${minimum} — ${via} with "subnet with ${size} address(es) is too small, the minimum is ${MIN_SERVICE_ADDRESSES}"` };
    if (fact.component === 'k3s') {
      const explicitDns = ctx.plan.factsOf('cluster-dns').some((d) => d.group === fact.group && !d.isDefault);
      if (explicitDns) return { severity: 'warning', message: `${head}: ${minimum}; cluster-dns is set explicitly, but room for Services is tiny` };
      return { severity: 'error', message: `${head}: ${minimum} — k3s derives cluster-dns as the tenth address of the service range and cannot start without one` };
    }
    if (fact.component === 'kube-apiserver') return { severity: 'warning', message: `${head}: ${minimum}; kubeadm and k3s refuse such a range` };
    return undefined;
  }
  if (fact.role === 'pod-network' && size < MIN_POD_ADDRESSES && kubeadmLike) {
    return { severity: 'error', message: `${head}: a pod subnet needs at least ${MIN_POD_ADDRESSES} addresses — ${via} with "subnet with ${size} address(es) is too small, the minimum is ${MIN_POD_ADDRESSES}"` };
  }
  if (fact.role === 'cni-pod-pool' && fact.component === 'flannel') {
    const longest = family === 4 ? 28 : 124;
    if (prefix.bits <= longest) return undefined;
    const text = family === 4 ? `network is too small. Minimum useful network prefix is /${longest}` : `IPv6Network is too small. Minimum useful network prefix is /${longest}`;
    if (usesKubeSubnetMgr(ctx.plan, fact)) {
      return { severity: 'warning', message: `${head}: flannel needs at least a /${longest} — with --kube-subnet-mgr flannel skips its "${text}" check, but every node's podCIDR must fit inside this network` };
    }
    return { severity: 'error', message: `${head}: flannel fails with "${text}"` };
  }
  if (fact.role === 'secondary-network' && (fact.component === 'host-local' || fact.component === 'whereabouts') && prefix.bits > width - 2) {
    if (fact.component === 'host-local') return { severity: 'error', message: `${head}: host-local needs a /${width - 2} or wider — it fails with "Network ${fact.text} too small to allocate from"` };
    return { severity: 'error', message: `${head}: Whereabouts leaves out the network and broadcast addresses, so nothing is left to allocate; use a /${width - 2} or wider` };
  }
  return undefined;
}
