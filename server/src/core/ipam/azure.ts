// Azure CLI JSON: `az network vnet list` (or one `az network vnet show`): each VNet's
// `addressSpace.addressPrefixes[]` and its `subnets[].addressPrefix` / `addressPrefixes[]`.

import { ReadingBuilder } from './builder';
import { JsonNode, itemsOf, member, parseJson, stringOf } from './json';
import type { ImportReading } from './types';

export function readAzureJson(text: string): ImportReading {
  const builder = new ReadingBuilder('Azure VNet');
  const parsed = parseJson(text);
  if (!parsed.ok) {
    builder.problem({ start: parsed.at, end: Math.min(text.length, parsed.at + 1) }, `not valid JSON: ${parsed.error}`);
    return builder.finish('azure-json');
  }
  const vnets = parsed.value.type === 'array' ? parsed.value.items : [parsed.value];
  for (const vnet of vnets) readVnet(builder, vnet);
  return builder.finish('azure-json');
}

function readVnet(builder: ReadingBuilder, vnet: JsonNode): void {
  const name = stringOf(member(vnet, 'name'));
  const details = { name, site: stringOf(member(vnet, 'location')), tenant: stringOf(member(vnet, 'resourceGroup')) };
  const prefixes = itemsOf(member(member(vnet, 'addressSpace'), 'addressPrefixes'));
  if (prefixes.length === 0) builder.problem(vnet.span, 'a VNet without "addressSpace.addressPrefixes"');
  for (const prefix of prefixes) if (prefix.type === 'string') builder.prefix(prefix.value, prefix.span, details, 'Azure VNet');
  for (const subnet of itemsOf(member(vnet, 'subnets'))) {
    const subnetDetails = { ...details, name: `${name ?? 'VNet'}/${stringOf(member(subnet, 'name')) ?? 'subnet'}` };
    const single = member(subnet, 'addressPrefix');
    const list = itemsOf(member(subnet, 'addressPrefixes'));
    const blocks = list.length > 0 ? list : single ? [single] : [];
    for (const block of blocks) if (block.type === 'string') builder.prefix(block.value, block.span, subnetDetails, 'Azure subnet');
  }
}
