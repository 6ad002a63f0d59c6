// Rule: flannel-subnet-len-invalid — a flannel SubnetLen, SubnetMin or SubnetMax that flannel rejects, or that it ignores.
//
// With the etcd subnet manager, flanneld checks its config at startup (`CheckNetworkConfig`) and stops
// on: `SubnetLen` above 30 ("SubnetLen must be less than /31"; IPv6 above 126, "/127"), a `SubnetLen`
// that does not split `Network` into at least four subnets ("network must be able to accommodate at
// least four subnets"), a `SubnetMin`/`SubnetMax` outside `Network` ("SubnetMin is not in the range of
// the Network") or not on a subnet boundary ("SubnetMin is not on a SubnetLen boundary: %v"). With
// `--kube-subnet-mgr` (the standard DaemonSet) the check never runs and the three keys are ignored:
// each node's subnet is its `Node.spec.podCIDR`, sized by kube-controller-manager's node mask, so a
// value written there only misleads (info) (domain-rules.md §10, §18 SIZE-008).

import type { Fact, Fix, Severity } from '../model';
import type { Family } from '../net/addr';
import { addrFrom, formatAddr } from '../net/addr';
import { rangeContainsAddr } from '../net/prefix';
import { usesKubeSubnetMgr } from '../plan/flannelMode';
import type { RangeFact } from '../plan/plan';
import { factsByGroup } from '../plan/planIndex';
import type { Rule, RuleContext } from './rule';
import { FindingSet, at, numberFix, pow2 } from './sizeCapacityReport';
import { rewriteFix } from './perValue';
import { formatCount } from '../text/format';
import { capacityOf } from '../plan/capacity';

export const flannelSubnetLenInvalid: Rule = {
  id: 'flannel-subnet-len-invalid',
  defaultSeverity: 'error',
  description: 'A flannel SubnetLen/SubnetMin/SubnetMax that flannel (etcd subnet manager) rejects; info when the kube subnet manager ignores it.',
  run(ctx) {
    const out = new FindingSet('flannel-subnet-len-invalid');
    const networks = factsByGroup(ctx.plan.rangesOf('cni-pod-pool').filter((f) => f.component === 'flannel' && f.value.kind === 'prefix'));
    const flannelLens = ctx.plan.factsOf('subnet-len').filter((f) => f.component === 'flannel' && f.value.kind === 'number');
    const lens = factsByGroup(flannelLens);
    for (const len of flannelLens) {
      if (len.isDefault) continue;
      const network = networkOf(networks, len);
      if (network) checkLength(ctx, len, network, out);
    }
    for (const bound of ctx.plan.rangesOf('subnet-bound')) {
      if (bound.component !== 'flannel' || bound.value.kind !== 'address') continue;
      const network = networkOf(networks, bound);
      if (!network) continue;
      const len = lens.get(bound.group)?.find((l) => l.attributes?.family === bound.attributes?.family);
      checkBound(ctx, bound, network, effectiveLength(len, network), out);
    }
    return out.findings;
  },
};

/** The flannel Network of a setting's own config (`networks` by group), of the setting's family. */
function networkOf(networks: ReadonlyMap<string, readonly RangeFact[]>, fact: Fact): RangeFact | undefined {
  return networks.get(fact.group)?.find((n) => n.value.range.family === fact.attributes?.family);
}

function key(fact: Fact): string {
  return fact.source.split(' ').pop() ?? fact.source;
}

function widthOf(family: Family): number {
  return family === 4 ? 32 : 128;
}

/** flannel's default SubnetLen: /24 (IPv6 /64) for wide networks, else the prefix plus two. */
function defaultLength(network: RangeFact): number {
  const bits = network.value.kind === 'prefix' ? network.value.prefix.bits : 0;
  const [standard, widest] = network.value.range.family === 4 ? [24, 22] : [64, 62];
  return bits <= widest ? standard : bits + 2;
}

/** The SubnetLen flannel uses: the written one when valid and non-zero, else its default. */
function effectiveLength(len: Fact | undefined, network: RangeFact): number {
  const value = len && len.value.kind === 'number' ? len.value.value : 0;
  return value > 0 && problemOf(value, network) === undefined ? value : defaultLength(network);
}

function problemOf(value: number, network: RangeFact): string | undefined {
  const family = network.value.range.family;
  const bits = network.value.kind === 'prefix' ? network.value.prefix.bits : 0;
  if (value === 0) return undefined; // 0 asks for the default.
  if (value > widthOf(family) - 2) return `SubnetLen must be less than /${widthOf(family) - 1}`;
  if (value < bits + 2) return 'network must be able to accommodate at least four subnets';
  return undefined;
}

/** How the kube subnet manager ignores a key, with the node mask that really sizes node subnets. */
function ignoredText(ctx: RuleContext, fact: Fact, network: RangeFact): string {
  const entry = capacityOf(ctx.plan).nodeSubnets.find((n) => n.allocator === 'kube-controller-manager' && n.effective && n.family === network.value.range.family);
  const mask = entry && entry.mask.origin !== 'assumed' ? `/${entry.mask.value} (${entry.mask.label}${entry.mask.origin === 'default' && entry.mask.fact ? ', default' : ''})` : `(/${fact.attributes?.family === 6 ? 64 : 24} by default)`;
  const assumed = fact.attributes?.kubeSubnetMgrAssumed === true ? ' (the standard DaemonSet mode; this file shows no flanneld command line)' : '';
  return `flannel runs with --kube-subnet-mgr${assumed}, which ignores ${key(fact)}: each node's subnet is its Node podCIDR, sized by kube-controller-manager's node mask ${mask}`;
}

function checkLength(ctx: RuleContext, len: Fact, network: RangeFact, out: FindingSet): void {
  if (len.value.kind !== 'number') return;
  const value = len.value.value;
  const problem = problemOf(value, network);
  const kube = usesKubeSubnetMgr(ctx.plan, len);
  const head = `${key(len)} ${len.text} (${len.source})`;
  if (kube) {
    out.add(len, 'info', `${head} is ignored: ${ignoredText(ctx, len, network)}${problem ? ` (with the etcd subnet manager flannel would stop: "${problem}")` : ''}`);
    return;
  }
  if (!problem) return;
  const family = network.value.range.family;
  const bits = network.value.kind === 'prefix' ? network.value.prefix.bits : 0;
  const why =
    value > widthOf(family) - 2
      ? `a node subnet must hold a tunnel and a bridge address besides pods`
      : `${network.text} (${at(ctx, network)}) splits into ${value < bits ? 'no' : `only ${pow2(value - bits)}`} /${value} subnet${value === bits ? '' : 's'}, and flannel never leases the first`;
  const target = defaultLength(network);
  const fixes: Fix[] = target <= widthOf(family) - 2 ? numberFix(ctx, len, target, `Set ${key(len)} to ${target} (${formatCount(pow2(target - bits) - 1n)} leasable subnets)`, true) : [];
  out.add(len, 'error', `${head} is invalid for Network ${network.text}: ${why} — flanneld stops with "${problem}"`, [{ uri: network.doc.uri, span: network.span, message: 'the flannel Network' }], fixes);
}

function checkBound(ctx: RuleContext, bound: RangeFact, network: RangeFact, length: number, out: FindingSet): void {
  if (bound.value.kind !== 'address') return;
  const family = network.value.range.family;
  const name = key(bound);
  const networkName = family === 4 ? 'Network' : 'IPv6Network';
  const addr = bound.value.addr;
  let problem: string | undefined;
  let fixes: Fix[] = [];
  if (!rangeContainsAddr(network.value.range, addr)) {
    problem = `${name} is not in the range of the ${networkName}`;
  } else {
    const size = pow2(widthOf(family) - length);
    const offset = (addr.value - network.value.range.first) % size;
    if (offset !== 0n) {
      problem = `${name} is not on a SubnetLen boundary: ${formatAddr(addr)}`;
      const aligned = formatAddr(addrFrom(family, addr.value - offset));
      fixes = rewriteFix(ctx, bound, `Align to ${aligned}`, aligned, { preferred: true });
    }
  }
  const head = `${name} ${bound.text} (${bound.source})`;
  if (usesKubeSubnetMgr(ctx.plan, bound)) {
    out.add(bound, 'info', `${head} is ignored: ${ignoredText(ctx, bound, network)}${problem ? ` (with the etcd subnet manager flannel would stop: "${problem}")` : ''}`);
    return;
  }
  if (!problem) return;
  const detail = problem.includes('boundary') ? `subnets of /${length} start every ${pow2(widthOf(family) - length)} addresses of ${network.text}` : `${network.text} (${at(ctx, network)}) does not contain it`;
  out.add(bound, 'error' as Severity, `${head}: ${detail} — flanneld stops with "${problem}"`, [{ uri: network.doc.uri, span: network.span, message: `the flannel ${networkName}` }], fixes);
}
