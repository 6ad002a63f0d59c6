// The IPAM readers, one per export format, and detection of the format from the text when the
// config leaves `format` out. Each reader is a pure function over the export's text.

import { readAwsJson } from './aws';
import { readAzureJson } from './azure';
import { readCidrList } from './cidrList';
import { headerNames } from './csvTable';
import { readGcpJson } from './gcp';
import { readInfobloxCsv, readInfobloxJson } from './infoblox';
import { readNetboxCsv, readNetboxJson } from './netbox';
import { readPhpipamCsv } from './phpipam';
import type { ImportReading, IpamFormat, IpamReader } from './types';

export * from './types';

export const READERS: Readonly<Record<IpamFormat, IpamReader>> = {
  'netbox-csv': readNetboxCsv,
  'netbox-json': readNetboxJson,
  'infoblox-csv': readInfobloxCsv,
  'infoblox-json': readInfobloxJson,
  'phpipam-csv': readPhpipamCsv,
  'aws-json': readAwsJson,
  'azure-json': readAzureJson,
  'gcp-json': readGcpJson,
  'cidr-list': readCidrList,
};

/** Reads an export in the given format, or in the one its content shows. Never throws. */
export function readIpamExport(text: string, format: IpamFormat | undefined = detectFormat(text)): ImportReading {
  try {
    return READERS[format](text);
  } catch (error) {
    // The readers guard every field; this is a last line so one bad export cannot stop an analysis.
    return { format, networks: [], problems: [{ span: { start: 0, end: 0 }, message: `the ${format} reader failed: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}

/** How much of the text detection looks at: the start of an export says what it is. */
const SNIFF_LENGTH = 8192;

/**
 * The format an export's content shows: JSON by the keys of its objects, CSV by its header row, and
 * anything else as a plain list of CIDRs.
 */
export function detectFormat(text: string): IpamFormat {
  const head = text.slice(0, SNIFF_LENGTH).replace(/^\uFEFF/, '');
  const trimmed = head.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return detectJson(head);
  const header = headerNames(head);
  if ([...header].some((name) => name.startsWith('header-'))) return 'infoblox-csv';
  if (header.has('prefix') || (header.has('start_address') && header.has('end_address')) || (header.has('start address') && header.has('end address'))) return 'netbox-csv';
  if (header.has('subnet') && (header.has('mask') || header.has('section'))) return 'phpipam-csv';
  return 'cidr-list';
}

function detectJson(head: string): IpamFormat {
  const has = (key: string) => head.includes(`"${key}"`);
  if (has('Vpcs') || has('Subnets') || has('IpamPoolAllocations')) return 'aws-json';
  if (has('addressSpace')) return 'azure-json';
  if (has('ipCidrRange')) return 'gcp-json';
  if (has('_ref') || has('network_view')) return 'infoblox-json';
  return 'netbox-json';
}
