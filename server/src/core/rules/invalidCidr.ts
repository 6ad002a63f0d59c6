// Rule: invalid-cidr — a CIDR, IP or size field holds text its owner cannot parse.
//
// Every owner refuses such a value, each in its own words: kubeadm `couldn't parse subnet`, Calico
// `IPPool CIDR must be a valid subnet`, the API server `must be a valid CIDR value`, flannel Go's
// `invalid CIDR address`. Since Go 1.17, `net.ParseCIDR` and `netip` also reject IPv4 octets with
// leading zeros, so `11.00.0.0/16`, which flannel built with Go 1.15 read as `11.0.0.0/16`, stops
// parsing on upgrade (domain-rules.md §18 CIDR-001). An empty element of a dual-stack list
// (`10.0.0.0/8,`) is a parse failure too: kubeadm and the components split on commas and parse each.

import type { Fact, Finding } from '../model';
import { formatAddr, isParseError, parseAddr } from '../net/addr';
import { parsePrefix } from '../net/prefix';
import { findingOn } from './report';
import { emptyElements, fileTextOf, ownerName, rewriteFix, valueLists } from './perValue';
import type { Rule, RuleContext } from './rule';

export const invalidCidr: Rule = {
  id: 'invalid-cidr',
  defaultSeverity: 'error',
  description: 'A CIDR, IP address or prefix-size field holds text that its owner cannot parse.',
  run(ctx) {
    const findings: Finding[] = [];
    for (const fact of ctx.plan.facts) {
      if (fact.value.kind !== 'invalid' || isSentinel(fact) || inTemplatedLine(ctx, fact)) continue;
      const { error, at } = fact.value;
      const where = fact.text.length > 0 ? ` at character ${Math.min(at, fact.text.length - 1) + 1}` : '';
      const message =
        fact.syntax.expects === 'number'
          ? `"${fact.text}" (${fact.source}) is not a whole number — ${rejection(fact)}`
          : `"${fact.text}" (${fact.source}) is not a valid ${expected(fact)}: ${error}${where} — ${rejection(fact)}`;
      findings.push(findingOn(fact, 'invalid-cidr', 'error', message, [], sloppyFix(ctx, fact)));
    }
    for (const list of valueLists(ctx.plan.facts)) {
      const empty = emptyElements(ctx, list);
      if (!empty) continue;
      const fact = list.facts[0];
      const text = ctx.plan.scope.files.find((f) => f.uri === list.uri)?.text.slice(empty.span.start, empty.span.end) ?? '';
      const elements = empty.count === 1 ? 'an empty element' : `${empty.count} empty elements`;
      const message = `"${text}" (${fact.source}) has ${elements}: the list is split on commas and every element must be a ${expected(fact)} — ${rejection(fact, text)}`;
      findings.push({
        rule: 'invalid-cidr',
        severity: 'error',
        message,
        uri: list.uri,
        span: empty.span,
        related: [],
        fixes: [{ title: empty.count === 1 ? 'Remove the empty list element' : 'Remove the empty list elements', edits: empty.edits, isPreferred: true }],
      });
    }
    return findings;
  },
};

/** Words that some fields accept in place of an address: `clusterIP: None`, calico-node `none`, host-local `usePodCidr`. */
function isSentinel(fact: Fact): boolean {
  if (/^usePodCidr(IPv6)?$/.test(fact.text)) return true;
  if (/^none$/i.test(fact.text) && (fact.role === 'cluster-ip' || fact.component === 'calico-node')) return true;
  return false;
}

/**
 * A piece of a templated value (`"{{ kube_pods_subnet }}"` split on blanks by a list-valued field) is
 * not the user's mistake: the template is rendered before the owner ever parses it.
 */
function inTemplatedLine(ctx: RuleContext, fact: Fact): boolean {
  const text = fileTextOf(ctx, fact.doc.uri);
  if (text === undefined) return false;
  const before = text.slice(Math.max(0, fact.span.start - TEMPLATE_WINDOW), fact.span.start);
  const after = text.slice(fact.span.end, fact.span.end + TEMPLATE_WINDOW);
  const line = before.slice(before.lastIndexOf('\n') + 1) + text.slice(fact.span.start, fact.span.end) + after.split('\n', 1)[0];
  // Only an opening marker makes a template: closing braces alone end nested JSON objects (`"a"}}`).
  return /\{\{|\{%|\$\{/.test(line);
}

/**
 * How far around a value its line is searched for a template. A minified JSON manifest is one line of
 * megabytes; reading all of it for each of 400,000 values would never finish.
 */
const TEMPLATE_WINDOW = 256;

function expected(fact: Fact): string {
  switch (fact.syntax.expects) {
    case 'cidr':
      return 'CIDR';
    case 'ip':
      return 'IP address';
    case 'cidr-or-range':
      return 'CIDR or address range';
    case 'cidr-or-ip':
      return 'CIDR or IP address';
    case 'number':
      return 'whole number';
  }
}

/** What the owner says when it meets the value (domain-rules.md §1–§14), as far as its text is known. */
function rejection(fact: Fact, text = fact.text): string {
  const owner = ownerName(fact.component);
  if (fact.syntax.expects === 'number') {
    if (fact.component === 'calico-node' && /BLOCK_SIZE/.test(fact.source)) return 'calico-node exits with "Unable to convert blocksize to int"';
    return `${owner} refuses it`;
  }
  switch (fact.component) {
    case 'kubeadm':
      return `kubeadm fails with "couldn't parse subnet"`;
    case 'kind':
      return `kind fails with "invalid ${fact.role === 'service-network' ? 'service' : 'pod'} subnet"`;
    case 'k3s':
      if (fact.role === 'service-network') return `k3s fails with "invalid service-cidr ${text}"`;
      if (fact.role === 'cluster-dns') return `k3s fails with "invalid cluster-dns address ${text}"`;
      if (fact.role === 'pod-network') return `k3s fails with "invalid cluster-cidr ${text}"`;
      return 'k3s refuses it';
    case 'kube-proxy':
      return `kube-proxy rejects it: "must be a valid CIDR block (e.g. 10.100.0.0/16 or fde4:8dba:82e1::/48)"`;
    case 'kube-apiserver':
    case 'kube-controller-manager':
    case 'kubelet':
      return `${fact.component} does not start with it`;
    case 'kubernetes':
      if (fact.role === 'cluster-ip') return `the API server rejects it: "must be empty, 'None', or a valid IP address"`;
      if (fact.syntax.expects === 'ip') return `the API server rejects it: "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"`;
      return `the API server rejects it: "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"`;
    case 'calico':
      if (/IPPool/.test(fact.source)) return `Calico rejects it: "IPPool CIDR must be a valid subnet"`;
      return `Calico's validator rejects it`;
    case 'calico-node': {
      const env = /CALICO_IPV[46]POOL_CIDR/.exec(fact.source)?.[0];
      return env ? `calico-node exits with "Invalid CIDR specified in ${env} '${text}'"` : 'calico-node exits';
    }
    case 'calico-operator':
      return `the Tigera operator rejects it: "IP pool CIDR (${text}) is invalid"`;
    case 'metallb': {
      const pool = fact.attributes?.pool;
      if (/-/.test(text) && !/\//.test(text)) return `MetalLB rejects it: invalid IP range "${text}"`;
      return `MetalLB rejects it: invalid CIDR "${text}"${typeof pool === 'string' ? ` in pool "${pool}"` : ''}`;
    }
    case 'whereabouts':
      return `Whereabouts fails with "invalid CIDR ${text}"`;
    case 'flannel':
    case 'cilium':
    case 'weave':
    case 'host-local':
      return `${owner} fails with Go's "invalid CIDR address: ${text}"`;
    default:
      return `${owner} rejects it`;
  }
}

/**
 * A value that only a sloppy parser reads (`11.00.0.0/16`, which Go before 1.17 and Kubernetes'
 * `ParseCIDRSloppy` read as decimal `11.0.0.0/16`): offer that reading, which is what the owner used
 * to do with it. Host bits are kept; non-canonical-cidr reports them once the value parses.
 */
function sloppyFix(ctx: RuleContext, fact: Fact) {
  if (fact.syntax.expects === 'number') return [];
  const text = fact.text;
  let rewritten: string | undefined;
  if (text.includes('/')) {
    const parsed = parsePrefix(text, { allowLeadingZeros: true });
    if (!isParseError(parsed) && parsed.notation.leadingZeros) rewritten = `${formatAddr(parsed.prefix.addr)}/${parsed.prefix.bits}`;
  } else {
    const parsed = parseAddr(text, { allowLeadingZeros: true });
    if (!isParseError(parsed) && parsed.notation.leadingZeros) rewritten = formatAddr(parsed.addr);
  }
  if (!rewritten) return [];
  return rewriteFix(ctx, fact, `Rewrite as ${rewritten}`, rewritten, { canonical: true, preferred: true });
}
