// What an IPAM reader returns: the networks an export lists, each with the exact span of its prefix
// in the export text (so a finding can point at the row), and the rows it could not read.

import type { Span } from '../model';
import type { IpRange } from '../net/prefix';

/** The export formats CIDR Lens reads; `format:` in `.cidr-lens.yaml` names one of them. */
export const IPAM_FORMATS = [
  'netbox-csv',
  'netbox-json',
  'infoblox-csv',
  'infoblox-json',
  'phpipam-csv',
  'aws-json',
  'azure-json',
  'gcp-json',
  'cidr-list',
] as const;

export type IpamFormat = (typeof IPAM_FORMATS)[number];

export function isIpamFormat(name: string): name is IpamFormat {
  return (IPAM_FORMATS as readonly string[]).includes(name);
}

/**
 * One allocated network of an export. Invariant: `span` lies inside the export text and covers the
 * prefix (for an address-and-netmask export, the address field).
 */
export interface ImportedNetwork {
  readonly range: IpRange;
  /** The prefix or range as the export writes it (for Infoblox, `address/bits` built from address and netmask). */
  readonly text: string;
  /** The export's description or name of the network; the prefix itself when it has none. */
  readonly name: string;
  /** What kind of object it is, as the product names it: `NetBox prefix`, `AWS subnet`, `Azure VNet`. */
  readonly kind: string;
  readonly status?: string;
  readonly tenant?: string;
  readonly vrf?: string;
  readonly role?: string;
  readonly site?: string;
  /** The fraction of the network in use, 0..1, when the export says. */
  readonly utilization?: number;
  /** Where the prefix is written in the export text. */
  readonly span: Span;
}

/** A row or field the reader could not use; `span` points at it. */
export interface ImportProblem {
  readonly span: Span;
  readonly message: string;
}

export interface ImportReading {
  readonly format: IpamFormat;
  readonly networks: readonly ImportedNetwork[];
  readonly problems: readonly ImportProblem[];
}

/** A reader: a pure function over the export's text. It never throws. */
export type IpamReader = (text: string) => ImportReading;

/** The most problems a reading keeps; a file of junk would otherwise carry a problem per line. */
export const MAX_PROBLEMS = 100;
