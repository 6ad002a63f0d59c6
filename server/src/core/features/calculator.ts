// The plain calculator card: what any CIDR written anywhere in a YAML or JSON file means, whether or
// not a known field holds it (a comment, a ConfigMap value, a Helm values file).

import type { Span } from '../model';
import { isParseError } from '../net/addr';
import { formatPrefix, hasHostBits, masked, parsePrefix, prefixToRange } from '../net/prefix';
import { CardLine, HoverCard, extentLine, netmaskText } from './card';

/** Characters an address or CIDR literal is written with. */
const LITERAL_CHAR = /[0-9A-Fa-f.:/]/;

/**
 * The address-like word around `offset`: the longest run of hex digits, dots, colons and slashes that
 * touches it, without trailing punctuation (`10.0.0.0/8.` at the end of a sentence). Used for the
 * calculator card and for the text a free subnet replaces.
 */
export function literalAt(text: string, offset: number): Span | undefined {
  let start = Math.min(Math.max(offset, 0), text.length);
  let end = start;
  while (start > 0 && LITERAL_CHAR.test(text[start - 1])) start--;
  while (end < text.length && LITERAL_CHAR.test(text[end])) end++;
  while (end > start && /[.:]/.test(text[end - 1]) && !text.slice(start, end).endsWith('::')) end--;
  return end > start ? { start, end } : undefined;
}

/** The calculator card of the CIDR under the cursor, or undefined when there is none. */
export function calculatorCard(text: string, offset: number): HoverCard | undefined {
  const span = literalAt(text, offset);
  if (!span) return undefined;
  const written = text.slice(span.start, span.end);
  // Strict parsing: a calculator that accepted `010.0.0.0/8` would teach what Calico and Flannel reject.
  const parsed = parsePrefix(written);
  if (isParseError(parsed)) return undefined;
  const prefix = parsed.prefix;
  const canonical = formatPrefix(masked(prefix));
  const lines: CardLine[] = [];
  if (canonical !== written) lines.push({ label: 'Canonical form', text: hasHostBits(prefix) ? `${canonical} (host bits set)` : canonical });
  lines.push(extentLine(prefixToRange(prefix)));
  const netmask = netmaskText(prefix.addr.family, prefix.bits);
  if (netmask) lines.push({ label: 'Netmask', text: netmask });
  return { span, title: `${written} · IPv${prefix.addr.family} CIDR`, lines };
}
