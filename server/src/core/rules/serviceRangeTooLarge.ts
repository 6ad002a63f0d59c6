// Rule: service-range-too-large — a service range wider than /12 (IPv4) or /108 (IPv6).
//
// The classic ClusterIP allocator keeps a bitmap of at most 2^20 addresses, so kube-apiserver refuses
// larger ranges (`specified --service-cluster-ip-range is too large; for 32-bit addresses, the mask
// must be >= 12`), and kubeadm checks the same bound itself (`specified service subnet is too large`),
// even on Kubernetes ≥ 1.34, where the apiserver lifts the cap once the IPAddress-based allocator is
// the only one (domain-rules.md §2, §6, §18 SIZE-001). kind and Cluster API hand their service
// subnets to kubeadm, k3s to its embedded apiserver: error for all of them. `ServiceCIDR` objects are
// served by the new allocator, which has no such cap: info there.

import type { Fact, Finding, Severity } from '../model';
import { formatAddr } from '../net/addr';
import { masked, prefixSize } from '../net/prefix';
import { findingOn } from './report';
import { addressCount, fileTextOf, rewriteFix } from './perValue';
import type { Rule, RuleContext } from './rule';

/** kubeadm `MaximumBitsForServiceSubnet` / apiserver `maxCIDRBits`. */
const MAX_HOST_BITS = 20;

export const serviceRangeTooLarge: Rule = {
  id: 'service-range-too-large',
  defaultSeverity: 'error',
  description: 'A service range is wider than /12 (IPv4) or /108 (IPv6), the largest the ClusterIP allocator and kubeadm accept.',
  run(ctx) {
    const findings: Finding[] = [];
    for (const fact of ctx.plan.factsOf('service-network')) {
      if (fact.value.kind !== 'prefix') continue;
      const prefix = fact.value.prefix;
      const width = prefix.addr.family === 4 ? 32 : 128;
      const minBits = width - MAX_HOST_BITS;
      if (prefix.bits >= minBits) continue;
      const verdict = judge(fact, width, minBits, apiserverMinor(ctx, fact));
      if (!verdict) continue;
      const shrunk = `${formatAddr(masked(prefix).addr)}/${minBits}`;
      const size = addressCount(prefixSize(prefix.addr.family, prefix.bits));
      const message = `${fact.text} (${fact.source}${fact.isDefault ? ', default' : ''}) holds ${size}, more than the 2^20 (a /${minBits}) that kubeadm and the classic ClusterIP allocator accept — ${verdict.why}`;
      const fixes = rewriteFix(ctx, fact, `Shrink to ${shrunk}`, shrunk, { preferred: true });
      findings.push(findingOn(fact, 'service-range-too-large', verdict.severity, message, [], fixes));
    }
    return findings;
  },
};

/**
 * The Kubernetes minor version of the kube-apiserver image next to a flag, when the manifest names
 * it (`registry.k8s.io/kube-apiserver:v1.30.2`): the last such image before the value in its file.
 */
function apiserverMinor(ctx: RuleContext, fact: Fact): number | undefined {
  if (fact.component !== 'kube-apiserver') return undefined;
  const text = fileTextOf(ctx, fact.doc.uri)?.slice(0, fact.span.start);
  if (!text) return undefined;
  let minor: number | undefined;
  for (const m of text.matchAll(/kube-apiserver(?:-[a-z0-9]+)?:v1\.(\d+)\b/g)) minor = Number(m[1]);
  return minor;
}

function judge(fact: Fact, width: number, minBits: number, minor: number | undefined): { severity: Severity; why: string } | undefined {
  const kubeadmText = `kubeadm fails with "specified service subnet is too large; for ${width}-bit addresses, the mask must be >= ${minBits}"`;
  const apiserverText = `kube-apiserver before 1.34 fails with "specified --service-cluster-ip-range is too large; for ${width}-bit addresses, the mask must be >= ${minBits}"`;
  switch (fact.component) {
    case 'kubeadm':
      return { severity: 'error', why: kubeadmText };
    case 'kind':
    case 'cluster-api':
      return { severity: 'error', why: `${fact.component === 'kind' ? 'kind' : 'Cluster API'} passes it to kubeadm, which fails with "specified service subnet is too large; for ${width}-bit addresses, the mask must be >= ${minBits}"` };
    case 'kube-apiserver':
      if (minor !== undefined && minor >= 34) {
        return { severity: 'info', why: `kube-apiserver 1.${minor} accepts it with its default IPAddress-based allocator, but kubeadm and older apiservers would not, and few clusters need that many Services` };
      }
      return { severity: 'error', why: `${apiserverText}${minor === undefined ? ' (1.34 and later accept it with the IPAddress-based allocator alone)' : ''}` };
    case 'k3s':
      return { severity: 'error', why: `k3s passes it to its embedded kube-apiserver; ${apiserverText}` };
    case 'kubernetes':
      return { severity: 'info', why: 'the IPAddress-based allocator that serves ServiceCIDR objects accepts it, but kubeadm and the classic allocator would not, and few clusters need that many Services' };
    default:
      return undefined;
  }
}
