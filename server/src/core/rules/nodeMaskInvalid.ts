// Rule: node-mask-invalid — a per-node pod subnet size that its owner refuses, or that yields no usable node subnets.
//
// kube-controller-manager splits `--cluster-cidr` into blocks of the node mask. A mask shorter than the
// cluster prefix yields no block at all (`maxCIDRs = 1 << (mask − prefix)` with a negative shift is 0),
// so every node waits for a podCIDR with `CIDRNotAvailable`; kubeadm refuses it up front ("the size of
// pod subnet with mask %d is smaller than the size of node subnet with mask %d"). An IPv6 difference
// above 16 bits fails KCM's and Cilium's cidrset ("New CIDR set failed; the node CIDR size is too
// big"), and kubeadm applies the same limit to both families ("pod subnet mask (%d) and node-mask (%d)
// difference is greater than 16"). KCM refuses contradictory flags at startup (setNodeCIDRMaskSizes):
// the plain `--node-cidr-mask-size` with a per-family one or with a dual-stack cluster CIDR, and a
// per-family flag for the family the cluster does not have. kubeadm validates only the per-family
// flags (or 24/64), never the plain one KCM honours (domain-rules.md §3, §6, §11, §18 SIZE-004/005,
// CONS-009/010).

import type { Fact, Finding, Fix } from '../model';
import type { Family } from '../net/addr';
import { formatPrefix, masked, prefixFrom } from '../net/prefix';
import { KCM_DEFAULT_NODE_MASK, KCM_OWNERS, allocatesNodeCidrs } from '../plan/capacity';
import type { RangeFact } from '../plan/plan';
import { groupRanges, planIndexOf } from '../plan/planIndex';
import { formatCount } from '../text/format';
import { fileTextOf, replaceValue } from './perValue';
import type { Rule, RuleContext } from './rule';
import { FindingSet, at, bitsFor, label, numberFix, pow2, related, rangeEdits } from './sizeCapacityReport';
import { capacityOf } from '../plan/capacity';

/** KCM's and Cilium's `clusterSubnetMaxDiff`, kubeadm's `PodSubnetNodeMaskMaxDiff`. */
const MAX_DIFF = 16;
/** openshift-install: "cluster network host subnetwork prefix must be 64 for IPv6 networks" (pkg/types/validation). */
const OPENSHIFT_IPV6_HOST_PREFIX = 64;
/** Owners whose masks kubeadm validates: kubeadm itself, and kind and Cluster API, which run it. */
const KUBEADM_LIKE = new Set<Fact['component']>(['kubeadm', 'kind', 'cluster-api', 'kubeone']);

export const nodeMaskInvalid: Rule = {
  id: 'node-mask-invalid',
  defaultSeverity: 'error',
  description: 'A node mask shorter than the pod range, more than 16 bits longer than it (IPv6; IPv4 under kubeadm), out of range, or given by contradictory flags.',
  run(ctx) {
    const out = new FindingSet('node-mask-invalid');
    const masks = ctx.plan.factsOf('node-mask').filter((m) => m.value.kind === 'number');
    for (const mask of masks) {
      if (KCM_OWNERS.has(mask.component)) {
        if (!allocatesNodeCidrs(ctx.plan, mask)) continue; // KCM's node IPAM is off: no mask is read.
        conflictingFlags(ctx, mask, out);
        // One finding per mask: what the mask in effect does (KCM's split) outranks kubeadm ignoring it.
        sizeChecks(ctx, mask, kcmClusterCidrs(ctx, mask), out);
        kubeadmIgnoresPlainFlag(ctx, mask, out);
      } else if (mask.component === 'cilium') {
        const pools = groupRanges(ctx.plan, mask.group, 'cni-pod-pool').filter((p) => p.component === 'cilium' && p.value.kind === 'prefix' && p.value.range.family === mask.attributes?.family);
        sizeChecks(ctx, mask, pools, out);
      }
    }
    return out.findings;
  },
};

// ---- which ranges a mask splits -------------------------------------------------------------------

/**
 * The cluster CIDRs kube-controller-manager splits with this mask's owner: its `--cluster-cidr` (kubeadm:
 * an extraArgs cluster-cidr, else podSubnet), or, when the owner names none (a KubeadmControlPlane
 * beside a Cluster API Cluster), the pools the capacity model found this mask in effect for.
 */
function kcmClusterCidrs(ctx: RuleContext, mask: Fact): RangeFact[] {
  // An OpenShift hostPrefix splits its own clusterNetwork entry only (the `entry` attribute pairs them).
  const own = groupRanges(ctx.plan, mask.group, 'pod-network').filter((p) => p.attributes?.entry === mask.attributes?.entry && p.value.kind === 'prefix');
  const explicitCidr = own.filter((p) => p.component === 'kube-controller-manager' || p.source.includes('extraArgs'));
  if (own.length > 0) return explicitCidr.length > 0 ? explicitCidr : own;
  return capacityOf(ctx.plan).nodeSubnets.filter((n) => n.allocator === 'kube-controller-manager' && n.mask.fact === mask).map((n) => n.pool);
}

function familiesOf(ranges: readonly RangeFact[]): Family[] {
  return [...new Set(ranges.map((r) => r.value.range.family))];
}

function flagOf(mask: Fact): string {
  return String(mask.attributes?.flag ?? 'node-cidr-mask-size');
}

function maskFamily(mask: Fact): Family | undefined {
  const f = mask.attributes?.family;
  return f === 4 || f === 6 ? f : undefined;
}

// ---- contradictory flags (KCM setNodeCIDRMaskSizes) -----------------------------------------------------

function conflictingFlags(ctx: RuleContext, mask: Fact, out: FindingSet): void {
  if (mask.isDefault) return;
  const families = familiesOf(kcmClusterCidrs(ctx, mask));
  const family = maskFamily(mask);
  const kcmFails = (text: string) => `kube-controller-manager refuses to start: "${text}"`;
  if (family === undefined) {
    if (families.length === 2) {
      out.add(mask, 'error', `${flagOf(mask)} ${mask.text} (${mask.source}) is set while the cluster CIDR is dual-stack — ${kcmFails('usage of --node-cidr-mask-size is not allowed with dual-stack clusters')}; use node-cidr-mask-size-ipv4 and node-cidr-mask-size-ipv6`);
      return;
    }
    const perFamily = planIndexOf(ctx.plan).inGroup(mask.group).filter((m) => m.role === 'node-mask' && m.value.kind === 'number' && !m.isDefault && maskFamily(m) !== undefined && KCM_OWNERS.has(m.component));
    const text = 'usage of --node-cidr-mask-size-ipv4 and --node-cidr-mask-size-ipv6 is not allowed if --node-cidr-mask-size is set. For dual-stack clusters please unset it and use IPFamily specific flags';
    for (const other of perFamily) {
      const plainSide = `${flagOf(mask)} ${mask.text} (${mask.source}) is set together with ${flagOf(other)} ${other.text} (${at(ctx, other)}) — ${kcmFails(text)}`;
      const otherSide = `${flagOf(other)} ${other.text} (${other.source}) is set together with ${flagOf(mask)} ${mask.text} (${at(ctx, mask)}) — ${kcmFails(text)}`;
      out.add(mask, 'error', plainSide, related(other, otherSide));
      out.add(other, 'error', otherSide, related(mask, plainSide));
    }
    return;
  }
  if (families.length !== 1 || families[0] === family) return;
  const cidrs = kcmClusterCidrs(ctx, mask);
  const stack = family === 4 ? 'IPv6' : 'IPv4';
  out.add(
    mask,
    'error',
    `${flagOf(mask)} ${mask.text} (${mask.source}) is set, but the cluster CIDR ${cidrs.map((c) => `${c.text} (${at(ctx, c)})`).join(', ')} is single-stack ${stack} — ${kcmFails(`usage of --${flagOf(mask)} is not allowed for a single-stack ${stack} cluster`)}`,
    related(cidrs[0], `the single-stack ${stack} cluster CIDR`),
  );
}

// ---- kubeadm validates the per-family flags only (CONS-010) ----------------------------------------------

function kubeadmIgnoresPlainFlag(ctx: RuleContext, mask: Fact, out: FindingSet): void {
  if (mask.component !== 'kubeadm' || mask.isDefault || maskFamily(mask) !== undefined || mask.value.kind !== 'number') return;
  const subnets = groupRanges(ctx.plan, mask.group, 'pod-network').filter((p) => p.source === 'kubeadm networking.podSubnet' && p.value.kind === 'prefix');
  const families = familiesOf(subnets);
  if (families.length !== 1) return; // Dual-stack: KCM refuses the plain flag anyway (conflictingFlags).
  const family = families[0];
  const perFamily = `node-cidr-mask-size-ipv${family}`;
  const fixes = renameFlagFix(ctx, mask, perFamily);
  const fallback = KCM_DEFAULT_NODE_MASK[family];
  for (const subnet of subnets) {
    const bits = prefixBitsOf(subnet);
    const failure =
      fallback < bits
        ? `the size of pod subnet with mask ${bits} is smaller than the size of node subnet with mask ${fallback}`
        : fallback - bits > MAX_DIFF
          ? `pod subnet mask (${bits}) and node-mask (${fallback}) difference is greater than ${MAX_DIFF}`
          : undefined;
    if (failure) {
      out.add(mask, 'error', `kubeadm ignores ${flagOf(mask)} ${mask.text} (${mask.source}) in its own checks and validates ${label(subnet)} against the default /${fallback} instead: it fails with "${failure}" — set ${perFamily}`, related(subnet, `the pod subnet kubeadm checks against /${fallback}`), fixes);
      return;
    }
  }
  out.add(
    mask,
    'warning',
    `kubeadm ignores ${flagOf(mask)} ${mask.text} (${mask.source}) in its own checks and validates the pod subnet against ${perFamily} (default /${fallback}), while kube-controller-manager uses /${mask.text} — set ${perFamily} so both read the same mask`,
    [],
    fixes,
  );
}

/** Renames `node-cidr-mask-size` to the per-family flag where the key sits right before the value (map or `name:`/`value:` form). */
function renameFlagFix(ctx: RuleContext, mask: Fact, newName: string): Fix[] {
  const text = fileTextOf(ctx, mask.doc.uri);
  if (text === undefined || replaceValue(ctx, mask, mask.text) === undefined) return [];
  const before = text.slice(Math.max(0, mask.span.start - 200), mask.span.start);
  const matches = [...before.matchAll(/node-cidr-mask-size(?![-\w])/g)];
  const last = matches[matches.length - 1];
  if (!last) return [];
  const between = before.slice(last.index! + last[0].length);
  if (!/^["']?[ \t]*:[ \t]*["']?$/.test(between) && !/^["']?[ \t]*\r?\n[ \t]*value[ \t]*:[ \t]*["']?$/.test(between)) return [];
  const start = mask.span.start - before.length + last.index!;
  return [{ title: `Rename to ${newName}`, edits: [{ uri: mask.doc.uri, span: { start, end: start + last[0].length }, newText: newName }], isPreferred: true }];
}

// ---- sizes ----------------------------------------------------------------------------------------------------

function prefixBitsOf(fact: RangeFact): number {
  return fact.value.kind === 'prefix' ? fact.value.prefix.bits : 0;
}

function sizeChecks(ctx: RuleContext, mask: Fact, clusterCidrs: readonly RangeFact[], out: FindingSet): void {
  if (mask.value.kind !== 'number') return;
  const value = mask.value.value;
  // KCM reads 0 as "the default for the family"; Cilium's CRD requires at least 1.
  if (value === 0 && mask.component !== 'cilium') return;
  const declared = maskFamily(mask);
  const families = familiesOf(clusterCidrs);
  const family = declared ?? (families.length === 1 ? families[0] : undefined);
  const width = family === 6 ? 128 : family === 4 ? 32 : 128;
  if (value > width || (mask.component === 'cilium' && value === 0)) {
    if (mask.isDefault) return;
    const range = family === undefined ? '0..32 (IPv4) or 0..128 (IPv6)' : `${mask.component === 'cilium' ? 1 : 0}..${width}`;
    const owner = mask.component === 'cilium' ? `the Cilium operator fails with "SubNetMask is invalid, should be lower or equal to 32 for IPv4 and to 128 for IPv6"` : 'kube-controller-manager cannot split the cluster CIDR with it';
    out.add(mask, 'error', `${flagOf(mask) === 'node-cidr-mask-size' || mask.component === 'cilium' ? '' : `${flagOf(mask)} `}${mask.text} (${mask.source}) is not a valid ${family === 6 ? 'IPv6 ' : family === 4 ? 'IPv4 ' : ''}prefix length (${range}) — ${owner}`);
    return;
  }
  if (family === undefined) return;
  if (mask.component === 'openshift' && family === 6 && value !== OPENSHIFT_IPV6_HOST_PREFIX) {
    out.add(mask, 'error', `hostPrefix ${mask.text} (${mask.source}) is not ${OPENSHIFT_IPV6_HOST_PREFIX} on an IPv6 cluster network — openshift-install refuses it: "cluster network host subnetwork prefix must be 64 for IPv6 networks"`, [], numberFix(ctx, mask, OPENSHIFT_IPV6_HOST_PREFIX, `Set hostPrefix to ${OPENSHIFT_IPV6_HOST_PREFIX}`, true));
    return;
  }
  for (const cidr of clusterCidrs) {
    if (cidr.value.range.family !== family) continue;
    const bits = prefixBitsOf(cidr);
    if (value < bits) shorterThanRange(ctx, mask, value, cidr, out);
    // OVN-Kubernetes' subnet allocator has no 16-bit limit; openshift-install checks only the two above.
    else if (value - bits > MAX_DIFF && mask.component !== 'openshift') tooManyBits(ctx, mask, value, cidr, out);
  }
}

function kubeadmFails(mask: Fact): string {
  const via: Partial<Record<Fact['component'], string>> = { kind: 'kind', 'cluster-api': 'Cluster API', kubeone: 'KubeOne' };
  return via[mask.component] ? `${via[mask.component]} passes it to kubeadm, which fails` : 'kubeadm fails';
}

function maskLabel(mask: Fact, value: number): string {
  return `node mask /${value} (${mask.source}${mask.isDefault ? ', default' : ''})`;
}

function shorterThanRange(ctx: RuleContext, mask: Fact, value: number, cidr: RangeFact, out: FindingSet): void {
  const bits = prefixBitsOf(cidr);
  const kubeadm = KUBEADM_LIKE.has(mask.component) && maskFamily(mask) !== undefined;
  const consequence = kubeadm
    ? `${kubeadmFails(mask)} with "the size of pod subnet with mask ${bits} is smaller than the size of node subnet with mask ${value}"`
    : mask.component === 'openshift'
      ? `openshift-install refuses it: "cluster network host subnetwork prefix must not be larger size than CIDR ${cidr.text}"`
      : mask.component === 'cilium'
      ? 'the Cilium operator has no node CIDR to give out, so no node gets pod addresses'
      : 'kube-controller-manager has no node subnet to give out, so every node waits for a podCIDR (CIDRNotAvailable)';
  if (!mask.isDefault) {
    const message = `${maskLabel(mask, value)} is shorter than the pod range ${cidr.text} (${cidr.source}${cidr.isDefault ? ', default' : ''}, ${at(ctx, cidr)}): a node subnet cannot be larger than the range it is carved from — ${consequence}`;
    out.add(mask, 'error', message, related(cidr, `the pod range the /${value} node subnets are carved from`), shorterMaskFixes(ctx, mask, cidr));
    return;
  }
  // A default mask: the finding is about the range being smaller than one node subnet.
  if (cidr.isDefault) return;
  if (KUBEADM_LIKE.has(cidr.component) && pow2((cidr.value.range.family === 4 ? 32 : 128) - bits) < 14n) return; // range-too-small reports it.
  const message = `${label(cidr)} is smaller than one node subnet of /${value} (${mask.source}, default): ${consequence}`;
  out.add(cidr, 'error', message);
}

/** A mask that fits the range: the longest one whose subnets still hold twice maxPods (GKE's guidance), else maxPods. */
function shorterMaskFixes(ctx: RuleContext, mask: Fact, cidr: RangeFact): Fix[] {
  const family = cidr.value.range.family;
  const width = family === 4 ? 32 : 128;
  const bits = prefixBitsOf(cidr);
  const maxPods = BigInt(capacityOf(ctx.plan).maxPods.value);
  const reserve = family === 4 ? 3n : 2n;
  for (const needed of [2n * maxPods, maxPods + reserve]) {
    const m = width - bitsFor(needed);
    if (m >= bits && m <= width) {
      const subnets = pow2(m - bits);
      return numberFix(ctx, mask, m, `Set node mask to /${m} (${formatCount(subnets)} node subnet${subnets === 1n ? '' : 's'} of ${formatCount(pow2(width - m))} addresses)`, true);
    }
  }
  return [];
}

function tooManyBits(ctx: RuleContext, mask: Fact, value: number, cidr: RangeFact, out: FindingSet): void {
  const family = cidr.value.range.family;
  const bits = prefixBitsOf(cidr);
  const kubeadm = KUBEADM_LIKE.has(mask.component) && maskFamily(mask) !== undefined;
  const kubeadmText = `${kubeadmFails(mask)} with "pod subnet mask (${bits}) and node-mask (${value}) difference is greater than ${MAX_DIFF}"`;
  let severity: Finding['severity'];
  let consequence: string;
  if (family === 6) {
    severity = 'error';
    const cidrset = mask.component === 'cilium' ? 'the Cilium operator' : 'kube-controller-manager';
    consequence = kubeadm ? kubeadmText : `${cidrset} fails with "New CIDR set failed; the node CIDR size is too big" (IPv6 allows at most ${MAX_DIFF} bits)`;
  } else if (kubeadm) {
    severity = 'error';
    consequence = kubeadmText;
  } else {
    severity = 'info';
    consequence = `${formatCount(pow2(value - bits))} node subnets; ${mask.component === 'cilium' ? 'the Cilium operator' : 'kube-controller-manager'} accepts it for IPv4, but keeps a bitmap of them all, and kubeadm would refuse a difference above ${MAX_DIFF}`;
  }
  const head = `${maskLabel(mask, value)} is ${value - bits} bits longer than the pod range ${cidr.text} (${cidr.source}${cidr.isDefault ? ', default' : ''}, ${at(ctx, cidr)})`;
  const fixes = [...shrinkRangeFix(ctx, cidr, value, severity === 'error'), ...numberFix(ctx, mask, bits + MAX_DIFF, `Set node mask to /${bits + MAX_DIFF} (${formatCount(pow2(MAX_DIFF))} node subnets)`)];
  if (!mask.isDefault) {
    out.add(mask, severity, `${head} — ${consequence}`, related(cidr, `the pod range split into /${value} node subnets`), fixes);
    return;
  }
  if (cidr.isDefault) return;
  out.add(cidr, severity, `${label(cidr)} is ${value - bits} bits shorter than its node subnets of /${value} (${mask.source}, default) — ${consequence}`, [], fixes);
}

/** Shrinks the range in place to mask − 16 bits, so the same node mask gives 65,536 node subnets. */
function shrinkRangeFix(ctx: RuleContext, cidr: RangeFact, mask: number, preferred: boolean): Fix[] {
  if (cidr.value.kind !== 'prefix') return [];
  const text = formatPrefix(masked(prefixFrom(cidr.value.prefix.addr, mask - MAX_DIFF)));
  const edits = rangeEdits(ctx, cidr, text);
  if (!edits) return [];
  const files = new Set(edits.map((e) => e.uri)).size;
  return [{ title: `Shrink pod range to ${text} (${formatCount(pow2(MAX_DIFF))} node subnets × /${mask})${files > 1 ? ` in ${files} files` : ''}`, edits, ...(preferred ? { isPreferred: true } : {}) }];
}
