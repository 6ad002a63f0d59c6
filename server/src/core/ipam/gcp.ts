// Google Cloud: `gcloud compute networks subnets list --format=json`: each subnet's `ipCidrRange`, its
// `secondaryIpRanges[].ipCidrRange` (where GKE's pod and service ranges live) and `ipv6CidrRange`.

import { ReadingBuilder } from './builder';
import { JsonNode, itemsOf, member, parseJson, stringOf } from './json';
import type { ImportReading } from './types';

export function readGcpJson(text: string): ImportReading {
  const builder = new ReadingBuilder('GCP subnet');
  const parsed = parseJson(text);
  if (!parsed.ok) {
    builder.problem({ start: parsed.at, end: Math.min(text.length, parsed.at + 1) }, `not valid JSON: ${parsed.error}`);
    return builder.finish('gcp-json');
  }
  const subnets = parsed.value.type === 'array' ? parsed.value.items : [parsed.value];
  for (const subnet of subnets) readSubnet(builder, subnet);
  return builder.finish('gcp-json');
}

function readSubnet(builder: ReadingBuilder, subnet: JsonNode): void {
  const name = stringOf(member(subnet, 'name'));
  const details = { name, site: lastSegment(stringOf(member(subnet, 'region'))), vrf: lastSegment(stringOf(member(subnet, 'network'))) };
  const primary = member(subnet, 'ipCidrRange');
  if (primary?.type === 'string') builder.prefix(primary.value, primary.span, details);
  else builder.problem(subnet.span, 'a subnet without an "ipCidrRange"');
  const ipv6 = member(subnet, 'ipv6CidrRange');
  if (ipv6?.type === 'string') builder.prefix(ipv6.value, ipv6.span, details);
  for (const secondary of itemsOf(member(subnet, 'secondaryIpRanges'))) {
    const range = member(secondary, 'ipCidrRange');
    if (range?.type === 'string') builder.prefix(range.value, range.span, { ...details, name: `${name ?? 'subnet'}/${stringOf(member(secondary, 'rangeName')) ?? 'secondary'}` }, 'GCP secondary range');
  }
}

/** `https://www.googleapis.com/compute/v1/projects/p/regions/europe-west1` → `europe-west1`. */
function lastSegment(url: string | undefined): string | undefined {
  return url?.slice(url.lastIndexOf('/') + 1) || undefined;
}
