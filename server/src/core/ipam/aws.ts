// AWS CLI JSON: `aws ec2 describe-vpcs` (`Vpcs[].CidrBlockAssociationSet[].CidrBlock`, else
// `Vpcs[].CidrBlock`, and `Ipv6CidrBlockAssociationSet[].Ipv6CidrBlock`), `aws ec2 describe-subnets`
// (`Subnets[].CidrBlock`, `Ipv6CidrBlockAssociationSet[].Ipv6CidrBlock`, `AvailableIpAddressCount`) and
// `aws ec2 get-ipam-pool-allocations` (`IpamPoolAllocations[].Cidr`). Names come from the `Name` tag.

import { ReadingBuilder } from './builder';
import { JsonNode, itemsOf, member, numberOf, parseJson, stringOf } from './json';
import type { ImportReading } from './types';

/** AWS keeps the first four addresses and the last of every subnet. */
const AWS_RESERVED_PER_SUBNET = 5;

export function readAwsJson(text: string): ImportReading {
  const builder = new ReadingBuilder('AWS VPC');
  const parsed = parseJson(text);
  if (!parsed.ok) {
    builder.problem({ start: parsed.at, end: Math.min(text.length, parsed.at + 1) }, `not valid JSON: ${parsed.error}`);
    return builder.finish('aws-json');
  }
  const root = parsed.value;
  const vpcs = member(root, 'Vpcs');
  const subnets = member(root, 'Subnets');
  const allocations = member(root, 'IpamPoolAllocations');
  if (!vpcs && !subnets && !allocations) builder.problem(root.span, 'expected the output of describe-vpcs ("Vpcs"), describe-subnets ("Subnets") or get-ipam-pool-allocations ("IpamPoolAllocations")');
  for (const vpc of itemsOf(vpcs)) readVpc(builder, vpc);
  for (const subnet of itemsOf(subnets)) readSubnet(builder, subnet);
  for (const allocation of itemsOf(allocations)) {
    const cidr = member(allocation, 'Cidr');
    if (cidr?.type !== 'string') builder.problem(allocation.span, 'an IPAM pool allocation without a "Cidr"');
    else builder.prefix(cidr.value, cidr.span, { name: stringOf(member(allocation, 'Description')) ?? stringOf(member(allocation, 'ResourceId')), role: stringOf(member(allocation, 'ResourceType')) }, 'AWS IPAM pool allocation');
  }
  return builder.finish('aws-json');
}

function readVpc(builder: ReadingBuilder, vpc: JsonNode): void {
  const details = { name: nameTag(vpc) ?? stringOf(member(vpc, 'VpcId')), status: stringOf(member(vpc, 'State')) };
  const associations = itemsOf(member(vpc, 'CidrBlockAssociationSet')).filter((a) => stringOf(member(member(a, 'CidrBlockState'), 'State')) !== 'disassociated');
  const blocks = associations.map((a) => member(a, 'CidrBlock'));
  // CidrBlock repeats the first association; read it only when the set is absent.
  if (blocks.length === 0) blocks.push(member(vpc, 'CidrBlock'));
  let found = 0;
  for (const block of blocks) {
    if (block?.type !== 'string') continue;
    found++;
    builder.prefix(block.value, block.span, details, 'AWS VPC');
  }
  found += readIpv6(builder, vpc, details, 'AWS VPC');
  if (found === 0) builder.problem(vpc.span, 'a VPC without a "CidrBlock"');
}

function readSubnet(builder: ReadingBuilder, subnet: JsonNode): void {
  const details = { name: nameTag(subnet) ?? stringOf(member(subnet, 'SubnetId')), status: stringOf(member(subnet, 'State')), site: stringOf(member(subnet, 'AvailabilityZone')) };
  const block = member(subnet, 'CidrBlock');
  let found = readIpv6(builder, subnet, details, 'AWS subnet');
  if (block?.type === 'string') {
    found++;
    builder.prefix(block.value, block.span, { ...details, utilization: subnetUtilization(block.value, numberOf(member(subnet, 'AvailableIpAddressCount'))) }, 'AWS subnet');
  }
  if (found === 0) builder.problem(subnet.span, 'a subnet without a "CidrBlock"');
}

function readIpv6(builder: ReadingBuilder, owner: JsonNode, details: { name?: string }, kind: string): number {
  let found = 0;
  for (const association of itemsOf(member(owner, 'Ipv6CidrBlockAssociationSet'))) {
    const block = member(association, 'Ipv6CidrBlock');
    if (block?.type !== 'string') continue;
    found++;
    builder.prefix(block.value, block.span, details, kind);
  }
  return found;
}

function nameTag(resource: JsonNode): string | undefined {
  const tag = itemsOf(member(resource, 'Tags')).find((t) => stringOf(member(t, 'Key')) === 'Name');
  return stringOf(member(tag, 'Value'));
}

function subnetUtilization(cidr: string, available: number | undefined): number | undefined {
  const bits = Number(cidr.split('/')[1]);
  if (available === undefined || !Number.isInteger(bits) || bits < 0 || bits > 28) return undefined;
  const usable = 2 ** (32 - bits) - AWS_RESERVED_PER_SUBNET;
  return usable > 0 && available <= usable ? (usable - available) / usable : undefined;
}

