// How many nodes a cluster has, from every place the scope shows them: Node objects, inventory hosts,
// CiliumNodes, the node counts of cluster definitions, and `expect.nodes`.

import type { Component, Fact } from '../../model';
import { documentKey } from '../../model';
import type { AddressPlan } from '../plan';
import { onePerKey } from './figures';
import type { CapacityModel, Figure, NodeCounts, NodeSubnetAllocator } from './model';

export function nodeCounts(plan: AddressPlan): NodeCounts {
  const firstPerObject = (component: Component): Fact[] => {
    const seen = new Set<string>();
    return plan.factsOf('node-pod-cidr').filter((f) => {
      if (f.component !== component || f.attributes?.standalone === true) return false;
      const key = f.attributes?.node ? `name:${String(f.attributes.node)}` : `doc:${documentKey(f.doc)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };
  const nodeObjects = onePerKey(
    plan.facts.filter((f) => f.component === 'kubernetes' && f.doc.kind === 'Node' && (f.role === 'node-pod-cidr' || f.role === 'node-address') && f.attributes?.standalone !== true),
    (f) => (f.attributes?.node ? `name:${String(f.attributes.node)}` : `doc:${documentKey(f.doc)}`),
  );
  const inventoryHosts = onePerKey(
    plan.factsOf('node-address').filter((f) => typeof f.attributes?.host === 'string'),
    (f) => String(f.attributes!.host),
  );
  const seenGroups = new Set<string>();
  const declarations: Figure<number>[] = [];
  for (const f of plan.facts) {
    if (f.role !== 'pod-network' || typeof f.attributes?.nodes !== 'number' || seenGroups.has(f.group)) continue;
    seenGroups.add(f.group);
    declarations.push({ value: f.attributes.nodes, origin: 'written', fact: f, label: `${f.component} nodes` });
  }
  const expected = plan.scope.config.expect.nodes;
  return {
    nodes: firstPerObject('kubernetes'),
    nodeObjects,
    inventoryHosts,
    ciliumNodes: firstPerObject('cilium'),
    declarations,
    ...(declarations.length === 1 ? { declared: declarations[0] } : {}),
    ...(expected !== undefined ? { expected: { value: expected, origin: 'config' as const, label: 'expect.nodes' } } : {}),
  };
}

/**
 * The nodes an allocator must serve, from what the scope shows: Node objects (every one, with a
 * podCIDR or not), the hosts of an installer inventory, CiliumNodes for Cilium's pool, or the nodes a
 * kind config or install-config creates, whichever is more. A kind node count applies to the pool
 * written in the same kind config (`pool`), or to every pool when the scope holds a single kind config.
 * Undefined when the scope shows none.
 */
export function knownNodes(model: CapacityModel, allocator: NodeSubnetAllocator | 'calico', pool?: Fact): { count: number; what: string; facts: readonly Fact[] } | undefined {
  const candidates: Array<{ count: number; what: string; facts: readonly Fact[] }> = [];
  const { nodeObjects, inventoryHosts, ciliumNodes } = model.nodes;
  const declared = (pool && model.nodes.declarations.find((d) => d.fact?.group === pool.group)) ?? model.nodes.declared;
  if (nodeObjects.length > 0) candidates.push({ count: nodeObjects.length, what: `${nodeObjects.length} Node${nodeObjects.length === 1 ? '' : 's'}`, facts: nodeObjects });
  if (inventoryHosts.length > 0) candidates.push({ count: inventoryHosts.length, what: `${inventoryHosts.length} inventory host${inventoryHosts.length === 1 ? '' : 's'}`, facts: inventoryHosts });
  if (allocator === 'cilium-cluster-pool' && ciliumNodes.length > 0) candidates.push({ count: ciliumNodes.length, what: `${ciliumNodes.length} CiliumNode${ciliumNodes.length === 1 ? '' : 's'}`, facts: ciliumNodes });
  if (declared && declared.fact) candidates.push({ count: declared.value, what: `the ${declared.value} node${declared.value === 1 ? '' : 's'} the ${declared.fact.component === 'openshift' ? 'install-config' : `${declared.fact.component} config`} creates`, facts: [declared.fact] });
  return candidates.sort((a, b) => b.count - a.count)[0];
}
