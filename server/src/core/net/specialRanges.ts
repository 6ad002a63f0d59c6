// Address space with a fixed meaning (IANA special-purpose registries, RFC 6890 and successors, and
// Docker's default bridge), written once: the reserved-range rule explains it, the free-subnet search
// stays out of it (domain-rules.md §16.2, §16.3).

import { Family, isParseError } from './addr';
import { IpRange, parsePrefix, prefixToRange } from './prefix';

/** The range of a CIDR literal of this module's tables; a bad literal is a programming error. */
export function rangeOfLiteral(family: Family, text: string): IpRange {
  const parsed = parsePrefix(text);
  if (isParseError(parsed) || parsed.prefix.addr.family !== family) throw new Error(`bad address literal ${text}`);
  return prefixToRange(parsed.prefix);
}

/** dockerd creates `docker0` on 172.17.0.0/16 (moby `ipamutils`). */
export const DOCKER_BRIDGE: IpRange = rangeOfLiteral(4, '172.17.0.0/16');

/** `unusable`: cannot carry cluster traffic; `placeholder`: reserved for examples or protocols; `advisory`: usable with care. */
export type SpecialKind = 'unusable' | 'placeholder' | 'advisory';

export interface SpecialRange {
  readonly range: IpRange;
  readonly text: string;
  /** `the loopback range`, `a documentation range`… */
  readonly name: string;
  readonly kind: SpecialKind;
  /** Why it matters, for the message. */
  readonly why: string;
}

function special(family: Family, text: string, name: string, kind: SpecialKind, why: string): SpecialRange {
  return { range: rangeOfLiteral(family, text), text, name, kind, why };
}

const UNASSIGNABLE = 'no pod, Service or load balancer can use these addresses';

/** IANA special-purpose ranges (RFC 6890 and successors) that matter for cluster ranges. */
export const SPECIAL_RANGES: readonly SpecialRange[] = [
  special(4, '0.0.0.0/8', 'the "this network" range', 'unusable', 'addresses in 0.0.0.0/8 are not valid destinations'),
  special(4, '127.0.0.0/8', 'the loopback range', 'unusable', 'every host keeps these addresses for itself, so traffic to them never leaves the node'),
  special(4, '169.254.0.0/16', 'the link-local range', 'unusable', 'link-local addresses are not routed, and 169.254.169.254 is the cloud metadata service'),
  special(4, '224.0.0.0/4', 'the multicast range', 'unusable', UNASSIGNABLE),
  special(4, '240.0.0.0/4', 'the reserved range', 'unusable', 'most systems refuse to route 240.0.0.0/4, and 255.255.255.255 is the broadcast address'),
  special(4, '192.0.2.0/24', 'a documentation range (TEST-NET-1)', 'placeholder', 'it is reserved for examples (RFC 5737) and most likely copied from one'),
  special(4, '198.51.100.0/24', 'a documentation range (TEST-NET-2)', 'placeholder', 'it is reserved for examples (RFC 5737) and most likely copied from one'),
  special(4, '203.0.113.0/24', 'a documentation range (TEST-NET-3)', 'placeholder', 'it is reserved for examples (RFC 5737) and most likely copied from one'),
  special(4, '198.18.0.0/15', 'the benchmarking range', 'placeholder', 'it is reserved for network benchmarks (RFC 2544)'),
  special(4, '192.0.0.0/24', 'the IETF protocol assignments range', 'placeholder', 'it is reserved for protocol use (RFC 6890)'),
  special(4, '192.88.99.0/24', 'the deprecated 6to4 relay range', 'placeholder', 'it is reserved for 6to4 relays (RFC 7526)'),
  special(4, '100.64.0.0/10', 'the CGNAT shared address space', 'advisory', 'carrier-grade NAT and Tailscale use 100.64.0.0/10 (RFC 6598); fine as long as nothing on the path does'),
  special(6, '::/128', 'the unspecified address', 'unusable', UNASSIGNABLE),
  special(6, '::1/128', 'the loopback address', 'unusable', 'every host keeps ::1 for itself, so traffic to it never leaves the node'),
  special(6, '::ffff:0:0/96', 'the IPv4-mapped range', 'unusable', 'IPv4-mapped addresses stand for IPv4 peers and are never assigned to interfaces'),
  special(6, 'fe80::/10', 'the link-local range', 'unusable', 'link-local addresses are not routed beyond one link'),
  special(6, 'ff00::/8', 'the multicast range', 'unusable', UNASSIGNABLE),
  special(6, '2001:db8::/32', 'the documentation range', 'placeholder', 'it is reserved for examples (RFC 3849) and most likely copied from one'),
  special(6, '3fff::/20', 'the documentation range', 'placeholder', 'it is reserved for examples (RFC 9637) and most likely copied from one'),
  special(6, '64:ff9b::/96', 'the NAT64 well-known prefix', 'placeholder', 'it stands for IPv4 hosts behind NAT64 (RFC 6052)'),
  special(6, 'fec0::/10', 'the deprecated site-local range', 'advisory', 'site-local addresses are deprecated (RFC 3879), and kubeadm warns about them'),
];
