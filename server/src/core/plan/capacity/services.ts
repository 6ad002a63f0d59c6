// Service ranges: which one the apiserver allocates from, and how many ClusterIPs it holds and has handed out.

import type { Fact } from '../../model';
import { rangeContains, rangeSize } from '../../net/prefix';
import type { AddressPlan } from '../plan';
import { SERVICE_RANGE_DISTRIBUTIONS } from './defaults';
import { distinctAddresses, onePerObject, utilization } from './figures';
import type { ServiceCapacity } from './model';

/**
 * How strongly a service-network fact decides the service range: 0 the apiserver flag, 1 kubeadm's
 * apiServer.extraArgs, 2 distribution settings; `undefined` for mirrors that allocate nothing.
 */
function serviceRank(fact: Fact): number | undefined {
  if (fact.component === 'kube-apiserver') return 0;
  if (fact.component === 'kubeadm') {
    if (fact.source.includes('controllerManager')) return undefined;
    return fact.source.includes('apiServer') ? 1 : 2;
  }
  if (SERVICE_RANGE_DISTRIBUTIONS.has(fact.component)) return 2;
  return undefined;
}

export function serviceCapacities(plan: AddressPlan): ServiceCapacity[] {
  const ranges = plan.rangesOf('service-network').filter((f) => f.value.kind === 'prefix');
  const clusterIps = onePerObject(plan.rangesOf('cluster-ip').filter((f) => f.value.kind === 'address'));
  const out: ServiceCapacity[] = [];
  for (const family of [4, 6] as const) {
    const ofFamily = ranges.filter((f) => f.value.range.family === family);
    const ranks = ofFamily.map((f) => serviceRank(f)).filter((r): r is number => r !== undefined);
    const strongest = Math.min(3, ...ranks);
    const overriddenGroups = new Set(ofFamily.filter((f) => serviceRank(f) === 1).map((f) => f.group));
    for (const range of ofFamily) {
      const rank = serviceRank(range);
      // ServiceCIDR objects add ranges to the allocator; they are always in effect.
      const isServiceCidr = range.component === 'kubernetes';
      const effective = isServiceCidr || (rank !== undefined && !(strongest === 0 && rank > 0) && !(rank === 2 && overriddenGroups.has(range.group)));
      const size = rangeSize(range.value.range);
      const reserved = family === 4 ? 2n : 1n;
      const capacity = size > reserved ? size - reserved : 0n;
      const inside = distinctAddresses(clusterIps.filter((ip) => rangeContains(range.value.range, ip.value.range)));
      out.push({ family, range, effective, clusterIps: capacity, allocated: inside, utilization: utilization(BigInt(inside.length), capacity) });
    }
  }
  return out;
}
