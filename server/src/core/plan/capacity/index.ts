// The capacity model of one cluster scope (domain-rules.md §17): how many node subnets each pod range
// yields and how large they are (nodeSubnets.ts), how many pods a node can hold, how many Calico blocks a
// pool has (calicoBlocks.ts), how many ClusterIPs a service range holds (services.ts), what each
// load-balancer pool hands out (lbPools.ts), how many nodes there are (nodeCounts.ts), and how much of
// each is already allocated. Computed once per plan; the data types are in model.ts.

import type { Fact } from '../../model';
import type { AddressPlan, RangeFact } from '../plan';
import { calicoCapacities } from './calicoBlocks';
import { KUBELET_DEFAULT_MAX_PODS } from './defaults';
import { numberOf } from './figures';
import { lbCapacities } from './lbPools';
import type { CalicoPoolCapacity, CapacityModel, FactCapacity, Figure, LbPoolCapacity, NodeSubnetCapacity, ServiceCapacity } from './model';
import { nodeCounts } from './nodeCounts';
import { ciliumSubnets, flannelEtcdSubnets, kcmSubnets, splitsFlannelNetwork } from './nodeSubnets';
import { serviceCapacities } from './services';

export type { CalicoPoolCapacity, CapacityModel, FactCapacity, Figure, LbPoolCapacity, NodeCounts, NodeSubnetAllocator, NodeSubnetCapacity, Origin, ServiceCapacity, Utilization } from './model';
export { CALICO_DEFAULT_BLOCK_SIZE, KCM_DEFAULT_NODE_MASK, KCM_OWNERS, KUBELET_DEFAULT_MAX_PODS } from './defaults';
export { allocatesNodeCidrs, blocksOverlapping } from './nodeSubnets';
export { knownNodes } from './nodeCounts';

const cache = new WeakMap<AddressPlan, CapacityModel>();

/** The capacity model of a plan, computed once per plan. */
export function capacityOf(plan: AddressPlan): CapacityModel {
  let model = cache.get(plan);
  if (!model) cache.set(plan, (model = buildCapacity(plan)));
  return model;
}

function buildCapacity(plan: AddressPlan): CapacityModel {
  const expect = plan.scope.config.expect;
  const services = serviceCapacities(plan);
  const nodes = nodeCounts(plan);
  const maxPodsFacts = plan.factsOf('max-pods').filter((f) => !f.isDefault && f.value.kind === 'number');
  const nodeSubnets = [...kcmSubnets(plan, services), ...ciliumSubnets(plan), ...flannelEtcdSubnets(plan)];
  const calicoPools = calicoCapacities(plan);
  const lbPools = lbCapacities(plan);
  // Hovers, inlay hints and `plan` ask about every range fact: index the entries by the facts they are about, once.
  let aboutIndex: Map<Fact, FactCapacity> | undefined;
  const about = (fact: Fact): FactCapacity => {
    aboutIndex ??= indexByFact([
      ...nodeSubnets.map((n) => ({ facts: [n.pool, n.mask.fact], entry: { nodeSubnets: [n] } })),
      ...calicoPools.map((c) => ({ facts: [c.pool, c.blockSize.fact], entry: { calicoPools: [c] } })),
      ...services.map((s) => ({ facts: [s.range], entry: { services: [s] } })),
      ...lbPools.map((l) => ({ facts: [l.pool], entry: { lbPools: [l] } })),
    ]);
    return aboutIndex.get(fact) ?? NOTHING;
  };
  const holding = (fact: Fact): FactCapacity => ({
    nodeSubnets: nodeSubnets.filter((n) => n.allocated.includes(fact as RangeFact) || splitsFlannelNetwork(plan, n, fact)),
    calicoPools: calicoPools.filter((c) => c.allocated.includes(fact as RangeFact)),
    services: services.filter((s) => s.allocated.includes(fact as RangeFact)),
    lbPools: lbPools.filter((l) => l.allocated.includes(fact as RangeFact)),
  });
  const distributionDefault = plan.factsOf('max-pods').find((f) => f.isDefault && numberOf(f) !== undefined && numberOf(f) !== KUBELET_DEFAULT_MAX_PODS);
  return { nodeSubnets, calicoPools, services, lbPools, nodes, maxPods: maxPodsFigure(maxPodsFacts, expect.podsPerNode, distributionDefault), maxPodsFacts, about, holding };
}

/**
 * The pods a node runs: the largest written maxPods, else the config's expectation, else a
 * distribution's own default where it differs from the kubelet's (OpenShift's 250), else the kubelet's.
 */
function maxPodsFigure(facts: readonly Fact[], expected: number | undefined, distributionDefault: Fact | undefined): Figure<number> {
  let best: Fact | undefined;
  for (const fact of facts) if (!best || numberOf(fact)! > numberOf(best)!) best = fact;
  if (best) return { value: numberOf(best)!, origin: 'written', fact: best, label: best.source };
  if (expected !== undefined) return { value: expected, origin: 'config', label: 'expect.podsPerNode' };
  if (distributionDefault) return { value: numberOf(distributionDefault)!, origin: 'default', fact: distributionDefault, label: `${distributionDefault.source} default` };
  return { value: KUBELET_DEFAULT_MAX_PODS, origin: 'default', label: 'kubelet default maxPods' };
}

const NOTHING: FactCapacity = { nodeSubnets: [], calicoPools: [], services: [], lbPools: [] };

/** The entries about each fact, merged in the order given (so a fact's node subnets keep their order). */
function indexByFact(items: ReadonlyArray<{ facts: ReadonlyArray<Fact | undefined>; entry: Partial<FactCapacity> }>): Map<Fact, FactCapacity> {
  const index = new Map<Fact, { nodeSubnets: NodeSubnetCapacity[]; calicoPools: CalicoPoolCapacity[]; services: ServiceCapacity[]; lbPools: LbPoolCapacity[] }>();
  for (const { facts, entry } of items) {
    for (const fact of new Set(facts)) {
      if (!fact) continue;
      let merged = index.get(fact);
      if (!merged) index.set(fact, (merged = { nodeSubnets: [], calicoPools: [], services: [], lbPools: [] }));
      merged.nodeSubnets.push(...(entry.nodeSubnets ?? []));
      merged.calicoPools.push(...(entry.calicoPools ?? []));
      merged.services.push(...(entry.services ?? []));
      merged.lbPools.push(...(entry.lbPools ?? []));
    }
  }
  return index;
}
