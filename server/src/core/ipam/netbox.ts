// NetBox prefixes and IP ranges: the CSV export of the Prefixes or IP Ranges list (the table's column
// headings, e.g. `Prefix,Status,Children,VRF,Utilization,Tenant,Site,VLAN,Role,Description`) or the
// bulk-import form (`prefix,status,vrf,tenant,site,vlan,role,description`), and the REST API's
// `api/ipam/prefixes/` and `api/ipam/ip-ranges/` JSON (a page `{count, results: […]}` or a bare list).

import { ReadingBuilder, utilizationFrom } from './builder';
import { readCsvTable } from './csvTable';
import { JsonNode, itemsOf, labelOf, member, numberOf, parseJson } from './json';
import type { ImportReading } from './types';

const PREFIX_KIND = 'NetBox prefix';
const RANGE_KIND = 'NetBox IP range';

export function readNetboxCsv(text: string): ImportReading {
  const builder = new ReadingBuilder(PREFIX_KIND);
  const header = readCsvTable(text, builder, (row) => {
    const details = {
      name: row.text('description'),
      status: row.text('status'),
      vrf: row.text('vrf'),
      tenant: row.text('tenant'),
      site: row.text('site', 'scope'),
      role: row.text('role'),
      utilization: utilizationFrom(row.text('utilization')),
    };
    const prefix = row.field('prefix');
    const start = row.field('start address', 'start_address');
    const end = row.field('end address', 'end_address');
    if (prefix) builder.prefix(prefix.text, prefix.span, details);
    else if (start && end) builder.addressRange(start.text, end.text, start.span, details, RANGE_KIND);
    else builder.problem(row.record.span, 'a row without a prefix (or start and end address)');
  });
  const reading = builder.finish('netbox-csv');
  if (header && reading.networks.length === 0 && !header.fields.some((f) => /^(prefix|start[ _]address)$/i.test(f.text.trim()))) {
    return { ...reading, problems: [{ span: header.span, message: 'the header has no "prefix" column (nor "start_address" and "end_address"): is this a NetBox prefixes export?' }] };
  }
  return reading;
}

export function readNetboxJson(text: string): ImportReading {
  const builder = new ReadingBuilder(PREFIX_KIND);
  const parsed = parseJson(text);
  if (!parsed.ok) {
    builder.problem({ start: parsed.at, end: Math.min(text.length, parsed.at + 1) }, `not valid JSON: ${parsed.error}`);
    return builder.finish('netbox-json');
  }
  const results = member(parsed.value, 'results') ?? parsed.value;
  if (results.type !== 'array') builder.problem(results.span, 'expected a NetBox API page ({"results": […]}) or a list of prefixes');
  for (const item of itemsOf(results)) readNetboxObject(builder, item);
  return builder.finish('netbox-json');
}

function readNetboxObject(builder: ReadingBuilder, item: JsonNode): void {
  const details = {
    name: labelOf(member(item, 'description')),
    status: labelOf(member(item, 'status')),
    vrf: labelOf(member(item, 'vrf')),
    tenant: labelOf(member(item, 'tenant')),
    site: labelOf(member(item, 'site')) ?? labelOf(member(item, 'scope')),
    role: labelOf(member(item, 'role')),
    utilization: percentOf(member(item, 'utilization')),
  };
  const prefix = member(item, 'prefix');
  const start = member(item, 'start_address');
  const end = member(item, 'end_address');
  if (prefix?.type === 'string') builder.prefix(prefix.value, prefix.span, details);
  else if (start?.type === 'string' && end?.type === 'string') builder.addressRange(start.value, end.value, start.span, details, RANGE_KIND);
  else builder.problem(item.span, 'an object without a "prefix" (or "start_address" and "end_address")');
}

function percentOf(node: JsonNode | undefined): number | undefined {
  const n = numberOf(node);
  return n !== undefined && n >= 0 && n <= 100 ? n / 100 : undefined;
}
