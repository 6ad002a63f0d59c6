// Rule: service-range-full — more Services with cluster IPs than the service range holds (error), or than expect.services plans (warning).
//
// A service range of prefix p holds 2^(bits − p) − 2 ClusterIPs (IPv4: the network and broadcast
// addresses are never handed out; IPv6 leaves out the network address). Once they are all taken the
// API server refuses every new Service with "Internal error occurred: failed to allocate a serviceIP:
// range is full" (domain-rules.md §1.2, §17, §18 CAP-004). Only Services whose clusterIP(s) are written
// can be counted from manifests; `expect.services` states the plan.

import type { Fact, Fix } from '../model';
import { documentKey } from '../model';
import { bitsOf } from '../net/addr';
import type { ServiceCapacity } from '../plan/capacity';
import { formatCount, plural } from '../text/format';
import type { Rule, RuleContext } from './rule';
import { FindingSet, bitsFor, label, resizeFix, widerPrefix } from './sizeCapacityReport';
import { capacityOf } from '../plan/capacity';

/** The widest service range the classic allocator and kubeadm accept: 2^20 addresses. */
const MAX_HOST_BITS = 20;

export const serviceRangeFull: Rule = {
  id: 'service-range-full',
  defaultSeverity: 'error',
  description: 'More Services with cluster IPs than the service range holds (error), or expect.services exceeds it (warning).',
  run(ctx) {
    const out = new FindingSet('service-range-full');
    const capacity = capacityOf(ctx.plan);
    for (const family of [4, 6] as const) {
      const ranges = capacity.services.filter((s) => s.effective && s.family === family);
      if (ranges.length === 0) continue;
      const total = ranges.reduce((sum, s) => sum + s.clusterIps, 0n);
      const services = servicesWithClusterIps(ctx, family);
      const expected = ctx.config.expect.services;
      for (const range of ranges) {
        const of = ranges.length > 1 ? ` (${formatCount(total)} in all ${ranges.length} IPv${family} service ranges)` : '';
        const head = `${label(range.range)} holds ${plural(range.clusterIps, 'ClusterIP')}${of}`;
        if (BigInt(services) > total) {
          out.add(range.range, 'error', `${head}, but ${services} Services in this cluster have IPv${family} cluster IPs — the API server refuses Services beyond that: "failed to allocate a serviceIP: range is full"`, [], widenFix(ctx, range, BigInt(services), total));
        } else if (expected !== undefined && BigInt(expected) > total) {
          out.add(range.range, 'warning', `${head}, fewer than expect.services ${formatCount(expected)} — the API server refuses Services beyond that: "failed to allocate a serviceIP: range is full"`, [], widenFix(ctx, range, BigInt(expected), total));
        }
      }
    }
    return out.findings;
  },
};

/** Services (objects) with at least one written clusterIP of the family. */
export function servicesWithClusterIps(ctx: RuleContext, family: 4 | 6): number {
  const keys = new Set<string>();
  for (const ip of ctx.plan.rangesOf('cluster-ip')) {
    if (ip.value.kind === 'address' && ip.value.range.family === family) keys.add(serviceKey(ip));
  }
  return keys.size;
}

function serviceKey(fact: Fact): string {
  return documentKey(fact.doc);
}

/**
 * The same range widened in place to hold what is needed, so every written clusterIP and the DNS
 * address stay where they are; never wider than 2^20 addresses.
 */
function widenFix(ctx: RuleContext, range: ServiceCapacity, need: bigint, total: bigint): Fix[] {
  if (range.range.value.kind !== 'prefix') return [];
  const width = bitsOf(range.family);
  const reserved = range.family === 4 ? 2n : 1n;
  const own = range.clusterIps;
  const bits = width - bitsFor(need - (total - own) + reserved);
  if (bits < width - MAX_HOST_BITS || bits >= range.range.value.prefix.bits) return [];
  const target = widerPrefix(ctx, range.range, bits, false);
  if (!target) return [];
  return resizeFix(ctx, range.range, target, 'service range', `${formatCount((1n << BigInt(width - bits)) - reserved)} ClusterIPs`);
}
