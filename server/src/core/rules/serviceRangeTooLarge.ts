// Rule: service-range-too-large — a service range wider than /12 (IPv4) or /108 (IPv6).
//
// The classic ClusterIP allocator keeps a bitmap of at most 2^20 addresses, so kube-apiserver refuses
// larger ranges (`specified --service-cluster-ip-range is too large; for 32-bit addresses, the mask
// must be >= 12`), and kubeadm checks the same bound itself (`specified service subnet is too large`),
// even on Kubernetes ≥ 1.34, where the apiserver lifts the cap once the IPAddress-based allocator is
// the only one (domain-rules.md §2, §6, §18 SIZE-001). kind, Cluster API and KubeOne hand their
// service subnets to kubeadm, k3s and k3d to k3s' embedded apiserver: error for all of them. Talos,
// kops, RKE and k0s pass theirs to kube-apiserver: an error when their config names a Kubernetes
// before 1.34, info from 1.34 on, and a warning when it names none (the tool's release picks it).
// `ServiceCIDR` objects are served by the new allocator, which has no such cap: info there.

import type { Fact, Finding, Severity } from '../model';
import { bitsOf, formatAddr } from '../net/addr';
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
      const width = bitsOf(prefix.addr.family);
      const minBits = width - MAX_HOST_BITS;
      if (prefix.bits >= minBits) continue;
      const verdict = judge(fact, width, minBits, kubernetesMinor(ctx, fact));
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
 * The Kubernetes minor version a fact's cluster runs, when its file says: for a kube-apiserver flag the
 * last `kube-apiserver:v1.N` image before the value; for a distribution's config the last such image
 * (Talos' `cluster.apiServer.image`) or version key in the file (talhelper and kops
 * `kubernetesVersion`, RKE `kubernetes_version`, KubeOne `versions.kubernetes`).
 */
function kubernetesMinor(ctx: RuleContext, fact: Fact): number | undefined {
  const text = fileTextOf(ctx, fact.doc.uri);
  if (!text) return undefined;
  const apiserver = fact.component === 'kube-apiserver';
  const pattern = apiserver ? /kube-apiserver(?:-[a-z0-9]+)?:v1\.(\d+)\b/g : /(?:kube-apiserver:v|\b(?:kubernetesVersion|kubernetes_version|kubernetes)\s*:\s*["']?v?)1\.(\d+)\b/g;
  let minor: number | undefined;
  for (const m of (apiserver ? text.slice(0, fact.span.start) : text).matchAll(pattern)) minor = Number(m[1]);
  return minor;
}

/** Distributions that hand the service range to kube-apiserver themselves, not through kubeadm. */
const APISERVER_DISTRIBUTIONS: Readonly<Partial<Record<Fact['component'], string>>> = { talos: 'Talos', kops: 'kops', rke: 'RKE', k0s: 'k0s' };

function judge(fact: Fact, width: number, minBits: number, minor: number | undefined): { severity: Severity; why: string } | undefined {
  const kubeadmText = `kubeadm fails with "specified service subnet is too large; for ${width}-bit addresses, the mask must be >= ${minBits}"`;
  const apiserverText = `kube-apiserver before 1.34 fails with "specified --service-cluster-ip-range is too large; for ${width}-bit addresses, the mask must be >= ${minBits}"`;
  switch (fact.component) {
    case 'kubeadm':
      return { severity: 'error', why: kubeadmText };
    case 'kind':
    case 'cluster-api':
    case 'kubeone':
      return { severity: 'error', why: `${{ kind: 'kind', 'cluster-api': 'Cluster API', kubeone: 'KubeOne' }[fact.component]} passes it to kubeadm, which fails with "specified service subnet is too large; for ${width}-bit addresses, the mask must be >= ${minBits}"` };
    case 'kube-apiserver':
      if (minor !== undefined && minor >= 34) {
        return { severity: 'info', why: `kube-apiserver 1.${minor} accepts it with its default IPAddress-based allocator, but kubeadm and older apiservers would not, and few clusters need that many Services` };
      }
      return { severity: 'error', why: `${apiserverText}${minor === undefined ? ' (1.34 and later accept it with the IPAddress-based allocator alone)' : ''}` };
    case 'k3s':
    case 'k3d':
      return { severity: 'error', why: `k3s passes it to its embedded kube-apiserver; ${apiserverText}` };
    case 'kubernetes':
      return { severity: 'info', why: 'the IPAddress-based allocator that serves ServiceCIDR objects accepts it, but kubeadm and the classic allocator would not, and few clusters need that many Services' };
    default: {
      const owner = APISERVER_DISTRIBUTIONS[fact.component];
      if (owner === undefined) return undefined;
      if (minor !== undefined && minor >= 34) return { severity: 'info', why: `${owner} runs Kubernetes 1.${minor}, whose kube-apiserver accepts it with the IPAddress-based allocator, but few clusters need that many Services` };
      // Unlike a kube-apiserver manifest, a distribution's config often leaves the version to the
      // tool's release, which may well be 1.34 or later: a warning, not an error, when unknown.
      return { severity: minor === undefined ? 'warning' : 'error', why: `${owner} passes it to kube-apiserver; ${apiserverText}` };
    }
  }
}
