// IP addresses as immutable values, parsed with Go `net/netip` strictness.
//
// Calico, Flannel, kubeadm and kube-apiserver are Go programs, so what they reject we must reject:
// no leading zeros, no octal or hex octets, no classful shorthand (`10.1`), no zones. Kubernetes'
// legacy fields use `ParseIPSloppy`, which reads leading zeros as decimal; `parseAddr` accepts that
// form only when asked and reports it, so a rule can call it "non-standard" instead of "invalid".

export type Family = 4 | 6;

/** An IP address. Invariant: 0 <= value < 2^bitsOf(family). Built only by the functions here. */
export interface Addr {
  readonly family: Family;
  readonly value: bigint;
}

/** Why text is not an address; `at` is the index into the parsed text of the offending character. */
export interface ParseError {
  readonly error: string;
  readonly at: number;
}

/** Deviations a sloppy parser accepts but strict Go parsers reject or warn about. */
export interface Notation {
  /** An IPv4 octet (or a prefix length) written with a leading zero, e.g. `10.01.0.0`. */
  readonly leadingZeros: boolean;
  /**
   * IPv4-mapped IPv6 such as `::ffff:10.0.0.1`, however written (`::ffff:a00:1` too): Go's `net.IP`
   * treats both as IPv4, so Kubernetes would see an IPv4 address in an IPv6 field.
   */
  readonly ipv4Mapped: boolean;
}

export interface ParsedAddr {
  readonly addr: Addr;
  readonly notation: Notation;
}

export interface ParseOptions {
  /** Accept IPv4 octets with leading zeros (read as decimal), as Kubernetes' legacy fields do. */
  readonly allowLeadingZeros?: boolean;
}

export const IPV4_BITS = 32;
export const IPV6_BITS = 128;

export function bitsOf(family: Family): number {
  return family === 4 ? IPV4_BITS : IPV6_BITS;
}

export function maxValue(family: Family): bigint {
  return (1n << BigInt(bitsOf(family))) - 1n;
}

export function addrFrom(family: Family, value: bigint): Addr {
  return Object.freeze({ family, value });
}

export function isParseError(x: unknown): x is ParseError {
  return typeof x === 'object' && x !== null && 'error' in x;
}

export function parseAddr(text: string, options: ParseOptions = {}): ParsedAddr | ParseError {
  if (text.length === 0) return { error: 'empty address', at: 0 };
  if (text.length > 64) return { error: 'address too long', at: 64 };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ':') return parseIPv6(text, options);
    if (c === '.') return parseIPv4(text, 0, options);
    if (!isHexDigit(c)) return { error: `unexpected character ${JSON.stringify(c)}`, at: i };
  }
  return { error: 'not an IP address: no dots or colons', at: text.length };
}

/** Parses exactly four decimal octets starting at `offset` (for error positions inside IPv6 text). */
function parseIPv4(text: string, offset: number, options: ParseOptions): ParsedAddr | ParseError {
  let value = 0;
  let octets = 0;
  let leadingZeros = false;
  let i = 0;
  while (i <= text.length) {
    const start = i;
    let octet = 0;
    // The checks run digit by digit, in Go's order, so `0300` is a leading zero and `300` a value
    // >255. Sloppy mode (Kubernetes' `ParseIPSloppy`) takes any number of leading zeros (`0010` is 10).
    while (i < text.length && isDecimalDigit(text[i])) {
      if (i > start && text[start] === '0' && !options.allowLeadingZeros) {
        return { error: 'IPv4 field has octet with leading zero', at: offset + start };
      }
      octet = octet * 10 + (text.charCodeAt(i) - 48);
      if (octet > 255) return { error: 'IPv4 field has value >255', at: offset + start };
      i++;
    }
    if (i === start) {
      if (i < text.length && text[i] !== '.') return { error: `unexpected character ${JSON.stringify(text[i])}`, at: offset + i };
      return { error: 'IPv4 field must have at least one digit', at: offset + i };
    }
    if (i - start > 1 && text[start] === '0') leadingZeros = true;
    value = value * 256 + octet;
    octets++;
    if (i === text.length) break;
    if (text[i] !== '.') return { error: `unexpected character ${JSON.stringify(text[i])}`, at: offset + i };
    if (octets === 4) return { error: 'IPv4 address too long', at: offset + i };
    i++;
  }
  if (octets < 4) return { error: 'IPv4 address too short', at: offset + text.length };
  return { addr: addrFrom(4, BigInt(value)), notation: { leadingZeros, ipv4Mapped: false } };
}

function parseIPv6(text: string, options: ParseOptions): ParsedAddr | ParseError {
  if (text.includes('%')) return { error: 'IPv6 zone is not allowed here', at: text.indexOf('%') };
  const groups: number[] = [];
  let ellipsis = -1; // Index into `groups` where `::` stood, or -1.
  let i = 0;
  if (text.startsWith('::')) {
    ellipsis = 0;
    i = 2;
    if (i === text.length) return { addr: addrFrom(6, 0n), notation: { leadingZeros: false, ipv4Mapped: false } };
  } else if (text[0] === ':') {
    return { error: 'IPv6 address must not start with a single colon', at: 0 };
  }
  let leadingZeros = false;
  while (i < text.length) {
    if (groups.length === 8) return { error: 'IPv6 address has too many fields', at: i };
    const start = i;
    let group = 0;
    while (i < text.length && isHexDigit(text[i]) && i - start < 5) {
      group = group * 16 + parseInt(text[i], 16);
      i++;
    }
    if (i - start > 4) return { error: 'IPv6 field has more than 4 hex digits', at: start + 4 };
    if (i < text.length && text[i] === '.') {
      // The last 32 bits may be written as dotted IPv4 (`::ffff:10.0.0.1`, `64:ff9b::1.2.3.4`).
      if (groups.length > 6) return { error: 'too many IPv6 fields before embedded IPv4', at: start };
      const v4 = parseIPv4(text.slice(start), start, options);
      if (isParseError(v4)) return v4;
      leadingZeros = v4.notation.leadingZeros;
      const v = Number(v4.addr.value);
      groups.push(Math.floor(v / 65536), v % 65536);
      i = text.length;
      break;
    }
    if (i === start) return { error: `unexpected character ${JSON.stringify(text[i])}`, at: i };
    groups.push(group);
    if (i === text.length) break;
    if (text[i] !== ':') return { error: `unexpected character ${JSON.stringify(text[i])}`, at: i };
    i++;
    if (text[i] === ':') {
      if (ellipsis >= 0) return { error: 'IPv6 address has multiple "::"', at: i };
      ellipsis = groups.length;
      i++;
      if (i === text.length) break;
    } else if (i === text.length) {
      return { error: 'IPv6 address must not end with a single colon', at: i - 1 };
    }
  }
  if (ellipsis < 0 && groups.length !== 8) return { error: 'IPv6 address has too few fields', at: text.length };
  if (ellipsis >= 0 && groups.length > 7) return { error: 'IPv6 address has too many fields with "::"', at: text.length };
  const missing = 8 - groups.length;
  const full = ellipsis < 0 ? groups : [...groups.slice(0, ellipsis), ...new Array<number>(missing).fill(0), ...groups.slice(ellipsis)];
  let value = 0n;
  for (const g of full) value = (value << 16n) | BigInt(g);
  const ipv4Mapped = value >> 32n === 0xffffn;
  return { addr: addrFrom(6, value), notation: { leadingZeros, ipv4Mapped } };
}

function isDecimalDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function isHexDigit(c: string): boolean {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/** Formats an address canonically: dotted decimal for IPv4, RFC 5952 for IPv6. */
export function formatAddr(addr: Addr): string {
  if (addr.family === 4) {
    const v = Number(addr.value);
    return `${(v >>> 24) & 255}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
  }
  const groups: number[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) groups.push(Number((addr.value >> shift) & 0xffffn));
  if (addr.value >> 32n === 0xffffn) return `::ffff:${formatAddr(addrFrom(4, addr.value & 0xffffffffn))}`;
  // RFC 5952 §4.2: compress the longest run of two or more zero groups, the first one on a tie.
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; ) {
    if (groups[start] !== 0) {
      start++;
      continue;
    }
    let end = start;
    while (end < 8 && groups[end] === 0) end++;
    if (end - start > bestLength) {
      bestStart = start;
      bestLength = end - start;
    }
    start = end;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

export function compareAddr(a: Addr, b: Addr): number {
  if (a.family !== b.family) return a.family - b.family;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

export function addrEquals(a: Addr, b: Addr): boolean {
  return a.family === b.family && a.value === b.value;
}
