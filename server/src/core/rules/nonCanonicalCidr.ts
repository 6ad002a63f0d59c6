// Rule: non-canonical-cidr — a CIDR has host bits set (`10.244.1.0/16`), which its owner rejects,
// warns about or masks silently.
//
// How bad that is depends on who reads the field (domain-rules.md §18 CIDR-002), recorded by the
// extractor in `fact.syntax.hostBits`: Calico pools and policies (`IPPool CIDR is not strictly
// masked`), `ServiceCIDR` (strict `IsValidCIDR`) and host-local (`network has host bits set`) reject
// it; Kubernetes legacy fields accept it with the API server warning `CIDR value "…" is ambiguous in
// this context`; kubeadm, the component flags, flannel, Whereabouts and MetalLB mask it silently. In
// every case the masked form is what the owner uses, so writing it says what the cluster will do.

import type { Fact, Finding, Fix } from '../model';
import { formatAddr } from '../net/addr';
import { formatPrefix, hasHostBits, masked, Prefix } from '../net/prefix';
import { findingOn } from './report';
import { ownerName, rewriteFix } from './perValue';
import type { Rule, RuleContext } from './rule';

/** Roles whose values are interface addresses written with their subnet (`10.192.0.2/16`): host bits are the point. */
const ADDRESS_WITH_PREFIX_ROLES = new Set<Fact['role']>(['node-address']);
/** Roles that match peers or clients, where a single host (`/32`) is a likely intent. */
const PEER_ROLES = new Set<Fact['role']>(['policy-cidr', 'policy-except', 'source-range']);

export const nonCanonicalCidr: Rule = {
  id: 'non-canonical-cidr',
  defaultSeverity: 'warning',
  description: 'A CIDR has bits set beyond its prefix length; depending on the field the owner rejects it, warns, or masks it silently.',
  run(ctx) {
    const findings: Finding[] = [];
    for (const fact of ctx.plan.facts) {
      if (fact.value.kind !== 'prefix' || fact.isDefault) continue;
      if (fact.syntax.expects === 'ip' || fact.syntax.expects === 'number') continue; // wrong-value-kind's case.
      if (ADDRESS_WITH_PREFIX_ROLES.has(fact.role)) continue;
      const prefix = fact.value.prefix;
      if (!hasHostBits(prefix)) continue;
      const canonical = formatPrefix(masked(prefix));
      const severity = fact.syntax.hostBits;
      findings.push(findingOn(fact, 'non-canonical-cidr', severity, message(fact, prefix, canonical), [], fixes(ctx, fact, prefix, canonical)));
    }
    return findings;
  },
};

function message(fact: Fact, prefix: Prefix, canonical: string): string {
  const head = `${fact.text} (${fact.source}) has host bits set: the network is ${canonical}`;
  const single = `${formatAddr(prefix.addr)}/${prefix.addr.family === 4 ? 32 : 128}`;
  switch (fact.syntax.hostBits) {
    case 'error':
      return `${head} — ${rejection(fact, prefix, canonical)}`;
    case 'warning':
      return `${head} — the API server warns: CIDR value "${fact.text}" is ambiguous in this context (should be "${canonical}" or "${single}"?), and rejects it once StrictIPCIDRValidation is on`;
    case 'info':
      return `${head} — ${ownerName(fact.component)} masks it silently and uses ${canonical}`;
  }
}

function rejection(fact: Fact, prefix: Prefix, canonical: string): string {
  switch (fact.component) {
    case 'calico':
      if (/IPPool/.test(fact.source)) return 'Calico rejects it: "IP pool CIDR is not strictly masked"';
      return 'Calico rejects it: the field takes a strictly masked network';
    case 'calico-operator':
      return 'Calico takes only strictly masked pool CIDRs: "IP pool CIDR is not strictly masked"';
    case 'kubernetes':
      return `the API server rejects it: must be in canonical form ("${canonical}")`;
    case 'host-local':
      return `host-local fails with "network has host bits set. For a subnet mask of length ${prefix.bits} the network address is ${formatAddr(masked(prefix).addr)}"`;
    default:
      return `${ownerName(fact.component)} rejects it`;
  }
}

function fixes(ctx: RuleContext, fact: Fact, prefix: Prefix, canonical: string): Fix[] {
  const out = rewriteFix(ctx, fact, `Canonicalise to ${canonical}`, canonical, { canonical: true, preferred: true });
  if (PEER_ROLES.has(fact.role)) {
    const single = `${formatAddr(prefix.addr)}/${prefix.addr.family === 4 ? 32 : 128}`;
    out.push(...rewriteFix(ctx, fact, `Match the single address ${single}`, single));
  }
  return out;
}
