// Rule: wrong-family — an IPv6 value in an IPv4-only field or the reverse, or a dual-stack list that
// is not one IPv4 and one IPv6 entry.
//
// Family-specific fields refuse the other family: flannel `Network` (`invalid IPv4 CIDR format`),
// calico-node `CALICO_IPV4POOL_CIDR` (`Invalid CIDR specified in CALICO_IPV4POOL_CIDR`), kind's subnets
// against its `ipFamily` (`expected IPv4 CIDR for IPv4 family`). Dual-stack lists take at most two
// entries, one per family: kubeadm `expected one (IPv4 or IPv6) CIDR or two CIDRs from each family for
// dual-stack networking`, kube-apiserver `--service-cluster-ip-range[0] and --service-cluster-ip-range[1]
// must be of different IP family`, Node `may specify no more than one CIDR for each IP family`
// (domain-rules.md §18 CIDR-004, CIDR-005).

import type { Component, Fact, Finding, Role, Span } from '../model';
import type { Family } from '../net/addr';
import { findingOn } from './report';
import { familyName, isCommaString, isJudgeable, listSpan, ownerName, valueLists, ValueList } from './perValue';
import type { Rule, RuleContext } from './rule';

/** Fields that hold one value or a dual-stack pair. */
const DUAL_STACK_ROLES = new Set<Role>(['pod-network', 'service-network', 'proxy-cluster-cidr', 'node-pod-cidr', 'cluster-ip']);
/** Owners that enforce the dual-stack shape; CNIs and load balancers take lists of any length. */
const DUAL_STACK_OWNERS = new Set<Component>(['kubernetes', 'kubeadm', 'kube-apiserver', 'kube-controller-manager', 'kube-proxy', 'kind', 'k3s', 'cluster-api', 'talos']);

export const wrongFamily: Rule = {
  id: 'wrong-family',
  defaultSeverity: 'error',
  description: 'A value of the wrong IP family for its field, or a dual-stack list that is not one IPv4 and one IPv6 entry.',
  run(ctx) {
    const findings: Finding[] = [];
    for (const fact of ctx.plan.facts) {
      if (fact.isDefault || !isJudgeable(fact) || fact.syntax.family === undefined) continue;
      const family = fact.value.range.family;
      if (family === fact.syntax.family) continue;
      const message = `${fact.text} (${fact.source}) is ${familyName(family)}, but the field takes only ${familyName(fact.syntax.family)} — ${familyRejection(fact, fact.syntax.family)}`;
      findings.push(findingOn(fact, 'wrong-family', 'error', message));
    }
    findings.push(...kindIpFamily(ctx));
    for (const list of valueLists(ctx.plan.facts)) {
      const first = list.facts[0];
      if (!DUAL_STACK_ROLES.has(first.role) || !DUAL_STACK_OWNERS.has(first.component)) continue;
      if (isKindSingleStack(first)) {
        findings.push(...kindSingleStackList(ctx, list));
        continue;
      }
      findings.push(...listShape(ctx, list));
    }
    return findings;
  },
};

function familyRejection(fact: Fact, wanted: Family): string {
  const other = wanted === 4 ? 6 : 4;
  switch (fact.component) {
    case 'flannel':
      return `flannel fails with "invalid IPv${wanted} CIDR format"${wanted === 4 ? '; IPv6 goes in IPv6Network' : ''}`;
    case 'calico-node': {
      const env = /CALICO_IPV[46]POOL_CIDR/.exec(fact.source)?.[0];
      return env ? `calico-node exits with "Invalid CIDR specified in ${env} '${fact.text}'"${`; IPv${other} goes in CALICO_IPV${other}POOL_CIDR`}` : 'calico-node exits';
    }
    case 'kind':
      return `kind fails with "expected IPv${wanted} CIDR for IPv${wanted} family"`;
    default:
      return `${ownerName(fact.component)} rejects it`;
  }
}

/** What the owner of a list says about its shape, for more than two entries or two of one family. */
function shapeRejection(fact: Fact, tooMany: boolean): string {
  switch (fact.component) {
    case 'kubeadm':
    case 'cluster-api':
      return 'kubeadm fails with "expected one (IPv4 or IPv6) CIDR or two CIDRs from each family for dual-stack networking"';
    case 'kind':
      return 'kind fails with "expected one (IPv4 or IPv6) CIDR or two CIDRs from each family for dual-stack networking"';
    case 'kube-apiserver':
      return tooMany
        ? 'kube-apiserver fails with "--service-cluster-ip-range must not contain more than two entries"'
        : 'kube-apiserver fails with "--service-cluster-ip-range[0] and --service-cluster-ip-range[1] must be of different IP family"';
    case 'kube-controller-manager':
      return tooMany
        ? 'kube-controller-manager fails: at most two cluster CIDRs, one per family'
        : 'kube-controller-manager fails: the cluster CIDRs "are not configured as dual stack (at least one from each IPFamily)"';
    case 'kube-proxy':
      return tooMany
        ? 'kube-proxy rejects it: "only one CIDR allowed or a valid DualStack CIDR (e.g. 10.100.0.0/16,fde4:8dba:82e1::/48)"'
        : 'kube-proxy rejects it: "must be a valid DualStack CIDR (e.g. 10.100.0.0/16,fde4:8dba:82e1::/48)"';
    case 'kubernetes':
      if (fact.role === 'service-network') {
        return tooMany ? 'the API server rejects it: "may only hold up to 2 values"' : 'the API server rejects it: "may specify no more than one IP for each IP family, i.e 192.168.0.0/24 and 2001:db8::/64"';
      }
      if (fact.role === 'cluster-ip') return 'the API server rejects it: "may specify no more than one IP for each IP family"';
      return 'the API server rejects it: "may specify no more than one CIDR for each IP family"';
    case 'k3s':
      return 'k3s hands the list to kube-apiserver and kube-controller-manager, which take one IPv4 and one IPv6 entry at most';
    default:
      return `${ownerName(fact.component)} rejects it`;
  }
}

/**
 * One finding per list: on the whole value when it is one comma-separated scalar, else on each
 * element that repeats a family already listed (with two families, every entry past the second does).
 */
function listShape(ctx: RuleContext, list: ValueList): Finding[] {
  const facts = list.facts.filter(isJudgeable);
  if (facts.length < 2) return [];
  const families = facts.map((f) => f.value.range.family);
  const tooMany = facts.length > 2;
  const sameFamily = facts.length === 2 && families[0] === families[1];
  if (!tooMany && !sameFamily) return [];
  const first = facts[0];
  const listed = familiesText(families);
  const shape = tooMany
    ? `holds ${facts.length} entries (${listed}): a dual-stack list takes at most two, one IPv4 and one IPv6`
    : `holds two ${familyName(families[0])} entries: a dual-stack list takes one IPv4 and one IPv6 entry`;
  if (isCommaString(ctx, list) && list.facts.length === list.length) {
    const span: Span = listSpan(list);
    const text = ctx.plan.scope.files.find((f) => f.uri === list.uri)?.text.slice(span.start, span.end) ?? '';
    return [{ rule: 'wrong-family', severity: 'error', message: `"${text}" (${first.source}) ${shape} — ${shapeRejection(first, tooMany)}`, uri: list.uri, span, related: [], fixes: [] }];
  }
  const seen = new Set<Family>();
  // Aliases of one anchor (`clusterIPs: [*ip, *ip, …]`) are entries at one place: one finding there.
  const reported = new Set<number>();
  const out: Finding[] = [];
  facts.forEach((fact, i) => {
    const family = fact.value.range.family;
    if (seen.has(family) && !reported.has(fact.span.start)) {
      reported.add(fact.span.start);
      const what = tooMany
        ? `is entry ${i + 1} of ${facts.length} (${listed}): a dual-stack list takes at most two, one IPv4 and one IPv6`
        : `is a second ${familyName(family)} entry: a dual-stack list takes one IPv4 and one IPv6 entry`;
      out.push(findingOn(fact, 'wrong-family', 'error', `${fact.text} (${fact.source}) ${what} — ${shapeRejection(first, tooMany)}`));
    }
    seen.add(family);
  });
  return out;
}

/**
 * The families of a list's entries: named one by one for a short list, counted for a long one. Each
 * entry's message repeats this, so naming all 50,000 entries of a long list ran out of memory.
 */
function familiesText(families: readonly Family[]): string {
  if (families.length <= 8) return families.map(familyName).join(', ');
  const counts = ([4, 6] as const).map((family) => [family, families.filter((f) => f === family).length] as const);
  return counts
    .filter(([, count]) => count > 0)
    .map(([family, count]) => `${count} ${familyName(family)}`)
    .join(', ');
}

/**
 * kind's `networking.ipFamily` against its subnets (kind `validateSubnets`): single-stack takes one
 * subnet of that family, `dual` one per family. The kind extractor records the family as the
 * `ipFamily` attribute of the subnet facts.
 */
function kindIpFamily(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const fact of ctx.plan.facts) {
    if (fact.component !== 'kind' || fact.isDefault || !isJudgeable(fact)) continue;
    if (fact.role !== 'pod-network' && fact.role !== 'service-network') continue;
    if (fact.syntax.family !== undefined) continue; // Already judged per element above.
    if (fact.attributes?.ipFamily === undefined) continue;
    const ipFamily = String(fact.attributes.ipFamily).toLowerCase();
    if (ipFamily === 'dual') continue; // The list shape check covers dual-stack.
    const wanted: Family | undefined = ipFamily === 'ipv4' ? 4 : ipFamily === 'ipv6' ? 6 : undefined;
    if (wanted === undefined) continue;
    const family = fact.value.range.family;
    if (fact.list && fact.list.length > 1) continue; // kindSingleStackList's case.
    if (family === wanted) continue;
    out.push(findingOn(fact, 'wrong-family', 'error', `${fact.text} (${fact.source}) is ${familyName(family)}, but ipFamily is ${ipFamily} — kind fails with "expected IPv${wanted} CIDR for IPv${wanted} family"`));
  }
  return out;
}

function isKindSingleStack(fact: Fact): boolean {
  const ipFamily = fact.attributes?.ipFamily;
  return fact.component === 'kind' && ipFamily !== undefined && String(ipFamily).toLowerCase() !== 'dual';
}

/** A single-stack kind cluster lists two or more subnets: one finding on the whole value. */
function kindSingleStackList(ctx: RuleContext, list: ValueList): Finding[] {
  if (list.facts.filter(isJudgeable).length < 2) return [];
  const first = list.facts[0];
  const ipFamily = String(first.attributes?.ipFamily).toLowerCase();
  const span = isCommaString(ctx, list) ? listSpan(list) : first.span;
  const message = `${first.source} lists ${list.facts.length} subnets, but ipFamily is ${ipFamily} — kind fails with "only one CIDR allowed for single-stack networking"; set ipFamily: dual for a dual-stack cluster`;
  return [{ rule: 'wrong-family', severity: 'error', message, uri: list.uri, span, related: [], fixes: [] }];
}
