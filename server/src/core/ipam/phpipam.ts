// phpIPAM subnets as CSV (Administration › Import / Export › Export subnets, or the subnet import
// template): a header row with `Section,Subnet,Mask,Description,VLAN,VRF,Master subnet,…`, the subnet
// address and its prefix length in separate columns. `Subnet` holding a whole CIDR is read too.

import { ReadingBuilder, parseNetwork, utilizationFrom } from './builder';
import { readCsvTable } from './csvTable';
import type { ImportReading } from './types';

export function readPhpipamCsv(text: string): ImportReading {
  const builder = new ReadingBuilder('phpIPAM subnet');
  const masters = new Set<string>();
  const header = readCsvTable(text, builder, (row) => {
    const master = row.text('master subnet');
    if (master !== undefined) masters.add(rangeKey(master));
    const subnet = row.field('subnet');
    if (!subnet) return builder.problem(row.record.span, 'a row without a subnet');
    const details = {
      name: row.text('description'),
      vrf: row.text('vrf'),
      site: row.text('section'),
      utilization: utilizationFrom(row.text('usage', 'used')),
    };
    const mask = row.text('mask', 'netmask');
    if (subnet.text.includes('/') || mask === undefined) builder.prefix(subnet.text, subnet.span, details);
    else builder.addressAndMask(subnet.text, mask, subnet.span, details);
  });
  const read = builder.finish('phpipam-csv');
  // A subnet other rows name as their master subnet holds them: a container, not an allocation.
  const reading = { ...read, networks: read.networks.map((n) => (masters.has(rangeKey(n.text)) ? { ...n, status: n.status ?? 'container' } : n)) };
  if (header && !header.fields.some((f) => f.text.trim().toLowerCase() === 'subnet')) {
    return { ...reading, problems: [{ span: header.span, message: 'the header has no "Subnet" column: is this a phpIPAM subnets export?' }] };
  }
  return reading;
}

function rangeKey(cidr: string): string {
  const range = parseNetwork(cidr.trim());
  return typeof range === 'string' ? cidr : `${range.family}:${range.first}:${range.last}`;
}
