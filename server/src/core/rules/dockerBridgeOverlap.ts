// Rule: docker-bridge-overlap — a range the cluster hands out overlaps Docker's default bridge,
// 172.17.0.0/16.
//
// dockerd creates `docker0` on 172.17.0.0/16 (moby `ipamutils`, domain-rules.md §16.2, §18 HOST-003)
// on every host where it runs: nodes that still run Docker, CI runners, the machine that hosts kind or
// k3d. A pod, Service or load-balancer address in that range is then routed to the local bridge
// instead of across the cluster. Only the default bridge is checked: Docker's other local pools
// (172.18–172.31, and 192.168.0.0/16 split into /20s for compose networks) are created on demand, and
// 192.168.0.0/16 is also Calico's default pool, so flagging them would be mostly noise.

import type { Finding, Role } from '../model';
import { intersectionSize, rangeContains, rangesOverlap } from '../net/prefix';
import { DOCKER_BRIDGE } from '../net/specialRanges';
import { formatCount } from '../text/format';
import { findingOn } from './report';
import { moveFixes } from './freeSubnetFixes';
import { isJudgeable } from './perValue';
import type { Rule } from './rule';


/** Ranges the cluster hands out; allocations from them (Node podCIDRs, clusterIPs) are judged through them. */
const ROLES = new Set<Role>(['pod-network', 'service-network', 'cni-pod-pool', 'lb-pool']);

export const dockerBridgeOverlap: Rule = {
  id: 'docker-bridge-overlap',
  defaultSeverity: 'warning',
  description: "A pod, service, pool or load-balancer range overlaps Docker's default bridge 172.17.0.0/16.",
  run(ctx) {
    const findings: Finding[] = [];
    for (const fact of ctx.plan.facts) {
      if (!ROLES.has(fact.role) || !isJudgeable(fact)) continue;
      const range = fact.value.range;
      if (!rangesOverlap(range, DOCKER_BRIDGE)) continue;
      const inside = rangeContains(DOCKER_BRIDGE, range);
      const relation = inside && rangeContains(range, DOCKER_BRIDGE) ? 'is' : inside ? 'lies inside' : rangeContains(range, DOCKER_BRIDGE) ? 'contains' : 'overlaps';
      const shared = intersectionSize(range, DOCKER_BRIDGE);
      const message = `${fact.text} (${fact.source}${fact.isDefault ? ', default' : ''}) ${relation} Docker's default bridge 172.17.0.0/16 (docker0) — ${formatCount(shared)} address${shared === 1n ? '' : 'es'} shared: on any node or host running dockerd, traffic to them goes to the local bridge`;
      findings.push(findingOn(fact, 'docker-bridge-overlap', 'warning', message, [], moveFixes(ctx, fact)));
    }
    return findings;
  },
};
