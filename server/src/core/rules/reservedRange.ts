// Rule: reserved-range — a range the cluster hands out lies in special-purpose or public address space.
//
// Loopback, link-local, multicast, `0.0.0.0/8` and `240.0.0.0/4` (and their IPv6 counterparts) cannot
// carry pod or Service traffic: Calico rejects such pools (`IPPool CIDR overlaps with IPv4 Link Local
// range 169.254.0.0/16`), the API server rejects such external IPs (`may not be in the loopback range`),
// and `169.254.169.254` is every cloud's metadata service — error. Documentation and benchmarking
// ranges are placeholders copied from examples — warning; so is public IPv4 space used for pods or
// Services, which then shadow the real hosts with those addresses, and IPv6 space that IANA has not
// assigned at all (outside 2000::/3 and fc00::/7). CGNAT `100.64.0.0/10` is usable (EKS pods use it) but
// collides with carrier NAT and Tailscale, and `fec0::/10` is deprecated (kubeadm warns) — info
// (domain-rules.md §16.3, §18 HOST-001/002/005/007/008); not on an owner's default there (kops carves
// its pod and service ranges from CGNAT by design), which is no choice of the user's to reconsider.
//
// Only ranges the cluster owns are judged: pod, service and CNI pool ranges fully; load-balancer pools
// and addresses, which are public by design, only for special-purpose space (placeholders as info);
// Node podCIDRs and Calico blocks only for unusable space. Peers (policy CIDRs, source ranges, BGP),
// node addresses, cluster DNS addresses (NodeLocal DNSCache is link-local) and secondary networks
// legitimately name any space and are never judged. Global IPv6 unicast (2000::/3) is normal for pods
// in IPv6 clusters and is not reported.

import type { Fact, Finding, Role, Severity } from '../model';
import { IpRange, formatRange, intersectionSize, prefixToRange, rangesOverlap } from '../net/prefix';
import { rangeSetFrom, rangeSetRanges, rangeSetSubtract, rangeSetToPrefixes } from '../net/rangeSet';
import { findContainers } from '../net/sweep';
import { PRIVATE_IPV4_BLOCKS } from '../net/freeSpace';
import { SPECIAL_RANGES, SpecialKind, SpecialRange, rangeOfLiteral } from '../net/specialRanges';
import type { RangeFact } from '../plan/plan';
import { formatCount } from '../text/format';
import { findingOn } from './report';
import { moveFixes } from './freeSubnetFixes';
import { isJudgeable, ownerName } from './perValue';
import type { Rule } from './rule';

/** RFC 1918 space: never reported. */
const PRIVATE_IPV4 = PRIVATE_IPV4_BLOCKS;
/**
 * Publicly assigned blocks that a platform hands out as private service ranges: GKE's
 * Google-provided service range. Not "public space" for our purpose.
 */
const PROVIDER_SERVICE_RANGES = ['34.118.224.0/20'].map((t) => rangeOfLiteral(4, t));
/** IPv6 space IANA has assigned a purpose: global unicast, unique local, link-local, site-local, multicast. */
const ASSIGNED_IPV6 = ['2000::/3', 'fc00::/7', 'fe80::/10', 'fec0::/10', 'ff00::/8'].map((t) => rangeOfLiteral(6, t));

/** IPv4 space that is neither private nor special-purpose: the public internet. */
const NOT_PUBLIC_IPV4 = rangeSetFrom([...PRIVATE_IPV4, ...PROVIDER_SERVICE_RANGES, ...SPECIAL_RANGES.filter((s) => s.range.family === 4).map((s) => s.range)]);
/** IPv6 space that is assigned or listed above: the rest is IETF-reserved. */
const NOT_UNASSIGNED_IPV6 = rangeSetFrom([...ASSIGNED_IPV6, ...SPECIAL_RANGES.filter((s) => s.range.family === 6).map((s) => s.range)]);

/** Ranges judged fully, public space included. */
const NETWORK_ROLES = new Set<Role>(['pod-network', 'service-network', 'cni-pod-pool']);
/** Load-balancer space: public by design, so only special-purpose space is judged. */
const LB_ROLES = new Set<Role>(['lb-pool', 'lb-ip', 'external-ip']);
/**
 * Allocations from the pod network, judged only for unusable space and only when no owned range in
 * the scope contains them (else the range is the one to fix). Service addresses are address-outside-
 * range's business, and `clusterDNS` may legitimately be link-local (NodeLocal DNSCache listens on
 * 169.254.20.10); secondary networks attach pods to physical networks, which may use any space.
 */
const UNUSABLE_ONLY_ROLES = new Set<Role>(['node-pod-cidr', 'ipam-block']);
const ALLOCATION_ROLES = UNUSABLE_ONLY_ROLES;

const SEVERITY: Record<SpecialKind, Severity> = { unusable: 'error', placeholder: 'warning', advisory: 'info' };
const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export const reservedRange: Rule = {
  id: 'reserved-range',
  defaultSeverity: 'error',
  description: 'A range the cluster hands out lies in loopback, link-local, multicast, reserved, documentation, CGNAT or public address space.',
  run(ctx) {
    const candidates = ctx.plan.facts.filter(isJudgeable).filter((f) => NETWORK_ROLES.has(f.role) || LB_ROLES.has(f.role) || UNUSABLE_ONLY_ROLES.has(f.role));
    // An allocation inside an owned range is judged through that range.
    const owned = candidates.filter((f) => NETWORK_ROLES.has(f.role));
    const allocations = candidates.filter((f) => ALLOCATION_ROLES.has(f.role));
    const contained = findContainers(owned, (f) => f.value.range, allocations, (f) => f.value.range);
    // A load-balancer address inside a pool is judged through the pool.
    const pools = candidates.filter((f) => f.role === 'lb-pool');
    const lbIps = candidates.filter((f) => f.role === 'lb-ip');
    const pooled = findContainers(pools, (f) => f.value.range, lbIps, (f) => f.value.range);
    const findings: Finding[] = [];
    for (const fact of candidates) {
      if (ALLOCATION_ROLES.has(fact.role) && (contained.get(fact)?.length ?? 0) > 0) continue;
      if (fact.role === 'lb-ip' && (pooled.get(fact)?.length ?? 0) > 0) continue;
      const finding = judge(fact);
      if (!finding) continue;
      // Errors and warnings are worth moving the range for; the free-subnet helper avoids reserved space.
      findings.push(finding.severity === 'info' ? finding : { ...finding, fixes: moveFixes(ctx, fact) });
    }
    return findings;
  },
};

interface Hit {
  readonly severity: Severity;
  readonly what: string;
  /** The part of the value concerned, when it is not the special range itself. */
  readonly sample?: string;
  readonly why: string;
  readonly shared: bigint;
}

function judge(fact: RangeFact): Finding | undefined {
  // `::ffff:10.0.0.0/104` is IPv4 to its Go owner; non-standard-notation reports the notation.
  if (fact.value.kind !== 'range' && fact.value.notation.ipv4Mapped) return undefined;
  const range = fact.value.range;
  const hits: Hit[] = [];
  for (const s of SPECIAL_RANGES) {
    if (!rangesOverlap(s.range, range)) continue;
    if (s.kind !== 'unusable' && UNUSABLE_ONLY_ROLES.has(fact.role)) continue;
    // An owner's default in advisory space (kops' 100.64.0.0/10 ranges) is its deliberate design: a note on it is noise.
    if (s.kind === 'advisory' && fact.isDefault) continue;
    // Load-balancer space is often deliberately unusual (lab pools, examples): placeholders are advisory there.
    const severity = s.kind === 'placeholder' && LB_ROLES.has(fact.role) ? 'info' : SEVERITY[s.kind];
    hits.push({ severity, what: `${s.name} ${s.text}`, why: specialWhy(s, fact), shared: intersectionSize(s.range, range) });
  }
  if (!UNUSABLE_ONLY_ROLES.has(fact.role)) {
    if (range.family === 6) {
      const rest = rangeSetSubtractAll(range, NOT_UNASSIGNED_IPV6);
      if (rest.size > 0n) hits.push({ severity: 'warning', what: 'IETF-reserved IPv6 space', sample: rest.sample, why: 'IANA has not assigned it for use: it lies outside global unicast 2000::/3 and unique local fc00::/7 (use fd00::/8 for private ranges)', shared: rest.size });
    } else if (NETWORK_ROLES.has(fact.role)) {
      const rest = rangeSetSubtractAll(range, NOT_PUBLIC_IPV4);
      if (rest.size > 0n) {
        const who = fact.role === 'service-network' ? 'ClusterIPs' : 'pod addresses';
        hits.push({ severity: 'warning', what: 'public address space', sample: rest.sample, why: `${who} would shadow the real internet hosts with those addresses (use RFC 1918 space)`, shared: rest.size });
      }
    }
  }
  if (hits.length === 0) return undefined;
  const worst = hits.reduce((a, b) => (RANK[b.severity] > RANK[a.severity] ? b : a));
  const same = hits.filter((h) => h.severity === worst.severity);
  const shared = same.reduce((n, h) => n + h.shared, 0n);
  const inside = shared >= range.last - range.first + 1n;
  const named = same.slice(0, 3).map((h) => (inside && same.length === 1 ? h.what : `${h.what}${h.sample ? ` (${h.sample})` : ''}`));
  const more = same.length > 3 ? ` and ${same.length - 3} more` : '';
  const label = `${fact.text || formatRange(range)} (${fact.source}${fact.isDefault ? ', default' : ''})`;
  const count = fact.value.kind === 'address' || inside ? '' : ` — ${formatCount(shared)} address${shared === 1n ? '' : 'es'} shared`;
  const message = `${label} ${inside ? 'lies in' : 'overlaps'} ${named.join(', ')}${more}${count}: ${worst.why}`;
  return findingOn(fact, 'reserved-range', worst.severity, message);
}

function specialWhy(s: SpecialRange, fact: Fact): string {
  if (s.kind === 'unusable' && fact.role === 'external-ip' && fact.component === 'kubernetes') {
    if (s.text === '127.0.0.0/8' || s.text === '::1/128') return 'the API server rejects it: "may not be in the loopback range (127.0.0.0/8, ::1/128)"';
    if (s.text === '169.254.0.0/16' || s.text === 'fe80::/10') return 'the API server rejects it: "may not be in the link-local range (169.254.0.0/16, fe80::/10)"';
    if (s.text === '0.0.0.0/8' && isJudgeable(fact) && fact.value.kind === 'address' && fact.value.range.first === 0n) return 'the API server rejects it: "may not be unspecified (0.0.0.0)"';
  }
  if ((s.text === '169.254.0.0/16' || s.text === 'fe80::/10') && (fact.component === 'calico' || fact.component === 'calico-operator' || fact.component === 'calico-node')) {
    return `${ownerName(fact.component)} refuses the pool: "IPPool CIDR overlaps with IPv${s.range.family} Link Local range ${s.text}"`;
  }
  return s.why;
}

/** The part of `range` outside `set`: its size and a sample prefix for the message. */
function rangeSetSubtractAll(range: IpRange, set: ReturnType<typeof rangeSetFrom>): { size: bigint; sample: string } {
  let rest = rangeSetFrom([range]);
  for (const r of rangeSetRanges(set, range.family)) {
    if (r.last < range.first || r.first > range.last) continue;
    rest = rangeSetSubtract(rest, r);
  }
  const parts = rangeSetRanges(rest, range.family);
  const size = parts.reduce((n, r) => n + (r.last - r.first + 1n), 0n);
  if (size === 0n) return { size, sample: '' };
  const prefixes = rangeSetToPrefixes(rest);
  const sample = prefixes.length === 1 ? formatRange(prefixToRange(prefixes[0])) : `${formatRange(prefixToRange(prefixes[0]))} and ${prefixes.length - 1} more block${prefixes.length === 2 ? '' : 's'}`;
  return { size, sample };
}
