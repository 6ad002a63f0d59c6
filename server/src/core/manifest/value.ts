// Turns the text of one field into a fact value, according to what the field accepts. Parsing is
// lenient about the *kind* of value (a CIDR where an IP belongs still parses as a prefix) so that
// rules can say precisely what is wrong; it is strict about notation, as the Go owners are.

import type { FactValue, FieldSyntax } from '../model';
import { isParseError, parseAddr } from '../net/addr';
import { parsePrefix, prefixToRange, addrToRange, rangeFrom } from '../net/prefix';

/**
 * Placeholders that a templating step replaces before the manifest reaches a cluster: Helm and Jinja
 * (`{{ }}`, `{% %}`), envsubst and clusterctl (`${VAR}`, `$VAR`), and tokens such as `%CIDR%` or
 * `LB_CIDR`. They are not addresses and not mistakes.
 */
const TEMPLATE = /\u2592|\{\{|\{%|\$\{|^\$[A-Za-z_]|%[A-Za-z_][A-Za-z0-9_]*%|^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$|^<[^>]*>$|^__.*__$/;

export function isTemplate(text: string): boolean {
  return TEMPLATE.test(text);
}

export function parseFieldValue(text: string, syntax: FieldSyntax): FactValue {
  if (isTemplate(text)) return { kind: 'template' };
  if (syntax.expects === 'number') return parseNumber(text);
  const allowLeadingZeros = syntax.parser === 'legacy';
  if (syntax.expects === 'cidr-or-range') {
    const dash = text.indexOf('-');
    if (dash > 0 && !text.includes('/')) return parseAddressRange(text, dash);
  }
  const looksLikePrefix = text.includes('/');
  if (looksLikePrefix) {
    const parsed = parsePrefix(text, { allowLeadingZeros: true });
    if (isParseError(parsed)) return { kind: 'invalid', error: parsed.error, at: parsed.at };
    if (parsed.notation.leadingZeros && !allowLeadingZeros) return leadingZeroError(text);
    return { kind: 'prefix', prefix: parsed.prefix, range: prefixToRange(parsed.prefix), notation: parsed.notation };
  }
  const parsed = parseAddr(text, { allowLeadingZeros: true });
  if (isParseError(parsed)) return { kind: 'invalid', error: parsed.error, at: parsed.at };
  if (parsed.notation.leadingZeros && !allowLeadingZeros) return leadingZeroError(text);
  return { kind: 'address', addr: parsed.addr, range: addrToRange(parsed.addr), notation: parsed.notation };
}

function leadingZeroError(text: string): FactValue {
  const at = text.search(/(^|[.\/])0\d/);
  return { kind: 'invalid', error: 'octet with a leading zero (rejected by Go 1.17 and later)', at: at < 0 ? 0 : at === 0 && text[0] === '0' ? 0 : at + 1 };
}

function parseNumber(text: string): FactValue {
  const trimmed = text.trim();
  if (!/^\+?\d{1,9}$/.test(trimmed)) return { kind: 'invalid', error: `${JSON.stringify(text)} is not a whole number`, at: 0 };
  return { kind: 'number', value: Number(trimmed) };
}

function parseAddressRange(text: string, dash: number): FactValue {
  const firstText = text.slice(0, dash).trim();
  const lastText = text.slice(dash + 1).trim();
  const first = parseAddr(firstText);
  if (isParseError(first)) return { kind: 'invalid', error: `invalid start address: ${first.error}`, at: text.indexOf(firstText) + first.at };
  const lastAt = dash + 1 + text.slice(dash + 1).indexOf(lastText);
  const last = parseAddr(lastText);
  if (isParseError(last)) return { kind: 'invalid', error: `invalid end address: ${last.error}`, at: lastAt + last.at };
  if (first.addr.family !== last.addr.family) return { kind: 'invalid', error: 'start and end addresses are of different families', at: lastAt };
  if (first.addr.value > last.addr.value) return { kind: 'invalid', error: 'start address is after the end address', at: 0 };
  return { kind: 'range', range: rangeFrom(first.addr.family, first.addr.value, last.addr.value) };
}
