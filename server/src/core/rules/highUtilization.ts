// Rule: high-utilization — a range is more than 80 % allocated: node subnets by Nodes, Calico blocks by IPAMBlocks, ClusterIPs by Services, LB addresses by load-balancer IPs.
//
// Exhaustion is silent until it happens: the next node waits with `CIDRNotAvailable`, the next Service
// fails with "range is full", the next LoadBalancer stays `<pending>`. A range four-fifths full is
// worth knowing about before that (domain-rules.md §17). Advisory only: what the manifests show is a
// snapshot (written podCIDRs, clusterIPs, loadBalancerIPs), not the live cluster.

import type { Fact } from '../model';
import type { Utilization } from '../plan/capacity';
import { formatCount } from '../text/format';
import type { Rule } from './rule';
import { servicesWithClusterIps } from './serviceRangeFull';
import { FindingSet, label } from './sizeCapacityReport';
import { capacityOf } from '../plan/capacity';

export const highUtilization: Rule = {
  id: 'high-utilization',
  defaultSeverity: 'info',
  description: 'A range is more than 80 % allocated: node subnets by Nodes, Calico blocks, ClusterIPs by Services, LB pools by LB addresses.',
  run(ctx) {
    const out = new FindingSet('high-utilization');
    const capacity = capacityOf(ctx.plan);
    const report = (fact: Fact, use: Utilization | undefined, what: string, by: string) => {
      // More than 80 %: allocated / capacity > 4 / 5, in exact integers.
      if (!use || use.capacity === 0n || use.allocated * 5n <= use.capacity * 4n) return;
      out.add(fact, 'info', `${label(fact)} is ${(use.allocated * 100n) / use.capacity}% allocated: ${formatCount(use.allocated)} of ${formatCount(use.capacity)} ${what} are taken by ${by}`);
    };
    for (const entry of capacity.nodeSubnets) {
      if (!entry.effective || entry.utilization === undefined) continue;
      // More nodes than subnets is too-few-node-subnets' finding.
      if (entry.utilization.allocated > entry.utilization.capacity) continue;
      report(entry.pool, entry.utilization, `/${entry.mask.value} node subnets`, entry.allocator === 'cilium-cluster-pool' ? 'CiliumNode podCIDRs' : 'Node podCIDRs');
    }
    for (const pool of capacity.calicoPools) {
      if (pool.disabled) continue;
      report(pool.pool, pool.utilization, `/${pool.blockSize.value} blocks`, 'IPAMBlocks');
    }
    const full = new Set<number>();
    for (const family of [4, 6] as const) {
      const total = capacity.services.filter((s) => s.effective && s.family === family).reduce((sum, s) => sum + s.clusterIps, 0n);
      if (BigInt(servicesWithClusterIps(ctx, family)) > total) full.add(family);
    }
    for (const service of capacity.services) {
      if (!service.effective || full.has(service.family)) continue;
      report(service.range, service.utilization, 'ClusterIPs', 'Services');
    }
    for (const pool of capacity.lbPools) {
      if (pool.pool.attributes?.disabled === true) continue;
      report(pool.pool, pool.utilization, 'addresses', 'Services requesting a load-balancer IP');
    }
    return out.findings;
  },
};
