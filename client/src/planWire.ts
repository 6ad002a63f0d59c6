// The address plan as it comes over the wire (addressPlanProtocol.ts), turned back into what the SVG
// renderer draws: addresses travel as decimal strings because IPv6 values do not fit a JSON number.

import type { DrawableCluster, DrawableItem } from '../../server/src/core/features/addressMapSvg';
import type { IpRange } from '../../server/src/core/net/prefix';
import type { AddressPlanItem, AddressPlanResult, AddressRange } from '../../server/src/lsp/addressPlanProtocol';

export function drawableClusters(result: AddressPlanResult): DrawableCluster[] {
  return result.clusters.map((cluster) => ({ name: cluster.name, items: cluster.items.map(drawableItem) }));
}

function drawableItem(item: AddressPlanItem): DrawableItem {
  const { usage, subnets } = item;
  return {
    id: item.id,
    kind: item.kind,
    lane: item.lane,
    row: item.row,
    range: ipRange(item.range),
    text: item.text,
    conflicts: item.conflicts.map((c) => ({ range: ipRange(c.range) })),
    ...(usage ? { usage: { allocated: BigInt(usage.allocated), capacity: BigInt(usage.capacity), unit: usage.unit } } : {}),
    ...(subnets ? { subnets: { size: BigInt(subnets.size), bits: subnets.bits, count: BigInt(subnets.count), unit: subnets.unit } } : {}),
  };
}

function ipRange(range: AddressRange): IpRange {
  return { family: range.family, first: BigInt(range.first), last: BigInt(range.last) };
}
