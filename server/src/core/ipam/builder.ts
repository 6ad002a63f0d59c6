// What every reader does with one prefix it found: parse it, keep it with its span and details, or
// record a problem on its characters. Readers differ only in where they find prefixes.

import type { Span } from '../model';
import { isParseError, parseAddr } from '../net/addr';
import { IpRange, addrToRange, parsePrefix, prefixToRange, rangeFrom } from '../net/prefix';
import { ImportProblem, ImportReading, ImportedNetwork, IpamFormat, MAX_PROBLEMS } from './types';

export type NetworkDetails = Partial<Omit<ImportedNetwork, 'range' | 'text' | 'span' | 'kind'>>;

export class ReadingBuilder {
  private readonly networks: ImportedNetwork[] = [];
  private readonly problems: ImportProblem[] = [];
  private problemCount = 0;

  constructor(private readonly kind: string) {}

  problem(span: Span, message: string): void {
    this.problemCount++;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ span, message });
  }

  /** A CIDR (or a bare address, a network of one) written at `span`. */
  prefix(text: string, span: Span, details: NetworkDetails = {}, kind = this.kind): void {
    const range = parseNetwork(text);
    if (typeof range === 'string') return this.problem(span, `"${text}" is not a network: ${range}`);
    this.add(range, text, span, details, kind);
  }

  /** A network given as an address and a prefix length or netmask in separate fields (Infoblox, phpIPAM). */
  addressAndMask(address: string, mask: string, span: Span, details: NetworkDetails = {}, kind = this.kind): void {
    const bits = prefixLength(mask);
    if (bits === undefined) return this.problem(span, `"${mask}" is neither a prefix length nor a netmask`);
    this.prefix(`${address}/${bits}`, span, details, kind);
  }

  /** An address range (`start`–`end`), as NetBox IP ranges are; the span is the start address. */
  addressRange(startText: string, endText: string, span: Span, details: NetworkDetails = {}, kind = this.kind): void {
    const start = parseAddr(stripLength(startText));
    const end = parseAddr(stripLength(endText));
    if (isParseError(start) || isParseError(end)) return this.problem(span, `"${startText}"–"${endText}" is not an address range`);
    if (start.addr.family !== end.addr.family || start.addr.value > end.addr.value) return this.problem(span, `"${startText}"–"${endText}" is not an address range: the end comes before the start or is of another family`);
    this.add(rangeFrom(start.addr.family, start.addr.value, end.addr.value), startText, span, { name: `${stripLength(startText)}-${stripLength(endText)}`, ...details }, kind);
  }

  finish(format: IpamFormat): ImportReading {
    const kept = [...this.problems].sort((a, b) => a.span.start - b.span.start);
    const problems = this.problemCount > kept.length ? [...kept, { span: kept[kept.length - 1].span, message: `and ${this.problemCount - kept.length} more problems` }] : kept;
    return { format, networks: this.networks, problems };
  }

  private add(range: IpRange, text: string, span: Span, details: NetworkDetails, kind: string): void {
    // One object shape for every network (absent details are undefined): a 50 MB export makes a million.
    this.networks.push({
      range,
      text,
      name: present(details.name) ?? text,
      kind,
      status: present(details.status),
      tenant: present(details.tenant),
      vrf: present(details.vrf),
      role: present(details.role),
      site: present(details.site),
      utilization: details.utilization,
      span,
    });
  }
}

function present(text: string | undefined): string | undefined {
  return text === '' ? undefined : text;
}

/** The range of a CIDR or a single address, or why the text is neither. */
export function parseNetwork(text: string): IpRange | string {
  if (text.includes('/')) {
    const parsed = parsePrefix(text);
    return isParseError(parsed) ? parsed.error : prefixToRange(parsed.prefix);
  }
  const addr = parseAddr(text);
  return isParseError(addr) ? addr.error : addrToRange(addr.addr);
}

/** `24` or `255.255.255.0` as a prefix length; undefined for anything else (a non-contiguous mask too). */
export function prefixLength(mask: string): number | undefined {
  const text = mask.trim().replace(/^\//, '');
  if (/^\d{1,3}$/.test(text)) return Number(text) <= 128 ? Number(text) : undefined;
  const parsed = parseAddr(text);
  if (isParseError(parsed) || parsed.addr.family !== 4) return undefined;
  const inverted = ~parsed.addr.value & 0xffffffffn;
  // A netmask is ones then zeros: its inverse plus one is a power of two.
  if ((inverted & (inverted + 1n)) !== 0n) return undefined;
  return 32 - inverted.toString(2).replace(/^0+/, '').length;
}

/** NetBox writes range ends as `10.0.0.10/24`; the length is not part of the address. */
function stripLength(text: string): string {
  const slash = text.indexOf('/');
  return slash < 0 ? text : text.slice(0, slash);
}

/** A fraction 0..1 from a percentage, `45%` or `45`, as NetBox's and phpIPAM's exports write it. */
export function utilizationFrom(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(text);
  if (!match) return undefined;
  const percent = Number(match[1]);
  return percent >= 0 && percent <= 100 ? percent / 100 : undefined;
}
