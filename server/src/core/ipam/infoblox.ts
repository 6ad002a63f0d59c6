// Infoblox NIOS: the CSV export of networks (Data Management › IPAM › CSV Export), whose sections open
// with a header row such as `header-network,address*,netmask*,comment,network_view,EA-Site` and whose
// data rows start with their object type (`network,10.40.0.0,255.252.0.0,…`); IPv6 sections use
// `header-ipv6network,address*,cidr*,…`. And the WAPI `network`/`networkcontainer` objects as JSON
// (`GET /wapi/v2.x/network`: a list, or `{"result": […]}` with `_return_as_object=1`).

import { ReadingBuilder } from './builder';
import { CsvRecord, columnIndex, fieldOf, forEachCsvRecord } from './csv';
import { itemsOf, labelOf, member, numberOf, parseJson, stringOf } from './json';
import type { ImportReading } from './types';

/** The object types whose rows are networks, with the kind shown in hover cards. */
const NETWORK_TYPES: ReadonlyMap<string, string> = new Map([
  ['network', 'Infoblox network'],
  ['networkcontainer', 'Infoblox network container'],
  ['ipv6network', 'Infoblox network'],
  ['ipv6networkcontainer', 'Infoblox network container'],
]);

export function readInfobloxCsv(text: string): ImportReading {
  const builder = new ReadingBuilder('Infoblox network');
  let section: { type: string; columns: Map<string, number> } | undefined;
  let sawNetworkHeader = false;
  const unterminatedQuoteAt = forEachCsvRecord(text, (record) => {
    const type = (record.fields[0]?.text ?? '').trim().toLowerCase();
    if (type.startsWith('header-')) {
      section = { type: type.slice('header-'.length), columns: headerColumns(record) };
      sawNetworkHeader ||= NETWORK_TYPES.has(section.type);
      return;
    }
    const kind = NETWORK_TYPES.get(type);
    if (!kind) return;
    if (!section || section.type !== type) return builder.problem(record.span, `a "${type}" row without a "header-${type}" row above it`);
    readNetworkRow(builder, record, section.columns, kind);
  });
  if (unterminatedQuoteAt !== undefined) builder.problem({ start: unterminatedQuoteAt, end: unterminatedQuoteAt + 1 }, 'a quoted field is never closed; the rest of the file is one field');
  if (!sawNetworkHeader) builder.problem({ start: 0, end: Math.min(text.length, text.search(/\r?\n|$/)) }, 'no "header-network" row: is this an Infoblox CSV export of networks?');
  return builder.finish('infoblox-csv');
}

/** Column names without the `*` that marks required fields. */
function headerColumns(header: CsvRecord): Map<string, number> {
  const columns = new Map<string, number>();
  for (const [name, i] of columnIndex(header)) columns.set(name.replace(/\*$/, ''), i);
  return columns;
}

function readNetworkRow(builder: ReadingBuilder, record: CsvRecord, columns: ReadonlyMap<string, number>, kind: string): void {
  const field = (...names: string[]) => {
    const found = fieldOf(record, columns, ...names);
    return found && found.text !== '' ? found : undefined;
  };
  const address = field('address');
  const mask = field('netmask', 'cidr');
  if (!address || !mask) return builder.problem(record.span, 'a network row without an address and a netmask (or cidr)');
  const comment = field('comment')?.text;
  builder.addressAndMask(address.text, mask.text, address.span, { name: comment ?? field('ea-name')?.text, vrf: field('network_view')?.text, site: field('ea-site')?.text, tenant: field('ea-tenant')?.text }, kind);
}

export function readInfobloxJson(text: string): ImportReading {
  const builder = new ReadingBuilder('Infoblox network');
  const parsed = parseJson(text);
  if (!parsed.ok) {
    builder.problem({ start: parsed.at, end: Math.min(text.length, parsed.at + 1) }, `not valid JSON: ${parsed.error}`);
    return builder.finish('infoblox-json');
  }
  const list = member(parsed.value, 'result') ?? parsed.value;
  if (list.type !== 'array') builder.problem(list.span, 'expected a list of WAPI network objects, or {"result": […]}');
  for (const item of itemsOf(list)) {
    const network = member(item, 'network');
    if (network?.type !== 'string') {
      builder.problem(item.span, 'a WAPI object without a "network"');
      continue;
    }
    const ref = stringOf(member(item, '_ref')) ?? '';
    const extattrs = member(item, 'extattrs');
    // WAPI reports utilization in tenths of a percent (0–1000).
    const tenths = numberOf(member(item, 'utilization'));
    builder.prefix(network.value, network.span, {
      name: stringOf(member(item, 'comment')) ?? labelOf(member(extattrs, 'Name')),
      vrf: stringOf(member(item, 'network_view')),
      site: labelOf(member(extattrs, 'Site')),
      tenant: labelOf(member(extattrs, 'Tenant')),
      utilization: tenths !== undefined && tenths >= 0 && tenths <= 1000 ? tenths / 1000 : undefined,
    }, ref.startsWith('networkcontainer/') || ref.startsWith('ipv6networkcontainer/') ? 'Infoblox network container' : 'Infoblox network');
  }
  return builder.finish('infoblox-json');
}
