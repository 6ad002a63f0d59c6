// IP prefixes (CIDRs) as immutable values. A prefix keeps its address exactly as written, host bits
// included, like Go's `netip.ParsePrefix`: host bits are a finding for a rule to report, not something
// to normalise away silently. `masked()` gives the canonical form.

import { Addr, Family, ParseError, ParseOptions, Notation, addrFrom, bitsOf, formatAddr, isParseError, maxValue, parseAddr } from './addr';

/** A CIDR. Invariant: 0 <= bits <= bitsOf(addr.family). */
export interface Prefix {
  readonly addr: Addr;
  readonly bits: number;
}

export interface ParsedPrefix {
  readonly prefix: Prefix;
  readonly notation: Notation;
}

/** An inclusive address interval [first, last] of one family. Invariant: first <= last. */
export interface IpRange {
  readonly family: Family;
  readonly first: bigint;
  readonly last: bigint;
}

export function prefixFrom(addr: Addr, bits: number): Prefix {
  return Object.freeze({ addr, bits });
}

export function rangeFrom(family: Family, first: bigint, last: bigint): IpRange {
  return Object.freeze({ family, first, last });
}

export function parsePrefix(text: string, options: ParseOptions = {}): ParsedPrefix | ParseError {
  const slash = text.indexOf('/');
  if (slash < 0) return { error: 'no "/" and prefix length', at: text.length };
  const parsed = parseAddr(text.slice(0, slash), options);
  if (isParseError(parsed)) return parsed;
  const bitsText = text.slice(slash + 1);
  const bitsAt = slash + 1;
  if (bitsText.length === 0) return { error: 'missing prefix length after "/"', at: bitsAt };
  for (let i = 0; i < bitsText.length; i++) {
    if (bitsText[i] < '0' || bitsText[i] > '9') return { error: `bad prefix length ${JSON.stringify(bitsText)}`, at: bitsAt + i };
  }
  let leadingZeros = parsed.notation.leadingZeros;
  if (bitsText.length > 1 && bitsText[0] === '0') {
    if (!options.allowLeadingZeros) return { error: 'prefix length has a leading zero', at: bitsAt };
    leadingZeros = true;
  }
  // Only digits remain, so Number() cannot fail; sloppy `/0008` reads as 8 and a huge length is out of range.
  const bits = Number(bitsText);
  const max = bitsOf(parsed.addr.family);
  if (bits > max) return { error: `prefix length ${bitsText} out of range 0..${max}`, at: bitsAt };
  return { prefix: prefixFrom(parsed.addr, bits), notation: { leadingZeros, ipv4Mapped: parsed.notation.ipv4Mapped } };
}

export function hostMask(family: Family, bits: number): bigint {
  return (1n << BigInt(bitsOf(family) - bits)) - 1n;
}

/** The prefix with its host bits cleared: `10.244.1.0/16` becomes `10.244.0.0/16`. */
export function masked(p: Prefix): Prefix {
  const value = p.addr.value & ~hostMask(p.addr.family, p.bits) & maxValue(p.addr.family);
  return value === p.addr.value ? p : prefixFrom(addrFrom(p.addr.family, value), p.bits);
}

export function hasHostBits(p: Prefix): boolean {
  return (p.addr.value & hostMask(p.addr.family, p.bits)) !== 0n;
}

export function formatPrefix(p: Prefix): string {
  return `${formatAddr(p.addr)}/${p.bits}`;
}

export function prefixToRange(p: Prefix): IpRange {
  const first = p.addr.value & ~hostMask(p.addr.family, p.bits) & maxValue(p.addr.family);
  return rangeFrom(p.addr.family, first, first | hostMask(p.addr.family, p.bits));
}

export function addrToRange(a: Addr): IpRange {
  return rangeFrom(a.family, a.value, a.value);
}

/** Number of addresses in a prefix of this length. */
export function prefixSize(family: Family, bits: number): bigint {
  return 1n << BigInt(bitsOf(family) - bits);
}

export function rangeSize(r: IpRange): bigint {
  return r.last - r.first + 1n;
}

/** Ranges of different families never contain or overlap each other, as in netip. */
export function rangeContains(outer: IpRange, inner: IpRange): boolean {
  return outer.family === inner.family && outer.first <= inner.first && inner.last <= outer.last;
}

export function rangesOverlap(a: IpRange, b: IpRange): boolean {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}

/** Number of addresses two ranges share; 0n when disjoint or of different families. */
export function intersectionSize(a: IpRange, b: IpRange): bigint {
  if (!rangesOverlap(a, b)) return 0n;
  const first = a.first > b.first ? a.first : b.first;
  const last = a.last < b.last ? a.last : b.last;
  return last - first + 1n;
}

export function rangeContainsAddr(r: IpRange, a: Addr): boolean {
  return r.family === a.family && r.first <= a.value && a.value <= r.last;
}

/** The range as a prefix when it is exactly one aligned block, else undefined. */
export function rangeAsPrefix(r: IpRange): Prefix | undefined {
  const size = rangeSize(r);
  if ((size & (size - 1n)) !== 0n) return undefined;
  if ((r.first & (size - 1n)) !== 0n) return undefined;
  const bits = bitsOf(r.family) - (size.toString(2).length - 1);
  return prefixFrom(addrFrom(r.family, r.first), bits);
}

export function formatRange(r: IpRange): string {
  const asPrefix = rangeAsPrefix(r);
  if (asPrefix) return formatPrefix(asPrefix);
  return `${formatAddr(addrFrom(r.family, r.first))}-${formatAddr(addrFrom(r.family, r.last))}`;
}
