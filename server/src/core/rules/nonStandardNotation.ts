// Rule: non-standard-notation — a value is written in a form only a sloppy parser accepts (leading
// zeros, IPv4-mapped IPv6) or in IPv6 text that is not RFC 5952 canonical.
//
// Kubernetes' legacy fields and the components parse with `ParseCIDRSloppy`, which reads `10.01.0.0`
// as decimal and `::ffff:10.0.0.1` as IPv4; the API server answers with warnings (`non-standard CIDR
// value %q will be considered invalid in a future Kubernetes release: use %q`, `IPv6 CIDR value %q
// should be in RFC 5952 canonical format (%q)`) and rejects them under `StrictIPCIDRValidation`.
// Other programs reading the same value (Calico reads kubeadm's podSubnet from the kubeadm-config
// ConfigMap) are Go ≥ 1.17 parsers that reject leading zeros outright (domain-rules.md §1.1, §18
// CIDR-003). Strict fields (`ServiceCIDR.spec.cidrs`) require canonical text: error there. Non-RFC 5952
// IPv6 text in fields that no Kubernetes validation sees (Calico, MetalLB, flannel) is accepted by
// every parser: reported as info with the rewrite, since nothing breaks.

import type { Fact, Finding, Fix, Severity } from '../model';
import { Addr, addrFrom, formatAddr } from '../net/addr';
import { findingOn } from './report';
import { ownerName, rewriteFix } from './perValue';
import type { Rule, RuleContext } from './rule';

export const nonStandardNotation: Rule = {
  id: 'non-standard-notation',
  defaultSeverity: 'warning',
  description: 'A value uses leading zeros, IPv4-mapped IPv6, or IPv6 text that is not RFC 5952 canonical.',
  run(ctx) {
    const findings: Finding[] = [];
    for (const fact of ctx.plan.facts) {
      if (fact.isDefault || (fact.value.kind !== 'prefix' && fact.value.kind !== 'address')) continue;
      const found = check(fact);
      if (found) findings.push(findingOn(fact, 'non-standard-notation', found.severity, found.message, [], fixesFor(ctx, fact, found)));
    }
    return findings;
  },
};

interface Problem {
  readonly severity: Severity;
  readonly message: string;
  /** The text to write instead, when there is one. */
  readonly suggestion?: string;
  /** Whether the rewrite keeps the meaning exactly (safe for "fix all"). */
  readonly sameMeaning: boolean;
}

/** `kubernetes` objects with a Go (strict) parser are the new strict fields: ServiceCIDR. */
function isStrictKubernetesField(fact: Fact): boolean {
  return fact.component === 'kubernetes' && fact.syntax.parser === 'go';
}

function check(fact: Fact): Problem | undefined {
  const value = fact.value;
  if (value.kind !== 'prefix' && value.kind !== 'address') return undefined;
  const addr = value.kind === 'prefix' ? value.prefix.addr : value.addr;
  const bits = value.kind === 'prefix' ? value.prefix.bits : undefined;
  const slash = fact.text.indexOf('/');
  const addrText = slash < 0 ? fact.text : fact.text.slice(0, slash);
  const what = value.kind === 'prefix' ? 'CIDR value' : 'IP address';
  const k8s = fact.component === 'kubernetes';
  if (value.notation.ipv4Mapped) {
    const v4 = addrFrom(4, addr.value & 0xffffffffn);
    const suggestion = bits === undefined ? formatAddr(v4) : bits >= 96 ? `${formatAddr(v4)}/${bits - 96}` : undefined;
    const use = suggestion ? `: use "${suggestion}"` : '';
    if (isStrictKubernetesField(fact)) return { severity: 'error', message: `${fact.text} (${fact.source}) is an IPv4-mapped IPv6 ${value.kind === 'prefix' ? 'CIDR' : 'address'} — the API server rejects it: "must not have an IPv4-mapped IPv6 address"${use ? ` (${suggestion})` : ''}`, suggestion, sameMeaning: false };
    const effect = k8s
      ? `the API server warns: non-standard ${what} "${fact.text}" will be considered invalid in a future Kubernetes release${use}`
      : `Go programs read it as the IPv4 ${bits === undefined ? 'address' : 'network'} ${suggestion ?? formatAddr(v4)}, others as IPv6; write it in the family you mean`;
    return { severity: 'warning', message: `${fact.text} (${fact.source}) is written as IPv4-mapped IPv6 — ${effect}`, suggestion, sameMeaning: false };
  }
  const canonical = bits === undefined ? formatAddr(addr) : `${formatAddr(addr)}/${bits}`;
  if (value.notation.leadingZeros) {
    const effect = k8s
      ? `the API server warns: non-standard ${what} "${fact.text}" will be considered invalid in a future Kubernetes release: use "${canonical}"`
      : `${ownerName(fact.component)} reads the zeros as decimal (${canonical}), but Go 1.17 and later parsers reject them${fact.component === 'kubeadm' ? ' (Calico and the Tigera operator read podSubnet from the kubeadm-config ConfigMap)' : ''}, and C-style parsers read them as octal`;
    return { severity: 'warning', message: `${fact.text} (${fact.source}) has leading zeros — ${effect}`, suggestion: canonical, sameMeaning: true };
  }
  if (addr.family === 6 && addrText !== formatAddr(addr)) {
    const why = rfc5952Deviation(addrText, addr);
    if (isStrictKubernetesField(fact)) {
      return { severity: 'error', message: `${fact.text} (${fact.source}) is not in RFC 5952 canonical form (${why}) — the API server rejects it: must be in canonical form ("${canonical}")`, suggestion: canonical, sameMeaning: true };
    }
    if (k8s) {
      const warning = value.kind === 'prefix' ? `IPv6 CIDR value "${fact.text}" should be in RFC 5952 canonical format ("${canonical}")` : `IPv6 address "${fact.text}" should be in RFC 5952 canonical format`;
      return { severity: 'warning', message: `${fact.text} (${fact.source}) is not in RFC 5952 canonical form (${why}) — the API server warns: ${warning}`, suggestion: canonical, sameMeaning: true };
    }
    return { severity: 'info', message: `${fact.text} (${fact.source}) is not in RFC 5952 canonical form (${why}); ${ownerName(fact.component)} accepts it, the canonical text is ${canonical}`, suggestion: canonical, sameMeaning: true };
  }
  return undefined;
}

/** Names what makes IPv6 text non-canonical, for the message. */
function rfc5952Deviation(text: string, addr: Addr): string {
  if (/[A-F]/.test(text)) return 'upper-case hex digits';
  if (text.includes('.')) return 'dotted IPv4 notation outside ::ffff:0:0/96';
  if (/(^|:)0[0-9a-f]/i.test(text)) return 'leading zeros in a group';
  const canonical = formatAddr(addr);
  if (!text.includes('::') && canonical.includes('::')) return 'zero groups not compressed with "::"';
  if (/(^|:)0(:|$)/.test(text) && text.includes('::')) return '"::" not on the longest run of zero groups';
  if (text.includes('::') && !canonical.includes('::')) return '"::" stands for a single zero group';
  return 'not the canonical text';
}

function fixesFor(ctx: RuleContext, fact: Fact, problem: Problem): Fix[] {
  if (!problem.suggestion) return [];
  return rewriteFix(ctx, fact, `Rewrite as ${problem.suggestion}`, problem.suggestion, { canonical: problem.sameMeaning, preferred: true });
}
